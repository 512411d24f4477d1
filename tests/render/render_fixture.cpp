#include "render_fixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace sw::testing {

namespace {

QJsonObject tinyModel(double chunkSeconds, int fps) {
  return QJsonObject{
      {"display_name", "Tiny local (tests)"},
      {"backend", "local"},
      {"model_id", "scenewright/local-pan-zoom"},
      {"version", "1"},
      {"endpoint", ""},
      {"cost_per_call", 0.0},
      {"fps", fps},
      {"width", 320},
      {"height", 180},
      {"actual_chunk_duration", chunkSeconds},
      {"duration_controllable", true},
      {"allowed_durations", QJsonArray{}},
      {"resolutions", QJsonArray{}},
      {"min_width", 320},
      {"min_height", 180},
      {"max_width", 1280},
      {"max_height", 720},
      {"supports_image_input", true},
      {"requires_image_input", false},
      {"max_reference_images", 0},
      {"params",
       QJsonObject{
           {"prompt", "prompt"}, {"image", "image"}, {"duration", "duration"}, {"seed", "seed"}}},
      {"fixed_inputs", QJsonObject{}}};
}

}  // namespace

void RenderFixture::SetUp() {
  ASSERT_TRUE(tmp.isValid());
  // The override file the CLI also reads (<XDG_CONFIG_HOME>/Scenewright/Scenewright/models.json).
  const QString configDir = configFolder() + QStringLiteral("/Scenewright/Scenewright");
  QDir().mkpath(configDir);
  const QString overridePath = configDir + QStringLiteral("/models.json");
  QFile f(overridePath);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(
      QJsonDocument(QJsonObject{{"models", QJsonObject{{"tiny", tinyModel(chunkSeconds, fps)}}}})
          .toJson());
  f.close();
  registry =
      std::make_shared<providers::ModelRegistry>(providers::ModelRegistry::load(overridePath));

  auto store = model::ProjectStore::create(projectFolder(), QStringLiteral("Tiny"));
  const model::Id mara =
      store->addCharacter({0, QStringLiteral("MARA"), QStringLiteral("en-us+f3"), {}});
  const model::Id tomas =
      store->addCharacter({0, QStringLiteral("TOMAS"), QStringLiteral("en+m3"), {}});
  model::Scene scene;
  scene.title = QStringLiteral("Harbour");
  scene.narration = QStringLiteral("The harbour was quiet.");
  scene.visualPrompt = QStringLiteral("a quiet harbour at night");
  scene.directionPrompt = QStringLiteral("slow pan");
  scene.targetDuration = 2.5;
  scene.modelKey = QStringLiteral("tiny");
  scene.musicPrompt = QStringLiteral("soft strings");
  scene.musicMood = QStringLiteral("calm");
  scene.musicTempo = 80;
  sceneId = store->addScene(scene);
  store->addDialogueLine({0, sceneId, 0, mara, QStringLiteral("Look."), std::nullopt});
  store->addDialogueLine({0, sceneId, 1, tomas, QStringLiteral("A light."), std::nullopt});
  store->addSfxCue({0, sceneId, 1.0, QStringLiteral("door knock"), {}, -6, std::nullopt});
}

std::unique_ptr<render::RenderQueue> RenderFixture::makeQueue() const {
  auto queue = std::make_unique<render::RenderQueue>(projectFolder());
  queue->setModelRegistry(registry);
  queue->setCacheDirectory(cacheFolder());
  return queue;
}

render::RenderRequest RenderFixture::request() const {
  render::RenderRequest r;
  r.sceneIds = {sceneId};
  r.preview = true;
  r.outputPath = tmp.filePath(QStringLiteral("out/scene.mp4"));
  return r;
}

model::Id RenderFixture::renderAndWait(const render::RenderRequest& r) {
  auto queue = makeQueue();
  const QList<model::Id> ids = queue->enqueue(r);
  queue->waitForIdle();
  return ids.value(0);
}

int RenderFixture::eventsOfKind(model::Id jobId, const QString& kind, const QString& assetKind) {
  int n = 0;
  for (const model::JobEvent& e : openStore()->jobEvents(jobId))
    if (e.kind == kind && (assetKind.isEmpty() || e.message.startsWith(assetKind))) ++n;
  return n;
}

}  // namespace sw::testing
