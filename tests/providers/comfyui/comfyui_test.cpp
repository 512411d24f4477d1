// The ComfyUI backend end to end against FakeComfyUI: mapped inputs in the submitted workflow,
// websocket progress, the /history fallback, the probed download, a node's own error text, a
// refused workflow, cancel (interrupt + queue delete) and a server that is not running.
#include "fakecloud/comfyui_fake.h"
#include "providers/asset_cache.h"
#include "providers/backend_factory.h"
#include "providers/comfyui/comfyui_backends.h"
#include "providers/model_registry.h"

#include <gtest/gtest.h>
#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QTcpServer>
#include <QTemporaryDir>

namespace sw::providers::comfyui {
namespace {

using fakecloud::ComfyScenario;
using fakecloud::FakeComfyUI;
constexpr double kScale = 0.02;

QByteArray pngBytes(int w, int h) {
  QImage img(w, h, QImage::Format_RGB32);
  img.fill(QColor(40, 90, 160));
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  img.save(&buffer, "PNG");
  return bytes;
}

class ComfyUITest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(out.isValid());
    server = std::make_unique<FakeComfyUI>(kScale);
    server->setImage(pngBytes(320, 180));
    start = out.filePath("start.png");
    QFile f(start);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(pngBytes(320, 180));
  }
  QJsonObject options(QJsonObject extra = {}) const {
    extra.insert("baseUrl", server->url().toString());
    extra.insert("timeScale", kScale);
    return extra;
  }
  GenerationContext context() const {
    GenerationContext ctx;
    ctx.outputDir = out.path();
    return ctx;
  }
  VideoRequest videoRequest() const {
    VideoRequest r;
    r.prompt = "A lighthouse keeper climbs the stairs";
    r.direction = "slow push in";
    r.seed = 77;
    r.model = ModelRegistry::load().model("comfyui");
    r.width = 320;
    r.height = 180;
    r.fps = 16;
    r.duration = 2.0;
    r.startImage = start;
    return r;
  }
  static QJsonValue input(const QJsonObject& graph, const char* node, const char* name) {
    return graph.value(node).toObject().value("inputs").toObject().value(name);
  }

  QTemporaryDir out;
  QString start;
  std::unique_ptr<FakeComfyUI> server;
};

TEST_F(ComfyUITest, MappedInputsLandInTheSubmittedWorkflowAndTheClipIsProbed) {
  ComfyUIVideo video(options({{"negativePrompt", "blurry"}}));
  const GenerationResult r = video.generate(videoRequest(), context());

  ASSERT_EQ(server->submitted().size(), 1);
  const QJsonObject g = server->submitted().first();
  EXPECT_EQ(input(g, "6", "text").toString(),
            "A lighthouse keeper climbs the stairs. slow push in");
  EXPECT_EQ(input(g, "7", "text").toString(), "blurry");
  EXPECT_EQ(input(g, "3", "seed").toDouble(), 77.0);
  EXPECT_EQ(input(g, "55", "width").toInt(), 320);
  EXPECT_EQ(input(g, "55", "height").toInt(), 180);
  EXPECT_EQ(input(g, "55", "length").toInt(), 33);  // 2 s x 16 fps = 32 -> 4n+1
  EXPECT_EQ(input(g, "57", "fps").toDouble(), 16.0);
  const QString image = input(g, "56", "image").toString();
  EXPECT_TRUE(image.startsWith("scenewright_")) << image.toStdString();
  EXPECT_EQ(server->uploaded(image), pngBytes(320, 180));  // the start image, uploaded as is
  EXPECT_EQ(input(g, "3", "steps").toInt(), 20);           // untouched inputs stay as exported

  EXPECT_EQ(r.mime, "video/mp4");
  EXPECT_EQ(r.width, 320);
  EXPECT_EQ(r.height, 180);
  EXPECT_NEAR(r.duration, 33.0 / 16.0, 0.1);
  EXPECT_EQ(r.costUsd, 0.0);
  EXPECT_GT(r.seconds, 0.0);
  EXPECT_EQ(r.provider, "comfyui");
  EXPECT_TRUE(QFileInfo(r.filePath).path() == QFileInfo(out.path()).absoluteFilePath());
  EXPECT_EQ(server->count("GET", "/view"), 1);
}

// "Measure, never trust": the delivered clip is probed and compared with what was sent. A
// workflow whose mapping leaves the frame rate at the exported 24 fps while the chunk asks 16 is
// noted on the result (and said in the progress); a clip that matches has no such note.
TEST_F(ComfyUITest, AClipThatDiffersFromTheRequestIsMeasuredAndNoted) {
  const GenerationResult matching = ComfyUIVideo(options()).generate(videoRequest(), context());
  for (const QString& note : matching.notes)
    EXPECT_FALSE(note.contains("delivered")) << note.toStdString();

  QFile mapping(":/scenewright/comfyui/wan22_i2v.mapping.json");
  ASSERT_TRUE(mapping.open(QIODevice::ReadOnly));
  QJsonObject m = QJsonDocument::fromJson(mapping.readAll()).object();
  QJsonObject inputs = m["inputs"].toObject();
  inputs.remove("fps");  // the workflow keeps its own 24 fps
  m["inputs"] = inputs;
  const QString mine = out.filePath("nofps.mapping.json");
  QFile f(mine);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(QJsonDocument(m).toJson());
  f.close();

  QStringList said;
  GenerationContext ctx = context();
  QMutex mutex;
  ctx.progress = [&](double, const QString& message) {
    QMutexLocker lock(&mutex);
    said << message;
  };
  const GenerationResult r =
      ComfyUIVideo(options({{"videoMapping", mine}})).generate(videoRequest(), ctx);
  const QString notes = r.notes.join(" | ");
  EXPECT_TRUE(notes.contains("delivered 24 fps, asked 16 fps")) << notes.toStdString();
  EXPECT_FALSE(notes.contains("frames")) << notes.toStdString();  // 33 asked, 33 made
  EXPECT_FALSE(notes.contains("asked 320x180")) << notes.toStdString();
  EXPECT_TRUE(said.join(" | ").contains("delivered 24 fps, asked 16 fps"));
  EXPECT_NEAR(r.duration, 33.0 / 24.0, 0.1);  // the file's measured length, not the request's
}

TEST_F(ComfyUITest, WebsocketProgressReachesTheJob) {
  ComfyScenario sc;
  sc.steps = 4;
  server->setScenario(sc);
  ComfyUIVideo video(options());
  GenerationContext ctx = context();
  QMutex mutex;
  QList<double> seen;
  ctx.progress = [&](double percent, const QString& message) {
    QMutexLocker lock(&mutex);
    if (message.contains("step")) seen << percent;
  };
  video.generate(videoRequest(), ctx);
  EXPECT_EQ(server->socketsOpened(), 1);
  EXPECT_EQ(seen, (QList<double>{95.0 * 1 / 4, 95.0 * 2 / 4, 95.0 * 3 / 4, 95.0}));
  // The websocket said when it was done: /history is read once, for the outputs.
  EXPECT_EQ(server->count("GET", "/history/"), 1);
}

TEST_F(ComfyUITest, HistoryIsPolledWhenTheWebsocketCloses) {
  ComfyScenario sc;
  sc.closeSocketOnQueue = true;
  server->setScenario(sc);
  ComfyUIVideo video(options());
  int steps = 0;
  GenerationContext ctx = context();
  ctx.progress = [&](double, const QString& message) { steps += message.contains("step"); };
  const GenerationResult r = video.generate(videoRequest(), ctx);
  EXPECT_EQ(r.width, 320);
  EXPECT_EQ(steps, 0);                              // no websocket, no step progress
  EXPECT_GE(server->count("GET", "/history/"), 2);  // polled while running, then the outputs
}

TEST_F(ComfyUITest, NodeErrorCarriesTheServersText) {
  ComfyScenario sc;
  sc.failNode = "3";
  server->setScenario(sc);
  ComfyUIVideo video(options());
  try {
    video.generate(videoRequest(), context());
    FAIL() << "a failed node went unnoticed";
  } catch (const ProviderError& e) {
    EXPECT_EQ(e.kind(), ProviderError::Kind::Failed);
    EXPECT_TRUE(e.message().contains(sc.failText)) << e.message().toStdString();
    EXPECT_TRUE(e.message().contains("node 3 (KSampler)")) << e.message().toStdString();
  }
}

TEST_F(ComfyUITest, NodeErrorFromHistoryWithoutTheWebsocket) {
  ComfyScenario sc;
  sc.failNode = "3";
  sc.closeSocketOnQueue = true;
  server->setScenario(sc);
  ComfyUIVideo video(options());
  try {
    video.generate(videoRequest(), context());
    FAIL() << "a failed node went unnoticed";
  } catch (const ProviderError& e) {
    EXPECT_TRUE(e.message().contains(sc.failText)) << e.message().toStdString();
  }
}

TEST_F(ComfyUITest, RefusedWorkflowNamesTheNode) {
  ComfyScenario sc;
  sc.refuse = true;
  server->setScenario(sc);
  ComfyUIImage image(options());
  ImageRequest r;
  r.prompt = "the lighthouse";
  try {
    image.generate(r, context());
    FAIL() << "a refused workflow went unnoticed";
  } catch (const ProviderError& e) {
    EXPECT_EQ(e.kind(), ProviderError::Kind::Invalid);
    EXPECT_TRUE(e.message().contains("Prompt outputs failed validation"))
        << e.message().toStdString();
    EXPECT_TRUE(e.message().contains("node 33 (CLIPTextEncode)")) << e.message().toStdString();
    EXPECT_TRUE(e.message().contains("missing.safetensors")) << e.message().toStdString();
  }
}

TEST_F(ComfyUITest, CancelInterruptsAndDeletesFromTheQueue) {
  ComfyScenario sc;
  sc.hold = true;
  server->setScenario(sc);
  ComfyUIVideo video(options());
  GenerationContext ctx = context();
  ctx.progress = [ctx](double, const QString& message) {
    if (message.contains("step")) ctx.cancel();  // the user presses Cancel while it samples
  };
  QString remote;
  ctx.remoteId = [&remote](const QString& id) { remote = id; };
  try {
    video.generate(videoRequest(), ctx);
    FAIL() << "cancel was ignored";
  } catch (const ProviderError& e) {
    EXPECT_EQ(e.kind(), ProviderError::Kind::Cancelled);
  }
  EXPECT_EQ(server->count("POST", "/interrupt"), 1);
  ASSERT_EQ(server->count("POST", "/queue"), 1);
  for (const auto& r : server->requests())
    if (r.path == "/queue") EXPECT_EQ(r.json().value("delete").toArray(), QJsonArray{remote});
  EXPECT_FALSE(remote.isEmpty());
}

TEST_F(ComfyUITest, ServerNotRunningSaysWhereAndWhatToDo) {
  QTcpServer probe;  // a port nobody listens on
  ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
  const quint16 port = probe.serverPort();
  probe.close();
  const QString url = QStringLiteral("http://127.0.0.1:%1").arg(port);
  ComfyUIVideo video(QJsonObject{{"baseUrl", url}, {"timeScale", kScale}});
  try {
    video.generate(videoRequest(), context());
    FAIL() << "no error without a server";
  } catch (const ProviderError& e) {
    EXPECT_EQ(e.kind(), ProviderError::Kind::Network);
    EXPECT_TRUE(e.message().startsWith(
        QStringLiteral("ComfyUI at %1 is not reachable: start it or set COMFYUI_URL").arg(url)))
        << e.message().toStdString();
  }
}

TEST_F(ComfyUITest, BaseUrlComesFromTheEnvironmentWhenNotSet) {
  QProcessEnvironment env;
  env.insert("COMFYUI_URL", "192.168.1.20:8188/");
  EXPECT_EQ(comfyBaseUrl({}, env), QUrl("http://192.168.1.20:8188"));
  EXPECT_EQ(comfyBaseUrl({{"baseUrl", "http://gpu.lan:8000"}}, env), QUrl("http://gpu.lan:8000"));
  EXPECT_EQ(comfyBaseUrl({}, QProcessEnvironment()), QUrl("http://127.0.0.1:8188"));
}

TEST_F(ComfyUITest, ImageFromTheFluxTemplate) {
  ComfyUIImage image(options());
  ImageRequest r;
  r.prompt = "the lighthouse";
  r.style = "moonlight";
  r.width = 320;
  r.height = 180;
  r.seed = 5;
  const GenerationResult res = image.generate(r, context());
  const QJsonObject g = server->submitted().first();
  EXPECT_EQ(input(g, "6", "text").toString(), "the lighthouse. moonlight");
  EXPECT_EQ(input(g, "27", "width").toInt(), 320);
  EXPECT_EQ(input(g, "31", "seed").toDouble(), 5.0);
  EXPECT_EQ(res.mime, "image/png");
  EXPECT_EQ(res.width, 320);
  EXPECT_EQ(res.costUsd, 0.0);
}

TEST_F(ComfyUITest, TheFactoryOffersComfyUIForVideoAndImages) {
  const BackendFactory factory = makeBackendFactory(nullptr, {{"comfyui", options()}});
  EXPECT_TRUE(factory.has(Capability::Video, "comfyui"));
  EXPECT_TRUE(factory.has(Capability::Image, "comfyui"));
  // Another workflow is another recipe: the cache key changes with the workflow file.
  const auto wan = factory.video("comfyui");
  const auto ltx =
      makeBackendFactory(nullptr, {{"comfyui", options({{"videoWorkflow", "ltxv_t2v"}})}})
          .video("comfyui");
  EXPECT_FALSE(wan->engineIdentity().isEmpty());
  EXPECT_NE(wan->engineIdentity(), ltx->engineIdentity());
  const VideoRequest r = videoRequest();
  EXPECT_NE(AssetCache::key(cacheRequestFor(r, *wan)), AssetCache::key(cacheRequestFor(r, *ltx)));
  EXPECT_EQ(AssetCache::key(cacheRequestFor(r, *wan)),
            AssetCache::key(cacheRequestFor(r, *factory.video("comfyui"))));
}

}  // namespace
}  // namespace sw::providers::comfyui
