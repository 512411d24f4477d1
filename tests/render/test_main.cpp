// The render queue reports through queued signals, so the tests need an application object. The
// user folders are isolated first: the application identity points QSettings and models.json at
// the temporary home, never at the developer's.
#include <gtest/gtest.h>

#include <QCoreApplication>

#include "render/app_settings.h"
#include "support/user_folders.h"

int main(int argc, char** argv) {
  sw::testsupport::isolateUserFolders();
  QCoreApplication app(argc, argv);
  sw::render::applyApplicationIdentity();
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
