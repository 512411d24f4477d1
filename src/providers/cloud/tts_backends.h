// Synchronous text-to-speech services: ElevenLabs ("elevenlabs", xi-api-key, output_format in the
// query, voice settings) and OpenAI-compatible servers ("openai", /v1/audio/speech, text split
// into chunks of at most 4096 characters and joined back into one WAV).
#pragma once

#include "providers/capabilities.h"
#include "providers/cloud/cloud_setup.h"

#include <QSemaphore>

namespace sw::providers::cloud {

// Limits how many requests a backend object has in flight (ElevenLabs limits concurrency per
// plan); waiting for a slot can be cancelled.
class ConcurrencyGate {
 public:
  explicit ConcurrencyGate(int capacity) : semaphore_(std::max(1, capacity)) {}
  void acquire(const GenerationContext& ctx, const QString& what);
  void release() { semaphore_.release(); }

 private:
  QSemaphore semaphore_;
};

class ElevenLabsSpeech final : public SpeechGenerator {
 public:
  explicit ElevenLabsSpeech(CloudSetup setup);
  QString backendId() const override { return QStringLiteral("elevenlabs"); }
  GenerationResult generate(const SpeechRequest& request, const GenerationContext& ctx) override;
  double estimateCostUsd(const SpeechRequest& request) const override;
  QString defaultVoice(int characterIndex) const override;

  static QJsonObject requestBody(const SpeechRequest& request, const QString& defaultModel);

 private:
  CloudSetup setup_;
  ConcurrencyGate gate_;
};

class OpenAiSpeech final : public SpeechGenerator {
 public:
  explicit OpenAiSpeech(CloudSetup setup) : setup_(std::move(setup)) {}
  QString backendId() const override { return QStringLiteral("openai"); }
  GenerationResult generate(const SpeechRequest& request, const GenerationContext& ctx) override;
  double estimateCostUsd(const SpeechRequest& request) const override;
  QString defaultVoice(int characterIndex) const override;

 private:
  CloudSetup setup_;
};

// Splits text into pieces of at most `limit` characters, preferring sentence ends, then
// spaces; pieces are trimmed and never empty.
QStringList splitForSpeech(const QString& text, int limit = 4096);

// Joins PCM WAV files of the same format into one; throws ProviderError(BadOutput) otherwise.
void joinWavFiles(const QStringList& parts, const QString& output);

}  // namespace sw::providers::cloud
