// The render queue reports through queued signals, so the tests need an application object.
#include <gtest/gtest.h>

#include <QCoreApplication>

#include "render/app_settings.h"

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  sw::render::applyApplicationIdentity();
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
