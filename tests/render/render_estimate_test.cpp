// The estimate before a render: segments ready vs to generate (the planner's chunk list), duration,
// the audio that still has to be generated for the tracks asked for, and the cost from the model
// registry (nothing for what is ready, nothing on the local backend). Real SQLite store, built-in
// registry.
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include "providers/model_registry.h"
#include "render/chunk_planner.h"
#include "render/render_estimate.h"

using namespace sw;
using namespace sw::render;

namespace {

class RenderEstimateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(tmp.isValid());
    store = model::ProjectStore::create(tmp.filePath(QStringLiteral("E.scenewright")),
                                        QStringLiteral("E"));
    model::Scene scene;
    scene.title = QStringLiteral("Storm Warning");
    scene.narration = QStringLiteral("The storm rolls in over the bay.");
    scene.visualPrompt = QStringLiteral("A lighthouse at dusk");
    scene.targetDuration = 10.0;
    scene.modelKey = QStringLiteral("hailuo");
    scene.musicMood = QStringLiteral("tense");
    sceneId = store->addScene(scene);
    model::Character mara;
    mara.name = QStringLiteral("MARA");
    const model::Id who = store->addCharacter(mara);
    store->addDialogueLine(
        model::DialogueLine{0, sceneId, 0, who, QStringLiteral("Light the lamp."), {}});
    store->addDialogueLine(model::DialogueLine{0, sceneId, 1, who, QStringLiteral("Now."), {}});
    store->addDialogueLine(
        model::DialogueLine{0, sceneId, 2, who, QStringLiteral("   "), {}});  // empty: skipped
    store->addSfxCue(model::SfxCue{0, sceneId, 1.0, QStringLiteral("thunder"), {}, 0.0, {}});
    store->addSfxCue(model::SfxCue{0, sceneId, 4.0, QStringLiteral("gulls"), {}, 0.0, {}});
  }
  RenderRequest request() const {
    RenderRequest r;
    r.sceneIds = {sceneId};
    return r;
  }
  model::Id addAsset(const QString& kind, const QString& key, double seconds) {
    model::Asset a;
    a.kind = kind;
    a.cacheKey = key;
    a.filePath = tmp.filePath(key);
    a.duration = seconds;
    return store->addAsset(a);
  }
  // The planner's chunks for the scene, the first one ready with a generated take.
  void planWithFirstChunkReady() {
    const auto scene = store->scene(sceneId);
    const QList<model::Id> ids = store->replaceChunks(
        sceneId, planChunks(*scene, registry.model(QStringLiteral("hailuo")), {}).chunks);
    model::Chunk first = *store->chunk(ids.first());
    first.status = model::ChunkStatus::Ready;
    first.assetId = addAsset(QStringLiteral("video"), QStringLiteral("chunk0"), 5.0);
    store->updateChunk(first);
  }

  QTemporaryDir tmp;
  std::unique_ptr<model::ProjectStore> store;
  providers::ModelRegistry registry = providers::ModelRegistry::load(QString());
  model::Id sceneId = 0;
};

TEST_F(RenderEstimateTest, NewSceneGeneratesEveryPlannedChunkAndAllAudio) {
  const RenderEstimate e =
      estimateRender(*store, request(), &registry, QStringLiteral("replicate"));
  EXPECT_EQ(e.segments, 2);  // 10 s of 5 s hailuo chunks
  EXPECT_EQ(e.ready, 0);
  EXPECT_DOUBLE_EQ(e.duration, 10.0);
  EXPECT_EQ(e.dialogueLines, 2);
  EXPECT_EQ(e.dialogueCharacters, 1);
  EXPECT_DOUBLE_EQ(e.musicSeconds, 10.0);  // a mood is enough for music, as in the job
  EXPECT_EQ(e.sfxCues, 2);
  EXPECT_FALSE(e.narrationGenerated);
  ASSERT_TRUE(e.costToGenerate.has_value());
  const double perChunk = registry.model(QStringLiteral("hailuo")).costPerCall;
  EXPECT_NEAR(*e.costToGenerate, 2 * perChunk, 1e-9);
  EXPECT_EQ(e.summaryLine(),
            QStringLiteral("0 of 2 segments ready, 10.0 s; to generate: 2 chunks, narration, "
                           "2 lines, music, 2 SFX; estimated video cost $%1 (audio not priced)")
                .arg(2 * perChunk, 0, 'f', 2));
  const QJsonObject json = e.toJson();
  EXPECT_EQ(json[QStringLiteral("toGenerate")].toInt(), 2);
  EXPECT_EQ(json[QStringLiteral("dialogueToGenerate")].toInt(), 2);
  EXPECT_NEAR(json[QStringLiteral("costUsd")].toDouble(), 2 * perChunk, 1e-9);
}

TEST_F(RenderEstimateTest, ReadyChunksAndGeneratedAudioComeFromTheCache) {
  planWithFirstChunkReady();
  auto scene = *store->scene(sceneId);
  scene.narrationAssetId = addAsset(QStringLiteral("speech"), QStringLiteral("narration"), 2.5);
  scene.musicAssetId = addAsset(QStringLiteral("music"), QStringLiteral("music"), 11.0);
  store->updateScene(scene);
  model::DialogueLine line = store->dialogueLines(sceneId).first();
  line.assetId = addAsset(QStringLiteral("speech"), QStringLiteral("line0"), 1.0);
  store->updateDialogueLine(line);

  const RenderEstimate e =
      estimateRender(*store, request(), &registry, QStringLiteral("replicate"));
  EXPECT_EQ(e.segments, 2);
  EXPECT_EQ(e.ready, 1);
  EXPECT_TRUE(e.narrationGenerated);
  EXPECT_DOUBLE_EQ(e.narrationSeconds, 2.5);  // the measured length, not the text estimate
  EXPECT_EQ(e.narrationToGenerate, 0);
  EXPECT_EQ(e.musicToGenerate, 0);
  EXPECT_EQ(e.dialogueToGenerate, 1);
  EXPECT_NEAR(*e.costToGenerate, registry.model(QStringLiteral("hailuo")).costPerCall, 1e-9);
  EXPECT_TRUE(e.summaryLine().startsWith(
      QStringLiteral("1 of 2 segments ready, 10.0 s; to generate: 1 chunk, 1 line, 2 SFX;")))
      << e.summaryLine().toStdString();
}

TEST_F(RenderEstimateTest, LocalBackendIsFreeAndUntickedTracksAreNotGenerated) {
  RenderRequest r = request();
  r.music = false;
  r.sfx = false;
  r.narration = false;
  EXPECT_EQ(*estimateRender(*store, r, &registry, QStringLiteral("local")).costToGenerate, 0.0);
  r.backend = QStringLiteral("local");  // --backend local wins over a cloud setting
  const RenderEstimate e = estimateRender(*store, r, &registry, QStringLiteral("replicate"));
  EXPECT_EQ(*e.costToGenerate, 0.0);
  EXPECT_EQ(e.musicToGenerate + e.sfxToGenerate + e.narrationToGenerate, 0);
  EXPECT_EQ(e.sfxCues, 2);  // still what the scene has
  EXPECT_EQ(e.summaryLine(),
            QStringLiteral("0 of 2 segments ready, 10.0 s; to generate: 2 chunks, 2 lines; "
                           "estimated video cost $0.00 (audio not priced)"));
  r.dialogue = false;  // nothing but video to generate: the figure is the whole cost
  EXPECT_EQ(
      estimateRender(*store, r, &registry, QStringLiteral("replicate")).summaryLine(),
      QStringLiteral("0 of 2 segments ready, 10.0 s; to generate: 2 chunks; estimated cost $0.00"));
}

TEST_F(RenderEstimateTest, ModelOverrideOrNewDurationReplansTheChunks) {
  planWithFirstChunkReady();
  RenderRequest r = request();
  r.modelKey = QStringLiteral("animatediff");
  const auto& animatediff = registry.model(r.modelKey);
  const RenderEstimate other = estimateRender(*store, r, &registry, QStringLiteral("replicate"));
  EXPECT_EQ(other.segments, providers::chunkCount(10.0, animatediff));
  EXPECT_EQ(other.ready, 0);  // a new plan: the hailuo take does not count
  EXPECT_NEAR(*other.costToGenerate, other.segments * animatediff.costPerCall, 1e-9);

  auto scene = *store->scene(sceneId);
  scene.targetDuration = 13.0;  // three 6 s chunks instead of two
  store->updateScene(scene);
  const RenderEstimate longer =
      estimateRender(*store, request(), &registry, QStringLiteral("replicate"));
  EXPECT_EQ(longer.segments, 3);
  EXPECT_EQ(longer.ready, 0);
}

TEST_F(RenderEstimateTest, UnknownModelOrNoRegistryLeavesTheCostUnknownWithTheReason) {
  auto scene = *store->scene(sceneId);
  scene.modelKey = QStringLiteral("no-such-model");
  store->updateScene(scene);
  const RenderEstimate e = estimateRender(*store, request(), &registry);
  EXPECT_FALSE(e.costToGenerate.has_value());
  EXPECT_TRUE(e.costNote.contains(QStringLiteral("no-such-model"))) << e.costNote.toStdString();
  EXPECT_TRUE(e.summaryLine().contains(QStringLiteral("cost unknown")))
      << e.summaryLine().toStdString();
  const RenderEstimate none = estimateRender(*store, request(), nullptr);
  EXPECT_FALSE(none.costToGenerate.has_value());
  EXPECT_DOUBLE_EQ(none.duration, 10.0);
  EXPECT_TRUE(none.toJson()[QStringLiteral("costUsd")].isNull());
}

}  // namespace
