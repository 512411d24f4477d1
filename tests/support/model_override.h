// The user's models.json override for tests (library scenewright_testsupport_project): the file
// the GUI and the CLI both read, so a test can give them a tiny, fast model entry.
#pragma once

#include <gtest/gtest.h>

#include <QJsonObject>
#include <QString>

namespace sw::testsupport {

// Where the override lives below a config home (what XDG_CONFIG_HOME names):
// <configHome>/Scenewright/Scenewright/models.json.
QString modelOverridePath(const QString& configHome);

// Writes {"models": models} to `path`, replacing what was there; makes the folders it needs.
::testing::AssertionResult writeModelOverride(const QString& path, const QJsonObject& models);

// A tiny entry on the local backend (scenewright/local-pan-zoom): 320x180 frames at `fps`,
// chunks of `chunkSeconds`, any duration, image input allowed.
QJsonObject tinyLocalModel(double chunkSeconds, int fps);

}  // namespace sw::testsupport
