#include "ui/backup_manager.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include "model/store_backup.h"
#include "model/store_error.h"

namespace sw::ui {

BackupManager::BackupManager(const QString& projectFolder, QObject* parent)
    : QObject(parent), project_(projectFolder), timer_(new QTimer(this)) {
  timer_->setInterval(kIntervalMs);
  connect(timer_, &QTimer::timeout, this, [this] {
    if (changed_) backupNow();
  });
  timer_->start();
}

BackupManager::~BackupManager() { waitForIdle(); }

QString BackupManager::folder() const { return QDir(project_).filePath(QStringLiteral("backups")); }

// Newest first, with their times read here so the menu does not stat files.
QFileInfoList BackupManager::listBackups(const QString& projectFolder) {
  QFileInfoList list = QDir(QDir(projectFolder).filePath(QStringLiteral("backups")))
                           .entryInfoList({QStringLiteral("project-*.db")}, QDir::Files,
                                          QDir::Name | QDir::Reversed);
  for (const QFileInfo& info : list) (void)info.lastModified();
  return list;
}

namespace {

struct BackupRun {
  QString error;
  QFileInfoList list;
};

// Worker thread: one consistent copy, then only the newest kKeep are kept.
BackupRun backUp(const QString& project, const QString& file) {
  BackupRun run;
  try {
    model::backupProject(project, file);
  } catch (const model::StoreError& e) {
    run.error = e.message();
  }
  const QFileInfoList all = BackupManager::listBackups(project);
  for (int i = BackupManager::kKeep; i < all.size() && run.error.isEmpty(); ++i)
    for (const char* suffix : {"", "-wal", "-shm"})
      QFile::remove(all.at(i).absoluteFilePath() + QLatin1String(suffix));
  run.list = all.mid(0, run.error.isEmpty() ? BackupManager::kKeep : all.size());
  return run;
}

}  // namespace

void BackupManager::backupNow() {
  if (running_) return;
  running_ = true;
  changed_ = false;
  const QString file = QDir(folder()).filePath(
      QStringLiteral("project-%1.db")
          .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
  auto* watcher = new QFutureWatcher<BackupRun>(this);
  connect(watcher, &QFutureWatcher<BackupRun>::finished, this, [this, watcher, file] {
    const BackupRun run = watcher->result();
    watcher->deleteLater();
    list_ = run.list;
    running_ = false;
    emit backupFinished(file, run.error);
  });
  watcher->setFuture(QtConcurrent::run(backUp, project_, file));
}

void BackupManager::waitForIdle() {
  while (running_) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

}  // namespace sw::ui
