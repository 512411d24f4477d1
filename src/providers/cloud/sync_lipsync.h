// Lip sync through the Sync API ("sync", docs/cloud-protocols.md §9): POST /v2/generate as
// multipart/form-data with the span's video and the line's audio as files (`video`, `audio`),
// `model` (the registry entry's model id, e.g. lipsync-2) and `options` (the entry's
// fixed_inputs as JSON, e.g. {"sync_mode": "cut_off"}); header x-api-key (keychain or
// SYNC_API_KEY). The answer's `id` is polled with GET /v2/generate/{id} (1 s for 10 s, then 3 s)
// until COMPLETED (`outputUrl` is downloaded at once), FAILED or REJECTED (the service's `error`
// text is the message) or CANCELED. The API has no cancel request: a cancelled call stops waiting
// and says that the generation may still finish on the service.
#pragma once

#include "providers/capabilities.h"
#include "providers/cloud/cloud_setup.h"
#include "providers/lipsync_models.h"

namespace sw::providers::cloud {

class SyncLipSync final : public LipSync {
 public:
  SyncLipSync(CloudSetup setup, LipSyncModels models);
  QString backendId() const override { return QStringLiteral("sync"); }
  GenerationResult generate(const LipSyncRequest& request, const GenerationContext& ctx) override;
  // The registry entry's price for the length of the video sent.
  double estimateCostUsd(const LipSyncRequest& request) const override;

 private:
  CloudSetup setup_;
  LipSyncModels models_;
};

// Seconds of a local media file (its probed duration; 0 when it cannot be read).
double mediaSeconds(const QString& path);
// Refuses a request whose video or audio file is missing (ProviderError Invalid, naming it).
void checkLipSyncInputs(const LipSyncRequest& request, const QString& service);

}  // namespace sw::providers::cloud
