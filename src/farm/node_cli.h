// Where the scenewright-cli the farm's nodes run lives, seen from the running app: in the build
// tree the GUI is build/app/gui/scenewright and the CLI build/app/cli/scenewright-cli; installed,
// both sit in the same bin/ folder.
#pragma once

#include <QString>

namespace sw::farm {

// The absolute path of scenewright-cli next to `appDir` (QCoreApplication::applicationDirPath())
// or in ../cli/ from it; empty when neither exists.
QString findNodeCli(const QString& appDir);

}  // namespace sw::farm
