// farm: renders on a Slurm cluster (src/farm). submit generates what the scenes miss here (the
// keys stay on this machine), writes one bundle per scene into a batch folder of the shared
// spool and submits one sbatch --array job; status, fetch and cancel follow it with squeue,
// scontrol and scancel.
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <optional>

#include "args.h"
#include "bundle_driver.h"
#include "command.h"
#include "farm/farm_jobs.h"
#include "film_cli.h"
#include "model/project_store.h"
#include "render/film.h"
#include "render/job_bundle.h"
#include "render/render_request.h"
#include "render_driver.h"

namespace sw::cli {

namespace {

int submitted(const farm::SubmitResult& r, const QString& batch, int tasks) {
  QTextStream(stderr) << "Submitted Slurm job " << r.arrayJobId << " (" << tasks << " task"
                      << (tasks == 1 ? "" : "s") << ") from " << batch << '\n';
  QTextStream(stdout) << r.arrayJobId << '\n';
  return kExitOk;
}

int runSubmit(const QStringList& args) {
  QCommandLineParser p;
  addRenderOptions(p, true);  // with render --film's options
  p.addOption({QStringLiteral("spool"), QStringLiteral("Shared folder."), QStringLiteral("DIR")});
  p.addOption(
      {QStringLiteral("partition"), QStringLiteral("Slurm partition."), QStringLiteral("P")});
  p.addOption(
      {QStringLiteral("cpus-per-task"), QStringLiteral("CPUs per task."), QStringLiteral("N")});
  p.addOption({QStringLiteral("time"), QStringLiteral("Time limit."), QStringLiteral("T")});
  p.addOption({QStringLiteral("cli"), QStringLiteral("scenewright-cli on the nodes."),
               QStringLiteral("PATH")});
  p.addOption({QStringLiteral("bundle"), QStringLiteral("A bundle to submit (repeatable)."),
               QStringLiteral("JOB.swjob")});
  parseArgs(p, QStringLiteral("farm submit"), args, 1, 1);
  if (p.isSet(QStringLiteral("write-plan")))
    throw UserError(
        QStringLiteral("farm submit: the film plan goes into the spool; drop "
                       "--write-plan"));
  if (!p.isSet(QStringLiteral("spool")))
    throw UserError(
        QStringLiteral("farm submit: --spool SHARED_DIR is required (a folder this "
                       "machine and the cluster's nodes both see)"));
  if (p.isSet(QStringLiteral("o")))
    throw UserError(
        QStringLiteral("farm submit: the outputs go to exports/ ('farm fetch'); "
                       "drop -o"));
  farm::SubmitOptions options;
  options.partition = p.value(QStringLiteral("partition"));
  options.time = p.value(QStringLiteral("time"));
  if (p.isSet(QStringLiteral("cpus-per-task"))) {
    bool ok = false;
    options.cpusPerTask = p.value(QStringLiteral("cpus-per-task")).toInt(&ok);
    if (!ok || options.cpusPerTask <= 0)
      throw UserError(QStringLiteral("farm submit: --cpus-per-task takes a positive number"));
  }
  const QString cli = p.isSet(QStringLiteral("cli"))
                          ? QFileInfo(p.value(QStringLiteral("cli"))).absoluteFilePath()
                          : QCoreApplication::applicationFilePath();
  const QString folder = p.positionalArguments().first();
  auto store = model::ProjectStore::open(folder);
  if (p.isSet(QStringLiteral("bundle"))) {  // bundles written before ('bundle'), as they are
    if (p.isSet(QStringLiteral("scene")))
      throw UserError(QStringLiteral("farm submit: give --scene or --bundle, not both"));
    const QString batch =
        farm::makeBatchFolder(p.value(QStringLiteral("spool")), store->project().name);
    QStringList bundles;
    for (const QString& b : p.values(QStringLiteral("bundle")))
      bundles << QFileInfo(b).absoluteFilePath();
    return submitted(farm::submitBatch(*store, batch, bundles, cli, options), batch,
                     int(bundles.size()));
  }
  std::optional<render::FilmRequest> film;
  if (p.isSet(QStringLiteral("film"))) {
    if (p.isSet(QStringLiteral("bundle")))
      throw UserError(QStringLiteral("farm submit: give --film or --bundle, not both"));
    film = filmRequestFrom(p, *store);
  } else if (p.isSet(QStringLiteral("scenes")) || p.isSet(QStringLiteral("transition"))) {
    throw UserError(QStringLiteral("farm submit: --scenes and --transition need --film"));
  }
  const render::RenderRequest request =
      film ? requestFor(p, *store, film->sceneIds) : requestFrom(p, *store);
  printEstimates(*store, request);
  const QString batch =
      farm::makeBatchFolder(p.value(QStringLiteral("spool")), store->project().name);
  store.reset();
  QStringList bundles;
  for (int i = 0; i < request.sceneIds.size(); ++i) bundles << farm::bundlePathOf(batch, i);
  const int code = writeBundles(folder, p, request, bundles, false);
  if (code != kExitOk) {
    QDir(batch).removeRecursively();
    return code;
  }
  store = model::ProjectStore::open(folder);
  const farm::SubmitResult scenes = farm::submitBatch(*store, batch, bundles, cli, options);
  if (!film) return submitted(scenes, batch, int(bundles.size()));
  // The film plan over the tasks' out/ files, and its assembly job after them.
  const QList<render::FilmScene> filmScenes =
      sw::cli::filmScenes(*store, *film, [&](const model::Scene&, int i) {
        return batch + QStringLiteral("/out/") +
               render::bundleOutputName(render::readBundleJob(bundles.at(i)));
      });
  // Named after its batch: a later film fetched from the same project never replaces this one.
  const QString output = QFileInfo(batch).fileName() + QStringLiteral("-film.mp4");
  const QString plan = batch + QStringLiteral("/film-plan.json");
  const media::RenderPlan filmPlan =
      render::buildFilmPlan(*store, filmScenes, batch + QStringLiteral("/out/") + output);
  render::writeFilmPlan(filmPlan, plan);
  // What fetch completes: each scene's render as it lands in exports/.
  QList<render::FilmScene> landed = filmScenes;
  for (render::FilmScene& f : landed) {
    f.render = store->exportsFolder() + QLatin1Char('/') + QFileInfo(f.render).fileName();
    f.manifest = f.render + QStringLiteral(".json");
  }
  QJsonObject manifest = render::buildFilmManifest(*store, landed, filmPlan, {});
  manifest.remove(QStringLiteral("stitch"));  // fetch adds the assembly's report
  QJsonArray sceneList;  // chapter starts are known once rendered: the MP4's chapters tell
  for (const QJsonValue& v : manifest.value(QStringLiteral("scenes")).toArray()) {
    QJsonObject o = v.toObject();
    o.remove(QStringLiteral("chapterStart"));
    o.remove(QStringLiteral("reused"));
    sceneList.append(o);
  }
  manifest.insert(QStringLiteral("scenes"), sceneList);
  render::writeFilmManifest(manifest, batch + QStringLiteral("/film.json"));
  const farm::SubmitResult assembly =
      farm::submitFilmAssembly(*store, batch, scenes.arrayJobId, QStringLiteral("film-plan.json"),
                               output, QStringLiteral("film.json"), cli, options);
  QTextStream(stderr) << "Submitted Slurm job " << assembly.arrayJobId
                      << " (the film's assembly, after job " << scenes.arrayJobId << ")\n";
  submitted(scenes, batch, int(bundles.size()));
  QTextStream(stdout) << assembly.arrayJobId << '\n';
  return kExitOk;
}

int runStatus(const QStringList& args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
  p.addOption({QStringLiteral("all"), QStringLiteral("Finished farm jobs too.")});
  parseArgs(p, QStringLiteral("farm status"), args, 1, 1);
  auto store = model::ProjectStore::open(p.positionalArguments().first());
  const QList<farm::FarmTaskStatus> rows = farm::farmStatus(*store, p.isSet(QStringLiteral("all")));
  QTextStream out(stdout);
  if (p.isSet(QStringLiteral("json"))) {
    QJsonArray a;
    for (const farm::FarmTaskStatus& s : rows) a.append(s.toJson());
    out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    return kExitOk;
  }
  out << " job  scene  slurm job      state       reason\n";
  for (const farm::FarmTaskStatus& s : rows)
    out << QString::number(s.jobId).rightJustified(4)
        << (s.film ? QStringLiteral("film") : QString::number(s.sceneId)).rightJustified(7) << "  "
        << s.slurmId.leftJustified(14) << ' ' << s.state.leftJustified(11) << ' ' << s.reason
        << '\n';
  return kExitOk;
}

int runFetch(const QStringList& args) {
  QCommandLineParser p;
  parseArgs(p, QStringLiteral("farm fetch"), args, 1, 1);
  auto store = model::ProjectStore::open(p.positionalArguments().first());
  const farm::FetchSummary s = farm::fetchFarmJobs(*store);
  QTextStream(stdout) << "fetched " << s.completed << ", failed " << s.failed << ", cancelled "
                      << s.cancelled << ", still on the cluster " << s.running << '\n';
  return s.failed ? kExitUserError : kExitOk;
}

int runCancel(const QStringList& args) {
  QCommandLineParser p;
  parseArgs(p, QStringLiteral("farm cancel"), args, 1, 1);
  auto store = model::ProjectStore::open(p.positionalArguments().first());
  QTextStream(stdout) << "cancelled " << farm::cancelFarmJobs(*store) << " job(s)\n";
  return kExitOk;
}

int runFarm(const QStringList& args) {
  const QString sub = args.value(0);
  const QStringList rest = args.mid(1);
  if (sub == QLatin1String("submit")) return runSubmit(rest);
  if (sub == QLatin1String("status")) return runStatus(rest);
  if (sub == QLatin1String("fetch")) return runFetch(rest);
  if (sub == QLatin1String("cancel")) return runCancel(rest);
  throw UserError(QStringLiteral("farm: say submit, status, fetch or cancel (see 'farm --help')"));
}

}  // namespace

void registerFarmCommands(QList<Command>& out) {
  out.append(
      {QStringLiteral("farm"), QStringLiteral("Render scenes on a Slurm cluster"),
       QStringLiteral(
           "Usage: scenewright-cli farm submit DIR --scene N [--scene M ...] --spool SHARED_DIR\n"
           "              [--partition P] [--cpus-per-task N] [--time T] [--cli PATH]\n"
           "              [render options]\n"
           "       scenewright-cli farm submit DIR --film [--scenes 1,3-5] [--transition T]\n"
           "              --spool SHARED_DIR [...]\n"
           "       scenewright-cli farm submit DIR --bundle JOB.swjob [...] --spool SHARED_DIR\n"
           "       scenewright-cli farm status DIR [--json] [--all]\n"
           "       scenewright-cli farm fetch DIR\n"
           "       scenewright-cli farm cancel DIR\n\n"
           "submit generates what the scenes miss on this machine (the keys stay here), writes\n"
           "a batch folder into the spool with one job bundle per scene (docs/bundles.md) and\n"
           "submits one 'sbatch --array' job: task i runs 'scenewright-cli stitch --plan' of\n"
           "bundle i on a node, writing the MP4 into the batch's out/. Each task becomes a\n"
           "render job of the project ('jobs'). Prints the Slurm job id.\n"
           "--film also writes the film plan over the tasks' outputs (transitions, chapters,\n"
           "one loudness, as render --film) and submits its assembly job with\n"
           "--dependency=afterok:ARRAY; it prints both ids (the array's, then the film's).\n"
           "fetch puts the film into exports/BATCH-film.mp4 with its manifest. If a scene task\n"
           "fails the assembly can never run: fetch cancels it and marks it failed.\n"
           "  --spool DIR        a folder this machine and every node see at the same path\n"
           "  --cli PATH         scenewright-cli as the nodes run it (default: this one's path)\n"
           "  --bundle JOB       submit bundles written before ('bundle'; in the spool)\n"
           "status shows each unfinished task's state from squeue and scontrol (no sacct).\n"
           "fetch copies finished MP4s and their manifests into exports/ and marks the jobs\n"
           "completed, failed (with the task's log tail; exit 1) or cancelled.\n"
           "cancel runs scancel on the project's unfinished farm jobs.\n"),
       runFarm});
}

}  // namespace sw::cli
