// The director's console: project pane, scene and chunk inspectors, chunk timeline, preview
// player and render queue in movable docks (layout restored with QSettings), menus and toolbar
// with the standard shortcuts, a status bar, and a title that shows the project and a modified
// mark until the store has the edit.
#pragma once

#include <QFuture>
#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>

#include "model/types.h"

class QLabel;
class QMenu;
class QProgressBar;
class QScrollArea;
class QStackedWidget;

namespace sw::providers {
class ModelRegistry;
}
namespace sw::render {
class FilmRender;
struct FilmRequest;
class RenderQueue;
struct RegenerateRequest;
struct RenderRequest;
}  // namespace sw::render

namespace sw::ui {

class BackupManager;
class CharacterModel;
class AudioTakesPanel;
class ChunkInspector;
class ChunkModel;
class ChunkRegenerator;
class ContinuityInspector;
class EditorMenus;
class MediaDrops;
class PreviewPlayer;
class ProjectPane;
class ProjectSession;
class RenderJobModel;
class RenderQueuePanel;
class RenderFilmDialog;
class RenderSceneDialog;
class SceneInspector;
class SceneListModel;
class ScenePreviewRender;
class ThumbnailLoader;
class TakeLotteryDialog;
class AssetRegenerateDialog;
class TimelineWidget;
class WaveformCache;
struct RegenerateRequest;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  // Project life cycle. Errors are shown to the user and returned as false.
  bool newProject(const QString& folder, const QString& name);
  bool openProject(const QString& folder);
  // Copies the database on a worker (the window is busy meanwhile), then opens the copy.
  // Returns false when it cannot start (no project, or busy).
  bool saveProjectAs(const QString& folder);
  // Closes the project, keeps a backup of its current state, replaces its database with
  // `backupFile` on a worker (the window is busy meanwhile) and reopens it.
  bool restoreBackupNow(const QString& backupFile);
  // The same for a project that need not be open (or that cannot open: a damaged database is
  // kept aside under backups/ instead of backed up), then opens it (main_window_backup.cpp).
  bool restoreBackupInto(const QString& folder, const QString& backupFile);
  // Imports the bundled sample project once (on a worker) into the user's data folder, then
  // opens it; returns false when busy (main_window_welcome.cpp).
  bool openSampleProject();
  static QString sampleProjectFolder();
  void closeProject();
  bool isBusy() const { return busy_; }
  QString lastError() const { return lastError_; }

  // Opens the Render Scene dialog (window-modal, not blocking) for the selected scenes.
  RenderSceneDialog* showRenderDialog();
  // File > Render Film...: the dialog; accepting stores the boundary overrides and starts the
  // film in the background (progress in the status bar, scene renders in the queue).
  RenderFilmDialog* showRenderFilmDialog();
  render::FilmRender* filmRender() const { return film_; }
  // The takes grid for `chunkId` ("Generate 4 takes…"); nullptr without a project or a queue.
  TakeLotteryDialog* showTakeLottery(model::Id chunkId);
  // The same for the reference image of scene `sceneId`.
  TakeLotteryDialog* showReferenceLottery(model::Id sceneId);
  // "Regenerate…" of one asset (render::RegenerateTarget slot; rowId: the line or cue), queued
  // when accepted; nullptr without a project or a queue.
  AssetRegenerateDialog* showAssetRegenerate(int slot, model::Id sceneId, model::Id rowId);
  // The welcome page's "Import a Screenplay…": a script, then the new project to import it into.
  void chooseScreenplay();
  bool canRegenerate() const { return queue_ != nullptr; }
  QList<model::Id> enqueueRender(const render::RenderRequest& request);
  // The dialog's render on the Slurm cluster (main_window_farm.cpp, ui/farm_submission.h).
  void submitToFarm(const render::RenderRequest& request, const QString& spool,
                    const QString& partition);

  ProjectSession* session() const { return session_.get(); }
  ProjectPane* projectPane() const { return pane_; }
  SceneInspector* sceneInspector() const { return sceneInspector_; }
  ChunkInspector* chunkInspector() const { return chunkInspector_; }
  AudioTakesPanel* audioTakesPanel() const { return audioTakes_; }
  TimelineWidget* timeline() const { return timeline_; }
  PreviewPlayer* previewPlayer() const { return player_; }
  RenderQueuePanel* queuePanel() const { return queuePanel_; }
  RenderJobModel* jobModel() const { return jobs_; }
  SceneListModel* sceneModel() const { return scenes_; }
  render::RenderQueue* renderQueue() const { return queue_.get(); }
  ChunkRegenerator* regenerator() const { return regenerator_; }
  ScenePreviewRender* previewRender() const { return previewRender_; }
  BackupManager* backups() const { return backups_; }
  WaveformCache* waveforms() const { return waveforms_; }
  EditorMenus* menus() const { return menus_; }
  QAction* action(const QString& objectName) const;
  ContinuityInspector* continuityInspector() const { return continuity_; }
  MediaDrops* mediaDrops() const { return drops_; }
  // Shows the continuity inspector at the seam before `chunkId` (or after it, for the first).
  void showContinuity(model::Id chunkId = 0);

 Q_SIGNALS:
  void busyChanged(bool busy);

 protected:
  void closeEvent(QCloseEvent* event) override;
  void showEvent(QShowEvent* event) override;

 private:
  void createActions();
  void createMenus();
  void createDocks();
  void applyDefaultDockSizes();
  void fitToScreen();
  void fitDockWidths(int round);
  void attachProject(std::unique_ptr<ProjectSession> session);
  void buildProjectWidgets();
  void connectProjectWidgets();
  QWidget* welcomeWidget();
  void updateTitle();
  void updateActions();
  void updateRecentMenu();
  void updateBackupMenu();
  void addRecent(const QString& folder);
  void showError(const QString& title, const QString& text);
  void restoreBackup(const QString& file, const QString& label);  // asks first
  void chooseProjectToRestore();  // a project folder, then its backups (BackupDialog)
  // A project that cannot open: its backups offered when it has any, else the error shown.
  void offerBackups(const QString& folder, const QString& problem);
  // The empty docks make way for the welcome page and come back with a project (and before the
  // layout is saved, so the saved layout keeps them).
  void hideDocksForWelcome();
  void showDocksAfterWelcome();
  // Busy state (main_window_backup.cpp): `work` runs on a worker and returns an error text.
  void runBusy(const QString& message, std::function<QString()> work,
               std::function<void(const QString& error)> done);
  void setBusy(const QString& message);  // empty: not busy
  void importScript();
  void importScriptFile(const QString& file);  // parses on a worker, then one undo step
  void chooseNewProject();
  void chooseOpenProject();
  void chooseSaveAs();
  void showPreferences();
  void onSceneSelected(model::Id sceneId);
  void onChunkSelected(model::Id chunkId);
  void onAudioClipSelected(int lane, int clip);  // its takes in the chunk dock
  void previewScene(model::Id sceneId);
  void previewAsRendered(model::Id sceneId);
  // The takes dialog for a chunk or a scene's reference image (TakeLotteryDialog::Subject).
  TakeLotteryDialog* openLottery(model::Id id, int subject);
  void connectPreviewRender();
  double assetSeconds(const model::Chunk& chunk);
  void loadRegistry();

  // Render wiring (main_window_render.cpp).
  void createRenderQueue();
  void connectRenderQueue();
  void connectRegenerator();
  void regenerate(const RegenerateRequest& request);
  void regenerateStale(model::Id sceneId);
  void startRegenerating(const QList<render::RegenerateRequest>& requests);
  void saveRenderAs(model::Id jobId);
  void copyRender(const QString& source, const QString& target);  // on a worker
  void openRender(const QString& file);
  QString renderUnavailableReason() const;
  // closeEvent with renders running: asks to cancel them or leave them to resume later
  // (message box "quitDuringRender"), stops them and closes once they have stopped; true when
  // nothing runs and the window may close now.
  bool mayCloseWithRenders();
  QList<model::Id> runningRenders() const;  // the queue's jobs, not the preview render's
  // The continuity inspector and the user's dropped media (main_window_tools.cpp).
  void createEditorTools();

  std::unique_ptr<ProjectSession> session_;
  std::shared_ptr<const providers::ModelRegistry> registry_;
  QString registryError_;
  std::unique_ptr<render::RenderQueue> queue_;
  ChunkRegenerator* regenerator_ = nullptr;
  ScenePreviewRender* previewRender_ = nullptr;
  render::FilmRender* film_ = nullptr;  // the film being rendered (one at a time)
  void startFilm(render::FilmRequest request);
  ContinuityInspector* continuity_ = nullptr;
  MediaDrops* drops_ = nullptr;
  int lastStaleMarked_ = 0;
  ThumbnailLoader* thumbnails_ = nullptr;
  WaveformCache* waveforms_ = nullptr;  // of the open project's audio lanes
  EditorMenus* menus_ = nullptr;
  BackupManager* backups_ = nullptr;
  SceneListModel* scenes_ = nullptr;
  CharacterModel* characters_ = nullptr;
  ChunkModel* chunks_ = nullptr;
  RenderJobModel* jobs_ = nullptr;
  ProjectPane* pane_ = nullptr;
  SceneInspector* sceneInspector_ = nullptr;
  ChunkInspector* chunkInspector_ = nullptr;
  AudioTakesPanel* audioTakes_ = nullptr;  // the chunk dock's other page
  QStackedWidget* chunkPages_ = nullptr;
  TimelineWidget* timeline_ = nullptr;
  QScrollArea* timelineScroll_ = nullptr;
  PreviewPlayer* player_ = nullptr;
  RenderQueuePanel* queuePanel_ = nullptr;
  QDockWidget* projectDock_ = nullptr;
  QDockWidget* inspectorDock_ = nullptr;
  QDockWidget* chunkDock_ = nullptr;
  QDockWidget* queueDock_ = nullptr;
  QDockWidget* timelineDock_ = nullptr;
  QList<QDockWidget*> docksHiddenForWelcome_;
  QList<QAction*> transportActions_;  // J/K/L, frame and seam steps (transport_actions.h)
  QMenu* recentMenu_ = nullptr;
  QMenu* backupMenu_ = nullptr;
  QLabel* statusProject_ = nullptr;
  QProgressBar* busyBar_ = nullptr;
  bool busy_ = false;
  bool closeWhenIdle_ = false;
  bool layoutRestored_ = false;  // a saved dock layout was applied (else defaults on first open) //
                                 // the user closed the window while busy
  // The size the constructor chose (restored or default): fitted again with the window frame
  // on the first show, unless the caller has resized the window since.
  QSize constructedSize_;
  QFuture<QString> busyWork_;
  QString lastError_;
  QString lastRender_;
  bool stoppingToQuit_ = false;  // the renders were told to stop; close() once none runs
};

}  // namespace sw::ui
