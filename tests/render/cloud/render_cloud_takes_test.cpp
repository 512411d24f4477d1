// K takes at once (issue 13, part 7) against the fake Replicate: the K predictions of a lottery
// run at the same time, never more than the backend's limit (render/cached_generation.h
// BackendLimiter), and every take is kept with its own seed and cost; the active take stays.
#include <QDateTime>
#include <QSet>
#include <algorithm>

#include "render/cached_generation.h"
#include "render/regenerate.h"
#include "render_cloud_fixture.h"

using namespace sw;
using namespace sw::rendercloud;

namespace {

class RenderCloudTakes : public RenderCloudTest {
 protected:
  // The most predictions of `ids` that were live (created, not yet completed) at one time.
  int maxLive(const QStringList& ids) const {
    QList<QPair<QDateTime, int>> edges;  // +1 at create, -1 at completion
    for (const QString& id : ids) {
      const QJsonObject p = server->prediction(id);
      edges.append({QDateTime::fromString(p["created_at"].toString(), Qt::ISODateWithMs), +1});
      edges.append({QDateTime::fromString(p["completed_at"].toString(), Qt::ISODateWithMs), -1});
    }
    // A completion at the same instant as a create ends first (the gate was released before).
    std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second < b.second;
    });
    int live = 0, most = 0;
    for (const auto& e : edges) most = std::max(most, live += e.second);
    return most;
  }
};

}  // namespace

TEST_F(RenderCloudTakes, KTakesRunInParallelUnderTheBackendLimitEachWithItsSeedAndCost) {
  writeModels(QJsonObject{{"cloudtiny", tinyCloudModel(kHailuo, 0.25)}});
  const model::Id render = renderAndWait(request());
  ASSERT_EQ(openStore()->job(render)->status, model::JobStatus::Completed)
      << openStore()->job(render)->errorMessage.toStdString();
  auto store = openStore();
  const model::Chunk chunk = store->chunks(sceneId).at(1);
  const QList<model::Take> before = store->takes(chunk.id);
  ASSERT_EQ(before.size(), 1);

  // More takes than the backend lets run at once (nothing runs now: all of its slots are free).
  const int limit =
      render::BackendLimiter::instance().forBackend(QStringLiteral("replicate")).available();
  ASSERT_GT(limit, 1);
  const int k = limit + 2;
  render::RegenerateRequest r;
  r.chunkId = chunk.id;
  r.seed = 900;
  r.takes = k;
  const render::RenderRequest lottery = render::regenerateRequest(r);
  const render::TakesEstimate estimate =
      render::estimateTakes(*store, registry.get(), cloudSettings(), lottery);
  ASSERT_TRUE(estimate.totalUsd()) << estimate.note.toStdString();
  EXPECT_DOUBLE_EQ(*estimate.perTakeUsd, 0.25);
  EXPECT_DOUBLE_EQ(*estimate.totalUsd(), 0.25 * k);

  const QStringList earlier = server->predictionIds();
  auto queue = makeQueue();
  const model::Id job = queue->enqueue(lottery).first();
  queue->waitForIdle();
  ASSERT_EQ(store->job(job)->status, model::JobStatus::Completed)
      << store->job(job)->errorMessage.toStdString();

  QStringList made;
  for (const QString& id : server->predictionIds())
    if (!earlier.contains(id)) made << id;
  ASSERT_EQ(made.size(), k) << "one prediction per take";
  const int live = maxLive(made);
  RecordProperty("maxLivePredictions", live);
  EXPECT_GT(live, 1) << "the takes overlap in time";
  EXPECT_LE(live, limit) << "never more than the backend's limit at once";

  // Every take is kept with its seed and cost, each a different video; the active take stays.
  const render::RegenerateResult result = render::regenerateOutcome(*store, job);
  ASSERT_EQ(result.takes.size(), k);
  EXPECT_DOUBLE_EQ(result.costUsd, 0.25 * k);
  const QList<model::Take> takes = store->takes(chunk.id);
  ASSERT_EQ(takes.size(), k + 1);
  QSet<qint64> seeds;
  QSet<model::Id> assets;
  for (int i = 0; i < k; ++i) {
    const render::RegenerateResult::Take& t = result.takes[i];
    EXPECT_EQ(t.seed, 900 + i);
    EXPECT_DOUBLE_EQ(t.costUsd, 0.25);
    const auto take = std::find_if(takes.begin(), takes.end(),
                                   [&](const model::Take& x) { return x.id == t.takeId; });
    ASSERT_NE(take, takes.end());
    EXPECT_EQ(take->seed, t.seed);
    EXPECT_DOUBLE_EQ(take->cost, 0.25);
    EXPECT_EQ(take->assetId, t.assetId);
    seeds.insert(take->seed);
    assets.insert(take->assetId);
  }
  EXPECT_EQ(seeds.size(), k);
  EXPECT_EQ(assets.size(), k);
  const model::Chunk after = *store->chunk(chunk.id);
  EXPECT_EQ(after.assetId, std::optional<model::Id>(before.first().assetId));
  EXPECT_EQ(after.seed, before.first().seed);
}
