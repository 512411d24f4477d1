// GoogleTest main for the suites without an application object of their own (library
// scenewright_testsupport_main): the user folders are isolated before any test runs.
#include <gtest/gtest.h>

#include "support/user_folders.h"

int main(int argc, char** argv) {
  sw::testsupport::isolateUserFolders();
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
