// End-to-end render jobs on the local backend: real generation, real FFmpeg, real SQLite.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include "media/probe.h"
#include "providers/asset_cache.h"
#include "render/regenerate.h"
#include "render/scene_state.h"
#include "render_fixture.h"
#include "support/media_fixtures.h"

using namespace sw;
using sw::testing::RenderFixture;

namespace {
QJsonObject readJson(const QString& path) {
  QFile f(path);
  f.open(QIODevice::ReadOnly);
  return QJsonDocument::fromJson(f.readAll()).object();
}
}  // namespace

using RenderJob = RenderFixture;

TEST_F(RenderJob, LocalRenderMakesAnMp4WithEveryTrack) {
  const model::Id job = renderAndWait(request());
  auto store = openStore();
  const auto row = store->job(job);
  ASSERT_TRUE(row.has_value());
  ASSERT_EQ(row->status, model::JobStatus::Completed) << row->errorMessage.toStdString();
  EXPECT_DOUBLE_EQ(row->progress, 100.0);
  const QString out = request().outputPath;
  ASSERT_EQ(row->outputPath, out);

  const media::ProbeResult probe = media::probe(out);
  ASSERT_EQ(probe.streams.size(), 2u);
  const double frame = 1.0 / fps;
  // The speech (about 3.3 s) lengthens the 2.5 s scene; the picture lasts as long.
  double seconds = 0;
  for (const model::JobEvent& e : store->jobEvents(job))
    if (e.kind == QLatin1String("speech.timing")) seconds = e.data["duration"].toDouble();
  ASSERT_GT(seconds, 3.0);
  ASSERT_LE(seconds, 4.0);
  EXPECT_NEAR(probe.duration, seconds, 1.5 * frame);
  const QJsonObject manifest = readJson(out + QStringLiteral(".json"));
  EXPECT_EQ(manifest["format"].toString(), QStringLiteral("scenewright-manifest"));
  // Chunks, narration, music, SFX and every line of dialogue.
  EXPECT_GE(manifest["assets"].toArray().size(), 4 + 1 + 1 + 1 + 1);
  EXPECT_EQ(manifest["plan"].toObject()["segments"].toArray().size(), 4);

  // Every chunk is ready with one take; chunks 2 and 3 continued from their predecessor.
  const auto chunks = store->chunks(sceneId);
  ASSERT_EQ(chunks.size(), 4);
  for (const auto& c : chunks) {
    EXPECT_EQ(c.status, model::ChunkStatus::Ready);
    EXPECT_EQ(store->takes(c.id).size(), 1);
  }
  EXPECT_FALSE(store->asset(*chunks[0].assetId)->parameters["continuity"].toBool());
  EXPECT_TRUE(store->asset(*chunks[1].assetId)->parameters["continuity"].toBool());
  const auto scene = store->scene(sceneId);
  EXPECT_TRUE(scene->narrationAssetId.has_value());
  EXPECT_TRUE(scene->musicAssetId.has_value());
  EXPECT_TRUE(scene->referenceAssetId.has_value());
  for (const auto& line : store->dialogueLines(sceneId)) EXPECT_TRUE(line.assetId.has_value());
  // Loudness normalised to the project's target (-16 LUFS) within a loose margin for 2.3 s.
  EXPECT_NEAR(sw::testsupport::integratedLoudness(out), -16.0, 2.0);
}

TEST_F(RenderJob, ChunkContinuesFromThePreviousLastFrame) {
  renderAndWait(request());
  auto store = openStore();
  const auto chunks = store->chunks(sceneId);
  const QString first = store->asset(*chunks[0].assetId)->filePath;
  const QString second = store->asset(*chunks[1].assetId)->filePath;
  const double lastOfFirst = sw::testsupport::lumaAt(first, chunkSeconds - 0.5 / fps);
  const double firstOfSecond = sw::testsupport::lumaAt(second, 0.0);
  EXPECT_NEAR(firstOfSecond, lastOfFirst, 4.0);
}

TEST_F(RenderJob, SecondRenderComesFromTheCacheAlone) {
  const model::Id first = renderAndWait(request());
  EXPECT_GT(eventsOfKind(first, QStringLiteral("asset.generated")), 0);
  QFile::remove(request().outputPath);
  const model::Id second = renderAndWait(request());
  EXPECT_EQ(openStore()->job(second)->status, model::JobStatus::Completed);
  EXPECT_EQ(eventsOfKind(second, QStringLiteral("asset.generated")), 0);
  EXPECT_GT(eventsOfKind(second, QStringLiteral("asset.cached")), 0);
  EXPECT_TRUE(QFileInfo::exists(request().outputPath));
}

TEST_F(RenderJob, RestitchIsOfflineAndNamesWhatIsMissing) {
  renderAndWait(request());
  render::RenderRequest again = request();
  again.offline = true;
  again.outputPath = tmp.filePath(QStringLiteral("out/restitched.mp4"));
  const model::Id ok = renderAndWait(again);
  EXPECT_EQ(openStore()->job(ok)->status, model::JobStatus::Completed);
  EXPECT_EQ(eventsOfKind(ok, QStringLiteral("asset.generated")), 0);

  providers::AssetCache(cacheFolder()).clear();
  again.outputPath = tmp.filePath(QStringLiteral("out/never.mp4"));
  const model::Id missing = renderAndWait(again);
  const auto row = openStore()->job(missing);
  EXPECT_EQ(row->status, model::JobStatus::Failed);
  EXPECT_TRUE(row->errorMessage.contains(QStringLiteral("not in the asset cache")))
      << row->errorMessage.toStdString();
  EXPECT_FALSE(QFileInfo::exists(again.outputPath));
}

TEST_F(RenderJob, MovingTheCacheFolderKeepsRendersWorking) {
  renderAndWait(request());
  // The user moves the cache folder and points the settings at the new place.
  movedCache = tmp.filePath(QStringLiteral("elsewhere/assets"));
  ASSERT_TRUE(QDir().mkpath(QFileInfo(movedCache).absolutePath()));
  ASSERT_TRUE(QDir().rename(tmp.filePath(QStringLiteral("cache")), movedCache));

  render::RenderRequest again = request();
  again.offline = true;  // a re-stitch: everything must come from the moved cache
  again.outputPath = tmp.filePath(QStringLiteral("out/after-move.mp4"));
  const model::Id job = renderAndWait(again);
  const auto row = openStore()->job(job);
  ASSERT_EQ(row->status, model::JobStatus::Completed) << row->errorMessage.toStdString();
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("asset.generated")), 0);
  EXPECT_TRUE(QFileInfo::exists(again.outputPath));
  // The chunks' rows now point into the new folder, so every view finds the files too.
  auto store = openStore();
  for (const auto& c : store->chunks(sceneId))
    EXPECT_TRUE(store->asset(*c.assetId)->filePath.startsWith(movedCache))
        << store->asset(*c.assetId)->filePath.toStdString();

  // A full render (not offline) after the move pays for nothing either.
  again.offline = false;
  again.outputPath = tmp.filePath(QStringLiteral("out/after-move-2.mp4"));
  const model::Id second = renderAndWait(again);
  EXPECT_EQ(openStore()->job(second)->status, model::JobStatus::Completed);
  EXPECT_EQ(eventsOfKind(second, QStringLiteral("asset.generated")), 0);
}

// Settings the stitch would refuse fail the job before anything is generated (and paid for).
TEST_F(RenderJob, OutOfRangeSettingsFailBeforeAnyGeneration) {
  {
    // The store refuses this value now; a project written before that (or by hand) may hold it.
    auto store = openStore();
    store->database().exec(
        "UPDATE projects SET settings = json_set(settings, '$.loudnessTarget', 3.0)");
  }
  const model::Id loud = renderAndWait(request());
  auto row = openStore()->job(loud);
  EXPECT_EQ(row->status, model::JobStatus::Failed);
  EXPECT_TRUE(row->errorMessage.contains(QStringLiteral("output.loudness")))
      << row->errorMessage.toStdString();
  EXPECT_EQ(eventsOfKind(loud, QStringLiteral("asset.generated")), 0);

  {
    auto store = openStore();
    store->database().exec(
        "UPDATE projects SET settings = json_remove(settings, '$.loudnessTarget')");
    store->database().exec("UPDATE sfx_cues SET gain_db = 40");
  }
  const model::Id gain = renderAndWait(request());
  row = openStore()->job(gain);
  EXPECT_EQ(row->status, model::JobStatus::Failed);
  EXPECT_TRUE(row->errorMessage.contains(QStringLiteral("SFX cue 1.gain")))
      << row->errorMessage.toStdString();
  EXPECT_EQ(eventsOfKind(gain, QStringLiteral("asset.generated")), 0);
}

TEST_F(RenderJob, CancelStopsTheJobAndLeavesNoOutput) {
  auto queue = makeQueue();
  QList<model::Id> ids;
  QObject::connect(queue.get(), &render::RenderQueue::jobProgress,
                   [&](qint64 id, const QString&, double, double) { queue->cancel(id); });
  ids = queue->enqueue(request());
  queue->waitForIdle();
  const auto row = openStore()->job(ids.first());
  EXPECT_EQ(row->status, model::JobStatus::Cancelled);
  EXPECT_FALSE(QFileInfo::exists(request().outputPath));
  for (const auto& c : openStore()->chunks(sceneId))
    EXPECT_NE(c.status, model::ChunkStatus::Generating);
}

TEST_F(RenderJob, RegenerateAddsATakeAndMarksLaterChunksStale) {
  renderAndWait(request());
  auto store = openStore();
  const auto chunks = store->chunks(sceneId);
  render::RegenerateRequest r;
  r.chunkId = chunks[0].id;
  r.prompt = QStringLiteral("a stormy harbour");
  const model::Id job = renderAndWait(render::regenerateRequest(r));
  const render::RegenerateResult result = render::regenerateOutcome(*store, job);
  ASSERT_TRUE(result.ok) << result.error.toStdString();
  EXPECT_EQ(result.takeId, store->takes(chunks[0].id).last().id);
  EXPECT_EQ(result.staleMarked, int(chunks.size()) - 1);
  store = openStore();
  EXPECT_EQ(store->takes(chunks[0].id).size(), 2);
  EXPECT_EQ(store->chunk(chunks[0].id)->prompt, QStringLiteral("a stormy harbour"));
  EXPECT_NE(store->chunk(chunks[0].id)->assetId, chunks[0].assetId);
  const providers::AssetCache cache(cacheFolder());
  EXPECT_EQ(render::sceneState(*store, sceneId, registry.get(), cache, {})
                .slotOfChunk(chunks[1].id)
                ->state,
            render::SlotState::Stale);
  // Switching back to the first take costs nothing and restores the old file.
  store->setActiveTake(chunks[0].id, store->takes(chunks[0].id).first().id);
  EXPECT_EQ(store->chunk(chunks[0].id)->assetId, chunks[0].assetId);
}

TEST_F(RenderJob, TrackSelectionLeavesOutUnchosenAudio) {
  render::RenderRequest r = request();
  r.music = false;
  r.sfx = false;
  r.dialogue = false;
  const model::Id job = renderAndWait(r);
  ASSERT_EQ(openStore()->job(job)->status, model::JobStatus::Completed);
  const QJsonObject manifest = readJson(r.outputPath + QStringLiteral(".json"));
  const QJsonArray audio = manifest["plan"].toObject()["audio"].toArray();
  ASSERT_EQ(audio.size(), 1);
  EXPECT_EQ(audio[0].toObject()["track"].toString(), QStringLiteral("narration"));
}
