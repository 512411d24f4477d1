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
  QString text;            // the whole line (speech), prompt (music) or description (SFX)
  QString file;            // the audio file, when there is one
  QString cacheKey;        // the asset's cache key (the waveform's key), or the file's path
  model::Id rowId = 0;     // dialogue line / SFX cue id (0: narration, music)
  double cutAt = -1.0;     // scene seconds where the render ends it early (-1: it plays whole)

  QString toolTip() const;  // its text, times, and "cut at 9.80 s" when it is cut
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
// generated assets when they exist, else from the text. A clip that runs past `renderSeconds`
// (the scene state's duration: what the render lasts; 0 = sceneSeconds) is marked cut there.
QList<AudioLane> buildAudioLanes(model::ProjectStore& store, model::Id sceneId, double sceneSeconds,
                                 double renderSeconds = 0.0);

}  // namespace sw::ui
