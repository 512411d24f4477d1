#include "ui/farm_submission.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QUuid>
#include <QtConcurrent>

#include "core/error.h"
#include "farm/farm_jobs.h"
#include "farm/node_cli.h"
#include "model/project_store.h"
#include "render/render_queue.h"

namespace sw::ui {

namespace {
struct Outcome {
  QString arrayJobId, error;
};
}  // namespace

NodeCli nodeCli() {
  const QString dir = QCoreApplication::applicationDirPath();
  const QString path = farm::findNodeCli(dir);
  if (!path.isEmpty()) return {path, {}};
  return {{},
          QCoreApplication::translate(
              "sw::ui::FarmSubmission",
              "scenewright-cli was not found next to the app (%1) or in %2: install it with "
              "the app; the cluster's nodes run it to render.")
              .arg(QDir::toNativeSeparators(dir),
                   QDir::toNativeSeparators(QDir(dir).absoluteFilePath(QStringLiteral("../cli"))))};
}

FarmSubmission::FarmSubmission(render::RenderQueue* queue, const QString& folder,
                               const QString& projectName, const render::RenderRequest& request,
                               const QString& spool, const QString& cli,
                               const farm::SubmitOptions& options, QObject* parent)
    : QObject(parent), folder_(folder), cli_(cli), options_(options) {
  batch_ = farm::makeBatchFolder(spool, projectName);  // a few mkdirs
  const QString batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
  connect(queue, &render::RenderQueue::jobFinished, this,
          [this](qint64 id, int status, const QString&, const QString& error) {
            jobFinished(id, status, error);
          });
  for (int i = 0; i < request.sceneIds.size(); ++i) {
    render::RenderRequest one = request;
    one.batchId = batchId;  // one budget for every scene, as `farm submit` has
    one.sceneIds = {request.sceneIds.at(i)};
    one.outputPath.clear();
    one.bundlePath = farm::bundlePathOf(batch_, i);
    bundles_ << one.bundlePath;
    jobs_ += queue->enqueue(one);
  }
  pending_ = jobs_;
}

void FarmSubmission::jobFinished(qint64 jobId, int status, const QString& error) {
  if (!pending_.removeOne(jobId)) return;
  if (status != int(model::JobStatus::Completed) && firstError_.isEmpty())
    firstError_ =
        error.isEmpty() ? tr("a scene's bundle was not written (job %1)").arg(jobId) : error;
  if (!pending_.isEmpty()) return;
  if (!firstError_.isEmpty()) {
    QDir(batch_).removeRecursively();
    emit failed(tr("Nothing was submitted to the cluster: %1").arg(firstError_));
    deleteLater();
    return;
  }
  submit();
}

void FarmSubmission::submit() {
  auto* watcher = new QFutureWatcher<Outcome>(this);
  connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher] {
    const Outcome o = watcher->result();
    if (o.error.isEmpty())
      emit submitted(o.arrayJobId, int(bundles_.size()));
    else
      emit failed(o.error);
    deleteLater();
  });
  watcher->setFuture(QtConcurrent::run(
      [folder = folder_, batch = batch_, bundles = bundles_, cli = cli_, options = options_] {
        try {
          auto store = model::ProjectStore::open(folder, model::ProjectStore::Check::Known);
          return Outcome{farm::submitBatch(*store, batch, bundles, cli, options).arrayJobId, {}};
        } catch (const core::Error& e) {
          return Outcome{{}, e.message()};
        } catch (const std::exception& e) {
          return Outcome{{}, QString::fromStdString(e.what())};
        }
      }));
}

}  // namespace sw::ui
