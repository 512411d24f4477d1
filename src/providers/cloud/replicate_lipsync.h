// Lip sync on Replicate ("replicate"): the model comes from the registry's "lipsync" section
// (lipsync_models.h), whose entry names the input fields (`video` + `audio` for sync/lipsync-2,
// `input_source` + `audio` for others); the video and audio files go as data URIs or uploaded
// files (ReplicateClient::fileInput), the entry's fixed_inputs are sent as they are. One
// prediction as for every Replicate call (replicate_run.h).
#pragma once

#include "providers/cloud/replicate_backends.h"
#include "providers/lipsync_models.h"

namespace sw::providers::cloud {

class ReplicateLipSync final : public ReplicateBackend, public LipSync {
 public:
  ReplicateLipSync(CloudSetup setup, LipSyncModels models);
  GenerationResult generate(const LipSyncRequest& request, const GenerationContext& ctx) override;
  double estimateCostUsd(const LipSyncRequest& request) const override;

 private:
  LipSyncModels models_;
};

// The prediction input for `model` with the files given by `fileInput`.
QJsonObject lipSyncInput(const LipSyncModel& model, const QString& video, const QString& audio,
                         const std::function<QString(const QString&)>& fileInput);

}  // namespace sw::providers::cloud
