// AudioRender: the output's whole soundtrack. Mixes the chunk-audio bus (when kept) with the
// plan's clips (narration/dialogue at their start times, music trimmed to the video with a
// fade-out and ducked under speech, SFX at cue times, each with gain; amix normalize=0), then
// normalises loudness (ebur128 measure, then a gain to the target; when that gain would put the
// sample peak over -2.3 dBFS, a lookahead limiter at 192 kHz holds it at -2 dBFS and
// up to three more measuring passes correct the gain for what the limiter took) and encodes AAC
// (the limited pass that lands on target is encoded on another thread while it is measured).
// measure() runs the first pass; the second pass is streamed: nextPacket() mixes and encodes just
// enough to return the next AAC packet, so memory does not grow with the length of the render.
#pragma once

#include "media/encoders.h"
#include "media/export_control.h"
#include "media/loudness.h"
#include "media/muxer.h"
#include "media/render_plan.h"
#include "media/timeline.h"

#include <array>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace sw::media {

class AsideEncoder;
class FilterGraph;
struct MixSource;
struct MixRun;

class AudioRender final : public AudioPacketSource {
 public:
  AudioRender(const RenderPlan& plan, const Timeline& timeline, const ExportControl& control);
  ~AudioRender() override;

  // First pass (loudness measurement); progress is reported between `from` and `to` percent.
  void measure(double from, double to);
  // Next AAC packet of the normalised mix (time base 1/48000); false at the end.
  bool nextPacket(AVPacket* out);
  // AudioPacketSource (synchronous: never Later).
  const AVCodecParameters* parameters() const override { return params_.get(); }
  AVRational timeBase() const override { return encoder_->context()->time_base; }
  AudioPull next(AVPacket* out, bool) override {
    return nextPacket(out) ? AudioPull::Packet : AudioPull::End;
  }

  AudioEncoder& encoder() { return *encoder_; }
  const LoudnessStats& measured() const { return measured_; }
  int64_t samples() const { return samples_; }
  // How many times the clips have been decoded and mixed (the kept mix makes it once).
  int sourceMixes() const { return sourceMixes_; }
  // 1 when the encode is the packets of the last limited measuring pass, encoded as it ran
  // (the limiter then runs no extra time for the encode).
  int asideEncodes() const { return asideEncodes_; }
  // The mix graph description (for logs and tests).
  std::string graphDescription(const std::string& tail) const;

 private:
  std::vector<std::unique_ptr<MixSource>> makeSources() const;
  std::unique_ptr<MixRun> startRun(const std::string& tail) const;
  void step(MixRun& run, const std::function<void(AVFrame*)>& sink) const;
  // From [mixed] to [out]: the gain, with the true-peak limiter when `limit`.
  std::string levelTail(double gainDb, bool limit) const;
  // `keep`: the run's output is also kept in mixed_ (while it fits), so that the encode can
  // scale it instead of mixing again.
  // `aside`: also encodes the run's output (AsideEncoder) while it is measured.
  LoudnessStats measureRun(const std::string& tail, double from, double to, bool keep = false,
                           AsideEncoder* aside = nullptr);
  bool keepMixed(const AVFrame* f);  // false (and nothing kept) when it cannot be kept
  void dropKeptMix();

  const RenderPlan& plan_;
  const Timeline& t_;
  const ExportControl& control_;
  std::vector<AudioClip> clips_;       // clips that fall inside the video
  std::vector<double> clipDurations_;  // after trimming to the video
  AudioEncodeSettings encodeSettings_;
  std::unique_ptr<AudioEncoder> encoder_;
  CodecParametersPtr params_;
  std::unique_ptr<MixRun> encodeRun_;
  std::deque<PacketPtr> pending_;
  bool flushed_ = false;
  LoudnessStats measured_;
  int64_t samples_ = 0;
  // The measured mix ([mixed], planar stereo) when it fits in kKeptMixBytes; otherwise empty and
  // every later run mixes the clips again.
  std::array<std::vector<float>, 2> mixed_;
  bool mixedKept_ = false;
  mutable int sourceMixes_ = 0;
  int asideEncodes_ = 0;
};

}  // namespace sw::media
