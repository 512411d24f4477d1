// sceneState()'s video part (internal to scene_state*.cpp): the reference image slot and one
// slot per chunk, judged against recipes and start sources in order, planned to cover the scene.
#pragma once

#include "render/scene_state.h"

namespace sw::render {

void addChunkSlots(model::ProjectStore& store, const providers::AssetCache& cache,
                   const providers::ModelRegistry* registry, const StateOptions& options,
                   SceneState& out);

// Seconds of a made chunk that the scene can use: its measured length less its trims and, when
// it starts from its predecessor's frame, that repeated first frame.
double usefulSeconds(const model::Asset& asset, const model::Chunk& chunk, bool dropsFirstFrame,
                     double frameSeconds);

}  // namespace sw::render
