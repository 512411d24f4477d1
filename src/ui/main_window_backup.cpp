// MainWindow: work that copies the project database (Save As, Restore Backup) runs on a worker
// thread while the window is busy: its editing widgets and actions are disabled and the status
// bar shows what is happening, then the project is (re)opened.
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include "model/project_store.h"
#include "model/store_backup.h"
#include "model/store_error.h"
#include "ui/backup_dialog.h"
#include "ui/backup_manager.h"
#include "ui/file_dialogs.h"
#include "ui/main_window.h"
#include "ui/project_session.h"

namespace sw::ui {

namespace {

// `<project>/backups/<prefix>-<now>.db`.
QString backupName(const QString& folder, const QString& prefix) {
  return QDir(folder).filePath(QStringLiteral("backups/%1-%2.db")
                                   .arg(prefix, QDateTime::currentDateTime().toString(
                                                    QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
}

// Worker thread: a restore always keeps the state it replaces, so it can be undone from the menu.
// A database that cannot be read cannot be backed up or written into: it is moved aside whole
// (`damaged`, not named project-*.db so it is never offered as a backup) and the backup put in
// its place.
QString restoreWork(const QString& folder, const QString& backup, const QString& safety,
                    const QString& damaged) {
  try {
    bool readable = true;
    try {
      model::backupProject(folder, safety);
    } catch (const model::StoreError& e) {
      using Kind = model::StoreError::Kind;
      if (e.kind() != Kind::Damaged && e.kind() != Kind::NotAProject && e.kind() != Kind::NotFound)
        throw;
      QFile::remove(safety + QStringLiteral(".partial"));
      readable = false;
    }
    if (readable)
      model::restoreProject(backup, folder);
    else
      model::replaceDamagedProject(backup, folder, damaged);
    return {};
  } catch (const model::StoreError& e) {
    return e.message();
  } catch (const std::exception& e) {
    return QString::fromUtf8(e.what());
  }
}

// Worker thread: one consistent copy of the database; generated media stay in the shared cache.
QString copyWork(const QString& source, const QString& target) {
  try {
    const QString db = QDir(target).filePath(QLatin1String(model::ProjectStore::kDatabaseName));
    if (QFileInfo::exists(db))
      return MainWindow::tr("%1 already holds a project. Choose another folder.").arg(target);
    model::backupProject(source, db);
    model::ProjectStore::open(target)->setProjectName(QFileInfo(target).completeBaseName());
    return {};
  } catch (const model::StoreError& e) {
    return e.message();
  } catch (const std::exception& e) {
    return QString::fromUtf8(e.what());
  }
}

}  // namespace

void MainWindow::runBusy(const QString& message, std::function<QString()> work,
                         std::function<void(const QString& error)> done) {
  setBusy(message);
  auto* watcher = new QFutureWatcher<QString>(this);
  connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, done] {
    const QString error = watcher->result();
    watcher->deleteLater();
    setBusy({});
    done(error);
    if (closeWhenIdle_) close();
  });
  busyWork_ = QtConcurrent::run(std::move(work));
  watcher->setFuture(busyWork_);
}

void MainWindow::setBusy(const QString& message) {
  busy_ = !message.isEmpty();
  busyBar_->setVisible(busy_);
  if (busy_)
    statusBar()->showMessage(message);
  else
    statusBar()->clearMessage();
  if (QWidget* central = centralWidget()) central->setEnabled(!busy_);
  for (QDockWidget* dock : {projectDock_, inspectorDock_, chunkDock_, timelineDock_, queueDock_})
    dock->setEnabled(!busy_);
  updateActions();
  emit busyChanged(busy_);
}

bool MainWindow::saveProjectAs(const QString& folder) {
  if (!session_ || busy_) return false;
  const QString source = session_->folder();
  runBusy(
      tr("Copying the project to %1…").arg(folder),
      [source, folder] { return copyWork(source, folder); },
      [this, folder](const QString& error) {
        if (!error.isEmpty()) return showError(tr("Cannot save the project"), error);
        openProject(folder);
      });
  return true;
}

void MainWindow::updateBackupMenu() {
  backupMenu_->clear();
  if (session_) {
    const QFileInfoList list = backups_ ? backups_->backups() : QFileInfoList();
    for (const QFileInfo& info : list) {
      const QString label = QLocale().toString(info.lastModified(), QLocale::ShortFormat);
      const QString file = info.absoluteFilePath();
      connect(backupMenu_->addAction(tr("Backup of %1").arg(label)), &QAction::triggered, this,
              [this, file, label] { restoreBackup(file, label); });
    }
    if (list.isEmpty()) backupMenu_->addAction(tr("No backups yet"))->setEnabled(false);
    backupMenu_->addSeparator();
  }
  QAction* other =
      backupMenu_->addAction(session_ ? tr("Of Another Project…") : tr("Of a Project Folder…"));
  other->setObjectName(QStringLiteral("actionRestoreFromFolder"));
  connect(other, &QAction::triggered, this, &MainWindow::chooseProjectToRestore);
}

void MainWindow::chooseProjectToRestore() {
  if (busy_) return;
  FileDialogRequest request;
  request.mode = FileDialogMode::Project;
  request.title = tr("Restore a Backup of a Project");
  request.start = session_ ? session_->folder() : QDir::homePath();
  openFileDialog(this, request, [this](const QString& folder) { offerBackups(folder, {}); });
}

void MainWindow::offerBackups(const QString& folder, const QString& problem) {
  if (!problem.isEmpty()) {
    lastError_ = problem;
    statusBar()->showMessage(problem, 10000);
  }
  auto* dialog = new BackupDialog(folder, problem, this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  connect(
      dialog, &BackupDialog::restoreRequested, this,
      [this](const QString& project, const QString& file) { restoreBackupInto(project, file); });
  dialog->open();  // window-modal, does not block the event loop
}

void MainWindow::restoreBackup(const QString& file, const QString& label) {
  if (!session_ || busy_) return;
  auto* box = new QMessageBox(
      QMessageBox::Question, tr("Restore Backup"),
      tr("Replace the project with the backup from %1?\nThe current state is backed up "
         "first, so this can be reverted from the same menu.")
          .arg(label),
      QMessageBox::Yes | QMessageBox::No, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::finished, this, [this, box, file] {
    if (box->clickedButton() == box->button(QMessageBox::Yes)) restoreBackupNow(file);
  });
  box->open();  // window-modal, does not block the event loop
}

bool MainWindow::restoreBackupNow(const QString& file) {
  if (!session_ || busy_) return false;
  return restoreBackupInto(session_->folder(), file);
}

bool MainWindow::restoreBackupInto(const QString& folder, const QString& file) {
  if (busy_) return false;
  // The safety copy is named like the backups (project-<time>-before-restore.db), so it is listed.
  const QString now = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
  const QString safety =
      QDir(folder).filePath(QStringLiteral("backups/project-%1-before-restore.db").arg(now));
  const QString damaged = backupName(folder, QStringLiteral("damaged"));
  // No connection may stay open on the database while it is replaced; another open project
  // stays open until the restored one replaces it.
  if (session_ && QFileInfo(session_->folder()) == QFileInfo(folder)) closeProject();
  runBusy(
      tr("Restoring the backup…"),
      [folder, file, safety, damaged] { return restoreWork(folder, file, safety, damaged); },
      [this, folder](const QString& error) {
        if (!error.isEmpty()) showError(tr("Cannot restore the backup"), error);
        if (openProject(folder) && error.isEmpty())
          statusBar()->showMessage(tr("Backup restored; the replaced state was backed up first."),
                                   8000);
      });
  return true;
}

}  // namespace sw::ui
