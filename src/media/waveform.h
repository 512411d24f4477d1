// The waveform of a file's audio: the peak level of every short span, for drawing. Decodes the
// best audio stream once.
#pragma once

#include <QString>
#include <vector>

namespace sw::media {

struct Waveform {
  int peaksPerSecond = 0;
  std::vector<float> peaks;  // 0..1: the largest |sample| of any channel in each span
  double seconds() const { return peaksPerSecond > 0 ? double(peaks.size()) / peaksPerSecond : 0; }
};

// Throws MediaError when the file cannot be read or has no audio stream.
Waveform audioWaveform(const QString& path, int peaksPerSecond = 100);

}  // namespace sw::media
