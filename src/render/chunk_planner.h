// Chunk planning arithmetic: how many chunks cover a scene at the lengths the model really
// delivers, the seconds each contributes, their prompts and seeds. Pure logic; no I/O.
// sceneState() (scene_state.h) applies it to a scene's chunks and measured media.
#pragma once

#include <QList>
#include <QString>

#include "model/types.h"

namespace sw::render {

// The direction prompt joined to a chunk prompt ("<prompt>. <direction>").
QString joinPrompt(const QString& prompt, const QString& direction);

// A stable seed for chunk `position` of scene `sceneId` (same inputs, same seed).
qint64 chunkSeed(model::Id sceneId, int position);

// A new chunk at `position` of the scene: follows the scene (no overrides), pending.
model::Chunk newChunk(model::Id sceneId, int position);

// How many chunks cover `sceneSeconds`: chunk i lasts lengths[i] useful seconds (measured, for
// chunks already made), every chunk past the list `expected`. The scene is covered when what
// is left is under `tolerance` (half a frame) plus `perJoin` for every join so far: a chunk is
// never bought to cover only the repeated first frames dropped at the joins. At least 1; at most
// kMaxChunks.
constexpr int kMaxChunks = 1000;
int chunksToCover(const QList<double>& lengths, double expected, double sceneSeconds,
                  double tolerance, double perJoin = 0.0);

// Seconds each of the `count` chunks contributes: its length, the last one cut at the scene's
// end (never below 0).
QList<double> usedSeconds(const QList<double>& lengths, double expected, double sceneSeconds,
                          int count);

}  // namespace sw::render
