// The Replicate backend ("replicate"): video (text- and image-to-video, models from the
// registry), reference images (flux-schnell), music (musicgen) and speech (speech-02-turbo or
// kokoro). Each call builds its own HttpClient bound to the call's cancel flag, so calls may
// run at once on several threads.
#pragma once

#include "providers/capabilities.h"
#include "providers/cloud/cloud_setup.h"
#include "providers/cloud/replicate_run.h"

namespace sw::providers::cloud {

class ReplicateBackend : public virtual Backend {
 public:
  explicit ReplicateBackend(CloudSetup setup) : setup_(std::move(setup)) {}
  QString backendId() const override { return QStringLiteral("replicate"); }
  const CloudSetup& setup() const { return setup_; }

 protected:
  // Runs one prediction and returns the verified file as a GenerationResult.
  GenerationResult run(PredictionJob job, const GenerationContext& ctx, const QString& modelLabel,
                       double cost) const;
  CloudSetup setup_;
};

class ReplicateVideo final : public ReplicateBackend, public VideoGenerator {
 public:
  using ReplicateBackend::ReplicateBackend;
  GenerationResult generate(const VideoRequest& request, const GenerationContext& ctx) override;
  double estimateCostUsd(const VideoRequest& request) const override;
};

class ReplicateImage final : public ReplicateBackend, public ImageGenerator {
 public:
  using ReplicateBackend::ReplicateBackend;
  GenerationResult generate(const ImageRequest& request, const GenerationContext& ctx) override;
  double estimateCostUsd(const ImageRequest& request) const override;
};

class ReplicateMusic final : public ReplicateBackend, public MusicGenerator {
 public:
  using ReplicateBackend::ReplicateBackend;
  GenerationResult generate(const MusicRequest& request, const GenerationContext& ctx) override;
  double estimateCostUsd(const MusicRequest& request) const override;
};

class ReplicateSpeech final : public ReplicateBackend, public SpeechGenerator {
 public:
  using ReplicateBackend::ReplicateBackend;
  GenerationResult generate(const SpeechRequest& request, const GenerationContext& ctx) override;
  double estimateCostUsd(const SpeechRequest& request) const override;
  QString defaultVoice(int characterIndex) const override;
};

}  // namespace sw::providers::cloud
