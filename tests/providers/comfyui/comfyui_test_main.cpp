// GoogleTest main for the ComfyUI tests: isolated user folders, a QCoreApplication (the client
// runs local event loops) and no COMFYUI_URL from the caller's environment.
#include <gtest/gtest.h>
#include <QCoreApplication>

#include "support/user_folders.h"

int main(int argc, char** argv) {
  sw::testsupport::isolateUserFolders();
  qunsetenv("COMFYUI_URL");
  QCoreApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
