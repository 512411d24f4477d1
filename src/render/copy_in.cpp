#include "render/copy_in.h"

#include <fcntl.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/temp_files.h"
#include "render/scene_job_state.h"

namespace sw::render {

namespace {

QByteArray sha256(const QString& path) {
  QFile f(path);
  QCryptographicHash hash(QCryptographicHash::Sha256);
  if (!f.open(QIODevice::ReadOnly) || !hash.addData(&f)) return {};
  return hash.result();
}

[[noreturn]] void copyFailed(const QString& role, const QString& source, const QString& target,
                             int error) {
  const bool full = error == ENOSPC || error == EDQUOT || error == EFBIG;
  throw JobFailure(
      QStringLiteral("%1: cannot copy %2 into the project as %3 (%4).%5")
          .arg(role, source, target, QString::fromLocal8Bit(std::strerror(error)),
               full ? QStringLiteral(" Free some disk space and try again.") : QString()),
      full ? core::ErrorKind::DiskFull : core::ErrorKind::User);
}

// Copies source to `temp` and flushes it to the disk; errno-style failure code, 0 on success.
int copyDurably(const QString& source, const QString& temp) {
  QFile in(source);
  if (!in.open(QIODevice::ReadOnly)) return EACCES;
  const int fd =
      ::open(QFile::encodeName(temp).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return errno;
  char buffer[1 << 16];
  int error = 0;
  for (;;) {
    const qint64 n = in.read(buffer, sizeof buffer);
    if (n < 0) {
      error = EIO;
      break;
    }
    if (n == 0) break;
    for (qint64 done = 0; done < n;) {
      const ssize_t w = ::write(fd, buffer + done, size_t(n - done));
      if (w < 0) {
        if (errno == EINTR) continue;
        error = errno;
        break;
      }
      done += w;
    }
    if (error) break;
  }
  if (!error && ::fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && !error) error = errno;
  return error;
}

// The first free name for `fileName` in `dir`, or an existing file with the same content.
QString targetFor(const QDir& dir, const QString& fileName, const QByteArray& content) {
  const QFileInfo name(fileName);
  const QString base =
      name.completeBaseName().isEmpty() ? QStringLiteral("file") : name.completeBaseName();
  const QString suffix = name.suffix().isEmpty() ? QString() : QLatin1Char('.') + name.suffix();
  for (int n = 1;; ++n) {
    const QString candidate = dir.filePath(
        n == 1 ? base + suffix : QStringLiteral("%1-%2%3").arg(base).arg(n).arg(suffix));
    if (!QFileInfo::exists(candidate) || sha256(candidate) == content) return candidate;
  }
}

}  // namespace

QString copyInFolder(const QString& projectFolder, MediaKind kind) {
  const char* sub = kind == MediaKind::Image   ? "assets/images"
                    : kind == MediaKind::Video ? "assets/video"
                                               : "assets/audio";
  return QDir(projectFolder).filePath(QLatin1String(sub));
}

QString copyIntoProject(const QString& projectFolder, const QString& cacheFolder,
                        const QString& source, MediaKind kind, const QString& what) {
  const model::AssetRoots roots{projectFolder, cacheFolder};
  const QString role = what.left(1).toUpper() + what.mid(1);
  if (model::confinePath(source, roots).ok())  // already ours: only checked
    return checkInputFile(source, kind, roots, what).path;
  const QFileInfo info(QFileInfo(source).absoluteFilePath());
  if (!info.exists())
    throw JobFailure(QStringLiteral("%1: %2 does not exist.").arg(role, info.filePath()),
                     core::ErrorKind::NotFound);
  if (!info.isFile())
    throw JobFailure(QStringLiteral("%1: %2 is not a regular file.").arg(role, info.filePath()),
                     core::ErrorKind::BadInput);
  const QDir dir(copyInFolder(projectFolder, kind));
  if (!QDir().mkpath(dir.path())) copyFailed(role, info.filePath(), dir.path(), EACCES);
  const QString temp = dir.filePath(core::tempName(info.completeBaseName(), info.suffix()));
  struct Remove {
    QString path;
    ~Remove() {
      if (!path.isEmpty()) QFile::remove(path);
    }
  } cleanup{temp};
  if (const int error = copyDurably(info.filePath(), temp))
    copyFailed(role, info.filePath(), temp, error);
  checkInputFile(temp, kind, roots, what);  // the copy is what is probed and kept
  const QString target = targetFor(dir, info.fileName(), sha256(temp));
  if (QFileInfo::exists(target)) return QFileInfo(target).canonicalFilePath();  // same content
  if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(target).constData()) != 0)
    copyFailed(role, info.filePath(), target, errno);
  cleanup.path.clear();
  const int fd = ::open(QFile::encodeName(dir.path()).constData(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  return QFileInfo(target).canonicalFilePath();
}

}  // namespace sw::render
