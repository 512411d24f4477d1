// Choosing a backup of a project folder to restore: from File > Restore Backup > From a Project
// Folder (no project needs to be open) and when a project cannot be opened because its database
// is damaged. The backups (<project>/backups/project-*.db, newest first) are listed on a worker;
// Restore emits restoreRequested with the chosen file, and MainWindow does the restore.
#pragma once

#include <QDialog>
#include <QFileInfoList>
#include <QFutureWatcher>

class QLabel;
class QListWidget;
class QPushButton;

namespace sw::ui {

class BackupDialog : public QDialog {
  Q_OBJECT
 public:
  // `problem`: why the project needs one (the open error), or empty.
  BackupDialog(const QString& projectFolder, const QString& problem, QWidget* parent);
  ~BackupDialog() override;

  QString projectFolder() const { return folder_; }
  QListWidget* list() const { return list_; }
  QPushButton* restoreButton() const { return restore_; }
  bool listed() const { return listed_; }  // the worker has listed the folder

 Q_SIGNALS:
  void restoreRequested(const QString& projectFolder, const QString& backupFile);

 private:
  void showBackups(const QFileInfoList& backups);

  QString folder_;
  QLabel* status_;
  QListWidget* list_;
  QPushButton* restore_;
  bool listed_ = false;
  QFutureWatcher<QFileInfoList> listing_;
};

}  // namespace sw::ui
