#include "media/output_path.h"

#include "media/media_error.h"

#include <sys/stat.h>

#include <QDir>
#include <QFileInfo>

namespace sw::media {

namespace {

bool statOf(const QString& path, struct stat* st) {
  return !path.isEmpty() && ::stat(QFile::encodeName(path).constData(), st) == 0;
}

QString kindOf(mode_t mode) {
  if (S_ISDIR(mode)) return QStringLiteral("a folder");
  if (S_ISCHR(mode)) return QStringLiteral("a character device");
  if (S_ISBLK(mode)) return QStringLiteral("a block device");
  if (S_ISFIFO(mode)) return QStringLiteral("a fifo (named pipe)");
  if (S_ISSOCK(mode)) return QStringLiteral("a socket");
  return QStringLiteral("not a regular file");
}

}  // namespace

bool sameFile(const QString& a, const QString& b) {
  struct stat sa {
  }, sb{};
  if (statOf(a, &sa) && statOf(b, &sb)) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  return !a.isEmpty() && QDir::cleanPath(QFileInfo(a).absoluteFilePath()) ==
                             QDir::cleanPath(QFileInfo(b).absoluteFilePath());
}

QString outputPathProblem(const QString& path, const QStringList& inputs) {
  struct stat st {};
  if (statOf(path, &st) && !S_ISREG(st.st_mode))  // follows symlinks: a link to /dev/null too
    return QStringLiteral("it is %1, and only a regular file can be replaced")
        .arg(kindOf(st.st_mode));
  for (int i = 0; i < inputs.size(); ++i)
    if (sameFile(path, inputs[i]))
      return QStringLiteral("it is input %1 of the plan (%2), which would be destroyed")
          .arg(i + 1)
          .arg(inputs[i]);
  return {};
}

void checkOutputPath(const QString& path, const QStringList& inputs) {
  const QString problem = outputPathProblem(path, inputs);
  if (!problem.isEmpty())
    throw MediaError(
        MediaError::Kind::Unwritable,
        QStringLiteral("Cannot write %1: %2. Choose another output file.").arg(path, problem),
        path);
}

}  // namespace sw::media
