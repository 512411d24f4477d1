// applyParsedScript: writes a ParsedScript into a project in ONE transaction: characters (an
// existing character with the same name, case-insensitive, is reused; new ones get alternating
// default espeak voices), then scenes appended in order with their visual prompt, direction,
// narration, target duration, music cue, dialogue lines and SFX cues.
#pragma once

#include "providers/capabilities.h"

#include <QStringList>

namespace sw::model {
class ProjectStore;
}

namespace sw::providers {

struct ImportSummary {
  int scenesAdded = 0;
  int charactersAdded = 0;
  int charactersReused = 0;
  int dialogueLines = 0;
  int narrationLines = 0;
  int sfxCues = 0;
  QStringList warnings;  // from the parser
};

// Scenes without [[DURATION]] get defaultDuration seconds. Throws StoreError on database errors
// (nothing is written then).
ImportSummary applyParsedScript(sw::model::ProjectStore& store, const ParsedScript& script,
                                double defaultDuration = 10.0);

}  // namespace sw::providers
