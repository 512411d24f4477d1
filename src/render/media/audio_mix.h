// AudioRender: the output's whole soundtrack. Mixes the chunk-audio bus (when kept) with the
// plan's clips (narration/dialogue at their start times, music trimmed to the video with a
// fade-out and ducked under speech, SFX at cue times, each with gain; amix normalize=0), then
// normalises loudness in two passes (ebur128 measure, loudnorm linear=true with the measured
// values, aresample=48000) and encodes AAC. Packets are kept in memory (about 1.2 MB/min).
#pragma once

#include "render/media/encoders.h"
#include "render/media/export_control.h"
#include "render/media/loudness.h"
#include "render/media/render_plan.h"
#include "render/media/timeline.h"

#include <memory>
#include <vector>

namespace sw::media {

class FilterGraph;
struct MixSource;

class AudioRender {
 public:
  AudioRender(const RenderPlan& plan, const Timeline& timeline, const ExportControl& control);
  ~AudioRender();

  // Runs both passes; progress is reported between `from` and `to` percent.
  void run(double from, double to);

  AudioEncoder& encoder() { return *encoder_; }
  std::vector<PacketPtr>& packets() { return packets_; }  // AAC, time base 1/48000
  const LoudnessStats& measured() const { return measured_; }
  int64_t samples() const { return samples_; }
  // The mix graph description (for logs and tests).
  std::string graphDescription(const std::string& tail) const;

 private:
  std::vector<std::unique_ptr<MixSource>> makeSources() const;
  void runPass(const std::string& tail, double from, double to, const std::function<void(AVFrame*)>& sink);
  std::string loudnormTail() const;

  const RenderPlan& plan_;
  const Timeline& t_;
  const ExportControl& control_;
  std::vector<AudioClip> clips_;       // clips that fall inside the video
  std::vector<double> clipDurations_;  // after trimming to the video
  std::unique_ptr<AudioEncoder> encoder_;
  std::vector<PacketPtr> packets_;
  LoudnessStats measured_;
  int64_t samples_ = 0;
};

}  // namespace sw::media
