#include "ui/backup_manager.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
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

QFileInfoList BackupManager::backups() const {
  return QDir(folder()).entryInfoList({QStringLiteral("project-*.db")}, QDir::Files, QDir::Name | QDir::Reversed);
}

void BackupManager::backupNow() {
  if (running_) return;
  running_ = true;
  changed_ = false;
  const QString file = QDir(folder()).filePath(
      QStringLiteral("project-%1.db").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"))));
  const QString project = project_;
  auto* watcher = new QFutureWatcher<QString>(this);
  connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, file] {
    const QString error = watcher->result();
    watcher->deleteLater();
    running_ = false;
    if (error.isEmpty()) prune();
    emit backupFinished(file, error);
  });
  watcher->setFuture(QtConcurrent::run([project, file]() -> QString {
    try {
      model::backupProject(project, file);
      return {};
    } catch (const model::StoreError& e) {
      return e.message();
    }
  }));
}

void BackupManager::waitForIdle() {
  while (running_) QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
}

void BackupManager::prune() {
  const QFileInfoList all = backups();
  for (int i = kKeep; i < all.size(); ++i) {
    QFile::remove(all.at(i).absoluteFilePath());
    QFile::remove(all.at(i).absoluteFilePath() + QStringLiteral("-wal"));
    QFile::remove(all.at(i).absoluteFilePath() + QStringLiteral("-shm"));
  }
}

}  // namespace sw::ui
