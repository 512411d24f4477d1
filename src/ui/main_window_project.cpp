// MainWindow: opening, creating and closing projects; recent list; import.
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include "media/thumbnails.h"
#include "providers/local/fountain_parser.h"
#include "providers/model_registry.h"
#include "providers/script_text.h"
#include "render/app_settings.h"
#include "render/render_estimate.h"
#include "ui/audio_takes_panel.h"
#include "ui/backup_manager.h"
#include "ui/character_model.h"
#include "ui/chunk_inspector.h"
#include "ui/chunk_model.h"
#include "ui/chunk_regenerator.h"
#include "ui/continuity_inspector.h"
#include "ui/editor_menus.h"
#include "ui/file_dialogs.h"
#include "ui/import_script_command.h"
#include "ui/main_window.h"
#include "ui/media_drops.h"
#include "ui/preferences_dialog.h"
#include "ui/preview_player.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/render_job_model.h"
#include "ui/render_queue_panel.h"
#include "ui/scene_frame_rate.h"
#include "ui/scene_inspector.h"
#include "ui/scene_list_model.h"
#include "ui/scene_preview_render.h"
#include "ui/thumbnail_loader.h"
#include "ui/timeline_widget.h"
#include "ui/waveform_cache.h"

#include "render/render_queue.h"

namespace sw::ui {

namespace {
constexpr int kMaxRecent = 10;

// Decodes a keyframe with the media engine (disk-cached) and scales it; worker thread only.
QImage decodeThumbnail(const QString& cacheDir, const QString& path, double seconds, int height) {
  const QByteArray png = media::Thumbnailer(cacheDir).thumbnail(path, seconds, height * 16 / 9);
  QImage image = QImage::fromData(png, "PNG");
  return image.isNull() ? image : image.scaledToHeight(height, Qt::SmoothTransformation);
}
}  // namespace

bool MainWindow::newProject(const QString& folder, const QString& name) {
  try {
    attachProject(ProjectSession::create(folder, name));
    return true;
  } catch (const model::StoreError& e) {
    showError(tr("Cannot create the project"), e.message());
    return false;
  }
}

// A damaged database (or a missing one beside its backups) is offered its backups instead of a
// bare error.
bool MainWindow::openProject(const QString& folder) {
  try {
    attachProject(ProjectSession::open(folder));
    return true;
  } catch (const model::StoreError& e) {
    const bool recoverable = e.kind() == model::StoreError::Kind::Damaged ||
                             (e.kind() == model::StoreError::Kind::NotFound &&
                              QFileInfo(QDir(folder).filePath(QStringLiteral("backups"))).isDir());
    if (recoverable)
      offerBackups(folder, e.message());
    else
      showError(tr("Cannot open the project"), e.message());
    return false;
  }
}

void MainWindow::attachProject(std::unique_ptr<ProjectSession> session) {
  closeProject();
  session_ = std::move(session);
  showDocksAfterWelcome();
  addRecent(session_->folder());
  buildProjectWidgets();
  connectProjectWidgets();
  createRenderQueue();
  createEditorTools();
  backups_ = new BackupManager(session_->folder(), this);
  connect(backups_, &BackupManager::backupFinished, this,
          [this](const QString& file, const QString& error) {
            statusBar()->showMessage(error.isEmpty()
                                         ? tr("Backed up to %1").arg(QFileInfo(file).fileName())
                                         : tr("Backup failed: %1").arg(error),
                                     6000);
          });
  backups_->backupNow();
  if (scenes_->rowCount() > 0) pane_->selectScene(scenes_->sceneId(0));
  if (!layoutRestored_) {  // once the docks have laid out their new contents
    applyDefaultDockSizes();
    layoutRestored_ = true;
  }
  updateTitle();
  updateActions();
  statusBar()->showMessage(tr("Opened %1").arg(session_->folder()), 5000);
}

void MainWindow::buildProjectWidgets() {
  const QString thumbCache = QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                                 .filePath(QStringLiteral("thumbnails"));
  thumbnails_->setFunction([thumbCache](const QString& path, double seconds, int height) {
    return decodeThumbnail(thumbCache, path, seconds, height);
  });
  ProjectSession* s = session_.get();
  s->setModelRegistry(registry_);
  scenes_ = new SceneListModel(s, this);
  characters_ = new CharacterModel(s, this);
  chunks_ = new ChunkModel(s, this);
  jobs_ = new RenderJobModel(s, this);
  pane_ = new ProjectPane(s, scenes_, characters_);
  sceneInspector_ = new SceneInspector(s, characters_);
  sceneInspector_->refreshPlan();
  sceneInspector_->setRegistry(registry_.get());
  chunkInspector_ = new ChunkInspector(s, thumbnails_);
  chunkInspector_->setRegistry(registry_.get());
  timeline_ = new TimelineWidget(s, chunks_, thumbnails_);
  waveforms_ =
      new WaveformCache(QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
                            .filePath(QStringLiteral("waveforms")),
                        this);
  timeline_->setWaveformCache(waveforms_);
  timelineScroll_ = new QScrollArea;
  timelineScroll_->setWidget(timeline_);
  timelineScroll_->setWidgetResizable(false);
  timelineScroll_->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  player_ = new PreviewPlayer;
  player_->setThumbnailLoader(thumbnails_);
  queuePanel_ = new RenderQueuePanel(jobs_);
  projectDock_->setWidget(pane_);
  inspectorDock_->setWidget(sceneInspector_);
  auto* chunkScroll = new QScrollArea;  // the form and takes scroll in a short dock
  chunkScroll->setWidget(chunkInspector_);
  chunkScroll->setWidgetResizable(true);
  chunkScroll->setFrameShape(QFrame::NoFrame);
  audioTakes_ = new AudioTakesPanel(s, waveforms_);
  chunkPages_ = new QStackedWidget;  // a chunk's inspector, or an audio clip's takes
  chunkPages_->addWidget(chunkScroll);
  chunkPages_->addWidget(audioTakes_);
  chunkDock_->setWidget(chunkPages_);
  timelineDock_->setWidget(timelineScroll_);
  queueDock_->setWidget(queuePanel_);
  setCentralWidget(player_);
  player_->addAction(action(QStringLiteral("actionPlay")));
  timeline_->addAction(action(QStringLiteral("actionPlay")));
  player_->addActions(transportActions_);
  timeline_->addActions(transportActions_);
  menus_ = new EditorMenus(this, s, timeline_, chunkInspector_, pane_);
}

void MainWindow::connectProjectWidgets() {
  ProjectSession* s = session_.get();
  connect(s, &ProjectSession::modifiedChanged, this, &MainWindow::updateTitle);
  connect(s, &ProjectSession::storeError, this, [this](const QString& text) {
    showError(tr("The change was not saved"), text);
    updateTitle();
  });
  connect(s->undoStack(), &QUndoStack::indexChanged, this, [this] {
    updateActions();
    updateTitle();
    if (backups_) backups_->markChanged();
  });
  connect(pane_, &ProjectPane::currentSceneChanged, this, &MainWindow::onSceneSelected);
  connect(timeline_, &TimelineWidget::chunkSelected, this, &MainWindow::onChunkSelected);
  connect(timeline_, &TimelineWidget::audioClipSelected, this, &MainWindow::onAudioClipSelected);
  connect(audioTakes_, &AudioTakesPanel::regenerateRequested, this,
          [this](int slot, qint64 sceneId, qint64 rowId) {
            if (canRegenerate()) showAssetRegenerate(slot, sceneId, rowId);
          });
  connect(timeline_, &TimelineWidget::seekRequested, this, [this](double seconds) {
    previewScene(chunks_->sceneId());  // when a chunk alone is shown: back to the whole scene
    player_->seek(seconds);
    timeline_->setFocus();
  });
  connect(player_, &PreviewPlayer::sequencePositionChanged, timeline_,
          &TimelineWidget::setPlayhead);
  connect(chunkInspector_, &ChunkInspector::regenerateRequested, this, &MainWindow::regenerate);
  connect(chunkInspector_, &ChunkInspector::lotteryRequested, this,
          [this](qint64 chunkId) { showTakeLottery(chunkId); });
  connect(chunkInspector_, &ChunkInspector::regenerateStaleRequested, this,
          &MainWindow::regenerateStale);
  connect(scenes_, &QAbstractItemModel::modelReset, this, [this] {
    updateActions();
    updateTitle();
  });
  // New takes arrive while the scene is shown: refresh the scene preview unless it is playing.
  connect(chunks_, &QAbstractItemModel::modelReset, this, [this] {
    if (!player_->isPlaying() && !chunkInspector_->chunkId()) previewScene(chunks_->sceneId());
  });
}

void MainWindow::closeProject() {
  if (!session_) return;
  stoppingToQuit_ = false;  // a quit that waited for this project's renders is over
  if (backups_) {
    backups_->waitForIdle();
    delete backups_;
    backups_ = nullptr;
  }
  if (continuity_) continuity_->hide();  // not deleted while it is the active window
  delete continuity_;                    // waits for the seam being decoded
  continuity_ = nullptr;
  delete drops_;  // waits for a copy in flight
  drops_ = nullptr;
  delete regenerator_;  // cancels the chunk in flight and waits for its worker
  regenerator_ = nullptr;
  delete previewRender_;  // cancels its job; the queue below waits for the worker
  previewRender_ = nullptr;
  queue_.reset();  // stops workers; unfinished jobs resume from the store next time
  for (QDockWidget* dock : {projectDock_, inspectorDock_, chunkDock_, timelineDock_, queueDock_}) {
    if (QWidget* w = dock->widget()) {
      dock->setWidget(nullptr);
      delete w;
    }
  }
  delete menus_;
  menus_ = nullptr;
  setCentralWidget(welcomeWidget());  // deletes the player
  pane_ = nullptr;
  sceneInspector_ = nullptr;
  chunkInspector_ = nullptr;
  audioTakes_ = nullptr;
  chunkPages_ = nullptr;
  timeline_ = nullptr;
  timelineScroll_ = nullptr;
  player_ = nullptr;
  queuePanel_ = nullptr;
  delete waveforms_;  // after the timeline; waits for the waveform being computed
  waveforms_ = nullptr;
  delete scenes_;
  delete characters_;
  delete chunks_;
  delete jobs_;
  scenes_ = nullptr;
  characters_ = nullptr;
  chunks_ = nullptr;
  jobs_ = nullptr;
  session_.reset();
  updateTitle();
  updateActions();
}

void MainWindow::onSceneSelected(model::Id sceneId) {
  sceneInspector_->setScene(sceneId);
  chunks_->setScene(sceneId);
  if (registry_) {
    if (const auto scene = session_->store().scene(sceneId)) {
      try {
        chunks_->setPlannedChunkDuration(registry_->resolve(scene->modelKey).actualChunkDuration);
      } catch (const std::exception&) {
      }
    }
  }
  chunkInspector_->setChunk(0);
  chunkPages_->setCurrentIndex(0);
  previewScene(sceneId);
}

void MainWindow::onAudioClipSelected(int lane, int clip) {
  const AudioLane& audio = timeline_->lanes().at(lane);
  using Slot = render::RegenerateTarget::Slot;
  const Slot slot = audio.kind == AudioLane::Narration  ? Slot::Narration
                    : audio.kind == AudioLane::Dialogue ? Slot::Dialogue
                    : audio.kind == AudioLane::Music    ? Slot::Music
                                                        : Slot::Sfx;
  audioTakes_->setAudioSlot(slot, timeline_->sceneId(), audio.clips.at(clip).rowId);
  chunkPages_->setCurrentIndex(1);
  chunkDock_->raise();
}

void MainWindow::onChunkSelected(model::Id chunkId) {
  chunkInspector_->setChunk(chunkId);
  chunkPages_->setCurrentIndex(0);
  chunkDock_->raise();
  const int row = chunks_->rowOf(chunkId);
  const QString path =
      row >= 0 ? chunks_->index(row).data(ChunkModel::AssetPathRole).toString() : QString();
  if (path.isEmpty()) return;
  const QModelIndex index = chunks_->index(row);
  player_->setSequence({{path, assetSeconds(chunks_->chunk(row))}}, tr("Chunk %1").arg(row + 1),
                       index.data(ChunkModel::StartRole).toDouble());
}

// Seconds of the chunk's active take as measured (0: unknown, learnt when played).
double MainWindow::assetSeconds(const model::Chunk& chunk) {
  const auto asset = chunk.assetId ? session_->store().asset(*chunk.assetId) : std::nullopt;
  return asset ? asset->duration : 0.0;
}

void MainWindow::previewScene(model::Id sceneId) {
  QStringList files;
  QList<PreviewItem> items;
  if (!sceneId) return player_->clear(tr("Nothing to preview yet."));
  if (player_->asRendered() && previewRender_) return previewAsRendered(sceneId);
  player_->setFrameRate(sceneFrameRate(session_.get(), sceneId));
  for (int row = 0; row < chunks_->rowCount(); ++row) {
    const QString path = chunks_->index(row).data(ChunkModel::AssetPathRole).toString();
    if (path.isEmpty()) continue;
    files.append(path);
    items.append({path, assetSeconds(chunks_->chunk(row))});
  }
  const auto scene = sceneId ? session_->store().scene(sceneId) : std::nullopt;
  if (files == player_->sequence() && !files.isEmpty() && player_->sceneStart() == 0) return;
  if (files.isEmpty())
    player_->clear(scene ? tr("%1: no generated chunks to preview yet.").arg(scene->title)
                         : tr("Nothing to preview yet."));
  else
    player_->setSequence(
        items, tr("%1: %n chunk(s) in sequence", nullptr, int(files.size())).arg(scene->title));
}

// Project dialogs start beside the open project (where projects live), else in the home folder.
void MainWindow::chooseNewProject() {
  FileDialogRequest request;
  request.mode = FileDialogMode::SaveFile;
  request.title = tr("New Project");
  request.start = session_ ? session_->folder() : QDir::homePath();
  request.filter = tr("Scenewright project (*.scenewright)");
  openFileDialog(this, request, [this](QString path) {
    if (!path.endsWith(QLatin1String(model::ProjectStore::kSuffix)))
      path += QLatin1String(model::ProjectStore::kSuffix);
    newProject(path, QFileInfo(path).completeBaseName());
  });
}

void MainWindow::chooseOpenProject() {
  FileDialogRequest request;
  request.mode = FileDialogMode::Project;
  request.title = tr("Open Project");
  request.start = session_ ? session_->folder() : QDir::homePath();
  openFileDialog(this, request, [this](const QString& folder) { openProject(folder); });
}

// Suggests "<name> copy.scenewright" next to the project: a copy never goes inside it.
void MainWindow::chooseSaveAs() {
  if (!session_) return;
  const QFileInfo project(session_->folder());
  FileDialogRequest request;
  request.mode = FileDialogMode::SaveFile;
  request.title = tr("Save Project As");
  request.start = QDir(project.absolutePath())
                      .filePath(tr("%1 copy").arg(project.completeBaseName()) +
                                QLatin1String(model::ProjectStore::kSuffix));
  request.filter = tr("Scenewright project (*.scenewright)");
  openFileDialog(this, request, [this](QString path) {
    if (!path.endsWith(QLatin1String(model::ProjectStore::kSuffix)))
      path += QLatin1String(model::ProjectStore::kSuffix);
    saveProjectAs(path);
  });
}

void MainWindow::addRecent(const QString& folder) {
  QSettings settings;
  QStringList recent = settings.value(QStringLiteral("recentProjects")).toStringList();
  recent.removeAll(folder);
  recent.prepend(folder);
  while (recent.size() > kMaxRecent) recent.removeLast();
  settings.setValue(QStringLiteral("recentProjects"), recent);
  updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
  recentMenu_->clear();
  const QStringList recent = QSettings().value(QStringLiteral("recentProjects")).toStringList();
  for (int i = 0; i < recent.size(); ++i) {
    QAction* a = recentMenu_->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(recent.at(i)));
    const QString& folder = recent.at(i);
    connect(a, &QAction::triggered, this, [this, folder] { openProject(folder); });
  }
  if (recent.isEmpty())
    recentMenu_->addAction(tr("No recent projects"))->setEnabled(false);
  else {
    recentMenu_->addSeparator();
    connect(recentMenu_->addAction(tr("Clear List")), &QAction::triggered, this, [this] {
      QSettings().remove(QStringLiteral("recentProjects"));
      updateRecentMenu();
    });
  }
}

// Scripts live outside the project: the dialog starts in the folder holding it.
void MainWindow::importScript() {
  if (!session_) return;
  FileDialogRequest request;
  request.title = tr("Import Script");
  request.start = session_->folder();
  request.filter = tr("Fountain screenplay (*.fountain *.spmd *.txt)");
  openFileDialog(this, request, [this](const QString& file) { importScriptFile(file); });
}

void MainWindow::importScriptFile(const QString& file) {
  if (!session_) return;
  auto* watcher = new QFutureWatcher<providers::ParsedScript>(this);
  connect(watcher, &QFutureWatcher<providers::ParsedScript>::finished, this, [this, watcher, file] {
    watcher->deleteLater();
    if (!session_) return;
    const providers::ParsedScript script = watcher->result();
    if (script.scenes.isEmpty())
      return showError(tr("Nothing imported"),
                       tr("%1 has no scenes (scene headings start with INT. or EXT.).").arg(file));
    auto* command = new ImportScriptCommand(session_.get(), script,
                                            tr("Import %1").arg(QFileInfo(file).fileName()));
    session_->undoStack()->push(command);
    const auto& s = command->summary();
    statusBar()->showMessage(tr("Imported %1, %2, %3.")
                                 .arg(tr("%n scene(s)", nullptr, s.scenesAdded),
                                      tr("%n new character(s)", nullptr, s.charactersAdded),
                                      tr("%n dialogue line(s)", nullptr, s.dialogueLines)),
                             8000);
  });
  watcher->setFuture(QtConcurrent::run([file] {
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) return providers::ParsedScript{};
    return providers::local::parseFountain(providers::decodeScriptText(in.readAll()));
  }));
}

void MainWindow::showPreferences() {
  auto* dialog = new PreferencesDialog(registry_.get(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  // What runs and what is shown follow the new backends: the queue's next job, the cost column
  // and the inspector's estimate.
  connect(dialog, &QDialog::accepted, this, [this] {
    const render::AppSettings settings = render::AppSettings::load();
    if (queue_) queue_->setBackendSettings(settings.backends, settings.backendOptions);
    if (session_) session_->notifyScenesReset();  // states and costs with the new backends
    if (sceneInspector_) sceneInspector_->refreshPlan();
  });
  dialog->open();
}

}  // namespace sw::ui
