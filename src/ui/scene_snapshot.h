// Everything a scene owns, captured so a deleted scene can be restored (undo) or copied
// (duplicate) with its dialogue, cues, chunks and takes.
#pragma once

#include <QList>

#include "model/project_store.h"

namespace sw::ui {

class ProjectSession;

struct ChunkSnapshot {
  model::Chunk chunk;
  QList<model::Take> takes;
};

struct SceneSnapshot {
  model::Scene scene;
  QList<model::DialogueLine> lines;
  QList<model::SfxCue> cues;
  QList<ChunkSnapshot> chunks;

  static SceneSnapshot capture(model::ProjectStore& store, model::Id sceneId);
  // Inserts the scene at `position` with all it owns; returns the new scene id. When
  // `session` is given, the old ids of restored rows are mapped to the new ones.
  model::Id restore(model::ProjectStore& store, int position, ProjectSession* session) const;
};

}  // namespace sw::ui
