#include "render_cloud_fixture.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QPainter>

#include "support/media_fixtures.h"
#include "support/model_override.h"
#include "support/sample_project.h"
#include "support/user_folders.h"

namespace sw::rendercloud {

namespace {

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString makePng(const QString& path) {
  QImage img(320, 180, QImage::Format_RGB32);
  img.fill(QColor(30, 60, 120));
  QPainter p(&img);
  p.fillRect(80, 45, 160, 90, QColor(240, 200, 40));
  p.end();
  img.save(path, "PNG");
  return path;
}

}  // namespace

const MediaFixtures& fixtures() {
  static MediaFixtures* fx = [] {
    auto* f = new MediaFixtures;
    testsupport::ClipSpec clip;
    clip.seconds = 1.0;
    clip.fps = {kFps, 1};
    clip.audio = false;
    f->mp4 = readAll(testsupport::makeClip(f->dir.filePath(QStringLiteral("chunk.mp4")), clip));
    testsupport::WavSpec wav;
    wav.seconds = 1.0;
    wav.channels = 1;
    wav.sampleRate = 24000;
    f->wav = readAll(testsupport::makeWav(f->dir.filePath(QStringLiteral("speech.wav")), wav));
    f->png = readAll(makePng(f->dir.filePath(QStringLiteral("reference.png"))));
    return f;
  }();
  return *fx;
}

QByteArray dataUriBytes(const QString& uri) {
  const qsizetype comma = uri.indexOf(QLatin1Char(','));
  if (!uri.startsWith(QLatin1String("data:")) || comma < 0) return {};
  return QByteArray::fromBase64(uri.mid(comma + 1).toLatin1());
}

void RenderCloudTest::SetUp() {
  ASSERT_TRUE(tmp.isValid());
  const MediaFixtures& fx = fixtures();
  ASSERT_FALSE(fx.mp4.isEmpty());
  ASSERT_FALSE(fx.wav.isEmpty());
  ASSERT_FALSE(fx.png.isEmpty());
  server = std::make_unique<fakecloud::FakeCloudServer>(kScale);
  server->setFixture(QStringLiteral("mp4"), fx.mp4);
  server->setFixture(QStringLiteral("wav"), fx.wav);
  server->setFixture(QStringLiteral("png"), fx.png);
  // Keys come from the environment (no keychain on a test machine), as the app documents.
  qputenv("REPLICATE_API_TOKEN", server->tokens().replicate);
  qputenv("OPENAI_API_KEY", server->tokens().openai);
  writeModels(QJsonObject{{"cloudtiny", tinyCloudModel(kHailuo, 0.0)}});
  createProject(projectFolder(), 2.0, QStringLiteral("cloudtiny"));
}

void RenderCloudTest::TearDown() {
  qunsetenv("REPLICATE_API_TOKEN");
  qunsetenv("OPENAI_API_KEY");
}

QJsonObject RenderCloudTest::tinyCloudModel(const QString& modelId, double costPerCall) {
  return QJsonObject{
      {"display_name", "Tiny Hailuo (tests)"},
      {"backend", "replicate"},
      {"model_id", modelId},
      {"version", ""},
      {"endpoint", "model"},
      {"cost_per_call", costPerCall},
      {"fps", kFps},
      {"width", 320},
      {"height", 180},
      {"actual_chunk_duration", 1.0},
      {"duration_controllable", false},
      {"allowed_durations", QJsonArray{6, 10}},
      {"resolutions", QJsonArray{QJsonObject{{"name", "768p"}, {"width", 320}, {"height", 180}}}},
      {"supports_image_input", true},
      {"requires_image_input", false},
      {"max_reference_images", 0},
      {"params", QJsonObject{{"prompt", "prompt"},
                             {"image", "first_frame_image"},
                             {"duration", "duration"},
                             {"resolution", "resolution"}}},
      {"fixed_inputs", QJsonObject{{"prompt_optimizer", false}}}};
}

void RenderCloudTest::writeModels(const QJsonObject& models) {
  // Where the GUI and the CLI look for it: <XDG_CONFIG_HOME>/Scenewright/Scenewright/models.json.
  const QString path = testsupport::modelOverridePath(configFolder());
  ASSERT_TRUE(testsupport::writeModelOverride(path, models));
  registry = std::make_shared<providers::ModelRegistry>(providers::ModelRegistry::load(path));
}

void RenderCloudTest::createProject(const QString& folder, double seconds,
                                    const QString& modelKey) {
  auto store = model::ProjectStore::create(folder, QStringLiteral("Cloud"));
  testsupport::HarbourScene harbour;  // default voices, no sound effect
  harbour.seconds = seconds;
  harbour.modelKey = modelKey;
  sceneId = testsupport::addHarbourScene(*store, harbour);
}

QJsonObject RenderCloudTest::backendOptions() const {
  const QJsonObject replicate{
      {"baseUrl", server->url().toString()}, {"useKeychain", false}, {"timeScale", kScale}};
  QJsonObject openai = replicate;
  openai["baseUrl"] = server->url(QStringLiteral("/v1")).toString();  // OpenAI base URLs end in /v1
  return QJsonObject{{"replicate", replicate}, {"openai", openai}};
}

providers::BackendSettings RenderCloudTest::cloudSettings() const {
  providers::BackendSettings s;
  s.video = s.image = s.music = QStringLiteral("replicate");
  s.speech = QStringLiteral("openai");
  return s;
}

std::unique_ptr<render::RenderQueue> RenderCloudTest::makeQueue(const QString& folder) const {
  auto queue = std::make_unique<render::RenderQueue>(folder.isEmpty() ? projectFolder() : folder);
  queue->setModelRegistry(registry);
  queue->setCacheDirectory(cacheFolder());
  queue->setBackendSettings(cloudSettings(), backendOptions());
  return queue;
}

render::RenderRequest RenderCloudTest::request(const QString& folder) const {
  render::RenderRequest r;
  r.sceneIds = {sceneId};
  r.preview = true;
  r.sfx = false;
  // The fake TTS answers every line with 1 s of audio (4.2 s of speech for the three lines): these
  // tests are about the video chain at the scene's own duration, so they keep it.
  r.keepDuration = true;
  r.outputPath =
      folder.isEmpty() ? outputPath() : QDir(folder).absoluteFilePath(QStringLiteral("scene.mp4"));
  return r;
}

model::Id RenderCloudTest::renderAndWait(const render::RenderRequest& r, const QString& folder) {
  auto queue = makeQueue(folder);
  const QList<model::Id> ids = queue->enqueue(r);
  queue->waitForIdle();
  return ids.value(0);
}

QProcessEnvironment RenderCloudTest::cliEnvironment() const {
  QProcessEnvironment e = testsupport::isolatedEnvironment();
  e.insert(QStringLiteral("SCENEWRIGHT_CACHE_DIR"), cacheFolder());
  e.insert(QStringLiteral("XDG_CONFIG_HOME"), configFolder());
  e.insert(QStringLiteral("REPLICATE_BASE_URL"), server->url().toString());
  e.insert(QStringLiteral("REPLICATE_API_TOKEN"), QString::fromLatin1(server->tokens().replicate));
  return e;
}

QList<fakecloud::LoggedRequest> RenderCloudTest::creates(const QString& modelName) const {
  return server->requests("POST", QStringLiteral("/v1/models/%1/predictions").arg(modelName));
}

QList<model::JobEvent> RenderCloudTest::events(model::Id jobId, const QString& kind) const {
  QList<model::JobEvent> out;
  for (const model::JobEvent& e : openStore()->jobEvents(jobId))
    if (e.kind == kind) out.append(e);
  return out;
}

int RenderCloudTest::eventsOfKind(model::Id jobId, const QString& kind) const {
  return int(events(jobId, kind).size());
}

}  // namespace sw::rendercloud
