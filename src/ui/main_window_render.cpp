// MainWindow: the render queue, the Render Scene dialog, chunk regeneration and saving renders.
#include <QAction>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include "providers/model_registry.h"
#include "render/app_settings.h"
#include "render/output_target.h"
#include "render/regenerate.h"
#include "render/render_queue.h"
#include "ui/asset_regenerate_dialog.h"
#include "ui/chunk_inspector.h"
#include "ui/chunk_model.h"
#include "ui/chunk_regenerator.h"
#include "ui/farm_target_box.h"
#include "ui/file_dialogs.h"
#include "ui/main_window.h"
#include "ui/preview_player.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/render_job_model.h"
#include "ui/render_queue_panel.h"
#include "ui/render_scene_dialog.h"
#include "ui/scene_frame_rate.h"
#include "ui/scene_list_model.h"
#include "ui/scene_preview_render.h"
#include "ui/take_lottery_dialog.h"

namespace sw::ui {

namespace {
// The nice value of the GUI's render jobs: at 10 the scheduler gives the GUI thread about nine
// tenths of a core the jobs also want (CFS weights 1024 against 110).
constexpr int kRenderNice = 10;

// Worker thread: copies through a temporary file in the target's folder, renamed at the end, so
// a failed copy never leaves half a file (or no file) where the old one was.
bool copyAtomically(const QString& source, const QString& target) {
  QFile in(source);
  QSaveFile out(target);
  if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)) return false;
  while (!in.atEnd()) {
    const QByteArray block = in.read(1 << 20);
    if (block.isEmpty() || out.write(block) != block.size()) return false;
  }
  return out.commit();
}

// The scene title of job `jobId`: from its row in the queue, else from the store (a job the
// list has no row for, never another job's title).
QString jobSceneTitle(RenderJobModel* jobs, model::ProjectStore& store, model::Id jobId) {
  const int row = jobs->rowOf(jobId);
  if (row >= 0) return jobs->index(row).data(RenderJobModel::SceneTitleRole).toString();
  if (const auto job = store.job(jobId); job && job->sceneId)
    if (const auto scene = store.scene(*job->sceneId)) return scene->title;
  return MainWindow::tr("job %1").arg(jobId);
}

}  // namespace

QString MainWindow::renderUnavailableReason() const {
  if (!session_) return tr("Open a project first.");
  if (!queue_) return tr("The render engine could not be started for this project.");
  return {};
}

void MainWindow::createRenderQueue() {
  const render::AppSettings settings = render::AppSettings::load();
  queue_ = std::make_unique<render::RenderQueue>(session_->folder());
  queue_->setWorkerNice(kRenderNice);  // the event loop first when the cores are busy
  queue_->setBackendSettings(settings.backends, settings.backendOptions);
  if (!settings.cacheDirectory.isEmpty()) queue_->setCacheDirectory(settings.cacheDirectory);
  connectRenderQueue();
  queuePanel_->setControlsAvailable(true, {});
  chunkInspector_->setRegenerateAvailable(true, {});
  regenerator_ = new ChunkRegenerator(session_.get(), queue_.get(), this);
  connectRegenerator();
  // Beside the asset cache, never in it (a render may not write there): one folder a project.
  const QString previews = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                           QStringLiteral("/scenewright/previews/") +
                           QString::fromLatin1(QCryptographicHash::hash(session_->folder().toUtf8(),
                                                                        QCryptographicHash::Sha1)
                                                   .toHex()
                                                   .left(16));
  previewRender_ = new ScenePreviewRender(session_.get(), queue_.get(), previews, this);
  connectPreviewRender();
}

void MainWindow::connectPreviewRender() {
  const auto current = [this](qint64 sceneId) {
    return chunks_ && player_ && sceneId == chunks_->sceneId() && player_->asRendered();
  };
  connect(player_, &PreviewPlayer::asRenderedChanged, this, [this](bool on) {
    if (!on) previewRender_->cancel();
    previewScene(chunks_->sceneId());
  });
  connect(previewRender_, &ScenePreviewRender::progress, this,
          [this, current](qint64 sceneId, double percent) {
            if (current(sceneId))
              player_->clear(
                  tr("Preparing the scene as rendered (480p preview)… %1%").arg(int(percent)));
          });
  connect(previewRender_, &ScenePreviewRender::ready, this,
          [this, current](qint64 sceneId, const QString& file) {
            if (!current(sceneId) || player_->sequence() == QStringList{file}) return;
            const auto scene = session_->store().scene(sceneId);
            player_->setFile(
                file, tr("%1 as rendered (480p preview)").arg(scene ? scene->title : QString()));
          });
  connect(previewRender_, &ScenePreviewRender::unavailable, this,
          [this, current](qint64 sceneId, const QString& reason) {
            if (!current(sceneId)) return;
            player_->setAsRendered(false);  // back to the chunks in sequence
            statusBar()->showMessage(reason, 10000);
          });
  connect(previewRender_, &ScenePreviewRender::invalidated, this, [this, current](qint64 sceneId) {
    if (current(sceneId) && !player_->isPlaying()) previewAsRendered(sceneId);
  });
}

void MainWindow::previewAsRendered(model::Id sceneId) {
  PreviewTracks tracks;
  const QList<QAction*> choice = player_->trackActions();
  tracks.narration = choice.value(0)->isChecked();
  tracks.dialogue = choice.value(1)->isChecked();
  tracks.music = choice.value(2)->isChecked();
  tracks.sfx = choice.value(3)->isChecked();
  player_->setFrameRate(sceneFrameRate(session_.get(), sceneId));
  previewRender_->request(sceneId, tracks);
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
            // "As rendered" (scene_preview_render.h, connected after this) reports its own jobs.
            const bool preview =
                previewRender_ &&
                (jobId == previewRender_->jobId() ||
                 (!output.isEmpty() && output.startsWith(previewRender_->folder())));
            if (!preview && model::JobStatus(status) == model::JobStatus::Completed &&
                !output.isEmpty()) {
              lastRender_ = output;
              statusBar()->showMessage(tr("Render finished: %1").arg(output), 10000);
            } else if (!preview) {
              const QString title = jobSceneTitle(jobs_, session_->store(), jobId);
              switch (model::JobStatus(status)) {
                case model::JobStatus::Cancelled:
                  statusBar()->showMessage(tr("Cancelled: %1.").arg(title), 10000);
                  break;
                case model::JobStatus::Interrupted:
                  statusBar()->showMessage(
                      tr("Paused: %1. Resume on its card continues it.").arg(title), 10000);
                  break;
                default:
                  if (!error.isEmpty())
                    statusBar()->showMessage(tr("Render failed: %1").arg(error), 10000);
              }
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
  connect(queuePanel_, &RenderQueuePanel::openRequested, this, &MainWindow::openRender);
}

QList<model::Id> MainWindow::runningRenders() const {
  QList<model::Id> ids;
  if (!queue_) return ids;
  for (int row = 0; row < jobs_->rowCount(); ++row) {
    const model::Id id = jobs_->job(row).id;
    if (previewRender_ && id == previewRender_->jobId()) continue;
    if (queue_->isRunning(id) || queue_->isWaiting(id)) ids.append(id);
  }
  return ids;
}

// A paused job becomes 'interrupted' with Resume on its card (also after a restart), and its
// finished generations are in the cache; a cancelled one stops its remote predictions too.
bool MainWindow::mayCloseWithRenders() {
  const QList<model::Id> running = runningRenders();
  const auto stillRunning = [this](const QList<model::Id>& ids) {
    return std::any_of(ids.begin(), ids.end(),
                       [this](model::Id id) { return queue_->isRunning(id); });
  };
  // Told to stop: the window closes once none runs (a job waiting for its scene does not run;
  // the queue marks it interrupted when it goes).
  if (running.isEmpty() || (stoppingToQuit_ && !stillRunning(running))) {
    stoppingToQuit_ = false;
    return true;
  }
  if (stoppingToQuit_) return false;
  if (findChild<QMessageBox*>(QStringLiteral("quitDuringRender"))) return false;
  QStringList titles;
  for (model::Id id : running) titles << jobSceneTitle(jobs_, session_->store(), id);
  auto* box = new QMessageBox(QMessageBox::Question, tr("Quit Scenewright"),
                              tr("%n render(s) still running: %1.", nullptr, int(running.size()))
                                  .arg(QLocale().createSeparatedList(titles)),
                              QMessageBox::NoButton, this);
  box->setObjectName(QStringLiteral("quitDuringRender"));
  box->setInformativeText(
      tr("Leave it to resume later: what it generated so far is kept, and Resume on its card "
         "continues from there the next time you open the project. Cancel it: it stops for "
         "good, with its cloud predictions."));
  QPushButton* leave = box->addButton(tr("Leave to Resume Later"), QMessageBox::AcceptRole);
  leave->setObjectName(QStringLiteral("leaveRenderButton"));
  QPushButton* cancel = box->addButton(tr("Cancel Render"), QMessageBox::DestructiveRole);
  cancel->setObjectName(QStringLiteral("cancelRenderButton"));
  QPushButton* keep = box->addButton(tr("Keep Rendering"), QMessageBox::RejectRole);
  keep->setObjectName(QStringLiteral("keepRenderingButton"));
  box->setDefaultButton(leave);
  box->setEscapeButton(keep);
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::finished, this, [this, box, leave, cancel, stillRunning] {
    const bool leaving = box->clickedButton() == leave;
    if (!queue_ || (!leaving && box->clickedButton() != cancel)) return;
    stoppingToQuit_ = true;
    for (model::Id id : runningRenders()) leaving ? queue_->pause(id) : queue_->cancel(id);
    statusBar()->showMessage(leaving ? tr("Pausing the render before quitting…")
                                     : tr("Cancelling the render before quitting…"));
    // Closed from the event loop, not inside the queue's signal (closing deletes the queue).
    auto* link = new QMetaObject::Connection;
    const auto closeWhenStopped = [this, link, stillRunning] {
      if (queue_ && stillRunning(runningRenders())) return;
      disconnect(*link);
      delete link;
      QTimer::singleShot(0, this, &QWidget::close);
    };
    *link = connect(queue_.get(), &render::RenderQueue::jobFinished, this, closeWhenStopped);
    closeWhenStopped();
  });
  box->open();
  return false;
}

RenderSceneDialog* MainWindow::showRenderDialog() {
  if (!session_) return nullptr;
  const QList<model::Id> ids = pane_->selectedSceneIds();
  if (ids.isEmpty()) {
    statusBar()->showMessage(tr("Select the scenes to render first."), 5000);
    return nullptr;
  }
  auto* dialog = new RenderSceneDialog(session_.get(), ids, registry_.get(),
                                       render::AppSettings::load().backends, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  const QString reason = renderUnavailableReason();
  dialog->setRenderAvailable(reason.isEmpty(), reason);
  connect(dialog, &QDialog::accepted, this, [this, dialog] {
    if (FarmTargetBox* farm = dialog->farmBox(); farm && farm->onFarm()) {
      farm->remember();
      submitToFarm(dialog->request(), farm->spool(), farm->partition());
      return;
    }
    enqueueRender(dialog->request());
  });
  dialog->open();
  return dialog;
}

QList<model::Id> MainWindow::enqueueRender(const render::RenderRequest& request) {
  if (!queue_) return {};
  // The job creates the output folder on its worker thread.
  const QList<model::Id> ids = queue_->enqueue(request);
  jobs_->reload();
  queueDock_->show();
  queueDock_->raise();
  statusBar()->showMessage(tr("Queued %n render(s).", nullptr, int(ids.size())), 5000);
  return ids;
}

void MainWindow::connectRegenerator() {
  connect(regenerator_, &ChunkRegenerator::progress, this,
          [this](int index, int total, int position, double pct) {
            const QString text =
                total == 1
                    ? tr("Generating a new take of chunk %1… %2%").arg(position).arg(int(pct))
                    : tr("Regenerating chunk %1 (%2 of %3)… %4%")
                          .arg(position)
                          .arg(index + 1)
                          .arg(total)
                          .arg(int(pct));
            chunkInspector_->showRegenerateProgress(text, pct);
            statusBar()->showMessage(text);
          });
  connect(regenerator_, &ChunkRegenerator::takeReady, this,
          [this](qint64, qint64, int stale) { lastStaleMarked_ = stale; });
  connect(regenerator_, &ChunkRegenerator::finished, this,
          [this](int done, int total, const QString& error, bool cancelled) {
            chunkInspector_->hideRegenerateProgress();
            chunkInspector_->setRegenerateAvailable(true, {});
            jobs_->reload();
            if (!error.isEmpty()) return showError(tr("Regenerate failed"), error);
            if (cancelled)
              statusBar()->showMessage(
                  tr("Regeneration cancelled; %n new take(s) kept.", nullptr, done), 8000);
            else if (total == 1)
              statusBar()->showMessage(
                  tr("New take ready; %n later chunk(s) marked stale.", nullptr, lastStaleMarked_),
                  8000);
            else
              statusBar()->showMessage(tr("Regenerated %n chunk(s).", nullptr, done), 8000);
          });
  connect(chunkInspector_, &ChunkInspector::cancelRegenerateRequested, regenerator_,
          &ChunkRegenerator::cancel);
}

void MainWindow::startRegenerating(const QList<render::RegenerateRequest>& requests) {
  if (!regenerator_ || !regenerator_->start(requests)) return;
  chunkInspector_->setRegenerateAvailable(false, tr("A take is being generated."));
}

void MainWindow::regenerate(const RegenerateRequest& request) {
  render::RegenerateRequest r;
  r.chunkId = request.chunkId;
  r.prompt = request.prompt;
  r.seed = request.seed;
  r.modelKey = request.modelKey;
  startRegenerating({r});
}

TakeLotteryDialog* MainWindow::showTakeLottery(model::Id chunkId) {
  if (!session_ || !queue_ || !session_->store().chunk(chunkId)) return nullptr;
  return openLottery(chunkId, int(TakeLotteryDialog::Subject::Chunk));
}

TakeLotteryDialog* MainWindow::showReferenceLottery(model::Id sceneId) {
  if (!session_ || !queue_ || !session_->store().scene(sceneId)) return nullptr;
  return openLottery(sceneId, int(TakeLotteryDialog::Subject::ReferenceImage));
}

TakeLotteryDialog* MainWindow::openLottery(model::Id id, int subject) {
  auto* dialog = new TakeLotteryDialog(session_.get(), queue_.get(), thumbnails_, registry_.get(),
                                       render::AppSettings::load().backends, id, this,
                                       TakeLotteryDialog::Subject(subject));
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &TakeLotteryDialog::takesReady, jobs_, &RenderJobModel::reload);
  dialog->show();
  return dialog;
}

AssetRegenerateDialog* MainWindow::showAssetRegenerate(int slot, model::Id sceneId,
                                                       model::Id rowId) {
  if (!session_ || !queue_ || !session_->store().scene(sceneId)) return nullptr;
  auto* dialog = new AssetRegenerateDialog(session_.get(), render::RegenerateTarget::Slot(slot),
                                           sceneId, rowId, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(dialog, &QDialog::accepted, this, [this, dialog, sceneId] {
    if (!queue_) return;
    const model::Id job = queue_->enqueue(dialog->request()).value(0);
    jobs_->reload();
    statusBar()->showMessage(tr("Generating a new take…"), 5000);
    // The job edits the inputs it overrides and links the new asset: every view reloads them.
    auto* link = new QMetaObject::Connection;
    *link = connect(queue_.get(), &render::RenderQueue::jobFinished, this,
                    [this, job, sceneId, link](qint64 id, int, const QString&, const QString&) {
                      if (id != job) return;
                      disconnect(*link);
                      delete link;
                      if (!session_) return;
                      session_->notifySceneChanged(sceneId);
                      session_->notifySceneContentChanged(sceneId);
                      session_->notifyCharactersChanged();
                      session_->notifyChunksChanged(sceneId);
                    });
  });
  dialog->open();
  return dialog;
}

// Stale chunks in order, each from the new last frame of the one before; same prompt and seed.
void MainWindow::regenerateStale(model::Id sceneId) {
  if (!session_) return;
  QList<render::RegenerateRequest> requests;
  const render::SceneState state = session_->sceneState(sceneId);
  for (const model::Chunk& chunk : session_->store().chunks(sceneId)) {
    const render::Slot* slot = state.slotOfChunk(chunk.id);
    if (!slot || slot->state != render::SlotState::Stale) continue;
    render::RegenerateRequest r;
    r.chunkId = chunk.id;
    r.seed = chunk.seed;
    requests.append(r);
  }
  startRegenerating(requests);
}

// Open on a finished job: the video in the preview player, ready to play.
void MainWindow::openRender(const QString& file) {
  if (!player_) return;
  lastRender_ = file;
  player_->setFile(file, tr("Last render: %1").arg(file));
  player_->setFocus();
  updateActions();
}

// The copy goes where the user keeps videos: the dialog starts in the home folder.
void MainWindow::saveRenderAs(model::Id jobId) {
  const auto job = session_ ? session_->store().job(jobId) : std::nullopt;
  if (!job || job->outputPath.isEmpty()) return;
  FileDialogRequest request;
  request.mode = FileDialogMode::SaveFile;
  request.title = tr("Save Video As");
  request.start = QDir::home().filePath(QFileInfo(job->outputPath).fileName());
  request.filter = tr("MP4 video (*.mp4)");
  request.fallback = ProjectFallback::Exports;
  const QString source = job->outputPath;
  openFileDialog(this, request, [this, source](QString target) {
    if (!target.endsWith(QLatin1String(".mp4"))) target += QStringLiteral(".mp4");
    copyRender(source, target);
  });
}

void MainWindow::copyRender(const QString& source, const QString& target) {
  // Never over the project's store or backups, a cached file, the render itself, a device...
  const QString problem = render::outputProblem(
      target,
      {session_->folder(), render::AppSettings::load().effectiveCacheDirectory(), {source}});
  if (!problem.isEmpty())
    return showError(tr("Cannot save the video"),
                     tr("Cannot write %1: %2. Choose another file.").arg(target, problem));
  statusBar()->showMessage(tr("Copying to %1…").arg(target));
  auto* watcher = new QFutureWatcher<bool>(this);
  connect(watcher, &QFutureWatcher<bool>::finished, this, [this, watcher, target] {
    const bool ok = watcher->result();
    watcher->deleteLater();
    if (ok)
      statusBar()->showMessage(tr("Saved %1").arg(target), 8000);
    else
      showError(tr("Cannot save the video"),
                tr("Could not write %1 (check free space and permissions).").arg(target));
  });
  watcher->setFuture(
      QtConcurrent::run([source, target] { return copyAtomically(source, target); }));
}

}  // namespace sw::ui
