// GoogleTest main with a QCoreApplication (application name for QStandardPaths; QtConcurrent).
#include <gtest/gtest.h>
#include <QCoreApplication>
#include <QStandardPaths>

int main(int argc, char** argv) {
  QStandardPaths::setTestModeEnabled(true);  // never touch the user's real config or cache
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("scenewright-tests"));
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
