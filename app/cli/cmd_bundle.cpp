// bundle: a scene's portable job bundle (render/job_bundle.h, docs/bundles.md). What is missing
// is generated here first (the render queue's own job, with its cache and budget), then the plan
// and the assets it needs are written to the bundle instead of being stitched.
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QTextStream>
#include <QUuid>

#include "args.h"
#include "bundle_driver.h"
#include "command.h"
#include "film_cli.h"
#include "model/project_store.h"
#include "render/film_bundle.h"
#include "render/render_queue.h"
#include "render/render_request.h"
#include "render_driver.h"

namespace sw::cli {

int writeBundles(const QString& folder, const QCommandLineParser& p,
                 const render::RenderRequest& request, const QStringList& bundles,
                 bool printPaths) {
  for (const QString& b : bundles)
    if (QFileInfo::exists(b))
      throw UserError(
          QStringLiteral("%1 already exists: choose a new bundle name or remove it").arg(b));
  render::RenderQueue queue(folder);
  configure(queue, p);
  QList<model::Id> jobs;
  // One budget for every scene, as one render of them has (spend_ledger.h).
  const QString batch = QUuid::createUuid().toString(QUuid::WithoutBraces);
  for (int i = 0; i < request.sceneIds.size(); ++i) {
    render::RenderRequest one = request;
    one.batchId = batch;
    one.sceneIds = {request.sceneIds.at(i)};
    one.bundlePath = QFileInfo(bundles.at(i)).absoluteFilePath();
    jobs += queue.enqueue(one);
  }
  return drive(queue, jobs, printPaths);
}

namespace {

// bundle DIR --film: one scene bundle per scene inside FILM.swjob, then the film plan over their
// outputs (render/film_bundle.h).
int runFilmBundle(const QCommandLineParser& p, const QString& folder) {
  if (p.isSet(QStringLiteral("write-plan")))
    throw UserError(QStringLiteral("bundle --film writes its own plan.json: drop --write-plan"));
  if (!p.isSet(QStringLiteral("output")))
    throw UserError(QStringLiteral("bundle --film needs -o FILM.swjob"));
  auto store = model::ProjectStore::open(folder);
  const render::FilmRequest film = filmRequestFrom(p, *store);
  const QString target = QFileInfo(p.value(QStringLiteral("output"))).absoluteFilePath();
  render::RenderRequest request = requestFor(p, *store, film.sceneIds);
  request.outputPath.clear();
  printEstimates(*store, request);
  const QList<render::FilmScene> scenes = filmScenes(*store, film, [](const model::Scene&, int) {
    return QString();  // the scene bundles' outputs, known once written
  });
  const QString building = render::startFilmBundle(target);
  QStringList bundles;
  for (int i = 0; i < scenes.size(); ++i) bundles << render::filmBundleScenePath(building, i);
  store.reset();
  try {
    const int code = writeBundles(folder, p, request, bundles, false);
    if (code != kExitOk) {
      QDir(building).removeRecursively();
      return code;
    }
    store = model::ProjectStore::open(folder);
    render::finishFilmBundle(
        *store, scenes,
        QJsonObject{{"transition", film.transition.toString()}, {"settings", request.toJson()}},
        building, target);
  } catch (...) {
    QDir(building).removeRecursively();
    throw;
  }
  QTextStream(stdout) << target << '\n';
  return kExitOk;
}

int runBundle(const QStringList& args) {
  QCommandLineParser p;
  addRenderOptions(p, true);  // with render --film's options
  parseArgs(p, QStringLiteral("bundle"), args, 1, 1);
  const QString folder = p.positionalArguments().first();
  if (p.isSet(QStringLiteral("film"))) return runFilmBundle(p, folder);
  for (const char* o : {"scenes", "write-plan"})
    if (p.isSet(QString::fromLatin1(o)))
      throw UserError(QStringLiteral("--%1 needs --film").arg(QString::fromLatin1(o)));
  auto store = model::ProjectStore::open(folder);
  render::RenderRequest request = requestFrom(p, *store);
  if (request.sceneIds.size() != 1 || request.outputPath.isEmpty())
    throw UserError(QStringLiteral("bundle: name one --scene N and -o JOB.swjob"));
  const QString bundle = request.outputPath;
  request.outputPath.clear();  // the render's own name (exports/NN-title.mp4) goes in job.json
  printEstimates(*store, request);
  store.reset();
  return writeBundles(folder, p, request, {bundle}, true);
}

}  // namespace

void registerBundleCommands(QList<Command>& out) {
  out.append(
      {QStringLiteral("bundle"), QStringLiteral("Write a scene's portable job bundle"),
       QStringLiteral(
           "Usage: scenewright-cli bundle DIR --scene N -o JOB.swjob [render options]\n"
           "       scenewright-cli bundle DIR --film [--scenes 1,3-5] [--transition T]\n"
           "                              -o FILM.swjob [render options]\n\n"
           "Generates what the scene is missing (on this machine: the keys stay here), then\n"
           "writes a folder another machine renders with only the CLI:\n"
           "  scenewright-cli stitch --plan JOB.swjob/plan.json\n"
           "It holds plan.json (every path relative to the bundle), assets/ (hard links where\n"
           "the file system allows, copies otherwise), job.json (app, project, scene, output\n"
           "name, settings) and manifest.json. Format: docs/bundles.md. The render options\n"
           "are render's (--tracks, --resolution, --aspect, --preview, --backend, --model,\n"
           "--budget, ...).\n"
           "--film writes one scene bundle per scene under FILM.swjob/scenes/ and a film plan\n"
           "over their outputs (transitions, a chapter per scene, one loudness, as render\n"
           "--film); run it anywhere with: sh FILM.swjob/run.sh (SCENEWRIGHT_CLI names the\n"
           "CLI when it is not on PATH), or stitch each scenes/NN.swjob/plan.json, then\n"
           "FILM.swjob/plan.json.\n"),
       runBundle});
}

}  // namespace sw::cli
