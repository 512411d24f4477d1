// GoogleTest main with a QCoreApplication (application name for QStandardPaths; QtConcurrent). The
// user folders are isolated first, so no test touches the user's real config or cache.
#include <gtest/gtest.h>
#include <QCoreApplication>

#include "support/user_folders.h"

int main(int argc, char** argv) {
  sw::testsupport::isolateUserFolders();
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("scenewright-tests"));
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
