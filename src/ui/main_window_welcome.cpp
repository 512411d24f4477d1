// MainWindow with no project open: the welcome page, the bundled sample project and importing a
// screenplay into a new project.
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTimer>

#include "model/project_json.h"
#include "model/store_error.h"
#include "render/app_settings.h"
#include "ui/file_dialogs.h"
#include "ui/main_window.h"
#include "ui/project_session.h"
#include "ui/welcome_page.h"

namespace sw::ui {

namespace {
// Embedded in scenewright_ui (src/ui/CMakeLists.txt), so an installed build has it too.
const QString kSampleJson = QStringLiteral(":/scenewright/sample/sample_project.json");
}  // namespace

QWidget* MainWindow::welcomeWidget() {
  auto* page = new WelcomePage;
  connect(page, &WelcomePage::openRecentRequested, this,
          [this](const QString& folder) { openProject(folder); });
  connect(page, &WelcomePage::openSampleRequested, this, [this] { openSampleProject(); });
  connect(page, &WelcomePage::newProjectRequested, this, &MainWindow::chooseNewProject);
  connect(page, &WelcomePage::openProjectRequested, this, &MainWindow::chooseOpenProject);
  connect(page, &WelcomePage::importScreenplayRequested, this, &MainWindow::chooseScreenplay);
  connect(page, &WelcomePage::recentListChanged, this, &MainWindow::updateRecentMenu);
  // Once the constructor has restored the saved layout (or the project has closed). Without the
  // docks' minimum sizes the window fits a screen it could not fit before.
  QTimer::singleShot(0, this, [this] {
    if (session_) return;
    hideDocksForWelcome();
    if (isVisible()) fitToScreen();
  });
  // Scrolled, so a small screen (or a large font) never makes the window wider than the screen.
  auto* scroll = new QScrollArea;
  scroll->setObjectName(QStringLiteral("welcomeScroll"));
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidgetResizable(true);
  scroll->setWidget(page);
  return scroll;
}

void MainWindow::hideDocksForWelcome() {
  for (QDockWidget* dock : {projectDock_, inspectorDock_, chunkDock_, timelineDock_, queueDock_})
    if (dock->toggleViewAction()->isChecked() && !docksHiddenForWelcome_.contains(dock)) {
      docksHiddenForWelcome_ << dock;
      dock->hide();
    }
}

void MainWindow::showDocksAfterWelcome() {
  for (QDockWidget* dock : std::as_const(docksHiddenForWelcome_)) dock->show();
  if (docksHiddenForWelcome_.contains(inspectorDock_)) inspectorDock_->raise();  // over Chunk
  docksHiddenForWelcome_.clear();
}

QString MainWindow::sampleProjectFolder() {
  return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
      .filePath(QStringLiteral("Sample.scenewright"));
}

bool MainWindow::openSampleProject() {
  if (busy_) return false;
  const QString folder = sampleProjectFolder();
  if (QFileInfo::exists(QDir(folder).filePath(QLatin1String(model::ProjectStore::kDatabaseName))))
    return openProject(folder);
  const QString cache = render::AppSettings::load().effectiveCacheDirectory();
  runBusy(
      tr("Preparing the sample project…"),
      [folder, cache]() -> QString {
        try {
          QDir().mkpath(QFileInfo(folder).absolutePath());
          model::importProjectFile(kSampleJson, folder, cache);
          return {};
        } catch (const model::StoreError& e) {
          return e.message();
        }
      },
      [this, folder](const QString& error) {
        if (!error.isEmpty()) return showError(tr("Cannot open the sample project"), error);
        openProject(folder);
      });
  return true;
}

// A screenplay first, then where its project goes: beside the script, named after it.
void MainWindow::chooseScreenplay() {
  FileDialogRequest request;
  request.title = tr("Import a Screenplay");
  request.start = session_ ? session_->folder() : QDir::homePath();
  request.filter = tr("Fountain screenplay (*.fountain *.spmd *.txt)");
  openFileDialog(this, request, [this](const QString& script) {
    const QFileInfo info(script);
    FileDialogRequest target;
    target.mode = FileDialogMode::SaveFile;
    target.title = tr("New Project for %1").arg(info.fileName());
    target.start =
        QDir(info.absolutePath())
            .filePath(info.completeBaseName() + QLatin1String(model::ProjectStore::kSuffix));
    target.filter = tr("Scenewright project (*.scenewright)");
    openFileDialog(this, target, [this, script](QString path) {
      if (!path.endsWith(QLatin1String(model::ProjectStore::kSuffix)))
        path += QLatin1String(model::ProjectStore::kSuffix);
      if (newProject(path, QFileInfo(path).completeBaseName())) importScriptFile(script);
    });
  });
}

}  // namespace sw::ui
