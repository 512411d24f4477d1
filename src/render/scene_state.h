// The one answer to "what is this scene's state, and what will a render do?". Derived from the
// scene's current fields, the recipes its assets were made from and the measured media: per slot
// (reference image, each chunk, narration, each dialogue line, music, each SFX) ready, out of
// date, stale, missing, failed, pending or unused, and why; how many chunks the scene needs at
// the model's measured durations; what a render will generate and what that costs. The scene
// list, timeline, inspector, Render Scene dialog, CLI `status`/`render` and the render job all
// read this function, so what the console shows is what the job does. Reads the store and stats
// files; writes nothing.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

#include "model/project_store.h"
#include "providers/backend_factory.h"
#include "providers/model_entry.h"

namespace sw::providers {
class AssetCache;
class ModelRegistry;
}  // namespace sw::providers

namespace sw::render {

enum class SlotKind { Reference, Chunk, Narration, Dialogue, Music, Sfx };
enum class SlotState {
  Ready,       // made from the current recipe, file present
  OutOfDate,   // its own inputs changed (prompt, direction, seed, model, voice, text)
  Stale,       // its inputs are current but its start frame changed upstream
  Missing,     // made from the current recipe, but the file left the cache
  Failed,      // the last attempt failed
  Pending,     // never generated (or the chunk does not exist yet)
  Generating,  // a job is generating it now
  Unused,      // a chunk past the scene's end (kept with its takes, not rendered)
};
QString toString(SlotKind kind);
QString toString(SlotState state);

struct Slot {
  SlotKind kind = SlotKind::Chunk;
  model::Id rowId = 0;  // chunk / dialogue line / SFX cue id (0: a chunk still to be added)
  int index = 0;        // position among the items of its kind
  QString label;        // "chunk 2", "narration", "dialogue line 1 (MARA)"
  SlotState state = SlotState::Pending;
  QString why;  // one short clause: "the prompt changed", "chunk 1 will be regenerated"
  std::optional<model::Id> assetId;
  bool kept = false;           // stale or out of date, kept as it is on request
  bool willGenerate = false;   // a render with these options generates it
  std::optional<double> cost;  // USD to generate it (0 when cached/free); empty: unknown
  QString costNote;            // why the cost is unknown
  double seconds = 0.0;        // chunks: seconds used in the scene; audio: measured/estimated

  bool usable() const;  // the render uses its file as it is
};

struct StateOptions {
  QString modelOverride;  // the render's --model (empty: chunk override, scene, project default)
  // The backends that will run each part (render_estimate.h renderBackends(): Preferences or
  // the CLI's settings with the request's --backend); prices come from the registry.
  providers::BackendSettings backends;
  double sceneSeconds =
      0.0;  // 0: the target, or longer when the speech needs it (speech_estimate.h)
  bool keepDuration = false;  // the render keeps the target although the speech needs more
  // sceneSeconds is what the speech needs: covered to the frame. Otherwise the target is met
  // within the repeated first frames dropped at the joins (no chunk is bought for those).
  bool exactDuration = false;
  bool narration = true, dialogue = true, music = true, sfx = true;  // the tracks rendered
  // The engineIdentity() of the configured video backend (a ComfyUI workflow's hash; see
  // videoEngineIdentity() in render_estimate.h): part of the recipe of the chunks of every model
  // whose backend is not "local", so an edited workflow makes them out of date.
  QString videoEngine;
  QString imageEngine;         // the same for the image backend (the reference image)
  QSet<model::Id> keepChunks;  // chunks to render as they are although stale / out of date
  bool keepAllStale = false;   // every stale chunk is kept (`--keep-stale` with no ids)
};

struct SceneState {
  model::Scene scene;
  std::optional<providers::ModelEntry> model;  // empty: unknown model (see note)
  QString note;                                // why the model or cost is unknown
  QList<Slot> items;
  double duration = 0.0;       // seconds the render will last
  bool exactDuration = false;  // the speech needs all of `duration`
  int chunksNeeded = 0;        // chunks that cover `duration` at the measured/expected lengths
  int chunksToAdd = 0;         // of those, not in the store yet
  std::optional<double> cost;  // USD the render will spend; empty: unknown

  QList<const Slot*> chunkSlots() const;  // Unused included, in position order
  const Slot* slotOfChunk(model::Id chunkId) const;
  int count(SlotKind kind, SlotState state) const;
  int toGenerate(SlotKind kind) const;
  int toGenerate() const;
  int readyChunks() const;  // chunks the render uses as they are
  QJsonObject toJson() const;
};

// Seconds a chunk of `model` is expected to last before it is generated: what the model
// delivered before in this project (median of the measured chunks), else the registry's.
double expectedChunkSeconds(model::ProjectStore& store, const providers::ModelEntry& model);

// The model a scene renders with: the override, else the scene's, else the project default.
// Throws ProviderError when the key is unknown.
const providers::ModelEntry& sceneModel(model::ProjectStore& store,
                                        const providers::ModelRegistry& registry,
                                        const model::Scene& scene, const QString& override);

// The model a chunk renders with: its own override (chunk.modelKey) unless the render overrides
// the model (`renderOverride`), else `sceneEntry` (sceneModel()). An override the registry no
// longer knows falls back to the scene's model.
const providers::ModelEntry& chunkModel(const providers::ModelRegistry* registry,
                                        const model::Chunk& chunk,
                                        const providers::ModelEntry& sceneEntry,
                                        const QString& renderOverride);

// The engine identity a chunk of `model` is made with under `options` (empty for local models).
QString chunkEngine(const StateOptions& options, const providers::ModelEntry& model);

SceneState sceneState(model::ProjectStore& store, model::Id sceneId,
                      const providers::ModelRegistry* registry, const providers::AssetCache& cache,
                      const StateOptions& options = {});

}  // namespace sw::render
