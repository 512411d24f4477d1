// GUI tests: one QApplication for the whole run (offscreen platform, set by ctest), settings and
// caches in throw-away locations so a developer's own settings are never touched.
#include <gtest/gtest.h>

#include <QApplication>
#include <QTemporaryDir>

#include "ui/ui_application.h"

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QTemporaryDir home;
  qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
  qputenv("XDG_CACHE_HOME", home.filePath(QStringLiteral("cache")).toUtf8());
  if (qEnvironmentVariableIsEmpty("SCENEWRIGHT_CACHE_DIR"))
    qputenv("SCENEWRIGHT_CACHE_DIR", home.filePath(QStringLiteral("assets")).toUtf8());
  QApplication app(argc, argv);
  sw::ui::setupApplication(app, QLocale(QLocale::English, QLocale::UnitedStates));
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
