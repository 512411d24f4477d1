#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QShowEvent>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

#include "providers/model_registry.h"
#include "ui/backup_manager.h"
#include "ui/character_model.h"
#include "ui/chunk_inspector.h"
#include "ui/chunk_model.h"
#include "ui/help_dialogs.h"
#include "ui/preview_player.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/render_job_model.h"
#include "ui/render_queue_panel.h"
#include "ui/scene_inspector.h"
#include "ui/scene_list_model.h"
#include "ui/thumbnail_loader.h"
#include "ui/timeline_widget.h"
#include "ui/transport_actions.h"

#include "render/render_queue.h"

namespace sw::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), thumbnails_(new ThumbnailLoader(this)) {
  setObjectName(QStringLiteral("mainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/scenewright/icons/org.scenewright.Scenewright.svg")));
  setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
  loadRegistry();
  createActions();
  createMenus();
  createDocks();
  statusProject_ = new QLabel;
  busyBar_ = new QProgressBar;
  busyBar_->setObjectName(QStringLiteral("busyBar"));
  busyBar_->setRange(0, 0);  // busy indicator: the copy reports no progress of its own
  busyBar_->setMaximumWidth(160);
  busyBar_->hide();
  statusBar()->addPermanentWidget(busyBar_);
  statusBar()->addPermanentWidget(statusProject_);
  setCentralWidget(welcomeWidget());
  QSettings settings;
  if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
    resize(1360, 860);
  fitToScreen();
  constructedSize_ = size();
  layoutRestored_ = restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
  updateTitle();
  updateActions();
  updateRecentMenu();
  statusBar()->showMessage(tr("Ready"));
}

MainWindow::~MainWindow() {
  busyWork_.waitForFinished();  // a database copy in flight finishes before the process may exit
  closeProject();
}

void MainWindow::loadRegistry() {
  try {
    registry_ = std::make_shared<const providers::ModelRegistry>(providers::ModelRegistry::load());
  } catch (const std::exception& e) {
    registryError_ = QString::fromUtf8(e.what());
  }
}

QAction* MainWindow::action(const QString& objectName) const {
  return findChild<QAction*>(objectName);
}

namespace {
QAction* makeAction(QObject* owner, const QString& name, const QString& text, const QString& icon,
                    QKeySequence shortcut = {}) {
  auto* a = new QAction(QIcon::fromTheme(icon), text, owner);
  a->setObjectName(name);
  if (!shortcut.isEmpty()) a->setShortcut(shortcut);
  return a;
}
}  // namespace

void MainWindow::createActions() {
  connect(makeAction(this, QStringLiteral("actionNew"), tr("&New Project…"),
                     QStringLiteral("document-new"), QKeySequence::New),
          &QAction::triggered, this, &MainWindow::chooseNewProject);
  connect(makeAction(this, QStringLiteral("actionOpen"), tr("&Open Project…"),
                     QStringLiteral("document-open"), QKeySequence::Open),
          &QAction::triggered, this, &MainWindow::chooseOpenProject);
  connect(makeAction(this, QStringLiteral("actionSaveAs"), tr("Save Project &As…"),
                     QStringLiteral("document-save-as"), QKeySequence::SaveAs),
          &QAction::triggered, this, &MainWindow::chooseSaveAs);
  connect(makeAction(this, QStringLiteral("actionImportScript"), tr("&Import Script…"),
                     QStringLiteral("document-import"), QKeySequence(tr("Ctrl+I"))),
          &QAction::triggered, this, &MainWindow::importScript);
  connect(makeAction(this, QStringLiteral("actionBackupNow"), tr("&Back Up Now"),
                     QStringLiteral("document-save")),
          &QAction::triggered, this, [this] {
            if (backups_) backups_->backupNow();
          });
  auto* quit = makeAction(this, QStringLiteral("actionQuit"), tr("&Quit"),
                          QStringLiteral("application-exit"), QKeySequence::Quit);
  quit->setMenuRole(QAction::QuitRole);
  connect(quit, &QAction::triggered, this, &QWidget::close);
  auto* undo = makeAction(this, QStringLiteral("actionUndo"), tr("&Undo"),
                          QStringLiteral("edit-undo"), QKeySequence::Undo);
  auto* redo = makeAction(this, QStringLiteral("actionRedo"), tr("&Redo"),
                          QStringLiteral("edit-redo"), QKeySequence::Redo);
  connect(undo, &QAction::triggered, this, [this] {
    if (session_) session_->undoStack()->undo();
  });
  connect(redo, &QAction::triggered, this, [this] {
    if (session_) session_->undoStack()->redo();
  });
  connect(makeAction(this, QStringLiteral("actionAddScene"), tr("Add &Scene"),
                     QStringLiteral("list-add"), QKeySequence(tr("Ctrl+Shift+N"))),
          &QAction::triggered, this, [this] {
            if (pane_) pane_->addScene();
          });
  connect(makeAction(this, QStringLiteral("actionDuplicateScene"), tr("&Duplicate Scene"),
                     QStringLiteral("edit-copy"), QKeySequence(tr("Ctrl+D"))),
          &QAction::triggered, this, [this] {
            if (pane_) pane_->duplicateScene();
          });
  connect(makeAction(this, QStringLiteral("actionDeleteScene"), tr("De&lete Scene"),
                     QStringLiteral("edit-delete")),
          &QAction::triggered, this, [this] {
            if (pane_) pane_->deleteScenes();
          });
  auto* prefs = makeAction(this, QStringLiteral("actionPreferences"), tr("&Preferences…"),
                           QStringLiteral("preferences-system"), QKeySequence::Preferences);
  if (prefs->shortcut().isEmpty()) prefs->setShortcut(QKeySequence(tr("Ctrl+,")));
  prefs->setMenuRole(QAction::PreferencesRole);
  connect(prefs, &QAction::triggered, this, &MainWindow::showPreferences);
  connect(makeAction(this, QStringLiteral("actionRender"), tr("&Render Scene…"),
                     QStringLiteral("media-record"), QKeySequence(tr("Ctrl+R"))),
          &QAction::triggered, this, [this] { showRenderDialog(); });
  connect(makeAction(this, QStringLiteral("actionRenderFilm"), tr("Render &Film…"),
                     QStringLiteral("video-x-generic"), QKeySequence(tr("Ctrl+Shift+R"))),
          &QAction::triggered, this, [this] { showRenderFilmDialog(); });
  connect(makeAction(this, QStringLiteral("actionZoomIn"), tr("Zoom &In"),
                     QStringLiteral("zoom-in"), QKeySequence::ZoomIn),
          &QAction::triggered, this, [this] {
            if (timeline_) timeline_->zoomIn();
          });
  connect(makeAction(this, QStringLiteral("actionZoomOut"), tr("Zoom &Out"),
                     QStringLiteral("zoom-out"), QKeySequence::ZoomOut),
          &QAction::triggered, this, [this] {
            if (timeline_) timeline_->zoomOut();
          });
  connect(makeAction(this, QStringLiteral("actionZoomFit"), tr("Zoom to &Fit"),
                     QStringLiteral("zoom-fit-best"), QKeySequence(tr("Ctrl+0"))),
          &QAction::triggered, this, [this] {
            if (timeline_) timeline_->zoomToFit(timelineScroll_->viewport()->width());
          });
  connect(makeAction(this, QStringLiteral("actionPlay"), tr("&Play / Pause"),
                     QStringLiteral("media-playback-start"), QKeySequence(Qt::Key_Space)),
          &QAction::triggered, this, [this] {
            if (player_) player_->togglePlay();
          });
  connect(makeAction(this, QStringLiteral("actionPreviewRender"), tr("Preview &Last Render"),
                     QStringLiteral("video-x-generic")),
          &QAction::triggered, this, [this] {
            if (!lastRender_.isEmpty()) openRender(lastRender_);
          });
  connect(makeAction(this, QStringLiteral("actionContinuity"), tr("&Continuity Inspector…"),
                     QStringLiteral("view-list-details")),
          &QAction::triggered, this, [this] { showContinuity(); });
  connect(makeAction(this, QStringLiteral("actionAbout"), tr("&About Scenewright"),
                     QStringLiteral("help-about")),
          &QAction::triggered, this, [this] {
            QMessageBox::about(
                this, tr("About Scenewright"),
                tr("<b>Scenewright %1</b><p>A director's console for AI-generated video.</p>")
                    .arg(QApplication::applicationVersion()));
          });
  action(QStringLiteral("actionPlay"))->setShortcutContext(Qt::WidgetWithChildrenShortcut);
  transportActions_ = createTransportActions(this, [this] { return player_; });
}

void MainWindow::createMenus() {
  QMenu* file = menuBar()->addMenu(tr("&File"));
  file->addAction(action(QStringLiteral("actionNew")));
  file->addAction(action(QStringLiteral("actionOpen")));
  recentMenu_ = file->addMenu(tr("Open &Recent"));
  recentMenu_->setObjectName(QStringLiteral("recentMenu"));
  file->addAction(action(QStringLiteral("actionSaveAs")));
  file->addSeparator();
  file->addAction(action(QStringLiteral("actionImportScript")));
  file->addAction(action(QStringLiteral("actionRenderFilm")));
  file->addSeparator();
  file->addAction(action(QStringLiteral("actionBackupNow")));
  backupMenu_ = file->addMenu(tr("Restore &Backup"));
  backupMenu_->setObjectName(QStringLiteral("backupMenu"));
  connect(backupMenu_, &QMenu::aboutToShow, this, &MainWindow::updateBackupMenu);
  file->addSeparator();
  file->addAction(action(QStringLiteral("actionQuit")));

  QMenu* edit = menuBar()->addMenu(tr("&Edit"));
  edit->addAction(action(QStringLiteral("actionUndo")));
  edit->addAction(action(QStringLiteral("actionRedo")));
  edit->addSeparator();
  edit->addAction(action(QStringLiteral("actionPreferences")));

  QMenu* scene = menuBar()->addMenu(tr("&Scene"));
  for (const char* name : {"actionAddScene", "actionDuplicateScene", "actionDeleteScene"})
    scene->addAction(action(QString::fromLatin1(name)));
  scene->addSeparator();
  scene->addAction(action(QStringLiteral("actionRender")));

  QMenu* view = menuBar()->addMenu(tr("&View"));
  view->setObjectName(QStringLiteral("viewMenu"));
  for (const char* name :
       {"actionZoomIn", "actionZoomOut", "actionZoomFit", "actionPlay", "actionPreviewRender"})
    view->addAction(action(QString::fromLatin1(name)));
  QMenu* playback = view->addMenu(tr("Play&back"));
  playback->setObjectName(QStringLiteral("playbackMenu"));
  playback->addActions(transportActions_);
  view->addAction(action(QStringLiteral("actionContinuity")));
  view->addSeparator();

  QMenu* help = menuBar()->addMenu(tr("&Help"));
  addHelpActions(this, help);
  help->addAction(action(QStringLiteral("actionAbout")));

  QToolBar* bar = addToolBar(tr("Main"));
  bar->setObjectName(QStringLiteral("mainToolBar"));
  bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  for (const char* name :
       {"actionNew", "actionOpen", "actionUndo", "actionRedo", "actionAddScene", "actionRender"})
    bar->addAction(action(QString::fromLatin1(name)));
}

void MainWindow::createDocks() {
  auto dock = [this](const QString& name, const QString& title, Qt::DockWidgetArea area) {
    auto* d = new QDockWidget(title, this);
    d->setObjectName(name);
    d->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                   QDockWidget::DockWidgetClosable);
    addDockWidget(area, d);
    findChild<QMenu*>(QStringLiteral("viewMenu"))->addAction(d->toggleViewAction());
    return d;
  };
  projectDock_ = dock(QStringLiteral("projectDock"), tr("Project"), Qt::LeftDockWidgetArea);
  inspectorDock_ = dock(QStringLiteral("inspectorDock"), tr("Scene"), Qt::RightDockWidgetArea);
  chunkDock_ = dock(QStringLiteral("chunkDock"), tr("Chunk"), Qt::RightDockWidgetArea);
  timelineDock_ = dock(QStringLiteral("timelineDock"), tr("Timeline"), Qt::BottomDockWidgetArea);
  queueDock_ = dock(QStringLiteral("queueDock"), tr("Render Queue"), Qt::RightDockWidgetArea);
  splitDockWidget(inspectorDock_, queueDock_, Qt::Vertical);
  tabifyDockWidget(inspectorDock_, chunkDock_);
  inspectorDock_->raise();
  resizeDocks({projectDock_, inspectorDock_}, {340, 440}, Qt::Horizontal);
  resizeDocks({inspectorDock_, queueDock_}, {420, 200}, Qt::Vertical);
  resizeDocks({timelineDock_}, {280}, Qt::Vertical);
}

// The first project shown without a saved layout: docks at sizes that leave the preview room and
// show every audio lane of the timeline (up to 45% of the window's height).
void MainWindow::applyDefaultDockSizes() {
  const int chrome = timelineScroll_->horizontalScrollBar()->sizeHint().height() +
                     2 * timelineScroll_->frameWidth() +
                     style()->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, timelineDock_) + 8;
  const int timeline = std::min(timeline_->sizeHint().height() + chrome, height() * 45 / 100);
  // resizeDocks() shares the change with the central area, so a single call falls short:
  // repeat (with the layout applied in between) until the dock has its height.
  for (int round = 0; round < 6 && timelineDock_->height() < timeline - 2; ++round) {
    resizeDocks({timelineDock_}, {timeline}, Qt::Vertical);
    layout()->activate();
  }
  fitDockWidths(0);
}

// Side docks at 340 / 440 px so the preview gets the rest; widths settle over a few layouts.
void MainWindow::fitDockWidths(int round) {
  const auto near = [](int size, int wanted) { return std::abs(size - wanted) <= 4; };
  if (!projectDock_ || round > 6 ||
      (near(projectDock_->width(), 340) && near(inspectorDock_->width(), 440)))
    return;
  resizeDocks({projectDock_, inspectorDock_}, {340, 440}, Qt::Horizontal);
  QTimer::singleShot(0, this, [this, round] { fitDockWidths(round + 1); });
}

void MainWindow::updateTitle() {
  if (!session_) {
    setWindowTitle(tr("Scenewright"));
    setWindowModified(false);
    statusProject_->clear();
    return;
  }
  setWindowTitle(tr("%1[*] — Scenewright").arg(session_->projectName()));
  setWindowModified(session_->modified());
  statusProject_->setText(
      tr("%n scene(s) · %1", nullptr, scenes_->rowCount()).arg(session_->folder()));
}

void MainWindow::updateActions() {
  for (const char* name : {"actionNew", "actionOpen", "actionPreferences"})
    action(QString::fromLatin1(name))->setEnabled(!busy_);
  recentMenu_->setEnabled(!busy_);
  const bool open = session_ != nullptr && !busy_;
  for (const char* name :
       {"actionSaveAs", "actionImportScript", "actionBackupNow", "actionAddScene",
        "actionDuplicateScene", "actionDeleteScene", "actionZoomIn", "actionZoomOut",
        "actionZoomFit", "actionPlay", "actionContinuity"})
    action(QString::fromLatin1(name))->setEnabled(open);
  backupMenu_->setEnabled(!busy_);  // without a project it offers a project folder's backups
  auto* undo = action(QStringLiteral("actionUndo"));
  auto* redo = action(QStringLiteral("actionRedo"));
  undo->setEnabled(open && session_->undoStack()->canUndo());
  redo->setEnabled(open && session_->undoStack()->canRedo());
  undo->setText(open && undo->isEnabled() ? tr("&Undo %1").arg(session_->undoStack()->undoText())
                                          : tr("&Undo"));
  redo->setText(open && redo->isEnabled() ? tr("&Redo %1").arg(session_->undoStack()->redoText())
                                          : tr("&Redo"));
  auto* render = action(QStringLiteral("actionRender"));
  const QString reason = renderUnavailableReason();
  render->setEnabled(open && scenes_->rowCount() > 0);
  render->setToolTip(reason.isEmpty() ? tr("Render the selected scenes (Ctrl+R)") : reason);
  action(QStringLiteral("actionRenderFilm"))->setEnabled(open && scenes_->rowCount() > 0);
  action(QStringLiteral("actionPreviewRender"))->setEnabled(open && !lastRender_.isEmpty());
}

void MainWindow::showError(const QString& title, const QString& text) {
  lastError_ = text;
  statusBar()->showMessage(text, 10000);
  auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();  // window-modal, does not block the event loop
}

// A window larger than its screen's free area (a geometry saved on a bigger monitor, or the
// default size on a small laptop) is shrunk and moved onto it, frame included once it is known.
void MainWindow::fitToScreen() {
  const QScreen* s = screen();
  if (!s || isMaximized() || isFullScreen()) return;
  const QRect free = s->availableGeometry();
  const QRect inner = geometry();
  QRect outer = frameGeometry();
  const QMargins frame(inner.left() - outer.left(), inner.top() - outer.top(),
                       outer.right() - inner.right(), outer.bottom() - inner.bottom());
  outer.setSize(outer.size().boundedTo(free.size()));
  if (outer.right() > free.right()) outer.moveRight(free.right());
  if (outer.bottom() > free.bottom()) outer.moveBottom(free.bottom());
  if (outer.left() < free.left()) outer.moveLeft(free.left());
  if (outer.top() < free.top()) outer.moveTop(free.top());
  if (outer.marginsRemoved(frame) != inner) setGeometry(outer.marginsRemoved(frame));
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  if (!event->spontaneous() && constructedSize_ == size()) fitToScreen();
  constructedSize_ = {};
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (busy_) {  // never cut a database copy short: close once it is done
    closeWhenIdle_ = true;
    statusBar()->showMessage(tr("Closing when the project copy is finished…"));
    return event->ignore();
  }
  if (!mayCloseWithRenders()) return event->ignore();
  showDocksAfterWelcome();
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("window/state"), saveState());
  closeProject();
  event->accept();
}

}  // namespace sw::ui
