// Render commands: render, restitch, regenerate, jobs, resume. Progress goes to stderr;
// Ctrl-C cancels the running job(s) cleanly (no partial output file is left).
#include <unistd.h>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <atomic>

#include "args.h"
#include "command.h"
#include "film_cli.h"
#include "interrupt.h"
#include "model/project_store.h"
#include "providers/backend_factory.h"
#include "providers/model_registry.h"
#include "render/app_settings.h"
#include "render/job_log.h"
#include "render/render_estimate.h"
#include "render/render_queue.h"
#include "render/seam_check.h"
#include "render/speech_estimate.h"
#include "render/spend_ledger.h"
#include "render_driver.h"
#include "scene_arg.h"

namespace sw::cli {

void registerRenderCommands(QList<Command>& out);

using model::Id;
using model::JobStatus;

// Runs the queue until idle, printing progress lines; returns the exit code.
int drive(render::RenderQueue& queue, const QList<Id>& jobs, bool printOutputs) {
  QTextStream err(stderr);
  const bool tty = isatty(STDERR_FILENO);
  QString lastStep;
  QElapsedTimer sinceLine;
  sinceLine.start();
  int failures = 0;
  QObject::connect(
      &queue, &render::RenderQueue::jobProgress,
      [&](qint64 id, const QString& stage, double pct, double eta) {
        // On a terminal one line is rewritten in place; in a log, a line per step (or every 2 s).
        const QString step =
            QStringLiteral("%1 %2").arg(id).arg(stage.section(QLatin1Char(':'), 0, 0));
        if (!tty && step == lastStep && sinceLine.elapsed() < 2000) return;
        lastStep = step;
        sinceLine.restart();
        QString line = QStringLiteral("[job %1 %2%] %3").arg(id).arg(int(pct), 3).arg(stage);
        if (eta >= 0 && pct > 2) line += QStringLiteral(" (about %1 s left)").arg(qRound(eta));
        err << (tty ? QStringLiteral("\r\033[K") : QString()) << line << (tty ? "" : "\n");
        err.flush();
      });
  QObject::connect(&queue, &render::RenderQueue::jobFinished,
                   [&](qint64 id, int status, const QString& output, const QString& error) {
                     if (tty) err << "\n";
                     if (status == int(JobStatus::Completed) && output.isEmpty()) {
                       err << "job " << id << ": done\n";  // a regenerate exports nothing
                     } else if (status == int(JobStatus::Completed)) {
                       err << "job " << id << ": rendered " << output << "\n";
                       // Seam QA ran after the stitch (render/seam_check.h); a bad seam is a
                       // warning, the render stands.
                       if (const auto qa = render::manifestSeamReport(output))
                         err << "job " << id << ": seam QA: " << qa->summary() << "\n";
                       if (printOutputs) QTextStream(stdout) << output << "\n";
                     } else {
                       ++failures;
                       err << "job " << id << ": " << error << "\n";
                     }
                     err.flush();
                   });
  // Ctrl-C or SIGTERM: the jobs are cancelled (their temporary files deleted), exit 128 + signal.
  InterruptGuard guard;
  bool cancelling = false;
  QTimer interrupt;
  QObject::connect(&interrupt, &QTimer::timeout, [&] {
    if (cancelling || !InterruptGuard::interrupted()) return;
    cancelling = true;
    err << "\ncancelling...\n";
    for (Id id : jobs) queue.cancel(id);
  });
  interrupt.start(100);
  queue.waitForIdle();
  if (const int signal = interruptingSignal()) return 128 + signal;
  return failures ? kExitUserError : kExitOk;
}

// The GUI's Preferences (backends per capability, service options, cache folder) apply here too.
// A scene another job works on: refused (exit 1, naming that job) unless --wait.
void configure(render::RenderQueue& queue, const QCommandLineParser& p) {
  queue.setBusySceneMode(p.isSet(QStringLiteral("wait")) ? render::RenderQueue::BusyScene::Wait
                                                         : render::RenderQueue::BusyScene::Refuse);
  const render::AppSettings settings = render::AppSettings::load();
  queue.setBackendSettings(settings.backends, settings.backendOptions);
  queue.setCacheDirectory(settings.effectiveCacheDirectory());
  // What a killed render left in the cache (never a live process's files).
  providers::AssetCache(settings.effectiveCacheDirectory()).sweepStaleTemps();
}

QCommandLineOption waitOption() {
  return {QStringLiteral("wait"), QStringLiteral("Wait while another job works on the scene.")};
}

render::RenderRequest requestFrom(const QCommandLineParser& p, model::ProjectStore& store) {
  QList<Id> scenes;
  for (const QString& s : p.values(QStringLiteral("scene"))) scenes.append(resolveScene(store, s));
  if (scenes.isEmpty()) throw UserError(QStringLiteral("name at least one --scene"));
  return requestFor(p, store, scenes);
}

void readTracks(const QCommandLineParser& p, render::RenderRequest& r) {
  if (p.isSet(QStringLiteral("tracks"))) {
    const QStringList tracks =
        p.value(QStringLiteral("tracks")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& t : tracks)
      if (!QStringList{"narration", "dialogue", "music", "sfx", "none"}.contains(t))
        throw UserError(
            QStringLiteral("unknown track '%1' (narration, dialogue, music, sfx, none)").arg(t));
    r.narration = tracks.contains(QStringLiteral("narration"));
    r.dialogue = tracks.contains(QStringLiteral("dialogue"));
    r.music = tracks.contains(QStringLiteral("music"));
    r.sfx = tracks.contains(QStringLiteral("sfx"));
  }
}

render::RenderRequest requestFor(const QCommandLineParser& p, model::ProjectStore& store,
                                 const QList<model::Id>& scenes) {
  render::RenderRequest r;
  r.sceneIds = scenes;
  readTracks(p, r);
  r.resolution = p.value(QStringLiteral("resolution"));
  if (!QStringList{"480p", "720p", "1080p", "2160p"}.contains(r.resolution))
    throw UserError(QStringLiteral("--resolution must be 480p, 720p, 1080p or 2160p"));
  r.aspect = p.value(QStringLiteral("aspect"));
  if (!QStringList{"16:9", "9:16", "1:1"}.contains(r.aspect))
    throw UserError(QStringLiteral("--aspect must be 16:9, 9:16 or 1:1"));
  r.preview = p.isSet(QStringLiteral("preview"));
  r.keepDuration = p.isSet(QStringLiteral("keep-duration"));
  if (p.isSet(QStringLiteral("output")) && !p.isSet(QStringLiteral("film")))  // a film's own -o
    r.outputPath = QFileInfo(p.value(QStringLiteral("output"))).absoluteFilePath();
  if (r.sceneIds.size() > 1 && !r.outputPath.isEmpty())
    throw UserError(QStringLiteral(
        "-o names one file: render several scenes without it (they go to exports/)"));
  r.backend = p.value(QStringLiteral("backend"));
  r.modelKey = p.value(QStringLiteral("model"));
  if (p.isSet(QStringLiteral("replan")) && r.modelKey.isEmpty())
    throw UserError(QStringLiteral("--replan needs --model KEY"));
  r.keepStale = p.isSet(QStringLiteral("keep-stale"));
  for (const QString& id :
       p.value(QStringLiteral("keep")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    bool ok = false;
    const Id chunk = id.trimmed().toLongLong(&ok);
    const auto row = ok ? store.chunk(chunk) : std::nullopt;
    if (!row || !r.sceneIds.contains(row->sceneId))
      throw UserError(
          QStringLiteral("--keep: no chunk %1 in the scenes rendered (see 'status')").arg(id));
    r.keepChunks.append(chunk);
  }
  if (p.isSet(QStringLiteral("budget"))) {
    bool ok = false;
    r.budgetUsd = p.value(QStringLiteral("budget")).toDouble(&ok);
    if (!ok || *r.budgetUsd < 0)
      throw UserError(QStringLiteral("--budget takes an amount in USD, e.g. 2.50"));
  }
  return r;
}

// One line per scene on stderr before anything starts: what is ready, what will be generated, cost.
void printEstimates(model::ProjectStore& store, const render::RenderRequest& request) {
  std::shared_ptr<const providers::ModelRegistry> registry;
  try {
    registry = std::make_shared<const providers::ModelRegistry>(providers::ModelRegistry::load());
  } catch (const std::exception&) {
    // estimateRender says the cost is unknown; the render itself reports the registry error.
  }
  const render::AppSettings settings = render::AppSettings::load();
  const providers::BackendSettings backends = settings.backends;
  const QString cacheDirectory = settings.effectiveCacheDirectory();
  QTextStream err(stderr);
  std::optional<double> total = 0.0;
  for (Id id : request.sceneIds) {
    render::RenderRequest one = request;
    one.sceneIds = {id};
    const auto scene = store.scene(id);
    const render::RenderEstimate e =
        render::estimateRender(store, one, registry.get(), backends, cacheDirectory);
    if (total && e.costToGenerate)
      *total += *e.costToGenerate;
    else
      total.reset();
    err << "Scene " << (scene ? scene->position + 1 : 0) << ": " << e.summaryLine() << '\n';
    if (!scene) continue;
    const render::SpeechTiming timing = render::speechTimingOf(store, *scene, one);
    const QString speech = render::describeSpeechLayout(render::layoutSpeech(timing));
    const bool estimated = std::any_of(timing.items.begin(), timing.items.end(),
                                       [](const render::SpeechItem& i) { return !i.measured; });
    if (!speech.isEmpty())
      err << "  " << speech << (estimated ? " (estimated: speech not generated yet)" : "") << '\n';
  }
  // One budget for every scene of the render and every resume of its jobs (spend_ledger.h).
  if (const auto budget = render::effectiveBudget(store, request)) {
    err << "Budget $" << QString::number(*budget, 'f', 2) << " for "
        << (request.sceneIds.size() == 1
                ? QStringLiteral("the scene")
                : QStringLiteral("all %1 scenes").arg(request.sceneIds.size()))
        << "; estimated "
        << (total ? QStringLiteral("$%1").arg(*total, 0, 'f', 2) : QStringLiteral("cost unknown"))
        << '\n';
  }
  err.flush();
}

void addRenderOptions(QCommandLineParser& p, bool full) {
  p.addOption({QStringLiteral("scene"), QStringLiteral("Scene position or id (repeatable)."),
               QStringLiteral("N")});
  p.addOption({{QStringLiteral("o"), QStringLiteral("output")},
               QStringLiteral("Output MP4."),
               QStringLiteral("OUT")});
  p.addOption({QStringLiteral("tracks"), QStringLiteral("Audio tracks."), QStringLiteral("LIST")});
  p.addOption({QStringLiteral("resolution"), QStringLiteral("Resolution."), QStringLiteral("RES"),
               QStringLiteral("720p")});
  p.addOption({QStringLiteral("aspect"), QStringLiteral("Aspect."), QStringLiteral("A"),
               QStringLiteral("16:9")});
  p.addOption({QStringLiteral("preview"), QStringLiteral("Fast low-res preview.")});
  p.addOption({QStringLiteral("keep-duration"),
               QStringLiteral("Keep the scene's duration when the speech needs more.")});
  p.addOption(waitOption());
  if (!full) return;
  p.addOption({QStringLiteral("backend"), QStringLiteral("Video backend."), QStringLiteral("ID")});
  p.addOption({QStringLiteral("model"),
               QStringLiteral("Model key for this render only (the scene keeps its model)."),
               QStringLiteral("KEY")});
  p.addOption({QStringLiteral("replan"),
               QStringLiteral("With --model: make it the scene's model (takes are kept).")});
  p.addOption({QStringLiteral("keep-stale"),
               QStringLiteral("Render stale chunks as they are instead of regenerating them.")});
  p.addOption(
      {QStringLiteral("keep"),
       QStringLiteral("Render these chunk ids as they are (comma-separated; see 'status')."),
       QStringLiteral("IDS")});
  p.addOption({QStringLiteral("budget"), QStringLiteral("Budget in USD."), QStringLiteral("USD")});
  addFilmOptions(p);
}

namespace {

int runRender(const QStringList& args, bool offline) {
  const QString name = offline ? QStringLiteral("restitch") : QStringLiteral("render");
  QCommandLineParser p;
  addRenderOptions(p, !offline);
  parseArgs(p, name, args, 1, 1);
  const QString folder = p.positionalArguments().first();
  if (!offline) {
    if (const int code = runFilm(p, folder); code >= 0) return code;
  }
  auto store = model::ProjectStore::open(folder);
  render::RenderRequest request = requestFrom(p, *store);
  if (!offline && p.isSet(QStringLiteral("replan"))) {  // the scene's model, for good
    for (Id id : request.sceneIds) {
      model::Scene scene = *store->scene(id);
      scene.modelKey = request.modelKey;
      store->updateScene(scene);
    }
  }
  if (offline && request.outputPath.isEmpty())
    throw UserError(QStringLiteral("restitch needs -o OUT.mp4"));
  request.offline = offline;
  if (offline)
    request.backend = QStringLiteral("local");  // nothing is generated offline
  else
    printEstimates(*store, request);
  render::RenderQueue queue(folder);
  configure(queue, p);
  const QList<Id> jobs = queue.enqueue(request);
  return drive(queue, jobs);
}

int runResume(const QStringList& args) {
  QCommandLineParser p;
  p.addOption(waitOption());
  parseArgs(p, QStringLiteral("resume"), args, 2, 2);
  const QString folder = p.positionalArguments().at(0);
  bool ok = false;
  const Id job = p.positionalArguments().at(1).toLongLong(&ok);
  auto store = model::ProjectStore::open(folder);
  if (!ok || !store->job(job))
    throw UserError(
        QStringLiteral("no render job %1 (see 'jobs')").arg(p.positionalArguments().at(1)));
  if (store->job(job)->spec.value(QStringLiteral("kind")).toString() == QLatin1String("farm"))
    throw UserError(
        QStringLiteral("job %1 runs on Slurm: see 'farm status', 'farm fetch'").arg(job));
  if (store->job(job)->status == JobStatus::Completed)
    throw UserError(QStringLiteral("job %1 is already completed").arg(job));
  store.reset();
  render::RenderQueue queue(folder);
  configure(queue, p);
  queue.resume(job);
  return drive(queue, {job});
}

// The job log, in the same rows as the queue dock's events dialog (render/job_log.h).
int printEvents(model::ProjectStore& store, const QString& jobArg, bool json) {
  bool ok = false;
  const Id job = jobArg.toLongLong(&ok);
  if (!ok || !store.job(job))
    throw UserError(QStringLiteral("no render job %1 (see 'jobs')").arg(jobArg));
  const QList<model::JobEvent> events = store.jobEvents(job);
  const QList<render::JobLogRow> rows = render::describeJobEvents(events);
  if (!json) {
    QTextStream(stdout) << render::jobLogText(rows);
    return kExitOk;
  }
  QJsonArray out;
  for (int i = 0; i < rows.size(); ++i) {
    const render::JobLogRow& r = rows.at(i);
    QJsonObject row{{"time", r.time.toString(Qt::ISODateWithMs)},
                    {"elapsed", r.elapsed},
                    {"level", r.level},
                    {"kind", events.at(i).kind},
                    {"step", r.step},
                    {"what", r.what},
                    {"model", r.model},
                    {"data", events.at(i).data}};
    if (r.cost) row.insert(QStringLiteral("costUsd"), *r.cost);
    if (r.seconds) row.insert(QStringLiteral("seconds"), *r.seconds);
    out.append(row);
  }
  QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
  return kExitOk;
}

int runJobs(const QStringList& args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
  p.addOption(
      {QStringLiteral("events"), QStringLiteral("The job log of job JOB."), QStringLiteral("JOB")});
  parseArgs(p, QStringLiteral("jobs"), args, 1, 1);
  auto store = model::ProjectStore::open(p.positionalArguments().first());
  render::recoverInterruptedJobs(*store);
  if (p.isSet(QStringLiteral("events")))
    return printEvents(*store, p.value(QStringLiteral("events")), p.isSet(QStringLiteral("json")));
  QJsonArray rows;
  for (const model::RenderJob& j : store->jobs())
    rows.append(QJsonObject{{"id", double(j.id)},
                            {"scene", j.sceneId ? double(*j.sceneId) : 0.0},
                            {"status", model::toString(j.status)},
                            {"stage", j.stage},
                            {"progress", j.progress},
                            {"output", j.outputPath},
                            {"costUsd", j.cost},
                            {"error", j.errorMessage},
                            {"created", j.created.toString(Qt::ISODate)}});
  if (p.isSet(QStringLiteral("json"))) {
    QTextStream(stdout) << QJsonDocument(rows).toJson(QJsonDocument::Indented);
    return kExitOk;
  }
  QTextStream out(stdout);
  out << "  id  scene  status       progress  cost     output / error\n";
  for (const QJsonValue& v : rows) {
    const QJsonObject r = v.toObject();
    out << QString::number(qint64(r["id"].toDouble())).rightJustified(4)
        << QString::number(qint64(r["scene"].toDouble())).rightJustified(7) << "  "
        << r["status"].toString().leftJustified(12)
        << QString::number(int(r["progress"].toDouble())).rightJustified(7) << "%  $"
        << QString::number(r["costUsd"].toDouble(), 'f', 2).leftJustified(7) << " "
        << (r["error"].toString().isEmpty() ? r["output"].toString() : r["error"].toString())
        << '\n';
  }
  return kExitOk;
}

const char* kRenderOptions =
    "  --scene N          scene by 1-based position or id (repeat for a batch)\n"
    "  -o, --output OUT   output MP4 (default: <project>/exports/NN-title.mp4); never the\n"
    "                     project's store or backups, a cached file, an input, a device,\n"
    "                     a folder or a fifo\n"
    "  --tracks LIST      audio tracks: narration,dialogue,music,sfx (default all; 'none')\n"
    "  --resolution RES   480p, 720p (default), 1080p, 2160p\n"
    "  --aspect A         16:9 (default), 9:16, 1:1\n"
    "  --preview          fast low-resolution preview (480p, fast encoder settings)\n"
    "  --keep-duration    when the speech needs more time than the scene's duration, keep the\n"
    "                     duration and cut the speech (a warning names each line cut); by\n"
    "                     default the scene is lengthened to fit the speech\n"
    "  --wait             when another job works on the scene, wait for it instead of\n"
    "                     failing (exit 1) with a message naming that job\n";

}  // namespace

void registerRenderCommands(QList<Command>& out) {
  out.append(
      {QStringLiteral("render"),
       QStringLiteral("Generate what is missing and export scenes to MP4"),
       QStringLiteral(
           "Usage: scenewright-cli render DIR --scene N [--scene M ...] [options]\n"
           "       scenewright-cli render DIR --film [--scenes 1,3-5] [--transition T]\n"
           "                              -o FILM.mp4 [--write-plan PLAN.json]\n\n"
           "Generates missing assets (cached), stitches, mixes and exports each scene.\n"
           "Prints each output path on stdout; progress on stderr; Ctrl-C cancels.\n"
           "--film joins the chosen scenes (default: all) in order into one MP4 with a\n"
           "chapter per scene: a scene whose render is current is reused, the others\n"
           "are rendered first. T: cut (default), crossfade:SECONDS or dip:SECONDS;\n"
           "a scene's own transition ('edit DIR --scene N --transition T') overrides it at\n"
           "its boundary. --write-plan writes the film plan for 'stitch --plan'\n"
           "instead (docs/film.md). A film manifest goes to FILM.mp4.json.\n") +
           QString::fromLatin1(kRenderOptions) +
           QStringLiteral(
               "  --backend ID       video/image backend: local, a cloud id (replicate) or "
               "comfyui\n"
               "  --model KEY        model registry key (default: the scene's model)\n"
               "  --budget USD       stop before spending more than this on the whole render\n"
               "                     (every scene, every resume); default: the project's\n"
               "                     \"budgetUsd\" setting\n"),
       [](const QStringList& a) { return runRender(a, false); }});
  out.append(
      {QStringLiteral("restitch"),
       QStringLiteral("Re-export a scene from the cache only (offline)"),
       QStringLiteral("Usage: scenewright-cli restitch DIR --scene N -o OUT.mp4 [options]\n\n"
                      "Builds the scene from cached assets; never sends a request. Fails naming\n"
                      "the first asset missing from the cache.\n") +
           QString::fromLatin1(kRenderOptions),
       [](const QStringList& a) { return runRender(a, true); }});
  out.append(
      {QStringLiteral("regenerate"), QStringLiteral("Generate a new take of a chunk or an asset"),
       QStringLiteral(
           "Usage: scenewright-cli regenerate DIR (--chunk ID | --reference --scene N |\n"
           "         --narration --scene N | --line ID | --music --scene N | --sfx ID |\n"
           "         --stale N) [--prompt T] [--text T] [--seed N] [--voice V] [--mood M]\n"
           "         [--tempo BPM] [--model KEY] [--backend ID] [--takes K] [--wait]\n\n"
           "A job of the render queue (see 'jobs'; 'resume' continues it). Every take is kept:\n"
           "the old take or asset stays selectable ('takes --use', the GUI).\n"
           "  --chunk ID         a new take of one chunk (ids: 'status'); later chunks go stale\n"
           "  --reference        the scene's reference image (old spelling: --reference-image N)\n"
           "  --narration        the scene's narration (old spelling: --narration N)\n"
           "  --line ID          one dialogue line (old spelling: --dialogue ID)\n"
           "  --music            the scene's music (old spelling: --music N)\n"
           "  --sfx ID           one sound effect cue\n"
           "  --stale N          scene N's stale chunks, in order\n"
           "Inputs (each becomes the asset's recipe: the scene, line or cue is edited so\n"
           "'status' shows the new take as ready):\n"
           "  --prompt T         chunk: its prompt; reference: the scene's visual prompt;\n"
           "                     music: the music prompt; sfx: the cue's description\n"
           "  --text T           narration or line: the words spoken\n"
           "  --voice V          narration: the project's narrator voice; line: the voice of\n"
           "                     the line's character (their other lines then need new takes)\n"
           "  --mood M, --tempo BPM   music\n"
           "  --seed N           the seed (speech: the take number); default: the current + 1\n"
           "  --model KEY        chunk or stale chain: the video model\n"
           "  --takes K          chunk or reference: K takes at once (seeds N, N+1, ...), in\n"
           "                     parallel under the backend's limit; the active one stays until\n"
           "                     you pick ('takes --use'); prints each take's id, seed and cost\n"
           "Prints the estimated cost before starting. Refused while another job works on the\n"
           "scene, unless --wait.\n"),
       runRegenerate});
  out.append({QStringLiteral("jobs"), QStringLiteral("List render jobs"),
              QStringLiteral("Usage: scenewright-cli jobs DIR [--events JOB] [--json]\n\n"
                             "Lists render jobs with status, progress, cost and output or error.\n"
                             "--events JOB prints that job's log instead: time, seconds since the\n"
                             "start, level, step, model, cost, seconds the step took, and what\n"
                             "happened (inputs, output file, warnings such as a text-to-video\n"
                             "fallback); the same rows as the render queue's Job log.\n"),
              runJobs});
  out.append({QStringLiteral("resume"), QStringLiteral("Finish an interrupted or failed job"),
              QStringLiteral(
                  "Usage: scenewright-cli resume DIR JOB [--wait]\n\n"
                  "Continues a job from the cache: finished assets are not generated again,\n"
                  "remote predictions in flight are polled by their stored id. Refused while the\n"
                  "job, or another job of its scene, still runs (unless --wait).\n"),
              runResume});
}

}  // namespace sw::cli
