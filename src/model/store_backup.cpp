#include "model/store_backup.h"

#include <sqlite3.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "model/project_store.h"
#include "model/sqlite_db.h"

namespace sw::model {

namespace {

struct BackupCloser {
  void operator()(sqlite3_backup* backup) const { sqlite3_backup_finish(backup); }
};

// Copies every page of `from` into `to`; retries while a writer holds a lock.
void copyDatabase(Database& from, Database& to, const QString& what) {
  std::unique_ptr<sqlite3_backup, BackupCloser> backup(
      sqlite3_backup_init(to.handle(), "main", from.handle(), "main"));
  if (!backup) to.raise(sqlite3_errcode(to.handle()), what);
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup.get(), 256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  const int finish = sqlite3_backup_finish(backup.release());
  if (rc != SQLITE_DONE) to.raise(rc, what);
  if (finish != SQLITE_OK) to.raise(finish, what);
}

QString databaseOf(const QString& folder) {
  return QDir(folder).absoluteFilePath(QString::fromLatin1(ProjectStore::kDatabaseName));
}

}  // namespace

void backupProject(const QString& projectFolder, const QString& destinationFile) {
  const QString source = databaseOf(projectFolder);
  if (!QFileInfo::exists(source))
    throw StoreError(StoreError::Kind::NotFound,
                     QStringLiteral("%1: no project database to back up.").arg(source));
  QDir().mkpath(QFileInfo(destinationFile).absolutePath());
  const QString partial = destinationFile + QStringLiteral(".partial");
  QFile::remove(partial);
  {
    Database from(source, Database::Mode::ReadOnly);
    Database to(partial, Database::Mode::Create);
    copyDatabase(from, to, QStringLiteral("backing up %1 to %2").arg(source, destinationFile));
  }
  QFile::remove(destinationFile);
  if (!QFile::rename(partial, destinationFile))
    throw StoreError(StoreError::Kind::Io,
                     QStringLiteral("%1: cannot write the backup (check free space and "
                                    "permissions).")
                         .arg(destinationFile));
}

void restoreProject(const QString& backupFile, const QString& projectFolder) {
  // Rejects files that are not an intact Scenewright project before touching anything.
  ProjectStore::validate(backupFile);
  const QString target = databaseOf(projectFolder);
  Database from(backupFile, Database::Mode::ReadOnly);
  Database to(target, Database::Mode::ReadWrite);
  copyDatabase(from, to, QStringLiteral("restoring %1 from %2").arg(target, backupFile));
}

void replaceDamagedProject(const QString& backupFile, const QString& projectFolder,
                           const QString& keepDamagedAs) {
  ProjectStore::validate(backupFile);
  const QString target = databaseOf(projectFolder);
  const QString partial = target + QStringLiteral(".partial");
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    QFile::remove(partial + QLatin1String(suffix));
  {
    Database from(backupFile, Database::Mode::ReadOnly);
    Database to(partial, Database::Mode::Create);
    copyDatabase(from, to, QStringLiteral("restoring %1 from %2").arg(target, backupFile));
    to.exec("PRAGMA journal_mode = DELETE");  // one file to rename: no -wal left behind
  }
  QDir().mkpath(QFileInfo(keepDamagedAs).absolutePath());
  QDir dir;  // QDir::rename never falls back to copying (which would open the file)
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {  // SQLite would replay them
    const QString from = target + QLatin1String(suffix);
    if (QFileInfo::exists(from) && !dir.rename(from, keepDamagedAs + QLatin1String(suffix)))
      throw StoreError(StoreError::Kind::Io,
                       QStringLiteral("%1: cannot move the damaged file aside to %2 (check "
                                      "permissions); nothing was restored.")
                           .arg(from, keepDamagedAs));
  }
  if (!dir.rename(partial, target))
    throw StoreError(StoreError::Kind::Io,
                     QStringLiteral("%1: cannot put the restored copy %2 in place (check "
                                    "permissions); rename it to project.db.")
                         .arg(target, partial));
}

}  // namespace sw::model
