// importProjectFile: a project built next to its target and renamed into place.
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>

#include "core/temp_files.h"
#include "model/project_files.h"
#include "model/project_json.h"

namespace sw::model {

namespace {

[[noreturn]] void ioError(const QString& what, const QString& path, int error) {
  throw StoreError(
      error == ENOSPC || error == EDQUOT ? StoreError::Kind::DiskFull : StoreError::Kind::Io,
      QStringLiteral("%1 %2: %3.").arg(what, path, QString::fromLocal8Bit(std::strerror(error))),
      path);
}

// Flushes a folder's entries (a rename in it) to the disk.
void syncFolder(const QString& folder) {
  const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) ioError(QStringLiteral("Cannot open the folder"), folder, errno);
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0 && error != EINVAL && error != EROFS)
    ioError(QStringLiteral("Cannot flush the folder"), folder, error);
}

// rename(2) that never replaces an existing `to` (renameat2 RENAME_NOREPLACE; on a file system
// without it, an existence check right before a plain rename).
void renameNoReplace(const QString& from, const QString& to) {
  const QByteArray a = QFile::encodeName(from);
  const QByteArray b = QFile::encodeName(to);
  if (::renameat2(AT_FDCWD, a.constData(), AT_FDCWD, b.constData(), RENAME_NOREPLACE) == 0) return;
  if (errno == EINVAL || errno == ENOSYS) {
    if (QFileInfo::exists(to))
      errno = EEXIST;
    else if (::rename(a.constData(), b.constData()) == 0)
      return;
  }
  if (errno == EEXIST || errno == ENOTEMPTY)
    throw StoreError(StoreError::Kind::Invalid,
                     QStringLiteral("%1: a project appeared here while importing; nothing was "
                                    "changed. Open it or choose another folder.")
                         .arg(QFileInfo(to).absolutePath()));
  ioError(QStringLiteral("Cannot move the imported project into place as"), to, errno);
}

// Removes the build folder unless it was renamed into place.
struct BuildFolder {
  QString path;
  ~BuildFolder() {
    if (!path.isEmpty()) QDir(path).removeRecursively();
  }
};

}  // namespace

std::unique_ptr<ProjectStore> importProjectFile(const QString& jsonPath, const QString& folder,
                                                const QString& cacheFolder, ImportOptions options) {
  const QJsonObject doc = readJsonFile(jsonPath);
  validateProjectJson(doc);
  const QString target = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
  const QFileInfo targetInfo(target);
  const QString dbName = QString::fromLatin1(ProjectStore::kDatabaseName);
  if (targetInfo.exists() && !targetInfo.isDir())
    throw StoreError(
        StoreError::Kind::Invalid,
        QStringLiteral("%1: not a folder; choose a new folder for the project.").arg(target));
  if (QFileInfo::exists(QDir(target).filePath(dbName)))
    throw StoreError(StoreError::Kind::Invalid,
                     QStringLiteral("%1: a project already exists here; open it or choose another "
                                    "folder.")
                         .arg(target));
  const QString parent = targetInfo.absolutePath();
  if (!QDir().mkpath(parent))
    throw StoreError(StoreError::Kind::Io,
                     QStringLiteral("%1: cannot create the folder (check permissions and free "
                                    "space).")
                         .arg(parent));
  // What a killed import left next to it.
  core::sweepStaleTemps(parent, core::SweepOptions{{}, false, {QStringLiteral(".*.import")}});

  BuildFolder build{importBuildFolder(target)};
  {
    std::unique_ptr<ProjectStore> store =
        ProjectStore::create(build.path, doc["project"].toObject()["name"].toString());
    options.projectFolder = target;  // the files it names are relative to where it will be
    importProject(*store, doc, cacheFolder, options);
    // One self-contained file: the WAL checkpointed (and flushed) into project.db and removed.
    store->database().exec("PRAGMA journal_mode = DELETE");
  }
  syncFolder(build.path);
  if (!targetInfo.exists()) {
    renameNoReplace(build.path, target);
    build.path.clear();
    syncFolder(parent);
  } else {  // a folder without a project: its project.db appears complete or not at all
    renameNoReplace(QDir(build.path).filePath(dbName), QDir(target).filePath(dbName));
    syncFolder(target);
    QDir(target).mkpath(QStringLiteral("exports"));
  }
  return ProjectStore::open(target, ProjectStore::Check::Known);
}

}  // namespace sw::model
