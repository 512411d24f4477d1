// Seam QA of a finished render (media/seam_qa.h), run on every render after its output and
// manifest are written: one "seams" info event with the whole report, one "seam.bad" warning
// per bad seam naming it and why, and the report as the manifest's "seamQa" member (where
// `scenewright-cli qa` finds the seam times again). It never fails the render: a check that
// cannot run leaves a "seams.failed" warning event and the manifest as it was.
#pragma once

#include <QString>
#include <optional>

#include "media/render_plan.h"
#include "media/seam_qa.h"
#include "model/project_store.h"

namespace sw::render {

std::optional<media::SeamQaReport> checkRenderSeams(model::ProjectStore& store, model::Id jobId,
                                                    const media::RenderPlan& plan,
                                                    const QString& outputPath);

// The "seamQa" member of the manifest next to outputPath, when it has one.
std::optional<media::SeamQaReport> manifestSeamReport(const QString& outputPath);

}  // namespace sw::render
