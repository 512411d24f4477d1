// Sound effects from ElevenLabs ("elevenlabs"): POST /v1/sound-generation with the description
// as `text`, `duration_seconds` (left out for the natural length, else clamped to 0.5-30 s),
// `prompt_influence` (option "promptInfluence", default 0.3) and `model_id` (option "sfxModel",
// default eleven_text_to_sound_v2); `output_format` in the query (option "outputFormat", default
// mp3_44100_128); xi-api-key. One synchronous call returns the audio bytes.
#pragma once

#include "providers/capabilities.h"
#include "providers/cloud/cloud_setup.h"
#include "providers/cloud/tts_backends.h"

namespace sw::providers::cloud {

class ElevenLabsSoundEffects final : public SoundEffectGenerator {
 public:
  explicit ElevenLabsSoundEffects(CloudSetup setup);
  QString backendId() const override { return QStringLiteral("elevenlabs"); }
  GenerationResult generate(const SoundEffectRequest& request,
                            const GenerationContext& ctx) override;
  // The registry's "sfx" price for elevenlabs (per call and/or per second of the asked length).
  double estimateCostUsd(const SoundEffectRequest& request) const override;

  QJsonObject requestBody(const SoundEffectRequest& request) const;

 private:
  CloudSetup setup_;
  ConcurrencyGate gate_;
};

}  // namespace sw::providers::cloud
