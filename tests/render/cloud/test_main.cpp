// The render queue reports through queued signals, so the tests need an application object. The
// user folders are isolated first (tests/support/user_folders.h).
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QLoggingCategory>

#include "support/user_folders.h"

int main(int argc, char** argv) {
  sw::testsupport::isolateUserFolders();
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("scenewright"));
  QCoreApplication::setOrganizationName(QStringLiteral("scenewright"));
  // The HTTP layer logs every request at info level: keep the test output readable.
  QLoggingCategory::setFilterRules(QStringLiteral("scenewright.cloud.*.info=false"));
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
