#include "ui/scene_snapshot.h"

#include "ui/project_session.h"

namespace sw::ui {

SceneSnapshot SceneSnapshot::capture(model::ProjectStore& store, model::Id sceneId) {
  SceneSnapshot snap;
  const auto scene = store.scene(sceneId);
  if (!scene)
    throw model::StoreError(model::StoreError::Kind::Missing,
                            QStringLiteral("Scene %1 no longer exists.").arg(sceneId));
  snap.scene = *scene;
  snap.lines = store.dialogueLines(sceneId);
  snap.cues = store.sfxCues(sceneId);
  for (const model::Chunk& chunk : store.chunks(sceneId))
    snap.chunks.append(ChunkSnapshot{chunk, store.takes(chunk.id)});
  return snap;
}

namespace {

void restoreChunk(model::ProjectStore& store, model::Id sceneId, const ChunkSnapshot& saved,
                  ProjectSession* session) {
  model::Chunk chunk = saved.chunk;
  chunk.sceneId = sceneId;
  const model::Id chunkId = store.addChunk(chunk);
  if (session) session->remap(Entity::Chunk, saved.chunk.id, chunkId);
  model::Id activeTake = 0;
  for (const model::Take& take : saved.takes) {
    model::Take copy = take;
    copy.chunkId = chunkId;
    const model::Id takeId = store.addTake(copy);
    if (session) session->remap(Entity::Take, take.id, takeId);
    if (take.assetId == saved.chunk.assetId.value_or(-1)) activeTake = takeId;
  }
  // addTake made the last take active and the chunk ready; put back what was saved.
  if (activeTake != 0) store.setActiveTake(chunkId, activeTake);
  model::Chunk back = chunk;
  back.id = chunkId;
  store.updateChunk(back);
}

}  // namespace

model::Id SceneSnapshot::restore(model::ProjectStore& store, int position,
                                 ProjectSession* session) const {
  model::Id sceneId = 0;
  store.transaction([&] {
    sceneId = store.addScene(scene, position);
    if (session) session->remap(Entity::Scene, scene.id, sceneId);
    for (const model::DialogueLine& line : lines) {
      model::DialogueLine copy = line;
      copy.sceneId = sceneId;
      copy.characterId =
          session ? session->resolve(Entity::Character, line.characterId) : line.characterId;
      const model::Id id = store.addDialogueLine(copy);
      if (session) session->remap(Entity::DialogueLine, line.id, id);
    }
    for (const model::SfxCue& cue : cues) {
      model::SfxCue copy = cue;
      copy.sceneId = sceneId;
      const model::Id id = store.addSfxCue(copy);
      if (session) session->remap(Entity::SfxCue, cue.id, id);
    }
    for (const ChunkSnapshot& chunk : chunks) restoreChunk(store, sceneId, chunk, session);
  });
  return sceneId;
}

}  // namespace sw::ui
