// The JSON sidecar written next to every exported MP4 (<output>.json): what made the file —
// each asset's backend, model, inputs, seed, cache key and cost, and the RenderPlan — enough to
// reproduce it from the cache (`scenewright-cli stitch --plan` accepts the "plan" member).
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include "media/render_plan.h"
#include "media/stitcher.h"
#include "model/project_store.h"

namespace sw::render {

// The manifest's "chunks": each chunk's position, prompt, direction, seed, model and the cache key
// of its active take, as the store has them now.
QJsonArray manifestChunks(model::ProjectStore& store, const model::Scene& scene);

QJsonObject buildManifest(model::ProjectStore& store, const model::Scene& scene,
                          const media::RenderPlan& plan, const media::StitchReport& report);
// Writes buildManifest() atomically to `path`; throws std::runtime_error naming the file.
void writeManifest(model::ProjectStore& store, const model::Scene& scene,
                   const media::RenderPlan& plan, const media::StitchReport& report,
                   const QString& path);

}  // namespace sw::render
