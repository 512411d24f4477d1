#include "render/output_target.h"

#include <sys/stat.h>

#include <QDirIterator>
#include <QFile>

#include "media/output_path.h"
#include "model/asset_paths.h"
#include "model/project_store.h"

namespace sw::render {

namespace {

// A file under `folder` that is `path` by device and inode, when `path` has other hard links.
QString hardLinkIn(const QString& path, const QString& folder) {
  struct stat out {};
  if (::stat(QFile::encodeName(path).constData(), &out) != 0 || !S_ISREG(out.st_mode) ||
      out.st_nlink < 2)
    return {};
  QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
  while (it.hasNext()) {
    const QString file = it.next();
    struct stat st {};
    if (::stat(QFile::encodeName(file).constData(), &st) == 0 && st.st_dev == out.st_dev &&
        st.st_ino == out.st_ino)
      return file;
  }
  return {};
}

}  // namespace

QString outputProblem(const QString& path, const OutputRules& rules) {
  if (path.trimmed().isEmpty()) return QStringLiteral("no output file is named");
  const QString canonical = model::canonicalPath(path);
  if (canonical.isEmpty()) return QStringLiteral("it is a link to a file that does not exist");
  if (!rules.projectFolder.isEmpty()) {
    const QString project = model::canonicalPath(rules.projectFolder);
    const QString db = project + QLatin1Char('/') + model::ProjectStore::kDatabaseName;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      const QString file = db + QLatin1String(suffix);
      if (canonical == file || media::sameFile(path, file))
        return QStringLiteral("it is the project's store %1, which would be destroyed").arg(file);
    }
    const QString backups = project + QStringLiteral("/backups");
    if (model::isInside(canonical, backups) || !hardLinkIn(path, backups).isEmpty())
      return QStringLiteral("it is in the project's backups folder %1").arg(backups);
  }
  if (!rules.cacheFolder.isEmpty()) {
    const QString cache = model::canonicalPath(rules.cacheFolder);
    if (canonical == cache || model::isInside(canonical, cache))
      return QStringLiteral("it is in the asset cache %1, and would replace a cached file")
          .arg(cache);
    const QString cached = hardLinkIn(path, cache);
    if (!cached.isEmpty())
      return QStringLiteral("it is a hard link to %1 in the asset cache").arg(cached);
  }
  return media::outputPathProblem(path, rules.inputs);
}

}  // namespace sw::render
