// A scene rendered with no cloud at all: video chunks and the reference image from a ComfyUI
// server (the loopback FakeComfyUI, websocket included), speech and music local. A second
// render is served by the cache: no second prompt goes to the server.
#include "render_cloud_fixture.h"

#include "fakecloud/comfyui_fake.h"
#include "media/probe.h"
#include "providers/asset_cache.h"
#include "render/render_estimate.h"
#include "render/scene_state.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace sw::rendercloud {
namespace {

class RenderComfyUI : public RenderCloudTest {
 protected:
  void SetUp() override {
    RenderCloudTest::SetUp();
    comfy = std::make_unique<fakecloud::FakeComfyUI>(kScale);
    comfy->setImage(fixtures().png);
    QJsonObject model = tinyCloudModel(QStringLiteral("comfyui/workflow"), 0.0);
    model["display_name"] = "Tiny ComfyUI (tests)";
    model["backend"] = "comfyui";
    model["endpoint"] = "";
    model["duration_controllable"] = true;
    model["allowed_durations"] = QJsonArray{};
    model["resolutions"] = QJsonArray{};
    writeModels(QJsonObject{{"comfytiny", model}});
    createProject(folder(), 2.0, QStringLiteral("comfytiny"));
  }
  QString folder() const { return tmp.filePath(QStringLiteral("Comfy.scenewright")); }
  static providers::BackendSettings comfySettings() {
    providers::BackendSettings s;                   // everything local...
    s.video = s.image = QStringLiteral("comfyui");  // ...but the pictures
    return s;
  }
  QJsonObject comfyOptions() const {
    QJsonObject o{{"baseUrl", comfy->url().toString()}, {"timeScale", kScale}};
    if (!videoWorkflow.isEmpty()) o.insert("videoWorkflow", videoWorkflow);
    if (!imageWorkflow.isEmpty()) o.insert("imageWorkflow", imageWorkflow);
    return QJsonObject{{"comfyui", o}};
  }
  std::unique_ptr<render::RenderQueue> comfyQueue() const {
    auto queue = std::make_unique<render::RenderQueue>(folder());
    queue->setModelRegistry(registry);
    queue->setCacheDirectory(cacheFolder());
    queue->setBackendSettings(comfySettings(), comfyOptions());
    return queue;
  }
  // The scene's state as the console computes it (ProjectSession, CLI status) for the render's
  // tracks.
  render::SceneState state() const {
    auto store = model::ProjectStore::open(folder());
    render::StateOptions o = render::stateOptions(request(folder()), comfySettings());
    render::setEngineIdentities(o, comfyOptions());
    const providers::AssetCache cache(cacheFolder());
    return render::sceneState(*store, store->scenes().first().id, registry.get(), cache, o);
  }
  model::Id render() {
    auto queue = comfyQueue();
    const QList<model::Id> ids = queue->enqueue(request(folder()));
    queue->waitForIdle();
    return ids.value(0);
  }

  std::unique_ptr<fakecloud::FakeComfyUI> comfy;
  QString videoWorkflow;  // empty: the default template
  QString imageWorkflow;
  // A template copied to `name`.json (+ its mapping) in the test folder; returns the path.
  QString copyTemplate(const QString& from, const QString& name) const {
    const QString path = tmp.filePath(name + QStringLiteral(".json"));
    for (const QString& suffix : {QStringLiteral(".json"), QStringLiteral(".mapping.json")}) {
      const QString target = tmp.filePath(name + suffix);
      EXPECT_TRUE(QFile::copy(QStringLiteral(":/scenewright/comfyui/") + from + suffix, target));
      QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
    }
    return path;
  }
};

TEST_F(RenderComfyUI, SceneRendersWithNoCloudAndTheSecondRenderIsCached) {
  const model::Id first = render();
  auto store = model::ProjectStore::open(folder());
  ASSERT_EQ(store->job(first)->status, model::JobStatus::Completed)
      << store->job(first)->errorMessage.toStdString();
  EXPECT_EQ(store->job(first)->cost, 0.0);
  EXPECT_TRUE(server->requests().isEmpty()) << "a cloud service was called";
  const int prompts = comfy->count("POST", "/prompt");
  EXPECT_EQ(prompts, 3) << "the reference image and two 1 s chunks";
  EXPECT_GE(comfy->socketsOpened(), 3);
  EXPECT_EQ(comfy->count("POST", "/upload/image"), 2) << "each chunk's start image";
  const media::ProbeResult info =
      media::probe(QDir(folder()).absoluteFilePath(QStringLiteral("scene.mp4")));
  EXPECT_NEAR(info.duration, 2.0, 0.2);

  const model::Id second = render();
  store = model::ProjectStore::open(folder());
  ASSERT_EQ(store->job(second)->status, model::JobStatus::Completed)
      << store->job(second)->errorMessage.toStdString();
  EXPECT_EQ(comfy->count("POST", "/prompt"), prompts) << "the cache served the second render";
}

// Issue 15 part 2: the workflow file's hash is part of every chunk's recipe, so editing the file
// makes the chunks out of date (the scene state says so and names the workflow) and the next
// render misses the cache and queues them again; the reference image's workflow is unchanged.
TEST_F(RenderComfyUI, EditingTheWorkflowFileMakesItsChunksOutOfDateAndMissesTheCache) {
  videoWorkflow = tmp.filePath(QStringLiteral("mine.json"));
  for (const QString& name :
       {QStringLiteral("wan22_i2v.json"), QStringLiteral("wan22_i2v.mapping.json")}) {
    const QString target = name.endsWith(QLatin1String(".mapping.json"))
                               ? tmp.filePath(QStringLiteral("mine.mapping.json"))
                               : videoWorkflow;
    ASSERT_TRUE(QFile::copy(QStringLiteral(":/scenewright/comfyui/") + name, target));
    QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner);
  }
  const model::Id first = render();
  auto store = model::ProjectStore::open(folder());
  ASSERT_EQ(store->job(first)->status, model::JobStatus::Completed)
      << store->job(first)->errorMessage.toStdString();
  const int prompts = comfy->count("POST", "/prompt");
  ASSERT_EQ(prompts, 3);
  const render::SceneState before = state();
  ASSERT_EQ(before.count(render::SlotKind::Chunk, render::SlotState::Ready), 2);
  const QString engine = render::videoEngineIdentity(comfySettings(), comfyOptions());
  ASSERT_TRUE(engine.startsWith(QLatin1String("comfyui-workflow:"))) << engine.toStdString();
  const auto chunk = store->chunks(store->scenes().first().id).first();
  const auto asset = store->asset(*chunk.assetId);
  EXPECT_EQ(asset->parameters["recipe"].toObject()["engine"].toString(), engine);

  // The user edits the sampler's steps in their workflow file (an input Scenewright never maps).
  QFile file(videoWorkflow);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  QJsonObject graph = QJsonDocument::fromJson(file.readAll()).object();
  file.close();
  QJsonObject sampler = graph["3"].toObject();
  QJsonObject inputs = sampler["inputs"].toObject();
  inputs["steps"] = 30;
  sampler["inputs"] = inputs;
  graph["3"] = sampler;
  ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
  file.write(QJsonDocument(graph).toJson());
  file.close();

  const render::SceneState after = state();
  EXPECT_EQ(after.count(render::SlotKind::Chunk, render::SlotState::OutOfDate), 2);
  EXPECT_EQ(after.toGenerate(render::SlotKind::Chunk), 2);
  for (const render::Slot* slot : after.chunkSlots())
    EXPECT_EQ(slot->why, QStringLiteral("the ComfyUI workflow changed"))
        << slot->label.toStdString();
  // The reference image records its own (image) workflow, which did not change.
  EXPECT_EQ(after.count(render::SlotKind::Reference, render::SlotState::Ready), 1);
  const auto reference = store->asset(*store->scenes().first().referenceAssetId);
  EXPECT_TRUE(reference->parameters["engine"].toString().startsWith("comfyui-workflow:"));

  const model::Id second = render();
  store = model::ProjectStore::open(folder());
  ASSERT_EQ(store->job(second)->status, model::JobStatus::Completed)
      << store->job(second)->errorMessage.toStdString();
  EXPECT_EQ(comfy->count("POST", "/prompt"), prompts + 2) << "both chunks again, not the image";
  EXPECT_EQ(comfy->submitted().last()["3"].toObject()["inputs"].toObject()["steps"].toInt(), 30);
  EXPECT_EQ(state().count(render::SlotKind::Chunk, render::SlotState::Ready), 2);
}

// The same for the reference image: an edited image workflow makes it out of date.
TEST_F(RenderComfyUI, EditingTheImageWorkflowMakesTheReferenceImageOutOfDate) {
  imageWorkflow = copyTemplate(QStringLiteral("flux_schnell"), QStringLiteral("still"));
  const model::Id first = render();
  auto store = model::ProjectStore::open(folder());
  ASSERT_EQ(store->job(first)->status, model::JobStatus::Completed)
      << store->job(first)->errorMessage.toStdString();
  ASSERT_EQ(state().count(render::SlotKind::Reference, render::SlotState::Ready), 1);
  QFile file(imageWorkflow);
  ASSERT_TRUE(file.open(QIODevice::Append));
  file.write("\n");  // any byte: the hash is of the file
  file.close();
  const render::SceneState after = state();
  ASSERT_EQ(after.count(render::SlotKind::Reference, render::SlotState::OutOfDate), 1);
  for (const render::Slot& slot : after.items)
    if (slot.kind == render::SlotKind::Reference)
      EXPECT_EQ(slot.why, QStringLiteral("the ComfyUI workflow changed"));
  const int prompts = comfy->count("POST", "/prompt");
  render();
  EXPECT_GT(comfy->count("POST", "/prompt"), prompts) << "the image was generated again";
  EXPECT_EQ(state().count(render::SlotKind::Reference, render::SlotState::Ready), 1);
}

}  // namespace
}  // namespace sw::rendercloud
