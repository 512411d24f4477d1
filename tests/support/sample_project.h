// The sample scene the render, cloud-render and GUI tests share (library
// scenewright_testsupport_project), so that they all build it one way.
#pragma once

#include <QString>
#include <optional>

#include "model/project_store.h"

namespace sw::testsupport {

// The one sound effect a scene may have.
struct SfxSpec {
  double time = 1.0;  // seconds from the scene start
  QString description;
  double gainDb = 0.0;
};

// "Harbour": MARA and TOMAS, a line of narration, a visual prompt with a slow pan, one line each
// of dialogue and a music prompt (soft strings, calm, 80 bpm). What the suites need differently
// is a parameter; the defaults are the render tests' tiny scene.
struct HarbourScene {
  QString title = QStringLiteral("Harbour");
  double seconds = 2.5;  // target duration
  QString modelKey = QStringLiteral("tiny");
  QString maraVoice;  // empty: the speech backend's default voice
  QString tomasVoice;
  QString tomasLine = QStringLiteral("A light.");  // MARA says "Look."
  bool music = true;
  std::optional<SfxSpec> sfx;
  // Names "MARA <scene id>" and "TOMAS <scene id>", so that several scenes fit in one project
  // (character names are unique in a project).
  bool namesPerScene = false;
};

// Adds the scene, its two characters, the dialogue and the cue to `store`; returns the scene id.
model::Id addHarbourScene(model::ProjectStore& store, const HarbourScene& harbour = {});

}  // namespace sw::testsupport
