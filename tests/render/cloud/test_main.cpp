// The render queue reports through queued signals, so the tests need an application object.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("scenewright"));
  QCoreApplication::setOrganizationName(QStringLiteral("scenewright"));
  // The HTTP layer logs every request at info level: keep the test output readable.
  QLoggingCategory::setFilterRules(QStringLiteral("scenewright.cloud.*.info=false"));
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
