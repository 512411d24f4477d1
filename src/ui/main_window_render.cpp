// MainWindow: the render queue, the Render Scene dialog, chunk regeneration and saving renders.
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QDesktopServices>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QStatusBar>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include "providers/model_registry.h"
#include "render/job/regenerate.h"
#include "render/job/render_queue.h"
#include "ui/app_settings.h"
#include "ui/chunk_inspector.h"
#include "ui/main_window.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/render_job_model.h"
#include "ui/render_queue_panel.h"
#include "ui/render_scene_dialog.h"
#include "ui/scene_list_model.h"

namespace sw::ui {

QString MainWindow::renderUnavailableReason() const {
  if (!session_) return tr("Open a project first.");
  if (!queue_) return tr("The render engine could not be started for this project.");
  return {};
}

void MainWindow::createRenderQueue() {
  const AppSettings settings = AppSettings::load();
  queue_ = std::make_unique<render::RenderQueue>(session_->folder());
  queue_->setBackendSettings(settings.backends, settings.backendOptions);
  if (!settings.cacheDirectory.isEmpty()) queue_->setCacheDirectory(settings.cacheDirectory);
  connectRenderQueue();
  queuePanel_->setControlsAvailable(true, {});
  chunkInspector_->setRegenerateAvailable(true, {});
}

void MainWindow::connectRenderQueue() {
  render::RenderQueue* q = queue_.get();
  connect(q, &render::RenderQueue::jobChanged, jobs_, &RenderJobModel::refreshJob);
  connect(q, &render::RenderQueue::jobProgress, jobs_, &RenderJobModel::setLiveProgress);
  connect(q, &render::RenderQueue::chunkChanged, this, [this](qint64 sceneId, qint64) {
    if (session_) session_->notifyChunksChanged(sceneId);
  });
  connect(q, &render::RenderQueue::jobFinished, this,
          [this](qint64 jobId, int status, const QString& output, const QString& error) {
            jobs_->refreshJob(jobId);
            queuePanel_->setPaused(jobId, false);
            if (model::JobStatus(status) == model::JobStatus::Completed && !output.isEmpty()) {
              lastRender_ = output;
              statusBar()->showMessage(tr("Render finished: %1").arg(output), 10000);
            } else if (!error.isEmpty()) {
              statusBar()->showMessage(tr("Render failed: %1").arg(error), 10000);
            }
            updateActions();
          });
  connect(queuePanel_, &RenderQueuePanel::pauseRequested, this, [this](qint64 id) {
    queue_->pause(id);
    queuePanel_->setPaused(id, true);
  });
  connect(queuePanel_, &RenderQueuePanel::unpauseRequested, this, [this](qint64 id) {
    queue_->unpause(id);
    queuePanel_->setPaused(id, false);
  });
  connect(queuePanel_, &RenderQueuePanel::cancelRequested, q, &render::RenderQueue::cancel);
  connect(queuePanel_, &RenderQueuePanel::retryRequested, q, &render::RenderQueue::retryFailed);
  connect(queuePanel_, &RenderQueuePanel::resumeRequested, q, &render::RenderQueue::resume);
  connect(queuePanel_, &RenderQueuePanel::saveAsRequested, this, &MainWindow::saveRenderAs);
  connect(queuePanel_, &RenderQueuePanel::openRequested, this, [](const QString& file) {
    QDesktopServices::openUrl(QUrl::fromLocalFile(file));
  });
}

RenderSceneDialog* MainWindow::showRenderDialog() {
  if (!session_) return nullptr;
  const QList<model::Id> ids = pane_->selectedSceneIds();
  if (ids.isEmpty()) {
    statusBar()->showMessage(tr("Select the scenes to render first."), 5000);
    return nullptr;
  }
  auto* dialog = new RenderSceneDialog(session_.get(), ids, registry_.get(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  const QString reason = renderUnavailableReason();
  dialog->setRenderAvailable(reason.isEmpty(), reason);
  connect(dialog, &QDialog::accepted, this, [this, dialog] { enqueueRender(dialog->request()); });
  dialog->open();
  return dialog;
}

QList<model::Id> MainWindow::enqueueRender(const render::RenderRequest& request) {
  if (!queue_) return {};
  render::RenderRequest r = request;
  if (!r.outputPath.isEmpty()) QDir().mkpath(QFileInfo(r.outputPath).absolutePath());
  const QList<model::Id> ids = queue_->enqueue(r);
  jobs_->reload();
  queueDock_->show();
  queueDock_->raise();
  statusBar()->showMessage(tr("Queued %n render(s).", nullptr, int(ids.size())), 5000);
  return ids;
}

void MainWindow::regenerate(const RegenerateRequest& request) {
  if (!session_ || !queue_) return;
  const AppSettings settings = AppSettings::load();
  render::RegenerateRequest r;
  r.chunkId = request.chunkId;
  r.prompt = request.prompt;
  r.seed = request.seed;
  r.modelKey = request.modelKey;
  const auto chunk = session_->store().chunk(request.chunkId);
  const model::Id sceneId = chunk ? chunk->sceneId : 0;
  const QString folder = session_->folder();
  const QString cacheDir = queue_->cacheDirectory();
  std::shared_ptr<const providers::ModelRegistry> registry = registry_;
  chunkInspector_->setRegenerateAvailable(false, tr("A take is being generated."));
  statusBar()->showMessage(tr("Generating a new take of chunk %1…").arg(chunk ? chunk->position + 1 : 0));
  auto* watcher = new QFutureWatcher<render::RegenerateResult>(this);
  connect(watcher, &QFutureWatcher<render::RegenerateResult>::finished, this, [this, watcher, sceneId] {
    const render::RegenerateResult result = watcher->result();
    watcher->deleteLater();
    if (!session_) return;
    session_->notifyChunksChanged(sceneId);
    jobs_->reload();
    chunkInspector_->setRegenerateAvailable(queue_ != nullptr, renderUnavailableReason());
    if (!result.ok) return showError(tr("Regenerate failed"), result.error);
    statusBar()->showMessage(tr("New take ready; %n later chunk(s) marked stale.", nullptr, result.staleMarked), 8000);
  });
  watcher->setFuture(QtConcurrent::run([folder, r, settings, cacheDir, registry] {
    const providers::Backends backends =
        providers::makeBackendFactory(registry, settings.backendOptions).create(settings.backends);
    return render::regenerateChunk(folder, r, backends, std::make_shared<providers::AssetCache>(cacheDir));
  }));
  session_->notifyChunksChanged(sceneId);
}

void MainWindow::regenerateStale(model::Id sceneId) {
  if (!session_ || !queue_) return;
  // A scene render regenerates every chunk that is not ready (stale ones included).
  render::RenderRequest request;
  request.sceneIds = {sceneId};
  request.preview = true;
  enqueueRender(request);
}

void MainWindow::saveRenderAs(model::Id jobId) {
  const auto job = session_ ? session_->store().job(jobId) : std::nullopt;
  if (!job || job->outputPath.isEmpty()) return;
  QString target = QFileDialog::getSaveFileName(this, tr("Save Video As"),
                                                QDir::home().filePath(QFileInfo(job->outputPath).fileName()),
                                                tr("MP4 video (*.mp4)"));
  if (target.isEmpty()) return;
  if (!target.endsWith(QLatin1String(".mp4"))) target += QStringLiteral(".mp4");
  const QString source = job->outputPath;
  statusBar()->showMessage(tr("Copying to %1…").arg(target));
  auto* watcher = new QFutureWatcher<bool>(this);
  connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, target] {
    const bool ok = watcher->result();
    watcher->deleteLater();
    if (ok) statusBar()->showMessage(tr("Saved %1").arg(target), 8000);
    else showError(tr("Cannot save the video"), tr("Could not write %1 (check free space and permissions).").arg(target));
  });
  watcher->setFuture(QtConcurrent::run([source, target] {
    QFile::remove(target);
    return QFile::copy(source, target);
  }));
}

}  // namespace sw::ui
