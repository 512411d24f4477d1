// EBU R128 loudness measurement with the ebur128 filter.
#pragma once

#include "media/ffmpeg_raii.h"

#include <QString>
#include <memory>

namespace sw::media {

class FilterGraph;

struct LoudnessStats {
  double integrated = -70.0;  // LUFS (-70 = silence / nothing measured)
  double range = 0.0;         // LRA, LU
  double truePeak = -99.0;    // highest channel's peak: dBTP (4x oversampled, ebur128
                              // peak=true), or dBFS sample peak from a meter without true peak
  bool hasSignal() const { return integrated > -69.0; }
};

// Feed frames of one format (any), then finish() for the statistics.
class LoudnessMeter {
 public:
  // sourceArgs: abuffer arguments (see audioSourceArgs).
  // truePeak false: sample peaks only (the 4x oversampling costs more than the rest of it).
  explicit LoudnessMeter(const std::string& sourceArgs, bool truePeak = true);
  ~LoudnessMeter();
  void push(AVFrame* frame);
  LoudnessStats finish();

 private:
  void drain();
  bool truePeak_;
  std::unique_ptr<FilterGraph> graph_;
  FramePtr out_;
  LoudnessStats stats_;
};

// Integrated loudness, range and true peak of the best audio stream of a file.
// Throws MediaError when the file cannot be read or has no audio.
LoudnessStats measureLoudness(const QString& path);

}  // namespace sw::media
