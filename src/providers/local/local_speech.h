// Local speech with libespeak-ng: one voice per character ("en-us+m3" = language + variant),
// with rate (words per minute, 80-450), pitch (0-100) and range (0-100) from the character's voice
// settings. Output: 16-bit mono WAV at espeak's rate (22050 Hz). Deterministic.
// espeak-ng is a process-wide engine: calls are serialised internally (one synthesis at a time).
#pragma once

#include "providers/capabilities.h"

namespace sw::providers::local {

class LocalSpeechGenerator : public SpeechGenerator {
 public:
  QString backendId() const override { return QStringLiteral("local"); }
  GenerationResult generate(const SpeechRequest& request, const GenerationContext& ctx) override;
  double estimateCostUsd(const SpeechRequest&) const override { return 0.0; }
  QString defaultVoice(int characterIndex) const override;
  static QString narratorVoice() { return QStringLiteral("en+m1"); }
};

}  // namespace sw::providers::local
