// The audio lanes drawn under the chunk timeline: narration, dialogue per character, music and
// SFX, each a list of clips placed at their times in the scene.
#pragma once

#include <QList>
#include <QString>

#include "model/project_store.h"
#include "render/render_estimate.h"

namespace sw::ui {

using render::estimatedSpeechSeconds;  // until speech is generated

struct LaneClip {
  double start = 0.0;
  double duration = 0.0;
  QString label;
  bool generated = false;  // an asset exists (else planned from the text)
};

struct AudioLane {
  enum Kind { Narration, Dialogue, Music, Sfx };
  Kind kind = Narration;
  QString title;
  QList<LaneClip> clips;
};

// Narration and dialogue (one lane per character) where the render places them
// (render::placeSpeech: narration first, each line no earlier than its segment, never
// overlapping); music over the whole scene; SFX at their cue times. Durations come from the
// generated assets when they exist, else from the text.
QList<AudioLane> buildAudioLanes(model::ProjectStore& store, model::Id sceneId,
                                 double sceneSeconds);

}  // namespace sw::ui
