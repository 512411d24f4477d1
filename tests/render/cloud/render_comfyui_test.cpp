// A scene rendered with no cloud at all: video chunks and the reference image from a ComfyUI
// server (the loopback FakeComfyUI, websocket included), speech and music local. A second
// render is served by the cache: no second prompt goes to the server.
#include "render_cloud_fixture.h"

#include "fakecloud/comfyui_fake.h"
#include "media/probe.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

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
  std::unique_ptr<render::RenderQueue> comfyQueue() const {
    auto queue = std::make_unique<render::RenderQueue>(folder());
    queue->setModelRegistry(registry);
    queue->setCacheDirectory(cacheFolder());
    providers::BackendSettings s;                   // everything local...
    s.video = s.image = QStringLiteral("comfyui");  // ...but the pictures
    queue->setBackendSettings(
        s, QJsonObject{{"comfyui",
                        QJsonObject{{"baseUrl", comfy->url().toString()}, {"timeScale", kScale}}}});
    return queue;
  }
  model::Id render() {
    auto queue = comfyQueue();
    const QList<model::Id> ids = queue->enqueue(request(folder()));
    queue->waitForIdle();
    return ids.value(0);
  }

  std::unique_ptr<fakecloud::FakeComfyUI> comfy;
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

}  // namespace
}  // namespace sw::rendercloud
