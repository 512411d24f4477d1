// The estimate shown before a render starts (the Render Scene dialog, the scene list's cost
// column, the scene inspector, the CLI `render` line on stderr, the render job's "estimate"
// event): video segments ready vs to generate, duration, the audio tracks present and what of
// them must still be generated, and what generating it costs with the backends that will
// actually run (video chunks, the reference image, narration, dialogue, music, SFX; prices from
// the registry, providers/price_list.h). What is already generated costs nothing. It is the sum
// of the scenes' sceneState() (scene_state.h), so it says what the job will do. Reads the store
// and stats the cache's files; writes nothing.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

#include "model/project_store.h"
#include "providers/backend_factory.h"
#include "render/render_request.h"
#include "render/scene_state.h"

namespace sw::providers {
class ModelRegistry;
}

namespace sw::render {

// Spoken text length estimate used until speech is generated (about 2.6 words per second).
double estimatedSpeechSeconds(const QString& text);

// The backends a render of `request` runs with: the app's settings (Preferences, or the CLI's),
// with the request's `backend` (dialog / `render --backend`) serving video and the reference image.
providers::BackendSettings renderBackends(const providers::BackendSettings& settings,
                                          const RenderRequest& request);

// The engineIdentity() of the video backend `settings` names, without building a cloud backend
// (no keychain): a ComfyUI workflow's and mapping's SHA-256 from the "comfyui" options; empty for
// the backends without one. Reads the workflow file; call it where a scene state is computed.
QString videoEngineIdentity(const providers::BackendSettings& settings,
                            const QJsonObject& backendOptions);
QString imageEngineIdentity(const providers::BackendSettings& settings,
                            const QJsonObject& backendOptions);
// Both into `options` (videoEngine, imageEngine).
void setEngineIdentities(StateOptions& options, const QJsonObject& backendOptions);

// What one part of the render costs (USD); empty when a price is unknown.
struct PartCost {
  std::optional<double> usd = 0.0;
  QString note;  // why it is unknown
  void add(std::optional<double> price, const QString& why);
};

struct RenderEstimate {
  int segments = 0;       // video chunks in total (planned when the plan will be replaced)
  int ready = 0;          // chunks with a ready take (taken from the cache)
  double duration = 0.0;  // seconds of the finished video

  // What the scenes have (whether or not the request includes the track).
  double narrationSeconds = 0.0;    // generated, else estimated from the text
  bool narrationGenerated = false;  // every narration of the scenes is generated
  int dialogueLines = 0;
  int dialogueCharacters = 0;  // speakers
  double musicSeconds = 0.0;   // 0 = no music prompt or mood
  int sfxCues = 0;             // cues with a description or a file

  // What the render will generate (only for the tracks the request includes).
  int imagesToGenerate = 0;     // reference images (models that start from an image)
  int narrationToGenerate = 0;  // scenes whose narration is not generated yet
  int dialogueToGenerate = 0;   // lines without generated speech
  int musicToGenerate = 0;      // scenes whose music is not generated yet
  int sfxToGenerate = 0;        // cues without a file or a generated sound
  int lipSyncLines = 0;         // dialogue lines marked for lip sync (with a lip-sync backend)
  int lipSyncToGenerate = 0;    // of those, the ones not synced with their current audio/chunks

  // The cost of each part with the backend that will run it, and their sum (empty when any part
  // is unknown; costNote says why).
  PartCost video, image, narration, dialogue, music, sfx, lipSync;
  std::optional<double> costToGenerate;  // USD
  QString costNote;

  int missing = 0;   // chunks whose file left the cache (generated again, priced)
  QStringList kept;  // chunks rendered as they are although stale / out of date, and why

  int toGenerate() const { return segments - ready; }
  bool audioToGenerate() const {
    return narrationToGenerate + dialogueToGenerate + musicToGenerate + sfxToGenerate > 0;
  }
  // "2 of 2 segments ready, 10.0 s; to generate: 0 chunks, reference image, narration, 2 lines,
  // music, 2 SFX; estimated cost $0.00" (English: for the CLI and the job log; the GUI words
  // its own). Unknown: "...; cost unknown (why)".
  QString summaryLine() const;
  QJsonObject toJson() const;
};

// The estimate for `request.sceneIds` with the request's tracks and model override, run with
// `settings` (renderBackends() applies the request's backend). Unknown models or prices leave
// the cost empty with a note.
// `cacheDirectory`: the asset cache (empty: the default).
// Lip sync (lipsync_estimate.cpp): each marked line whose last sync was not made from its current
// audio, chunk takes and model costs the model's price for the line plus its margins.
RenderEstimate estimateRender(model::ProjectStore& store, const RenderRequest& request,
                              const providers::ModelRegistry* registry,
                              const providers::BackendSettings& settings,
                              const QString& cacheDirectory = {});

// What rendering one scene with every track costs now (the scene list's and the inspector's
// figure): estimateRender() of that scene.
RenderEstimate estimateScene(model::ProjectStore& store, model::Id sceneId,
                             const providers::ModelRegistry* registry,
                             const providers::BackendSettings& settings,
                             const QString& cacheDirectory = {});

// The sceneState() options of a render of `request` with `settings`.
StateOptions stateOptions(const RenderRequest& request, const providers::BackendSettings& settings);

// Adds the lip sync of scene `sceneId` (marked lines, what of it must be generated, its price) to
// `out` (lipsync_estimate.cpp).
void addLipSyncEstimate(model::ProjectStore& store, model::Id sceneId,
                        const providers::ModelRegistry* registry,
                        const providers::BackendSettings& settings, const RenderRequest& request,
                        RenderEstimate& out);

}  // namespace sw::render
