// The speech layout a render of one scene will have, before anything is generated: each item's
// seconds from its generated asset when there is one, else estimated from its text
// (estimatedSpeechSeconds). For the estimate lines of the CLI `render` and the Render Scene
// dialog; the job itself measures the generated files (scene_job_audio.cpp).
#pragma once

#include "model/project_store.h"
#include "render/render_request.h"
#include "render/speech_timing.h"

namespace sw::render {

// The items in the job's order and names (narration, then each dialogue line with text), for the
// tracks `request` includes and its policy.
SpeechTiming speechTimingOf(model::ProjectStore& store, const model::Scene& scene,
                            const RenderRequest& request);
// layoutSpeech(speechTimingOf(...)); an empty layout when the scene does not exist.
SpeechLayout estimateSpeech(model::ProjectStore& store, model::Id sceneId,
                            const RenderRequest& request);

}  // namespace sw::render
