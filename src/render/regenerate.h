// Regeneration is a job kind of the RenderQueue (JobKind::Regenerate): a new take of a chunk (the
// old ones are kept; the chunks that continued from it become 'stale' so the user can regenerate
// or keep them), the scene's stale chain, or a new asset for one slot (reference image,
// narration, a dialogue line, music, an SFX; the old asset is kept). These helpers build its
// request, fix what a resume must repeat exactly, and read what a finished job made.
#pragma once

#include <QString>
#include <optional>

#include "model/types.h"
#include "render/render_request.h"

namespace sw::model {
class ProjectStore;
}
namespace sw::providers {
class ModelRegistry;
struct BackendSettings;
}  // namespace sw::providers

namespace sw::render {

struct RegenerateRequest {
  model::Id chunkId = 0;
  std::optional<QString> prompt;  // override the chunk's prompt
  std::optional<qint64> seed;     // default: a new seed (old seed + 1)
  QString modelKey;               // empty: the chunk's model
  int takes = 1;                  // a lottery: this many takes, seeds seed, seed + 1, ...
};

// The queue request for a new take of one chunk.
RenderRequest regenerateRequest(const RegenerateRequest& request);
// The queue request for the stale chunks of a scene, in order.
RenderRequest regenerateStaleRequest(model::Id sceneId);
// The queue request for a new reference image of a scene (`seed` empty: the current one's + 1).
RenderRequest regenerateReferenceRequest(model::Id sceneId, std::optional<qint64> seed = {},
                                         int takes = 1);
// The queue request for a new take of one audio slot: the scene's narration or music (`rowId`
// unused), a dialogue line or an SFX cue (`rowId`: its id).
RenderRequest regenerateAudioRequest(RegenerateTarget::Slot slot, model::Id sceneId,
                                     model::Id rowId = 0);

// What RenderQueue::enqueue fixes before a regenerate job is written: its scene, the seed when
// the request has none (the chunk's, the reference image's, the music's or SFX's + 1; the
// speech's take + 1). A target that does not exist is left for the job to report.
RenderRequest resolveRegenerate(model::ProjectStore& store, RenderRequest request);

// What a regenerate of a chunk or a reference image costs before it starts: one call of the
// chunk's model (local: free) or one image per take, priced from the registry (price_list.h)
// with the backends that will run it (render_estimate.h renderBackends()).
struct TakesEstimate {
  int takes = 1;
  std::optional<double> perTakeUsd;  // empty: unknown (note says why)
  QString note;
  std::optional<double> totalUsd() const {
    return perTakeUsd ? std::optional<double>(*perTakeUsd * takes) : std::nullopt;
  }
};
TakesEstimate estimateTakes(model::ProjectStore& store, const providers::ModelRegistry* registry,
                            const providers::BackendSettings& backends,
                            const RenderRequest& request);

struct RegenerateResult {
  bool ok = false;
  model::Id takeId = 0;   // the new take of the (last) chunk; 0 for an image or audio asset
  model::Id assetId = 0;  // the new asset
  int staleMarked = 0;    // downstream chunks now stale
  double costUsd = 0;
  // Each take made (a chunk's takes, the reference images; a lottery: all K, in seed order).
  struct Take {
    model::Id takeId = 0;  // 0 for a reference image
    model::Id assetId = 0;
    qint64 seed = 0;
    double costUsd = 0;
  };
  QList<Take> takes;
  QString error;
};

// What regenerate job `jobId` made (its "regenerated" event), or why it did not finish.
RegenerateResult regenerateOutcome(model::ProjectStore& store, model::Id jobId);

}  // namespace sw::render
