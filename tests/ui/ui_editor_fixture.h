// A project for the editor tests: the Harbour scene (addRichScene, 4 s target) with two generated
// chunks of real 24 fps media (2 s each, measured), narration, both dialogue lines and music as
// real WAV assets, opened in a shown MainWindow with the scene selected.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "ui/main_window.h"
#include "ui_test_support.h"

namespace sw::ui::test {

class EditorFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  // Adds a WAV asset (kind speech/music/sfx) of `seconds` at `hz`; returns its id.
  model::Id addWavAsset(model::ProjectStore& store, const QString& name, const QString& kind,
                        double seconds, double hz);

  TempProject project;
  model::Id sceneId = 0;
  QList<model::Id> chunkIds;
  QString narrationText;
  std::unique_ptr<MainWindow> window;
};

}  // namespace sw::ui::test
