// Audio stream copy for plain concatenations: when nothing is mixed, the cuts are plain cuts and
// every chunk carries the same AAC configuration (48 kHz stereo), the chunks' AAC packets are
// copied onto the output timeline instead of being decoded, normalised and re-encoded.
//
// Placement: a chunk packet at file sample p lands at S + (p - in) (S = the segment's output
// start, in = its in point, both on the 48 kHz grid). Packets are written back to back (AAC
// frames must stay contiguous); a packet is dropped when it would start more than half a frame
// before the end of what is already written, or more than half a frame after the segment's end.
// So every packet sits within +-512 samples (10.7 ms, under one video frame) of its true place
// and the error never accumulates over joins.
// Trade-off (the "priming gap"): each chunk's encoder priming frame is dropped at a join, so the
// first AAC frame after a cut decodes without its predecessor frame: about 21 ms of windowed
// overlap between the two chunks (a short MDCT-window crossfade with some aliasing) instead of
// the fresh path's clean 5 ms fades. The loudness target is not applied (levels are kept).
#pragma once

#include "media/media_input.h"
#include "media/muxer.h"
#include "media/render_plan.h"
#include "media/timeline.h"

#include <QString>
#include <optional>

namespace sw::media {

// Empty when the chunks' audio can be copied for this plan, otherwise why not.
// `videoReencodedWhole` is true on the full re-encode path (audio is then always rendered fresh).
QString audioCopyBlocker(const RenderPlan& plan, const Timeline& t, bool videoReencodedWhole);

class AudioPacketCopier final : public AudioPacketSource {
 public:
  explicit AudioPacketCopier(const Timeline& t);
  const AVCodecParameters* parameters() const override { return par_.get(); }
  AVRational timeBase() const override { return AVRational{1, kRate}; }
  AudioPull next(AVPacket* out, bool wait) override;
  // Largest distance (samples) between a written packet and its exact place.
  int64_t maxShift() const { return maxShift_; }
  int64_t packetsDropped() const { return dropped_; }

 private:
  static constexpr int kRate = 48000;
  void openSegment();
  void closeSegment();

  const Timeline& t_;
  CodecParametersPtr par_;
  int frame_ = 1024;  // samples per AAC packet
  size_t seg_ = 0;
  std::optional<MediaInput> input_;
  int stream_ = -1;
  int64_t origin_ = 0;            // file origin in samples
  int64_t start_ = 0, end_ = 0;   // segment span on the output (samples)
  int64_t in_ = 0;                // segment in point in the file (samples)
  int64_t pos_ = AV_NOPTS_VALUE;  // where the next packet is written
  int64_t maxShift_ = 0;
  int64_t dropped_ = 0;
};

}  // namespace sw::media
