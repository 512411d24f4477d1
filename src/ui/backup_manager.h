// Versioned automatic backups of project.db under <project>/backups/ (SQLite online backup on a
// worker thread): one when the project opens and then every few minutes while it changes.
// Keeps the newest kKeep. Restore replaces the database from a chosen backup.
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

  QString folder() const;                 // <project>/backups
  QFileInfoList backups() const;          // newest first
  void markChanged() { changed_ = true; }
  void backupNow();                       // asynchronous; emits backupFinished
  bool busy() const { return running_; }
  void waitForIdle();

 Q_SIGNALS:
  void backupFinished(const QString& file, const QString& error);

 private:
  void prune();
  QString project_;
  QTimer* timer_;
  bool changed_ = false;
  bool running_ = false;
};

}  // namespace sw::ui
