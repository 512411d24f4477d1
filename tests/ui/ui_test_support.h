// Helpers for the GUI tests: project folders, a scene with content, event-loop waiting.
#pragma once

#include <QString>
#include <QTemporaryDir>
#include <functional>
#include <memory>

#include "model/project_store.h"

namespace sw::ui::test {

// A project folder inside a fresh temporary directory.
struct TempProject {
  QTemporaryDir dir;
  QString folder() const { return dir.filePath(QStringLiteral("Test.scenewright")); }
};

// Adds the sample "Harbour" scene (tests/support/sample_project.h) on the local model, with two
// characters of its own, one SFX cue and no music.
model::Id addRichScene(model::ProjectStore& store, const QString& title, double seconds = 3.0);

// Processes events until `done` is true; fails the test after `maxRounds` rounds of at most
// 50 ms each (a generous cap, not a timing assertion).
bool spinUntil(const std::function<bool()>& done, int maxRounds = 2400);

// The sample project (resources/sample/sample_project.json) imported into `folder`.
std::unique_ptr<model::ProjectStore> importSample(const QString& folder);

// Short real generations for GUI tests that generate chunks: local video at 320x180 (saved
// settings) and local chunks of 1 s at 12 fps (a models.json override). Returns the override's
// path; remove it in TearDown (other tests in the process use the built-in registry).
QString useShortLocalChunks();

}  // namespace sw::ui::test
