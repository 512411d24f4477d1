// GUI tests: one QApplication for the whole run (offscreen platform, set by ctest), settings and
// caches in a throw-away home (tests/support/user_folders.h) so a developer's own settings are
// never touched.
#include <gtest/gtest.h>

#include <QApplication>

#include "support/user_folders.h"
#include "ui/ui_application.h"

int main(int argc, char** argv) {
  sw::testsupport::isolateUserFolders();
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  sw::ui::setupApplication(app, QLocale(QLocale::English, QLocale::UnitedStates));
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
