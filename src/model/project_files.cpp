#include "model/project_files.h"

#include <QDir>
#include <QFileInfo>

#include "core/temp_files.h"
#include "model/project_store.h"

namespace sw::model {

bool isDatabaseFile(const QString& path) {
  QString name = QFileInfo(path).fileName();
  for (const QLatin1String companion :
       {QLatin1String("-wal"), QLatin1String("-shm"), QLatin1String("-journal")})
    if (name.endsWith(companion, Qt::CaseInsensitive)) {
      name.chop(companion.size());
      break;
    }
  if (name.endsWith(QLatin1String(".partial"), Qt::CaseInsensitive)) name.chop(8);
  return name.endsWith(QLatin1String(".db"), Qt::CaseInsensitive);
}

QString enclosingProjectFolder(const QString& path) {
  if (path.isEmpty()) return {};
  for (QString dir = QDir::cleanPath(QFileInfo(path).absoluteFilePath());;) {
    const QFileInfo info(dir);
    if (info.isDir() &&
        (dir.endsWith(QLatin1String(ProjectStore::kSuffix)) ||
         QFileInfo::exists(QDir(dir).filePath(QLatin1String(ProjectStore::kDatabaseName)))))
      return dir;
    const QString parent = info.absolutePath();
    if (parent == dir) return {};  // the root
    dir = parent;
  }
}

QString importBuildFolder(const QString& target) {
  const QFileInfo info(QDir::cleanPath(QFileInfo(target).absoluteFilePath()));
  return info.absoluteDir().filePath(core::tempName(info.fileName(), QStringLiteral("import")));
}

QStringList sweepProjectTemps(const QString& folder) {
  // Output temporaries of versions whose names carried no pid: ".<name>.part-<hex>.<suffix>".
  const core::SweepOptions outputs{{QStringLiteral(".*.part-*")}, false, {}};
  const QDir dir(folder);
  QStringList removed = core::sweepStaleTemps(dir.absolutePath(), outputs);
  removed << core::sweepStaleTemps(dir.absoluteFilePath(QStringLiteral("exports")), outputs);
  removed << core::sweepStaleTemps(dir.absoluteFilePath(QStringLiteral("assets")), outputs);
  const QFileInfo self(dir.absolutePath());
  removed << core::sweepStaleTemps(self.absolutePath(),
                                   core::SweepOptions{{}, false, {QStringLiteral(".*.import")}});
  return removed;
}

}  // namespace sw::model
