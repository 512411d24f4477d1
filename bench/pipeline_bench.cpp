// pipeline_bench: how close a cloud batch render comes to its critical path.
// A project of S scenes x N one-second chunks plus narration, two dialogue lines and music is
// rendered as one batch through sw::render::RenderQueue against the loopback fake cloud
// (tests/fakecloud) with fixed per-call latencies:
//   video chunk  (Replicate, async): the fake answers the (startingPolls + processingPolls + 1)-th
//                poll; the client polls every virtual second, so L_video = polls x 1 s x scale
//   music        (Replicate, async): the same lifecycle, L_music = L_video
//   ref. image   (Replicate, Prefer: wait): L_image = jobDurationMs x scale
//   speech       (OpenAI-compatible TTS): L_speech = slowMs x scale
// Critical path (what the dependencies allow):
//   chain(scene) = L_image + N x L_video            (chunk n starts from chunk n-1's last frame)
//   audio(scene) = list-scheduled makespan of the speech and music calls on the job's audio
//                  threads (they run beside the chain)
//   CP(scene)    = max(chain, audio)
//   CP(batch)    = ceil(S / P) x CP(scene), P = scenes rendered at once; the ideal is P >= S.
// Stitching, probing and last-frame extraction are real work outside the latencies, so
// wall / CP(batch, P >= S) > 1 measures everything the scheduler adds. Target: <= 1.1.
// The stitch follows a scene's last chunk, so the bench also re-stitches one scene alone from the
// cache (offline, no request) and prints the ratio against CP + that stitch.
// Usage: pipeline_bench [--scale 0.5] [--processing-polls 2] [--scenes 3] [--chunks 4] [--parallel
// P]
#include <QBuffer>
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
#include <QThread>
#include <algorithm>
#include <cmath>

#include "fakecloud/fake_cloud_server.h"
#include "model/project_store.h"
#include "render/render_queue.h"
#include "support/media_fixtures.h"

namespace {

using namespace sw;

struct Config {
  int scenes = 3;
  int chunks = 4;
  double scale = 0.5;     // real seconds per virtual second (fake and clients)
  int startingPolls = 1;  // video/music: 1 + 2 + 1 = 4 polls = 4 virtual s
  int processingPolls = 2;
  qint64 imageMs = 1000;   // virtual
  qint64 speechMs = 1000;  // virtual
  int audioThreads = 2;    // the job's audio pool (QThreadPool default: the machine's cores)
  int parallelScenes = 0;  // P for the formula; 0 = all scenes at once
};

struct Latencies {
  double video, music, image, speech;
};

Latencies latencies(const Config& c) {
  const double video = (c.startingPolls + c.processingPolls + 1) * 1.0 * c.scale;
  return {video, video, c.imageMs / 1000.0 * c.scale, c.speechMs / 1000.0 * c.scale};
}

// Makespan of `calls` (in this order) on `threads` workers, each taking the next free one.
double listSchedule(const QList<double>& calls, int threads) {
  std::vector<double> free(std::max(1, threads), 0.0);
  for (double d : calls) {
    auto it = std::min_element(free.begin(), free.end());
    *it += d;
  }
  return *std::max_element(free.begin(), free.end());
}

double sceneCriticalPath(const Config& c, const Latencies& l, double* chain, double* audio) {
  *chain = l.image + c.chunks * l.video;
  *audio = listSchedule({l.speech, l.speech, l.speech, l.music},
                        c.audioThreads);  // narration, 2 lines, music
  return std::max(*chain, *audio);
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void serveFixtures(fakecloud::FakeCloudServer& server, const QTemporaryDir& dir) {
  testsupport::ClipSpec clip;
  clip.seconds = 1.0;
  clip.fps = {12, 1};
  clip.audio = false;
  server.setFixture("mp4", readAll(testsupport::makeClip(dir.filePath("chunk.mp4"), clip)));
  testsupport::WavSpec wav;
  wav.seconds = 1.0;
  wav.channels = 1;
  wav.sampleRate = 24000;
  server.setFixture("wav", readAll(testsupport::makeWav(dir.filePath("speech.wav"), wav)));
  QImage image(320, 180, QImage::Format_RGB32);
  image.fill(QColor(30, 60, 120));
  QByteArray png;
  QBuffer buffer(&png);
  buffer.open(QIODevice::WriteOnly);
  image.save(&buffer, "PNG");
  server.setFixture("png", png);
}

std::shared_ptr<const providers::ModelRegistry> writeRegistry(const QString& dir) {
  const QJsonObject model{
      {"display_name", "Bench Hailuo"},
      {"backend", "replicate"},
      {"model_id", "minimax/hailuo-2.3-fast"},
      {"version", ""},
      {"endpoint", "model"},
      {"cost_per_call", 0.0},
      {"fps", 12},
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
  const QString path = QDir(dir).filePath("models.json");
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) throw std::runtime_error("cannot write " + path.toStdString());
  f.write(QJsonDocument(QJsonObject{{"models", QJsonObject{{"bench", model}}}}).toJson());
  f.close();
  return std::make_shared<providers::ModelRegistry>(providers::ModelRegistry::load(path));
}

QList<model::Id> createProject(const QString& folder, const Config& c) {
  auto store = model::ProjectStore::create(folder, QStringLiteral("Bench"));
  const model::Id mara = store->addCharacter({0, QStringLiteral("MARA"), QString(), {}});
  const model::Id tomas = store->addCharacter({0, QStringLiteral("TOMAS"), QString(), {}});
  QList<model::Id> ids;
  for (int i = 0; i < c.scenes; ++i) {
    model::Scene scene;
    scene.title = QStringLiteral("Scene %1").arg(i + 1);
    scene.narration = QStringLiteral("Night falls on part %1.").arg(i + 1);
    scene.visualPrompt = QStringLiteral("a harbour at night, shot %1").arg(i + 1);
    scene.directionPrompt = QStringLiteral("slow pan");
    scene.targetDuration = c.chunks * 1.0;
    scene.modelKey = QStringLiteral("bench");
    scene.musicPrompt = QStringLiteral("soft strings %1").arg(i + 1);
    scene.musicMood = QStringLiteral("calm");
    const model::Id id = store->addScene(scene);
    store->addDialogueLine(
        {0, id, 0, mara, QStringLiteral("Look, number %1.").arg(i + 1), std::nullopt});
    store->addDialogueLine(
        {0, id, 1, tomas, QStringLiteral("A light, number %1.").arg(i + 1), std::nullopt});
    ids.append(id);
  }
  return ids;
}

Config parseArgs(const QCoreApplication& app) {
  QCommandLineParser p;
  p.setApplicationDescription(
      QStringLiteral("Cloud batch render vs its critical path (fake cloud)."));
  p.addHelpOption();
  p.addOption({QStringLiteral("scale"), QStringLiteral("Real seconds per virtual second (0.5)."),
               QStringLiteral("X"), QStringLiteral("0.5")});
  p.addOption({QStringLiteral("processing-polls"), QStringLiteral("Polls in 'processing' (2)."),
               QStringLiteral("N"), QStringLiteral("2")});
  p.addOption({QStringLiteral("scenes"), QStringLiteral("Scenes in the batch (3)."),
               QStringLiteral("S"), QStringLiteral("3")});
  p.addOption({QStringLiteral("chunks"), QStringLiteral("Chunks per scene (4)."),
               QStringLiteral("N"), QStringLiteral("4")});
  p.addOption({QStringLiteral("parallel"), QStringLiteral("P in the formula; 0 = all scenes (0)."),
               QStringLiteral("P"), QStringLiteral("0")});
  p.process(app);
  Config c;
  c.scale = p.value(QStringLiteral("scale")).toDouble();
  c.processingPolls = p.value(QStringLiteral("processing-polls")).toInt();
  c.scenes = std::max(1, p.value(QStringLiteral("scenes")).toInt());
  c.chunks = std::max(1, p.value(QStringLiteral("chunks")).toInt());
  c.parallelScenes = p.value(QStringLiteral("parallel")).toInt();
  c.audioThreads = std::max(1, QThread::idealThreadCount());
  return c;
}

}  // namespace

namespace {

struct JobTimes {
  double stitchStart = -1;  // seconds since the batch was enqueued
  double finished = -1;
  bool completed = false;
  QString error;
};

struct BatchResult {
  double wall = 0;
  QMap<model::Id, JobTimes> jobs;
  double stitchAlone = 0;  // one scene re-stitched from the cache with nothing else running
};

struct Setup {
  QString folder, cacheDir;
  std::shared_ptr<const providers::ModelRegistry> registry;
  QUrl fake;
  double scale = 1.0;
};

void configure(render::RenderQueue& queue, const Setup& setup) {
  queue.setModelRegistry(setup.registry);
  queue.setCacheDirectory(setup.cacheDir);
  providers::BackendSettings settings;
  settings.video = settings.image = settings.music = QStringLiteral("replicate");
  settings.speech = QStringLiteral("openai");
  const QJsonObject options{
      {"baseUrl", setup.fake.toString()}, {"useKeychain", false}, {"timeScale", setup.scale}};
  QJsonObject openai = options;
  openai["baseUrl"] = setup.fake.toString() + QStringLiteral("/v1");  // OpenAI base URLs end in /v1
  queue.setBackendSettings(settings, QJsonObject{{"replicate", options}, {"openai", openai}});
}

BatchResult renderBatch(const Setup& setup, const QList<model::Id>& scenes) {
  render::RenderQueue queue(setup.folder);
  configure(queue, setup);
  BatchResult out;
  QElapsedTimer clock;
  QObject::connect(
      &queue, &render::RenderQueue::jobProgress,
      [&](qint64 id, const QString& stage, double, double) {
        if (stage.startsWith(QLatin1String("stitching")) && out.jobs[id].stitchStart < 0)
          out.jobs[id].stitchStart = clock.elapsed() / 1000.0;
      });
  QObject::connect(&queue, &render::RenderQueue::jobFinished,
                   [&](qint64 id, int status, const QString&, const QString& error) {
                     out.jobs[id].finished = clock.elapsed() / 1000.0;
                     out.jobs[id].completed = status == int(model::JobStatus::Completed);
                     out.jobs[id].error = error;
                   });
  render::RenderRequest request;
  request.sceneIds = scenes;
  request.preview = true;
  request.sfx = false;
  clock.start();
  queue.enqueue(request);
  queue.waitForIdle();
  out.wall = clock.elapsed() / 1000.0;
  return out;
}

// Seconds of the stitch of one scene re-stitched alone from the cache (no request goes out).
double stitchAlone(const Setup& setup, model::Id scene) {
  render::RenderQueue queue(setup.folder);
  configure(queue, setup);
  render::RenderRequest request;
  request.sceneIds = {scene};
  request.preview = true;
  request.sfx = false;
  request.offline = true;
  request.backend = QStringLiteral("local");
  request.outputPath = QDir(setup.folder).filePath(QStringLiteral("restitch.mp4"));
  const model::Id job = queue.enqueue(request).value(0);
  queue.waitForIdle();
  for (const model::JobEvent& e : model::ProjectStore::open(setup.folder)->jobEvents(job))
    if (e.kind == QLatin1String("stitch"))
      return e.data.value(QStringLiteral("elapsed")).toDouble();
  return -1;
}

// Mean measured seconds of the calls of each asset kind (the jobs' asset.generated events) and
// of the stitches (their 'stitch' events).
QMap<QString, QPair<double, int>> measuredCalls(const QString& folder,
                                                const QList<model::Id>& jobs) {
  QMap<QString, QPair<double, int>> calls;
  auto store = model::ProjectStore::open(folder);
  for (model::Id job : jobs)
    for (const model::JobEvent& e : store->jobEvents(job))
      if (e.kind == QLatin1String("stitch")) {
        auto& c = calls[QStringLiteral("stitch")];
        c.first += e.data.value(QStringLiteral("elapsed")).toDouble();
        ++c.second;
      } else if (e.kind == QLatin1String("asset.generated")) {
        auto& c = calls[e.message.section(QLatin1Char(' '), 0, 0)];
        c.first += e.data.value(QStringLiteral("seconds")).toDouble();
        ++c.second;
      }
  return calls;
}

int report(const Config& c, const BatchResult& r, const QString& folder) {
  QTextStream out(stdout);
  const Latencies l = latencies(c);
  double chain = 0, audio = 0;
  const double scene = sceneCriticalPath(c, l, &chain, &audio);
  const int p = c.parallelScenes > 0 ? c.parallelScenes : c.scenes;
  const double cp = std::ceil(double(c.scenes) / p) * scene;
  out << QStringLiteral(
             "pipeline_bench: %1 scenes x %2 chunks + narration, 2 dialogue lines, music; time "
             "scale %3\n")
             .arg(c.scenes)
             .arg(c.chunks)
             .arg(c.scale);
  out << QStringLiteral("latencies (s): video %1, music %2, reference image %3, speech %4\n")
             .arg(l.video, 0, 'f', 2)
             .arg(l.music, 0, 'f', 2)
             .arg(l.image, 0, 'f', 2)
             .arg(l.speech, 0, 'f', 2);
  const auto calls = measuredCalls(folder, r.jobs.keys());
  for (auto it = calls.begin(); it != calls.end(); ++it)
    out << QStringLiteral("  measured %1: %2 calls, mean %3 s\n")
               .arg(it.key(), -6)
               .arg(it.value().second)
               .arg(it.value().first / std::max(1, it.value().second), 0, 'f', 2);
  out << QStringLiteral(
             "critical path: chain = L_image + %1 x L_video = %2 s; audio on %3 threads = %4 s;\n")
             .arg(c.chunks)
             .arg(chain, 0, 'f', 2)
             .arg(c.audioThreads)
             .arg(audio, 0, 'f', 2);
  out << QStringLiteral("  CP(batch) = ceil(%1 / P=%2) x max(chain, audio) = %3 s\n")
             .arg(c.scenes)
             .arg(p)
             .arg(cp, 0, 'f', 2);
  bool ok = true;
  for (auto it = r.jobs.begin(); it != r.jobs.end(); ++it) {
    out << QStringLiteral("  job %1: %2, generation done at %3 s, finished at %4 s%5\n")
               .arg(it.key())
               .arg(it->completed ? QStringLiteral("completed") : QStringLiteral("FAILED"))
               .arg(it->stitchStart, 0, 'f', 2)
               .arg(it->finished, 0, 'f', 2)
               .arg(it->error.isEmpty() ? QString()
                                        : QStringLiteral(" (") + it->error + QLatin1Char(')'));
    ok = ok && it->completed;
  }
  const double ratio = r.wall / cp;
  out << QStringLiteral(
             "wall %1 s, critical path %2 s, ratio %3 (target <= 1.10; sequential would be ~%4)\n")
             .arg(r.wall, 0, 'f', 2)
             .arg(cp, 0, 'f', 2)
             .arg(ratio, 0, 'f', 3)
             .arg(c.scenes * (chain + 3 * l.speech + l.music) / cp, 0, 'f', 1);
  // The stitch follows the last chunk: with it on the path (one scene stitched alone, measured).
  out << QStringLiteral("stitch of one scene alone %1 s; critical path + stitch %2 s, ratio %3\n")
             .arg(r.stitchAlone, 0, 'f', 2)
             .arg(cp + r.stitchAlone, 0, 'f', 2)
             .arg(r.wall / (cp + r.stitchAlone), 0, 'f', 3);
  out.flush();
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("pipeline_bench"));
  QLoggingCategory::setFilterRules(QStringLiteral("scenewright.cloud.*.info=false"));
  const Config c = parseArgs(app);
  QTemporaryDir work;
  fakecloud::FakeCloudServer server(c.scale);
  serveFixtures(server, work);
  fakecloud::Scenario scenario;
  scenario.replicate.startingPolls = c.startingPolls;
  scenario.replicate.processingPolls = c.processingPolls;
  scenario.replicate.jobDurationMs = c.imageMs;
  scenario.openai.slowMs = c.speechMs;
  server.setScenario(scenario);
  qputenv("REPLICATE_API_TOKEN", server.tokens().replicate);
  qputenv("OPENAI_API_KEY", server.tokens().openai);
  Setup setup;
  setup.registry = writeRegistry(work.path());
  setup.folder = work.filePath(QStringLiteral("Bench.scenewright"));
  setup.cacheDir = work.filePath(QStringLiteral("cache"));
  setup.fake = server.url();
  setup.scale = c.scale;
  const QList<model::Id> scenes = createProject(setup.folder, c);
  BatchResult r = renderBatch(setup, scenes);
  r.stitchAlone = stitchAlone(setup, scenes.first());
  return report(c, r, setup.folder);
}
