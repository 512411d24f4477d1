// The chunks' own audio laid on the output timeline: each segment's audio trimmed to exactly its
// video span, resampled to 48 kHz stereo, with a short fade at every cut (5 ms) and a linear
// crossfade where the video crossfades. Segments without audio contribute silence.
#pragma once

#include "media/ffmpeg_raii.h"
#include "media/media_input.h"
#include "media/timeline.h"

#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace sw::media {

inline constexpr int kMixRate = 48000;

// Samples of output frame index `frame` on the 48 kHz grid (or the grid of `rate`).
int64_t frameToSample(const Timeline& t, int64_t frame, int rate = kMixRate);

class SegmentAudioReader {
 public:
  SegmentAudioReader(const ResolvedSegment& seg, const Timeline& t);
  // Appends exactly n stereo samples (silence past the file's audio) to l and r.
  void read(float* l, float* r, int n);

 private:
  bool decodeMore();

  std::optional<MediaInput> input_;
  std::unique_ptr<FrameReader> reader_;
  SwrPtr swr_;
  FramePtr frame_;
  std::deque<float> l_, r_;
  int64_t skip_ = 0;  // converted samples still to drop before the in point
  bool started_ = false;
  bool done_ = false;
  int64_t inSample_ = 0;
};

class ChunkAudioBus {
 public:
  explicit ChunkAudioBus(const Timeline& t);
  ~ChunkAudioBus();
  int64_t totalSamples() const { return total_; }
  // Next fltp stereo frame (<= 1024 samples, pts in 1/48000); false at the end.
  bool next(AVFrame* out);

 private:
  float gainAt(size_t seg, int64_t local) const;

  const Timeline& t_;
  std::vector<int64_t> start_, count_, fadeIn_, fadeOut_;
  std::vector<std::unique_ptr<SegmentAudioReader>> readers_;
  int64_t pos_ = 0;
  int64_t total_ = 0;
};

}  // namespace sw::media
