// generateCached(): the same request never goes out twice, a budget stops a paid call before it
// is made (counting every job of the batch and every earlier run, from the store), a failed part
// stops every new call, and an offline re-stitch never generates. The generator here is a test
// double that writes a real file and reports a price, standing in for a paid cloud model; the
// project store is a real SQLite file.
#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>

#include "render/scene_job_state.h"
#include "render/spend_ledger.h"

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

// A job's state with its own store connection and job row, as SceneJob::run() has.
void openJob(SceneJob::State& s, const QString& folder, const QString& batchId = {}) {
  s.store = QFileInfo::exists(folder) ? model::ProjectStore::open(folder)
                                      : model::ProjectStore::create(folder, QStringLiteral("P"));
  s.request.batchId = batchId;
  model::RenderJob job;
  job.spec = s.request.toJson();
  s.jobId = s.store->createJob(job);
}

}  // namespace

TEST(RenderCachedGeneration, SecondIdenticalRequestIsACacheHit) {
  QTemporaryDir tmp;
  providers::AssetCache cache(tmp.filePath(QStringLiteral("cache")));
  PricedVideo video;
  SceneJob::State s;
  openJob(s, tmp.filePath(QStringLiteral("P.scenewright")));
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
  providers::AssetCache cache(tmp.filePath(QStringLiteral("cache")));
  PricedVideo video;
  SceneJob::State s;
  s.request.budgetUsd = 1.0;
  openJob(s, tmp.filePath(QStringLiteral("P.scenewright")));
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
  providers::AssetCache cache(tmp.filePath(QStringLiteral("cache")));
  PricedVideo video;
  SceneJob::State s;
  s.request.offline = true;
  openJob(s, tmp.filePath(QStringLiteral("P.scenewright")));
  EXPECT_THROW(
      generateCached(cache, video, request(9), s.ctx, s.spendGuard(), QStringLiteral("chunk 1")),
      JobFailure);
  EXPECT_EQ(video.calls, 0);
  EXPECT_TRUE(cache.entries().isEmpty());
}

TEST(RenderCachedGeneration, JobsOfABatchShareOneBudgetAndTheLedgerKeepsWhatEachPaid) {
  QTemporaryDir tmp;
  providers::AssetCache cache(tmp.filePath(QStringLiteral("cache")));
  const QString folder = tmp.filePath(QStringLiteral("P.scenewright"));
  PricedVideo video;
  SceneJob::State a, b, other;
  a.request.budgetUsd = b.request.budgetUsd = other.request.budgetUsd = 1.0;
  openJob(a, folder, QStringLiteral("batch-1"));
  openJob(b, folder, QStringLiteral("batch-1"));
  openJob(other, folder, QStringLiteral("batch-2"));
  generateCached(cache, video, request(1), a.ctx, a.spendGuard(), QStringLiteral("a 1"));
  generateCached(cache, video, request(2), b.ctx, b.spendGuard(), QStringLiteral("b 1"));
  // $0.70 of the batch's $1.00 is spent: b's next $0.40 call would exceed it.
  EXPECT_THROW(generateCached(cache, video, request(3), b.ctx, b.spendGuard(), "b 2"), JobFailure);
  // Another batch has a budget of its own.
  EXPECT_NO_THROW(
      generateCached(cache, video, request(4), other.ctx, other.spendGuard(), "other 1"));
  EXPECT_EQ(video.calls, 3);
  EXPECT_NEAR(jobSpending(*a.store, a.jobId).costUsd, 0.35, 1e-9);
  EXPECT_NEAR(batchSpending(*a.store, QStringLiteral("batch-1"), a.jobId).costUsd, 0.70, 1e-9);
  EXPECT_NEAR(batchSpending(*a.store, QStringLiteral("batch-1"), a.jobId).reservedUsd, 0.0, 1e-9);
  EXPECT_NEAR(projectSpentUsd(*a.store), 1.05, 1e-9);
}

TEST(RenderCachedGeneration, AnotherRunOfTheJobCountsWhatTheEarlierRunsSpent) {
  QTemporaryDir tmp;
  providers::AssetCache cache(tmp.filePath(QStringLiteral("cache")));
  const QString folder = tmp.filePath(QStringLiteral("P.scenewright"));
  PricedVideo video;
  model::Id jobId = 0;
  {
    SceneJob::State first;
    first.request.budgetUsd = 1.0;
    openJob(first, folder);
    jobId = first.jobId;
    generateCached(cache, video, request(1), first.ctx, first.spendGuard(), "chunk 1");
    generateCached(cache, video, request(2), first.ctx, first.spendGuard(), "chunk 2");
  }
  SceneJob::State second;  // a resume: a new State for the same job row
  second.request.budgetUsd = 1.0;
  second.store = model::ProjectStore::open(folder);
  second.jobId = jobId;
  EXPECT_THROW(generateCached(cache, video, request(3), second.ctx, second.spendGuard(), "chunk 3"),
               JobFailure);
  EXPECT_EQ(video.calls, 2);
  EXPECT_NEAR(jobSpending(*second.store, jobId).costUsd, 0.70, 1e-9);
}

TEST(RenderCachedGeneration, TheProjectBudgetAppliesWhenTheRenderNamesNone) {
  QTemporaryDir tmp;
  providers::AssetCache cache(tmp.filePath(QStringLiteral("cache")));
  PricedVideo video;
  SceneJob::State s;
  openJob(s, tmp.filePath(QStringLiteral("P.scenewright")));
  s.store->setProjectSettings(QJsonObject{{kProjectBudgetKey, 0.5}});
  generateCached(cache, video, request(1), s.ctx, s.spendGuard(), QStringLiteral("chunk 1"));
  EXPECT_THROW(generateCached(cache, video, request(2), s.ctx, s.spendGuard(), "chunk 2"),
               JobFailure);
  s.request.budgetUsd = 5.0;  // the render's own budget overrides the project's
  EXPECT_NO_THROW(generateCached(cache, video, request(2), s.ctx, s.spendGuard(), "chunk 2"));
}

TEST(RenderCachedGeneration, AfterAFailedPartNoNewCallStartsButCacheHitsStillServe) {
  QTemporaryDir tmp;
  providers::AssetCache cache(tmp.filePath(QStringLiteral("cache")));
  PricedVideo video;
  SceneJob::State s;
  openJob(s, tmp.filePath(QStringLiteral("P.scenewright")));
  generateCached(cache, video, request(1), s.ctx, s.spendGuard(), QStringLiteral("chunk 1"));
  s.failPart(QStringLiteral("the narration"), QStringLiteral("HTTP 500"));
  try {
    generateCached(cache, video, request(2), s.ctx, s.spendGuard(), QStringLiteral("chunk 2"));
    FAIL() << "a new paid call started after a part of the job failed";
  } catch (const JobFailure& e) {
    EXPECT_TRUE(QString::fromUtf8(e.what()).contains(QStringLiteral("the narration failed")))
        << e.what();
  }
  EXPECT_EQ(video.calls, 1);
  EXPECT_NO_THROW(
      generateCached(cache, video, request(1), s.ctx, s.spendGuard(), QStringLiteral("chunk 1")));
}
