// The render queue reports through queued signals, so the tests need an application object.
#include <gtest/gtest.h>

#include <QCoreApplication>

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("scenewright"));
  QCoreApplication::setOrganizationName(QStringLiteral("scenewright"));
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
