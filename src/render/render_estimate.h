// The estimate shown before a render starts (the Render Scene dialog, the CLI `render` line on
// stderr, the render job's "estimate" event): video segments ready vs to generate, duration,
// the audio tracks present and what of them must still be generated, and the cost to generate
// from the model registry and what is already generated. Pure: reads the store, nothing else.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "model/project_store.h"
#include "render/render_request.h"

namespace sw::providers {
class ModelRegistry;
}

namespace sw::render {

// Spoken text length estimate used until speech is generated (about 2.6 words per second).
double estimatedSpeechSeconds(const QString& text);

struct RenderEstimate {
  int segments = 0;       // video chunks in total (planned when the plan will be replaced)
  int ready = 0;          // chunks with a ready take (taken from the cache)
  double duration = 0.0;  // seconds of the finished video

  // What the scenes have (whether or not the request includes the track).
  double narrationSeconds = 0.0;    // generated, else estimated from the text
  bool narrationGenerated = false;  // every narration of the scenes is generated
  int dialogueLines = 0;
  int dialogueCharacters = 0;
  double musicSeconds = 0.0;  // 0 = no music prompt or mood
  int sfxCues = 0;            // cues with a description or a file

  // What the render will generate (only for the tracks the request includes).
  int narrationToGenerate = 0;  // scenes whose narration is not generated yet
  int dialogueToGenerate = 0;   // lines without generated speech
  int musicToGenerate = 0;      // scenes whose music is not generated yet
  int sfxToGenerate = 0;        // cues without a file or a generated sound

  int missing = 0;   // chunks whose file left the cache (generated again, priced)
  QStringList kept;  // chunks rendered as they are although stale / out of date, and why

  std::optional<double> costToGenerate;  // USD; empty when the model is unknown
  QString costNote;                      // why the cost is unknown

  int toGenerate() const { return segments - ready; }
  // Whether audio must be generated: costToGenerate prices video only (the registry has no
  // audio prices), so the cost is then labelled as the video's.
  bool audioToGenerate() const {
    return narrationToGenerate + dialogueToGenerate + musicToGenerate + sfxToGenerate > 0;
  }
  // "2 of 2 segments ready, 10.0 s; to generate: 0 chunks, narration, 2 lines, music, 2 SFX;
  // estimated video cost $0.00 (audio not priced)" (English: for the CLI and the job log; the GUI
  // words its own). Without audio to generate: "...; estimated cost $0.00".
  QString summaryLine() const;
  QJsonObject toJson() const;
};

// The estimate for `request.sceneIds` with the request's tracks and model override: the sum of
// the scenes' sceneState() (scene_state.h), so it says what the job will do. `videoBackend` is
// the video backend the render will use when the request names none ("local" generates for
// free); `cacheDirectory` the asset cache (empty: the default). Unknown models leave the cost
// empty with a note.
RenderEstimate estimateRender(model::ProjectStore& store, const RenderRequest& request,
                              const providers::ModelRegistry* registry,
                              const QString& videoBackend = {}, const QString& cacheDirectory = {});

}  // namespace sw::render
