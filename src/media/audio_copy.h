// Audio stream copy for plain concatenations: when nothing is mixed, the cuts are plain cuts and
// every chunk carries the same AAC configuration (any one rate and channel count: the output
// adopts it), the chunks' AAC packets are copied onto the output timeline instead of being
// decoded, normalised and re-encoded; only the few AAC frames around each join are encoded
// afresh (audio_join.h).
//
// Placement: a chunk packet at file sample p has its exact place S + (p - in) (S = the segment's
// output start, in = its in point, both on the audio rate's grid). AAC frames must stay
// contiguous, so a chunk's copied packets sit `shift` (|shift| <= 512 samples, under 10.7 ms at
// 48 kHz) from their exact place. At every join the packets from a little before the cut to a
// little after it are re-encoded from the decoded audio of both chunks: crossfaded from the
// copied shift to the exact place, cut there with the fresh path's 5 ms fades, and back to the
// next chunk's copied shift, so each chunk starts exactly with its video, nothing drops out and
// the decoder's overlap-add at both ends joins matching signals. The loudness target is not
// applied (levels are kept).
#pragma once

#include "media/audio_join.h"
#include "media/media_input.h"
#include "media/muxer.h"
#include "media/render_plan.h"
#include "media/timeline.h"

#include <QString>
#include <deque>
#include <memory>
#include <optional>

namespace sw::media {

// Empty when the chunks' audio can be copied for this plan, otherwise why not.
// `videoReencodedWhole` is true on the full re-encode path (audio is then always rendered fresh).
QString audioCopyBlocker(const RenderPlan& plan, const Timeline& t, bool videoReencodedWhole);

class AudioPacketCopier final : public AudioPacketSource {
 public:
  explicit AudioPacketCopier(const Timeline& t);
  ~AudioPacketCopier() override;
  const AVCodecParameters* parameters() const override { return par_.get(); }
  AVRational timeBase() const override { return AVRational{1, rate_}; }
  AudioPull next(AVPacket* out, bool wait) override;
  int sampleRate() const { return rate_; }
  // Largest distance (samples) between a copied packet and its exact place.
  int64_t maxShift() const { return maxShift_; }
  // Input packets not written: before the first chunk's start, or replaced at a join.
  int64_t packetsDropped() const { return dropped_; }
  int64_t framesReencoded() const { return reencoded_; }

 private:
  struct Segment;
  std::unique_ptr<Segment> openSegment(size_t index) const;
  // Next audio packet of `s` with its exact place on the output; false at the end of its file.
  bool readPacket(Segment& s, PacketPtr& pkt, int64_t& place) const;
  void step();
  void join(PacketPtr pending, int64_t pendingPlace);
  void put(PacketPtr pkt, int64_t duration);
  AudioEncoder& encoder();
  void startTail(Segment& s);

  const Timeline& t_;
  CodecParametersPtr par_;
  int rate_ = 48000;
  int frame_ = 1024;  // samples per AAC packet
  int fade_ = 240;    // 5 ms cut fade
  size_t seg_ = 0;
  std::unique_ptr<Segment> cur_;
  std::deque<PacketPtr> ready_;
  std::unique_ptr<AudioEncoder> encoder_;  // the joins' frames, opened at the first join
  std::unique_ptr<PacketDecoder> tail_;    // the chunk before a join
  std::unique_ptr<PacketDecoder> head_;    // the chunk after it
  int64_t pos_ = AV_NOPTS_VALUE;           // where the next packet is written
  int64_t shift_ = 0;                      // copied place minus exact place of cur_'s packets
  int64_t maxShift_ = 0;
  int64_t dropped_ = 0;
  int64_t reencoded_ = 0;
};

}  // namespace sw::media
