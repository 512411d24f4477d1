#include "ui/scene_frame_rate.h"

#include "render/model_observations.h"
#include "ui/project_session.h"

namespace sw::ui {

double sceneFrameRate(ProjectSession* session, model::Id sceneId) {
  constexpr double kDefault = 24.0;
  if (!session || !sceneId) return kDefault;
  model::ProjectStore& store = session->store();
  for (const model::Chunk& chunk : store.chunks(sceneId)) {
    if (!chunk.assetId) continue;
    const auto asset = store.asset(*chunk.assetId);
    if (!asset) continue;
    if (const auto measured = render::measuredOf(*asset); measured && measured->fps() > 0)
      return measured->fps();
  }
  const render::SceneState state = session->sceneState(sceneId);
  return state.model && state.model->fps > 0 ? double(state.model->fps) : kDefault;
}

}  // namespace sw::ui
