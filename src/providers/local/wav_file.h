// Minimal RIFF/WAVE (16-bit PCM) writer and reader for the local audio backends.
#pragma once

#include <QString>
#include <cstdint>
#include <vector>

namespace sw::providers::local {

struct PcmAudio {
  int sampleRate = 48000;
  int channels = 1;
  std::vector<float> samples;  // interleaved, [-1, 1]
  double duration() const {
    if (channels <= 0 || sampleRate <= 0) return 0.0;
    const size_t frames = samples.size() / static_cast<size_t>(channels);  // whole frames only
    return static_cast<double>(frames) / sampleRate;
  }
};

// Writes 16-bit PCM atomically (temporary file + rename). Throws ProviderError(Failed) naming the
// file when it cannot be written.
void writeWav(const QString& path, const PcmAudio& audio);
// Reads a 16-bit PCM WAV written by writeWav (or any canonical PCM16 file); throws
// ProviderError(BadOutput) otherwise.
PcmAudio readWav(const QString& path);

// Scales so the largest |sample| equals peak (no-op for silence).
void normalizePeak(std::vector<float>& samples, float peak);

}  // namespace sw::providers::local
