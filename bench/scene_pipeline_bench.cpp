// scene_pipeline_bench (issue 12, P4): one cloud scene's whole render against its generation
// critical path, with and without encoding while generating (SCENEWRIGHT_ENCODE_AHEAD=0 is the
// old path: the stitch encodes everything after the last chunk arrives).
// A 12 s scene (narration, music, no dialogue or SFX) of 4 s chunks at 1024x576 24 fps, rendered
// at 720p (medium, CRF 20: every chunk is re-encoded), through sw::render::RenderQueue against
// the loopback fake cloud (tests/fakecloud) with fixed latencies at time scale 1:
//   video chunk, music (Replicate, async): answered on the 4th poll, one poll a second = 4 s
//   reference image (Replicate, Prefer: wait):                                        4 s
//   narration (OpenAI-compatible TTS):                                  --speech, default 1 s
// Generation critical path: narration, then the reference image, then the chunks one after the
// other (each starts from its predecessor's last frame): CP = L_speech + L_image + N x L_video
// (music runs beside the chain). The last chunk's encode is measured alone afterwards (its
// segment of the render's plan, encoded as the stitch encodes it). Target (P4):
//   wall <= 1.1 x (CP + last encode).
// Each way renders its own project with its own cache, so both generate everything.
// Usage: scene_pipeline_bench [--speech 1.0] [--runs 1]
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>

#include "fakecloud/fake_cloud_server.h"
#include "media/early_pieces.h"
#include "model/project_store.h"
#include "render/render_queue.h"
#include "support/media_fixtures.h"

namespace {

using namespace sw;

constexpr double kVideo = 4.0, kImage = 4.0;  // seconds per prediction
constexpr double kChunkSeconds = 4.0, kSceneSeconds = 12.0;
constexpr int kFps = 24, kWidth = 1024, kHeight = 576;

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void serveFixtures(fakecloud::FakeCloudServer& server, const QTemporaryDir& dir) {
  testsupport::ClipSpec clip;
  clip.seconds = kChunkSeconds;
  clip.fps = {kFps, 1};
  clip.width = kWidth;
  clip.height = kHeight;
  clip.audio = false;
  server.setFixture("mp4", readAll(testsupport::makeClip(dir.filePath("chunk.mp4"), clip)));
  testsupport::WavSpec wav;
  wav.seconds = 3.0;
  wav.channels = 1;
  wav.sampleRate = 24000;
  server.setFixture("wav", readAll(testsupport::makeWav(dir.filePath("speech.wav"), wav)));
  QImage image(kWidth, kHeight, QImage::Format_RGB32);
  image.fill(QColor(30, 60, 120));
  image.save(dir.filePath("reference.png"), "PNG");
  server.setFixture("png", readAll(dir.filePath("reference.png")));
}

std::shared_ptr<const providers::ModelRegistry> writeRegistry(const QString& dir) {
  const QJsonObject model{
      {"display_name", "Bench Hailuo 4 s"},
      {"backend", "replicate"},
      {"model_id", "minimax/hailuo-2.3-fast"},
      {"version", ""},
      {"endpoint", "model"},
      {"cost_per_call", 0.0},
      {"fps", kFps},
      {"width", kWidth},
      {"height", kHeight},
      {"actual_chunk_duration", kChunkSeconds},
      {"duration_controllable", false},
      {"allowed_durations", QJsonArray{6, 10}},
      {"resolutions",
       QJsonArray{QJsonObject{{"name", "768p"}, {"width", kWidth}, {"height", kHeight}}}},
      {"supports_image_input", true},
      {"requires_image_input", false},
      {"max_reference_images", 0},
      {"params", QJsonObject{{"prompt", "prompt"},
                             {"image", "first_frame_image"},
                             {"duration", "duration"},
                             {"resolution", "resolution"}}},
      {"fixed_inputs", QJsonObject{{"prompt_optimizer", false}}}};
  const QString path = QDir(dir).filePath("models.json");
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) throw std::runtime_error("cannot write " + path.toStdString());
  f.write(QJsonDocument(QJsonObject{{"models", QJsonObject{{"bench", model}}}}).toJson());
  f.close();
  return std::make_shared<providers::ModelRegistry>(providers::ModelRegistry::load(path));
}

model::Id createProject(const QString& folder) {
  auto store = model::ProjectStore::create(folder, QStringLiteral("Bench"));
  model::Scene scene;
  scene.title = QStringLiteral("Harbour");
  scene.narration = QStringLiteral("Night falls on the harbour.");
  scene.visualPrompt = QStringLiteral("a harbour at night");
  scene.directionPrompt = QStringLiteral("slow pan");
  scene.targetDuration = kSceneSeconds;
  scene.modelKey = QStringLiteral("bench");
  scene.musicPrompt = QStringLiteral("soft strings");
  scene.musicMood = QStringLiteral("calm");
  return store->addScene(scene);
}

struct Run {
  double wall = 0, generated = -1, stitch = 0;
  int chunks = 0, pieces = 0;
  bool completed = false;
  QString error, output;
};

Run renderScene(const QString& folder, const QString& cache,
                const std::shared_ptr<const providers::ModelRegistry>& registry, const QUrl& fake,
                bool encodeAhead) {
  qputenv("SCENEWRIGHT_ENCODE_AHEAD", encodeAhead ? "1" : "0");
  const model::Id scene = createProject(folder);
  render::RenderQueue queue(folder);
  queue.setModelRegistry(registry);
  queue.setCacheDirectory(cache);
  providers::BackendSettings settings;
  settings.video = settings.image = settings.music = QStringLiteral("replicate");
  settings.speech = QStringLiteral("openai");
  const QJsonObject options{
      {"baseUrl", fake.toString()}, {"useKeychain", false}, {"timeScale", 1.0}};
  QJsonObject openai = options;
  openai["baseUrl"] = fake.toString() + QStringLiteral("/v1");
  queue.setBackendSettings(settings, QJsonObject{{"replicate", options}, {"openai", openai}});
  Run run;
  run.output = QDir(folder).filePath(QStringLiteral("scene.mp4"));
  QElapsedTimer clock;
  QObject::connect(&queue, &render::RenderQueue::jobProgress,
                   [&](qint64, const QString& stage, double, double) {
                     if (stage.startsWith(QLatin1String("stitching")) && run.generated < 0)
                       run.generated = clock.elapsed() / 1000.0;
                   });
  QObject::connect(&queue, &render::RenderQueue::jobFinished,
                   [&](qint64, int status, const QString&, const QString& error) {
                     run.completed = status == int(model::JobStatus::Completed);
                     run.error = error;
                   });
  render::RenderRequest request;
  request.sceneIds = {scene};
  request.resolution = QStringLiteral("720p");
  request.sfx = false;
  request.keepDuration = true;
  request.outputPath = run.output;
  clock.start();
  const model::Id job = queue.enqueue(request).value(0);
  queue.waitForIdle();
  run.wall = clock.elapsed() / 1000.0;
  auto store = model::ProjectStore::open(folder);
  run.chunks = int(store->chunks(scene).size());
  for (const model::JobEvent& e : store->jobEvents(job))
    if (e.kind == QLatin1String("stitch")) {
      run.stitch = e.data.value(QStringLiteral("elapsed")).toDouble();
      run.pieces = e.data.value(QStringLiteral("piecesUsed")).toInt();
    }
  return run;
}

// Seconds to normalise and encode the last segment of the render's plan (its manifest) alone,
// as the stitch encodes the segments it has no piece for.
double lastChunkEncode(const QString& output) {
  QFile f(output + QStringLiteral(".json"));
  if (!f.open(QIODevice::ReadOnly)) return -1;
  media::RenderPlan plan = media::RenderPlan::fromJson(
      QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("plan")).toObject());
  plan.audio.clear();
  plan.segments = {plan.segments.back()};
  std::atomic<bool> cancel{false};
  media::PieceEncoder encoder(&cancel);
  encoder.submit(0, plan);
  encoder.finish(media::PieceEncoder::Queued::Encode);
  const std::vector<media::PieceReport> reports = encoder.takeReports();
  if (reports.empty() || !reports.front().encoded) {
    QTextStream(stderr) << "the last chunk's encode could not be measured: "
                        << (reports.empty() ? QStringLiteral("no report") : reports.front().note)
                        << "\n";
    return -1;
  }
  return reports.front().seconds;
}

double loadAverage() {
  QFile f(QStringLiteral("/proc/loadavg"));
  return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("scene_pipeline_bench"));
  QLoggingCategory::setFilterRules(QStringLiteral("scenewright.cloud.*.info=false"));
  QCommandLineParser p;
  p.setApplicationDescription(
      QStringLiteral("One cloud scene's render vs its generation critical path (fake cloud)."));
  p.addHelpOption();
  p.addOption({QStringLiteral("speech"), QStringLiteral("Narration latency in seconds (1.0)."),
               QStringLiteral("S"), QStringLiteral("1.0")});
  p.addOption({QStringLiteral("runs"), QStringLiteral("Renders each way, alternating (1)."),
               QStringLiteral("N"), QStringLiteral("1")});
  p.process(app);
  const double speech = p.value(QStringLiteral("speech")).toDouble();
  const int runs = std::max(1, p.value(QStringLiteral("runs")).toInt());

  QTemporaryDir work;
  fakecloud::FakeCloudServer server(1.0);
  serveFixtures(server, work);
  fakecloud::Scenario scenario;
  scenario.replicate.startingPolls = 1;  // answered on the 4th poll: 4 s
  scenario.replicate.processingPolls = 2;
  scenario.replicate.jobDurationMs = qint64(kImage * 1000);
  scenario.openai.slowMs = qint64(speech * 1000);
  server.setScenario(scenario);
  qputenv("REPLICATE_API_TOKEN", server.tokens().replicate);
  qputenv("OPENAI_API_KEY", server.tokens().openai);
  const auto registry = writeRegistry(work.path());

  QTextStream out(stdout);
  out << QStringLiteral(
             "scene_pipeline_bench: a %1 s scene of %2 s chunks (%3x%4 %5 fps) rendered at 720p; "
             "latencies: video %6 s, image %7 s, narration %8 s, music %6 s\n")
             .arg(kSceneSeconds)
             .arg(kChunkSeconds)
             .arg(kWidth)
             .arg(kHeight)
             .arg(kFps)
             .arg(kVideo)
             .arg(kImage)
             .arg(speech);
  out.flush();
  bool ok = true;
  for (int i = 0; i < runs; ++i)
    for (const bool ahead : {false, true}) {
      const QString tag = QStringLiteral("%1-%2").arg(ahead ? "ahead" : "after").arg(i);
      const Run r =
          renderScene(work.filePath(tag + QStringLiteral(".scenewright")),
                      work.filePath(tag + QStringLiteral("-cache")), registry, server.url(), ahead);
      const double cp = speech + kImage + r.chunks * kVideo;
      const double last = lastChunkEncode(r.output);
      ok = ok && r.completed;
      out << QStringLiteral(
                 "%1: %2, %3 chunks; generation critical path %4 s (speech + image + %3 x video), "
                 "generation done at %5 s; stitch %6 s (%7 pieces encoded ahead); last chunk's "
                 "encode alone %8 s; wall %9 s; wall / CP %10; wall / (CP + last encode) %11 "
                 "(target <= 1.10); load %12\n")
                 .arg(ahead ? QStringLiteral("encode while generating")
                            : QStringLiteral("encode after the last chunk"))
                 .arg(r.completed ? QStringLiteral("completed")
                                  : QStringLiteral("FAILED ") + r.error)
                 .arg(r.chunks)
                 .arg(cp, 0, 'f', 2)
                 .arg(r.generated, 0, 'f', 2)
                 .arg(r.stitch, 0, 'f', 2)
                 .arg(r.pieces)
                 .arg(last, 0, 'f', 2)
                 .arg(r.wall, 0, 'f', 2)
                 .arg(r.wall / cp, 0, 'f', 3)
                 .arg(r.wall / (cp + last), 0, 'f', 3)
                 .arg(loadAverage(), 0, 'f', 1);
      out.flush();
    }
  return ok ? 0 : 1;
}
