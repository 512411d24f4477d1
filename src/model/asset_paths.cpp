#include "model/asset_paths.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace sw::model {

QString canonicalPath(const QString& path) {
  if (path.isEmpty()) return {};
  QString head = QDir::fromNativeSeparators(
      QDir::isAbsolutePath(path) ? path : QDir::currentPath() + QLatin1Char('/') + path);
  QStringList tail;  // components below the longest existing prefix
  while (true) {
    const QFileInfo info(head);
    const QString resolved = info.canonicalFilePath();
    if (!resolved.isEmpty())
      return tail.isEmpty() ? resolved
                            : QDir::cleanPath(resolved + QLatin1Char('/') + tail.join('/'));
    if (info.isSymLink()) return {};  // a dangling link: where it leads cannot be checked
    const int slash = int(head.lastIndexOf(QLatin1Char('/')));
    if (slash < 0) return {};
    tail.prepend(head.mid(slash + 1));
    head = slash == 0 ? QStringLiteral("/") : head.left(slash);
  }
}

bool isInside(const QString& canonical, const QString& root) {
  if (root.isEmpty() || canonical.isEmpty()) return false;
  if (root == QLatin1String("/")) return canonical != root;
  return canonical.startsWith(root + QLatin1Char('/'));
}

ConfinedPath confinePath(const QString& path, const AssetRoots& roots) {
  ConfinedPath out;
  const QString project = canonicalPath(roots.projectFolder);
  const QString cache = canonicalPath(roots.cacheFolder);
  QStringList places;
  if (!project.isEmpty()) places << QStringLiteral("the project folder %1").arg(project);
  if (!cache.isEmpty()) places << QStringLiteral("the asset cache %1").arg(cache);
  const QString where = places.join(QStringLiteral(" and "));
  if (path.trimmed().isEmpty()) {
    out.problem = QStringLiteral("the file path is empty");
    return out;
  }
  if (QDir::isRelativePath(path) && project.isEmpty()) {
    out.problem = QStringLiteral("%1 is a relative path and there is no project folder").arg(path);
    return out;
  }
  out.path = canonicalPath(QDir::isRelativePath(path) ? project + QLatin1Char('/') + path : path);
  if (out.path.isEmpty()) {
    out.problem = QStringLiteral("%1 is a link to a file that does not exist").arg(path);
    return out;
  }
  if (isInside(out.path, project) || isInside(out.path, cache)) return out;
  out.problem = out.path == path
                    ? QStringLiteral("%1 is outside %2").arg(path, where)
                    : QStringLiteral("%1 leads to %2, outside %3").arg(path, out.path, where);
  return out;
}

}  // namespace sw::model
