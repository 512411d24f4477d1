// One job engine: a regeneration is a job of the render queue (row, pid event, lease, recovery),
// and a render's progress is monotonic, moves inside each generation and reaches 100% only once
// the output file exists.
#include <unistd.h>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>

#include "providers/asset_cache.h"
#include "render/regenerate.h"
#include "render/scene_state.h"
#include "render_fixture.h"
#include "support/wait.h"

using namespace sw;

namespace {

class RenderEngine : public sw::testing::RenderFixture {
 protected:
  void setDuration(double seconds) {
    auto store = openStore();
    auto scene = *store->scene(sceneId);
    scene.targetDuration = seconds;
    store->updateScene(scene);
  }
  // The state of every chunk the scene uses, as every view shows it.
  QList<render::SlotState> chunkStates() {
    auto store = openStore();
    const providers::AssetCache cache(cacheFolder());
    const render::SceneState state = render::sceneState(*store, sceneId, registry.get(), cache, {});
    QList<render::SlotState> out;
    for (const render::Slot* slot : state.chunkSlots())
      if (slot->state != render::SlotState::Unused) out.append(slot->state);
    return out;
  }
  qint64 startedPid(model::Id job) {
    qint64 pid = 0;
    for (const model::JobEvent& e : openStore()->jobEvents(job))
      if (e.kind == QLatin1String("started")) pid = qint64(e.data.value("pid").toDouble());
    return pid;
  }
};

struct ProgressSample {
  QString stage;
  double percent = 0;
  bool fileExists = false;
};

}  // namespace

TEST_F(RenderEngine, LiveRegenerationIsARunningJobOfTheQueue) {
  removeSpeech();  // 3 chunks: the speech does not lengthen the scene
  setDuration(3);
  renderAndWait(request());
  auto store = openStore();
  const model::Chunk chunk = store->chunks(sceneId).at(1);
  auto queue = makeQueue();
  render::RegenerateRequest r;
  r.chunkId = chunk.id;
  const QList<model::Id> ids = queue->enqueue(render::regenerateRequest(r));
  ASSERT_EQ(ids.size(), 1);
  const model::Id job = ids.first();
  EXPECT_TRUE(queue->isRunning(job));
  bool caught = false;
  ASSERT_TRUE(testsupport::waitUntil([&] {
    QCoreApplication::processEvents();
    if (store->chunk(chunk.id)->status == model::ChunkStatus::Generating) {
      caught = true;
      return true;
    }
    return !queue->isRunning(job);
  }));
  ASSERT_TRUE(caught) << "the regeneration finished before its chunk was caught generating";
  // Listed as running: processing, with this process's pid, and recovery leaves it alone.
  EXPECT_EQ(store->job(job)->status, model::JobStatus::Processing);
  EXPECT_EQ(startedPid(job), qint64(::getpid()));
  EXPECT_EQ(render::recoverInterruptedJobs(*store), 0);
  EXPECT_EQ(store->job(job)->status, model::JobStatus::Processing);
  EXPECT_EQ(store->chunk(chunk.id)->status, model::ChunkStatus::Generating);
  EXPECT_EQ(store->job(job)->spec.value(QStringLiteral("kind")).toString(),
            QStringLiteral("regenerate"));
  queue->waitForIdle();
  EXPECT_EQ(store->job(job)->status, model::JobStatus::Completed)
      << store->job(job)->errorMessage.toStdString();
  const render::RegenerateResult result = render::regenerateOutcome(*store, job);
  EXPECT_TRUE(result.ok);
  EXPECT_EQ(store->takes(chunk.id).size(), 2);
  EXPECT_EQ(store->chunk(chunk.id)->seed, chunk.seed + 1);
  EXPECT_EQ(result.staleMarked, 1);
  EXPECT_DOUBLE_EQ(store->job(job)->progress, 100.0);
}

TEST_F(RenderEngine, StaleChainIsOneJobAndAReferenceImageKeepsTheOldOne) {
  setDuration(3);
  renderAndWait(request());
  auto store = openStore();
  const model::Id oldReference = *store->scene(sceneId)->referenceAssetId;
  auto queue = makeQueue();
  const model::Id image = queue->enqueue(render::regenerateReferenceRequest(sceneId)).first();
  queue->waitForIdle();
  ASSERT_EQ(store->job(image)->status, model::JobStatus::Completed)
      << store->job(image)->errorMessage.toStdString();
  const model::Id newReference = *store->scene(sceneId)->referenceAssetId;
  EXPECT_NE(newReference, oldReference);
  EXPECT_TRUE(store->asset(oldReference).has_value()) << "the old reference image was dropped";
  for (const render::SlotState st : chunkStates()) EXPECT_EQ(st, render::SlotState::Stale);

  const model::Id chain = queue->enqueue(render::regenerateStaleRequest(sceneId)).first();
  queue->waitForIdle();
  ASSERT_EQ(store->job(chain)->status, model::JobStatus::Completed)
      << store->job(chain)->errorMessage.toStdString();
  for (const render::SlotState st : chunkStates()) EXPECT_EQ(st, render::SlotState::Ready);
  for (const model::Chunk& c : store->chunks(sceneId)) EXPECT_EQ(store->takes(c.id).size(), 2);
  // Chunk 1 started from the new reference image.
  const auto first = store->asset(*store->chunks(sceneId).first().assetId);
  EXPECT_TRUE(first->parameters.value(QStringLiteral("startImage"))
                  .toString()
                  .contains(store->asset(newReference)->cacheKey.left(12)))
      << QJsonDocument(first->parameters).toJson().toStdString();
}

TEST_F(RenderEngine, ProgressIsMonotonicMovesInsideChunksAndEndsAfterTheFile) {
  setDuration(3);
  auto queue = makeQueue();
  const QString out = request().outputPath;
  QList<ProgressSample> samples;
  QObject::connect(queue.get(), &render::RenderQueue::jobProgress,
                   [&](qint64, const QString& stage, double percent, double) {
                     samples.append({stage, percent, QFileInfo::exists(out)});
                   });
  const model::Id job = queue->enqueue(request()).first();
  queue->waitForIdle();
  ASSERT_EQ(openStore()->job(job)->status, model::JobStatus::Completed);
  ASSERT_GT(samples.size(), 10);
  for (int i = 1; i < samples.size(); ++i)
    EXPECT_GE(samples[i].percent, samples[i - 1].percent)
        << samples[i - 1].stage.toStdString() << " " << samples[i - 1].percent << " -> "
        << samples[i].stage.toStdString() << " " << samples[i].percent;
  // The first chunk's own progress moves the job's (not 0% while it draws its frames).
  QList<double> duringChunk1;
  for (const ProgressSample& s : samples)
    if (s.stage.startsWith(QLatin1String("generating chunk 1 of")) &&
        (duringChunk1.isEmpty() || duringChunk1.last() != s.percent))
      duringChunk1.append(s.percent);
  EXPECT_GE(duringChunk1.size(), 3) << "progress stood still while chunk 1 was generated";
  // 100% only after the file exists, and only as the last step.
  for (const ProgressSample& s : samples)
    if (s.percent >= 100) {
      EXPECT_TRUE(s.fileExists);
      EXPECT_EQ(s.stage, QStringLiteral("done"));
    }
  EXPECT_DOUBLE_EQ(samples.last().percent, 100.0);
}

TEST_F(RenderEngine, AnAudioAssetGetsANewTakeThatTheNextRenderKeeps) {
  renderAndWait(request());
  auto store = openStore();
  const model::Scene before = *store->scene(sceneId);
  ASSERT_TRUE(before.musicAssetId && before.narrationAssetId);
  const QList<model::SfxCue> cues = store->sfxCues(sceneId);
  ASSERT_FALSE(cues.isEmpty());
  ASSERT_TRUE(cues.first().assetId);
  auto queue = makeQueue();
  using Slot = render::RegenerateTarget::Slot;
  const model::Id music =
      queue->enqueue(render::regenerateAudioRequest(Slot::Music, sceneId)).first();
  const model::Id narration =
      queue->enqueue(render::regenerateAudioRequest(Slot::Narration, sceneId)).first();
  const model::Id sfx =
      queue->enqueue(render::regenerateAudioRequest(Slot::Sfx, sceneId, cues.first().id)).first();
  queue->waitForIdle();
  for (model::Id job : {music, narration, sfx})
    ASSERT_EQ(store->job(job)->status, model::JobStatus::Completed)
        << store->job(job)->errorMessage.toStdString();
  const model::Scene after = *store->scene(sceneId);
  EXPECT_NE(after.musicAssetId, before.musicAssetId);
  EXPECT_NE(after.narrationAssetId, before.narrationAssetId);
  EXPECT_NE(store->sfxCues(sceneId).first().assetId, cues.first().assetId);
  EXPECT_EQ(render::regenerateOutcome(*store, music).assetId, *after.musicAssetId);
  // The old assets are kept.
  EXPECT_TRUE(store->asset(*before.musicAssetId).has_value());
  EXPECT_TRUE(store->asset(*before.narrationAssetId).has_value());
  EXPECT_EQ(store->asset(*after.narrationAssetId)->parameters.value("take").toInt(), 1);

  // The next render uses the new takes and generates nothing for them.
  render::RenderRequest again = request();
  again.outputPath = tmp.filePath(QStringLiteral("out/again.mp4"));
  const model::Id render = renderAndWait(again);
  ASSERT_EQ(store->job(render)->status, model::JobStatus::Completed);
  EXPECT_EQ(eventsOfKind(render, QStringLiteral("asset.generated")), 0);
  EXPECT_EQ(store->scene(sceneId)->musicAssetId, after.musicAssetId);
  EXPECT_EQ(store->scene(sceneId)->narrationAssetId, after.narrationAssetId);
}
