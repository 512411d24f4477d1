// What a Render Scene request would produce for a set of scenes: segments ready vs to
// generate, duration, audio tracks present, cost. Pure data from the store and the registry.
#pragma once

#include <QList>
#include <QString>
#include <optional>

#include "model/project_store.h"

namespace sw::providers {
class ModelRegistry;
}

namespace sw::ui {

struct RenderSummary {
  int segments = 0;        // video chunks in total (planned when none exist yet)
  int ready = 0;           // chunks with a ready take (taken from the cache)
  double duration = 0.0;   // seconds of the finished video
  double narrationSeconds = 0.0;  // generated or estimated from the text
  bool narrationGenerated = false;
  int dialogueLines = 0;
  int dialogueCharacters = 0;
  double musicSeconds = 0.0;  // 0 = no music prompt or asset
  int sfxCues = 0;
  std::optional<double> costToGenerate;  // USD; empty without a registry
  QString costNote;                      // why the cost is unknown

  int toGenerate() const { return segments - ready; }
};

RenderSummary summarizeRender(model::ProjectStore& store, const QList<model::Id>& sceneIds,
                              const providers::ModelRegistry* registry);

}  // namespace sw::ui
