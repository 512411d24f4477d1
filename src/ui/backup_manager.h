// Versioned automatic backups of project.db under <project>/backups/ (SQLite online backup on a
// worker thread): one when the project opens and then every few minutes while it changes.
// Keeps the newest kKeep. Copying, pruning and listing the folder all run on the worker; the
// GUI thread only reads the list the last run left. Restoring is MainWindow's (the project must
// be closed while its database is replaced).
#pragma once

#include <QDateTime>
#include <QFileInfoList>
#include <QObject>

class QTimer;

namespace sw::ui {

class BackupManager : public QObject {
  Q_OBJECT
 public:
  static constexpr int kKeep = 20;
  static constexpr int kIntervalMs = 5 * 60 * 1000;

  explicit BackupManager(const QString& projectFolder, QObject* parent = nullptr);
  ~BackupManager() override;

  // The backups of a project folder (<project>/backups/project-*.db), newest first, with their
  // times read. Stats files: call it on a worker.
  static QFileInfoList listBackups(const QString& projectFolder);

  QString folder() const;                          // <project>/backups
  QFileInfoList backups() const { return list_; }  // newest first, as of the last backup run
  void markChanged() { changed_ = true; }
  void backupNow();  // asynchronous; emits backupFinished
  bool busy() const { return running_; }
  void waitForIdle();  // runs the event loop until the backup in flight is done

 Q_SIGNALS:
  void backupFinished(const QString& file, const QString& error);

 private:
  QString project_;
  QFileInfoList list_;
  QTimer* timer_;
  bool changed_ = false;
  bool running_ = false;
};

}  // namespace sw::ui
