#include "farm/node_cli.h"

#include <QDir>
#include <QFileInfo>

namespace sw::farm {

QString findNodeCli(const QString& appDir) {
  const QDir dir(appDir);
  for (const QString& rel :
       {QStringLiteral("scenewright-cli"), QStringLiteral("../cli/scenewright-cli")}) {
    const QFileInfo f(dir.absoluteFilePath(rel));
    if (f.isFile() && f.isExecutable()) return f.canonicalFilePath();
  }
  return {};
}

}  // namespace sw::farm
