#include "ui_editor_fixture.h"

#include <QDir>
#include <QTest>

#include "render/model_observations.h"
#include "support/media_fixtures.h"
#include "ui/project_pane.h"

namespace sw::ui::test {

model::Id EditorFixture::addWavAsset(model::ProjectStore& store, const QString& name,
                                     const QString& kind, double seconds, double hz) {
  testsupport::WavSpec spec;
  spec.seconds = seconds;
  spec.hz = hz;
  spec.amplitude = 0.15;
  spec.beepAt = seconds / 2;  // a loud 50 ms beep mid-clip: the waveform has a shape
  model::Asset asset;
  asset.kind = kind;
  asset.cacheKey = QStringLiteral("test-%1-%2-%3").arg(kind, name, project.dir.path());  // fresh
  asset.filePath = testsupport::makeWav(project.dir.filePath(name + QStringLiteral(".wav")), spec);
  asset.mime = QStringLiteral("audio/wav");
  asset.duration = seconds;
  asset.provider = QStringLiteral("test");
  return store.addAsset(asset);
}

void EditorFixture::SetUp() {
  {
    auto store = model::ProjectStore::create(project.folder(), QStringLiteral("Editor"));
    sceneId = addRichScene(*store, QStringLiteral("Harbour"), 4.0);
    model::Scene scene = *store->scene(sceneId);
    narrationText = scene.narration;
    scene.narrationAssetId =
        addWavAsset(*store, QStringLiteral("narration"), QStringLiteral("speech"), 1.5, 300);
    scene.musicPrompt = QStringLiteral("soft strings");
    scene.musicAssetId =
        addWavAsset(*store, QStringLiteral("music"), QStringLiteral("music"), 4.0, 220);
    store->updateScene(scene);
    int n = 0;
    for (model::DialogueLine line : store->dialogueLines(sceneId)) {
      line.assetId = addWavAsset(*store, QStringLiteral("line%1").arg(n), QStringLiteral("speech"),
                                 0.8, 500 + 100 * n);
      store->updateDialogueLine(line);
      ++n;
    }
    for (int i = 0; i < 2; ++i) {
      testsupport::ClipSpec clip;
      clip.fps = {24, 1};
      clip.seconds = 2.0;
      clip.markerAt = 1.0;
      model::Asset asset;
      asset.kind = QStringLiteral("video");
      asset.cacheKey = QStringLiteral("test-chunk-%1").arg(i);
      asset.filePath =
          testsupport::makeClip(project.dir.filePath(QStringLiteral("chunk%1.mp4").arg(i)), clip);
      asset.mime = QStringLiteral("video/mp4");
      asset.duration = 2.0;
      asset.width = 320;
      asset.height = 180;
      asset.provider = QStringLiteral("local");
      asset.model = QStringLiteral("local");
      render::MeasuredVideo measured{2.0, 24, 1, 320, 180};
      asset.parameters.insert(QStringLiteral("measured"), measured.toJson());
      const model::Id assetId = store->addAsset(asset);
      model::Chunk chunk;
      chunk.sceneId = sceneId;
      chunk.position = i;
      chunk.prompt = QStringLiteral("harbour at dusk, shot %1").arg(i + 1);
      chunk.seed = 100 + i;
      chunk.status = model::ChunkStatus::Ready;
      const model::Id chunkId = store->addChunk(chunk);
      const model::Id takeId =
          store->addTake(model::Take{0, chunkId, assetId, chunk.prompt, chunk.seed, {}, 0.0, {}});
      store->setActiveTake(chunkId, takeId);
      chunkIds.append(chunkId);
    }
  }
  window = std::make_unique<MainWindow>();
  window->resize(1400, 900);
  window->show();
  window->activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));  // shortcuts need an active window
  ASSERT_TRUE(window->openProject(project.folder()));
  window->projectPane()->selectScene(sceneId);
}

void EditorFixture::TearDown() { window.reset(); }

}  // namespace sw::ui::test
