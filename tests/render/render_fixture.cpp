#include "render_fixture.h"

#include "support/model_override.h"
#include "support/sample_project.h"
#include "support/user_folders.h"

namespace sw::testing {

void RenderFixture::SetUp() {
  ASSERT_TRUE(tmp.isValid());
  // The override file the CLI also reads (<XDG_CONFIG_HOME>/Scenewright/Scenewright/models.json).
  const QString overridePath = testsupport::modelOverridePath(configFolder());
  ASSERT_TRUE(testsupport::writeModelOverride(
      overridePath, QJsonObject{{"tiny", testsupport::tinyLocalModel(chunkSeconds, fps)}}));
  registry =
      std::make_shared<providers::ModelRegistry>(providers::ModelRegistry::load(overridePath));

  auto store = model::ProjectStore::create(projectFolder(), QStringLiteral("Tiny"));
  testsupport::HarbourScene harbour;  // 2.5 s on "tiny"
  harbour.maraVoice = QStringLiteral("en-us+f3");
  harbour.tomasVoice = QStringLiteral("en+m3");
  harbour.sfx = testsupport::SfxSpec{1.0, QStringLiteral("door knock"), -6};
  sceneId = testsupport::addHarbourScene(*store, harbour);
}

QProcessEnvironment RenderFixture::cliEnvironment() const {
  QProcessEnvironment e = testsupport::isolatedEnvironment();
  e.insert(QStringLiteral("SCENEWRIGHT_CACHE_DIR"), cacheFolder());
  e.insert(QStringLiteral("XDG_CONFIG_HOME"), configFolder());
  return e;
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

void RenderFixture::removeSpeech() {
  auto store = openStore();
  model::Scene scene = *store->scene(sceneId);
  scene.narration.clear();
  store->updateScene(scene);
  for (const model::DialogueLine& line : store->dialogueLines(sceneId))
    store->removeDialogueLine(line.id);
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
