// generateCached(): the same request never goes out twice, a budget stops a paid call before it
// is made, and an offline re-stitch never generates. The generator here is a test double that
// writes a real file and reports a price, standing in for a paid cloud model.
#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

#include "render/scene_job_state.h"

using namespace sw;
using namespace sw::render;

namespace {

class PricedVideo : public providers::VideoGenerator {
 public:
  QString backendId() const override { return QStringLiteral("priced"); }
  double estimateCostUsd(const providers::VideoRequest&) const override { return 0.4; }
  providers::GenerationResult generate(const providers::VideoRequest& r,
                                       const providers::GenerationContext& ctx) override {
    ++calls;
    const QString path = ctx.outputDir + QStringLiteral("/out-%1.mp4").arg(r.seed);
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(QByteArray(1000, char(r.seed)));
    providers::GenerationResult g;
    g.filePath = path;
    g.mime = QStringLiteral("video/mp4");
    g.costUsd = 0.35;  // the real price differs from the estimate
    g.provider = backendId();
    return g;
  }
  int calls = 0;
};

providers::VideoRequest request(qint64 seed) {
  providers::VideoRequest r;
  r.prompt = QStringLiteral("waves");
  r.seed = seed;
  r.model.key = QStringLiteral("priced-model");
  return r;
}

}  // namespace

TEST(RenderCachedGeneration, SecondIdenticalRequestIsACacheHit) {
  QTemporaryDir tmp;
  providers::AssetCache cache(tmp.path());
  PricedVideo video;
  SceneJob::State s;
  const CachedResult first =
      generateCached(cache, video, request(1), s.ctx, s.spendGuard(), QStringLiteral("chunk"));
  const CachedResult second =
      generateCached(cache, video, request(1), s.ctx, s.spendGuard(), QStringLiteral("chunk"));
  EXPECT_EQ(video.calls, 1);
  EXPECT_FALSE(first.fromCache);
  EXPECT_TRUE(second.fromCache);
  EXPECT_EQ(first.path, second.path);
  EXPECT_DOUBLE_EQ(second.spentUsd, 0.0);
  EXPECT_DOUBLE_EQ(second.result.costUsd, 0.35);  // the sidecar remembers what it cost
  EXPECT_NEAR(s.spentUsd, 0.35, 1e-9);
}

TEST(RenderCachedGeneration, BudgetStopsBeforeTheCallThatWouldExceedIt) {
  QTemporaryDir tmp;
  providers::AssetCache cache(tmp.path());
  PricedVideo video;
  SceneJob::State s;
  s.request.budgetUsd = 1.0;
  generateCached(cache, video, request(1), s.ctx, s.spendGuard(), QStringLiteral("chunk 1"));
  generateCached(cache, video, request(2), s.ctx, s.spendGuard(), QStringLiteral("chunk 2"));
  try {
    generateCached(cache, video, request(3), s.ctx, s.spendGuard(), QStringLiteral("chunk 3"));
    FAIL() << "the budget should have stopped chunk 3";
  } catch (const JobFailure& e) {
    EXPECT_TRUE(QString::fromUtf8(e.what()).contains(QStringLiteral("Budget reached: chunk 3")));
  }
  EXPECT_EQ(video.calls, 2);
  EXPECT_NEAR(s.spentUsd, 0.70, 1e-9);
  // A cached request costs nothing, so it still goes through.
  EXPECT_NO_THROW(
      generateCached(cache, video, request(1), s.ctx, s.spendGuard(), QStringLiteral("chunk 1")));
}

TEST(RenderCachedGeneration, OfflineNeverGenerates) {
  QTemporaryDir tmp;
  providers::AssetCache cache(tmp.path());
  PricedVideo video;
  SceneJob::State s;
  s.request.offline = true;
  EXPECT_THROW(
      generateCached(cache, video, request(9), s.ctx, s.spendGuard(), QStringLiteral("chunk 1")),
      JobFailure);
  EXPECT_EQ(video.calls, 0);
  EXPECT_TRUE(cache.entries().isEmpty());
}
