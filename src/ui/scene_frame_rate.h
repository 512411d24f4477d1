// The frame rate the scene's preview steps by: what its chunk files measured (the first
// measured active take), else the frame rate of the scene's model, else 24.
#pragma once

#include "model/types.h"

namespace sw::ui {

class ProjectSession;

double sceneFrameRate(ProjectSession* session, model::Id sceneId);

}  // namespace sw::ui
