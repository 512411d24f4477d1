// bundle: a scene's portable job bundle (render/job_bundle.h, docs/bundles.md). What is missing
// is generated here first (the render queue's own job, with its cache and budget), then the plan
// and the assets it needs are written to the bundle instead of being stitched.
#include <QFileInfo>
#include <QUuid>

#include "args.h"
#include "bundle_driver.h"
#include "command.h"
#include "model/project_store.h"
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

int runBundle(const QStringList& args) {
  QCommandLineParser p;
  addRenderOptions(p, true);
  p.addOption({QStringLiteral("film"), QStringLiteral("The whole film (not built yet).")});
  parseArgs(p, QStringLiteral("bundle"), args, 1, 1);
  if (p.isSet(QStringLiteral("film")))
    throw UserError(
        QStringLiteral("bundle: --film is not available yet; bundle each scene with --scene N"));
  const QString folder = p.positionalArguments().first();
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
           "Usage: scenewright-cli bundle DIR --scene N -o JOB.swjob [render options]\n\n"
           "Generates what the scene is missing (on this machine: the keys stay here), then\n"
           "writes a folder another machine renders with only the CLI:\n"
           "  scenewright-cli stitch --plan JOB.swjob/plan.json\n"
           "It holds plan.json (every path relative to the bundle), assets/ (hard links where\n"
           "the file system allows, copies otherwise), job.json (app, project, scene, output\n"
           "name, settings) and manifest.json. Format: docs/bundles.md. The render options\n"
           "are render's (--tracks, --resolution, --aspect, --preview, --backend, --model,\n"
           "--budget, ...).\n"),
       runBundle});
}

}  // namespace sw::cli
