// The estimate before a render: segments ready vs to generate (the planner's chunk list), duration,
// the audio that still has to be generated for the tracks asked for, and the cost from the model
// registry for every paid call with the backends that will run (nothing for what is ready,
// nothing on a local backend). Real SQLite store, built-in registry.
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <QFile>
#include "providers/model_registry.h"

#include "render/chunk_planner.h"
#include "render/recipe.h"
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
  // An asset row with a file (its content does not matter to the estimate).
  model::Id addAsset(const QString& kind, const QString& key, double seconds,
                     const QJsonObject& parameters = {}) {
    model::Asset a;
    a.kind = kind;
    a.cacheKey = key;
    a.filePath = tmp.filePath(key);
    QFile file(a.filePath);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly) && file.write("x") == 1);
    a.duration = seconds;
    a.parameters = parameters;
    return store->addAsset(a);
  }
  // Two chunks of 5 s for the 10 s scene, the first one made from the scene as it is now.
  void planWithFirstChunkReady() {
    const auto scene = store->scene(sceneId);
    const model::Id first = store->addChunk(newChunk(sceneId, 0));
    store->addChunk(newChunk(sceneId, 1));
    model::Chunk chunk = *store->chunk(first);
    const ChunkRecipe recipe = chunkRecipe(*scene, chunk, registry.model(QStringLiteral("hailuo")));
    const model::Id asset = addAsset(QStringLiteral("video"), QStringLiteral("chunk0"), 5.0,
                                     QJsonObject{{"recipe", recipe.toJson()}});
    store->addTake(model::Take{0, first, asset, {}, chunk.seed, {}, 0.19, {}, {}});
  }

  // Video and the reference image local, audio as named (all local by default).
  static providers::BackendSettings backends(const QString& video, const QString& speech = {},
                                             const QString& music = {}) {
    providers::BackendSettings b;
    b.video = video;
    b.image = video;
    if (!speech.isEmpty()) b.speech = speech;
    if (!music.isEmpty()) b.music = music;
    return b;
  }

  QTemporaryDir tmp;
  std::unique_ptr<model::ProjectStore> store;
  providers::ModelRegistry registry = providers::ModelRegistry::load(QString());
  model::Id sceneId = 0;
};

TEST_F(RenderEstimateTest, NewSceneGeneratesEveryPlannedChunkAndAllAudio) {
  const RenderEstimate e =
      estimateRender(*store, request(), &registry, backends(QStringLiteral("replicate")));
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
  const double image = *registry.prices().image(QStringLiteral("replicate"));
  EXPECT_EQ(e.imagesToGenerate, 1);  // hailuo starts from the scene's reference image
  EXPECT_NEAR(*e.video.usd, 2 * perChunk, 1e-9);
  EXPECT_EQ(*e.narration.usd + *e.dialogue.usd + *e.music.usd + *e.sfx.usd, 0.0);  // local audio
  EXPECT_NEAR(*e.costToGenerate, 2 * perChunk + image, 1e-9);
  EXPECT_EQ(e.summaryLine(),
            QStringLiteral("0 of 2 segments ready, 10.0 s; to generate: 2 chunks, 1 reference "
                           "image, narration, 2 lines, music, 2 SFX; estimated cost $%1")
                .arg(2 * perChunk + image, 0, 'f', 2));
  const QJsonObject json = e.toJson();
  EXPECT_EQ(json[QStringLiteral("toGenerate")].toInt(), 2);
  EXPECT_EQ(json[QStringLiteral("dialogueToGenerate")].toInt(), 2);
  EXPECT_NEAR(json[QStringLiteral("costUsd")].toDouble(), 2 * perChunk + image, 1e-9);
  EXPECT_NEAR(json[QStringLiteral("costs")][QStringLiteral("video")].toDouble(), 2 * perChunk,
              1e-9);
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
      estimateRender(*store, request(), &registry, backends(QStringLiteral("replicate")));
  EXPECT_EQ(e.segments, 2);
  EXPECT_EQ(e.ready, 1);
  EXPECT_TRUE(e.narrationGenerated);
  EXPECT_DOUBLE_EQ(e.narrationSeconds, 2.5);  // the measured length, not the text estimate
  EXPECT_EQ(e.narrationToGenerate, 0);
  EXPECT_EQ(e.musicToGenerate, 0);
  EXPECT_EQ(e.dialogueToGenerate, 1);
  // Chunk 1 is ready, so no reference image is made for it: only chunk 2 is paid for.
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
  EXPECT_EQ(*estimateRender(*store, r, &registry, backends(QStringLiteral("local"))).costToGenerate,
            0.0);
  r.backend = QStringLiteral("local");  // --backend local wins over a cloud setting
  const RenderEstimate e =
      estimateRender(*store, r, &registry, backends(QStringLiteral("replicate")));
  EXPECT_EQ(*e.costToGenerate, 0.0);
  EXPECT_EQ(e.musicToGenerate + e.sfxToGenerate + e.narrationToGenerate, 0);
  EXPECT_EQ(e.sfxCues, 2);  // still what the scene has
  EXPECT_EQ(e.summaryLine(),
            QStringLiteral("0 of 2 segments ready, 10.0 s; to generate: 2 chunks, 1 reference "
                           "image, 2 lines; estimated cost $0.00"));
  r.dialogue = false;
  r.backend.clear();  // a local video backend in the settings: every model is drawn for free
  EXPECT_EQ(*estimateRender(*store, r, &registry, backends(QStringLiteral("local"))).video.usd,
            0.0);
}

TEST_F(RenderEstimateTest, ModelOverrideOrNewDurationChangesWhatIsGenerated) {
  planWithFirstChunkReady();
  RenderRequest r = request();
  r.modelKey = QStringLiteral("animatediff");
  const auto& animatediff = registry.model(r.modelKey);
  const RenderEstimate other =
      estimateRender(*store, r, &registry, backends(QStringLiteral("replicate")));
  EXPECT_GE(other.segments, providers::chunkCount(10.0, animatediff));
  EXPECT_EQ(other.ready, 0);  // made with another model: the hailuo take does not count
  EXPECT_NEAR(*other.video.usd, other.segments * animatediff.costPerCall, 1e-9);
  EXPECT_EQ(store->chunks(sceneId).size(), 2);  // an estimate changes nothing

  auto scene = *store->scene(sceneId);
  scene.targetDuration = 13.0;  // three 6 s chunks instead of two
  store->updateScene(scene);
  const RenderEstimate longer =
      estimateRender(*store, request(), &registry, backends(QStringLiteral("replicate")));
  EXPECT_EQ(longer.segments, 3);
  EXPECT_EQ(longer.ready, 1);  // takes survive a duration change: one chunk is added
}

TEST_F(RenderEstimateTest, UnknownModelOrNoRegistryLeavesTheCostUnknownWithTheReason) {
  auto scene = *store->scene(sceneId);
  scene.modelKey = QStringLiteral("no-such-model");
  store->updateScene(scene);
  const RenderEstimate e =
      estimateRender(*store, request(), &registry, backends(QStringLiteral("replicate")));
  EXPECT_FALSE(e.costToGenerate.has_value());
  EXPECT_TRUE(e.costNote.contains(QStringLiteral("no-such-model"))) << e.costNote.toStdString();
  EXPECT_TRUE(e.summaryLine().contains(QStringLiteral("cost unknown")))
      << e.summaryLine().toStdString();
  const RenderEstimate none =
      estimateRender(*store, request(), nullptr, backends(QStringLiteral("replicate")));
  EXPECT_FALSE(none.costToGenerate.has_value());
  EXPECT_DOUBLE_EQ(none.duration, 10.0);
  EXPECT_TRUE(none.toJson()[QStringLiteral("costUsd")].isNull());
}

TEST_F(RenderEstimateTest, SpeechAndMusicArePricedForCloudBackendsAndCachedAudioIsFree) {
  const providers::PriceList& prices = registry.prices();
  for (const char* service : {"openai", "elevenlabs"}) {
    const QString speech = QString::fromLatin1(service);
    const RenderEstimate e =
        estimateRender(*store, request(), &registry,
                       backends(QStringLiteral("local"), speech, QStringLiteral("replicate")));
    const auto scene = store->scene(sceneId);
    const int narration = int(scene->narration.size());
    const int lines = int(QStringLiteral("Light the lamp.").size() + QStringLiteral("Now.").size());
    ASSERT_TRUE(e.narration.usd && e.dialogue.usd && e.music.usd) << e.costNote.toStdString();
    EXPECT_GT(*e.narration.usd, 0.0) << service;
    EXPECT_NEAR(*e.narration.usd, *prices.speech(speech, narration), 1e-12);
    EXPECT_NEAR(*e.dialogue.usd, *prices.speech(speech, lines), 1e-12);
    // The job asks for a second more than the scene (10 s -> 11 s).
    EXPECT_NEAR(*e.music.usd, *prices.music(QStringLiteral("replicate"), 11.0), 1e-12);
    EXPECT_GT(*e.music.usd, 0.0);
    EXPECT_EQ(*e.video.usd, 0.0);
    EXPECT_NEAR(*e.costToGenerate, *e.narration.usd + *e.dialogue.usd + *e.music.usd, 1e-12);
    EXPECT_FALSE(e.summaryLine().contains(QStringLiteral("not priced")));
  }
  // What is generated already costs nothing.
  auto scene = *store->scene(sceneId);
  scene.narrationAssetId = addAsset(QStringLiteral("speech"), QStringLiteral("narration"), 2.5);
  scene.musicAssetId = addAsset(QStringLiteral("music"), QStringLiteral("music"), 11.0);
  store->updateScene(scene);
  const RenderEstimate cached = estimateRender(
      *store, request(), &registry,
      backends(QStringLiteral("local"), QStringLiteral("openai"), QStringLiteral("replicate")));
  EXPECT_EQ(*cached.narration.usd, 0.0);
  EXPECT_EQ(*cached.music.usd, 0.0);
  EXPECT_GT(*cached.dialogue.usd, 0.0);
}

TEST_F(RenderEstimateTest, AnAudioBackendWithoutAPriceLeavesTheCostUnknownAndSaysWhy) {
  const RenderEstimate e =
      estimateRender(*store, request(), &registry,
                     backends(QStringLiteral("local"), QStringLiteral("no-such-tts")));
  EXPECT_FALSE(e.costToGenerate.has_value());
  EXPECT_FALSE(e.narration.usd.has_value());
  EXPECT_TRUE(e.costNote.contains(QStringLiteral("no-such-tts"))) << e.costNote.toStdString();
  EXPECT_TRUE(e.summaryLine().contains(QStringLiteral("cost unknown")));
}

}  // namespace
