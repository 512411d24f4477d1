// Recipes: what a generated asset is made from. A chunk's own recipe is the prompt sent (its
// override or the scene's visual prompt, joined with the direction), its seed and the model
// (registry key, service model id, pinned version); its start frame is recorded apart (the asset
// it was cut from and where), so an edit of the chunk's inputs (out of date) and a change
// upstream (stale) can be told apart. Speech and music record the text and settings they were
// made from. The job records the recipe in the asset's parameters; sceneState() compares it
// with the recipe the scene implies now. Pure: no I/O.
#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

#include "model/types.h"
#include "providers/model_entry.h"

namespace sw::render {

// The chunk's effective fields: its override, else the scene's.
QString chunkPrompt(const model::Scene& scene, const model::Chunk& chunk);
QString chunkDirection(const model::Scene& scene, const model::Chunk& chunk);

struct ChunkRecipe {
  QString prompt;  // as sent: prompt joined with direction
  qint64 seed = 0;
  QString modelKey;
  QString modelId;  // empty for local models
  QString version;
  // The generator's engineIdentity() (providers/capabilities.h): a ComfyUI workflow's and
  // mapping's SHA-256, so an edited workflow file makes the chunk out of date. Empty for the
  // backends without one.
  QString engine;
  bool legacy = false;  // read from an asset recorded before recipes: model id/version unknown

  QJsonObject toJson() const;
  // Same inputs: prompt, seed and model (and, unless either side is legacy, id, version and
  // engine).
  bool sameAs(const ChunkRecipe& other) const;
  // The first difference from `made` in words ("the prompt changed", "the seed changed"...).
  QString differenceFrom(const ChunkRecipe& made) const;
};

// `engine`: the engineIdentity() of the generator that makes (or made) the chunk.
ChunkRecipe chunkRecipe(const model::Scene& scene, const model::Chunk& chunk,
                        const providers::ModelEntry& model, const QString& engine = {});
// The recipe recorded in a video asset (parameters "recipe", or the older "prompt"/"seed"/
// "model" fields); nullopt when the asset records neither.
std::optional<ChunkRecipe> recordedChunkRecipe(const model::Asset& asset);

// Where a chunk's start image came from. assetKey: the cache key of the asset the image is (the
// reference image) or was cut from (the previous chunk); at: the second of that video it was
// taken at (< 0: its last frame); empty assetKey: generated from text alone.
struct StartSource {
  QString assetKey;
  double at = -1.0;
  bool fallback = false;  // image-to-video failed and the chunk was generated from text

  QJsonObject toJson() const;
  bool sameAs(const StartSource& other, double frameSeconds) const;
};
// The start source recorded in a video asset ("startFrom", or derived from the older
// "startImage" path: <cache>/frames/<key>-last.png or <cache>/<key>.<ext>).
StartSource recordedStartSource(const model::Asset& asset);

// Speech and music: the text / prompt they say, compared with what the scene says now.
QJsonObject speechRecipe(const QString& text, const QString& voice);
QJsonObject musicRecipe(const model::Scene& scene);
QJsonObject sfxRecipe(const model::SfxCue& cue);
// Whether an audio asset was made from `recipe`: assets recorded before recipes count as made
// from it (nothing says otherwise); else every field of `recipe` that the asset recorded.
bool audioMadeFrom(const model::Asset& asset, const QJsonObject& recipe, QString* why = nullptr);

}  // namespace sw::render
