// Chunk planning: how many chunks a scene needs, their prompts, seeds and continuity inputs.
// Pure logic over model types; no I/O.
#pragma once

#include <QList>
#include <QString>

#include "model/types.h"
#include "providers/model_entry.h"

namespace sw::render {

// The direction prompt joined to a chunk prompt ("<prompt>. <direction>").
QString joinPrompt(const QString& prompt, const QString& direction);

// A stable seed for chunk `position` of scene `sceneId` (same inputs, same seed).
qint64 chunkSeed(model::Id sceneId, int position);

// The chunks a scene should have for `model`: ceil(duration / actual_chunk_duration) of them.
// Existing chunks are kept (with their takes, trims and overrides) when the count and model
// still match; otherwise a fresh pending plan is returned.
struct ChunkPlan {
  QList<model::Chunk> chunks;
  bool replaced = false;  // true: the store's chunk list must be replaced by `chunks`
};
ChunkPlan planChunks(const model::Scene& scene, const providers::ModelEntry& model,
                     const QList<model::Chunk>& existing);

// Seconds of chunk `position` that belong to the scene: the model's chunk length, except the
// last chunk, which is cut so the scene lasts its target duration.
double chunkUsefulSeconds(const model::Scene& scene, const providers::ModelEntry& model,
                          int position, int count);

}  // namespace sw::render
