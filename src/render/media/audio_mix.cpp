#include "render/media/audio_mix.h"

#include "render/media/audio_bus.h"
#include "render/media/filter_graph.h"
#include "render/media/media_error.h"
#include "render/media/media_input.h"
#include "render/media/mix_graph.h"
#include "render/media/probe.h"

extern "C" {
#include <libavutil/channel_layout.h>
}

#include <cmath>
#include <limits>

namespace sw::media {

// One input of the mix graph.
struct MixSource {
  virtual ~MixSource() = default;
  virtual bool next(AVFrame* out) = 0;
  virtual double seconds(const AVFrame* f) const = 0;  // pts in seconds
  std::string args;
  double start = 0;     // where its first frame lands on the output timeline
  double skip = 0;      // seconds of the source before its in point
  double fed = 0;       // output-timeline seconds fed so far
  bool closed = false;
};

namespace {

struct BusSource final : MixSource {
  explicit BusSource(const Timeline& t) : bus(t) {
    AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
    args = audioSourceArgs(kMixRate, AV_SAMPLE_FMT_FLTP, stereo, AVRational{1, kMixRate});
  }
  bool next(AVFrame* out) override { return bus.next(out); }
  double seconds(const AVFrame* f) const override { return static_cast<double>(f->pts) / kMixRate; }
  ChunkAudioBus bus;
};

struct ClipSource final : MixSource {
  explicit ClipSource(const AudioClip& c) : input(c.file) {
    if (input.audioStream() < 0) {
      throw MediaError(MediaError::Kind::InvalidInput,
                       QStringLiteral("Audio clip %1 (%2) has no audio stream.").arg(c.file, trackName(c.track)));
    }
    reader = std::make_unique<FrameReader>(input, input.audioStream());
    const AVCodecContext* d = reader->context();
    args = audioSourceArgs(d->sample_rate, d->sample_fmt, d->ch_layout, reader->timeBase());
    start = c.start;
    skip = c.in;
  }
  bool next(AVFrame* out) override { return reader->next(out); }
  double seconds(const AVFrame* f) const override {
    return f->pts == AV_NOPTS_VALUE ? skip : f->pts * av_q2d(reader->timeBase());
  }
  MediaInput input;
  std::unique_ptr<FrameReader> reader;
};

double clipFileDuration(const AudioClip& c) {
  const ProbeResult p = probe(c.file, ProbeOptions{false, 0.0});
  if (!p.audio()) {
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("Audio clip %1 (%2) has no audio stream.").arg(c.file, trackName(c.track)));
  }
  return p.audio()->duration > 0 ? p.audio()->duration : p.duration;
}

}  // namespace

AudioRender::AudioRender(const RenderPlan& plan, const Timeline& t, const ExportControl& control)
    : plan_(plan), t_(t), control_(control) {
  const double videoDur = t.duration();
  for (const AudioClip& c : plan.audio) {
    const double fileDur = clipFileDuration(c);
    const double end = c.out < 0 ? fileDur : std::min(c.out, fileDur);
    const double d = std::min(end - c.in, videoDur - c.start);
    if (d <= 0.001) continue;  // entirely after the video or empty
    clips_.push_back(c);
    clipDurations_.push_back(d);
  }
  samples_ = frameToSample(t, t.totalFrames);
  AudioEncodeSettings as;
  as.bitRate = plan.output.audioBitrate;
  encoder_ = std::make_unique<AudioEncoder>(as);
}

AudioRender::~AudioRender() = default;

std::string AudioRender::graphDescription(const std::string& tail) const {
  MixLayout m;
  m.bus = plan_.output.chunkAudio == ChunkAudio::Keep;
  m.clips = clips_;
  m.durations = clipDurations_;
  m.ducking = plan_.output.ducking;
  m.totalSamples = samples_;
  return buildMixGraph(m, tail);
}

std::vector<std::unique_ptr<MixSource>> AudioRender::makeSources() const {
  std::vector<std::unique_ptr<MixSource>> s;
  if (plan_.output.chunkAudio == ChunkAudio::Keep) s.push_back(std::make_unique<BusSource>(t_));
  for (const AudioClip& c : clips_) s.push_back(std::make_unique<ClipSource>(c));
  return s;
}

void AudioRender::runPass(const std::string& tail, double from, double to,
                          const std::function<void(AVFrame*)>& sink) {
  auto sources = makeSources();
  std::vector<GraphInput> inputs;
  const bool bus = plan_.output.chunkAudio == ChunkAudio::Keep;
  for (size_t i = 0; i < sources.size(); ++i) {
    const std::string label = bus && i == 0 ? "bus" : "c" + std::to_string(bus ? i - 1 : i);
    inputs.push_back({label, true, sources[i]->args});
  }
  GraphOutput out{"out", true, AV_PIX_FMT_NONE, kMixRate, 2, encoder_->context()->frame_size};
  FilterGraph graph(inputs, {out}, graphDescription(tail), QStringLiteral("audio mix"));
  FramePtr in = makeFrame(), res = makeFrame();
  const double total = std::max(1.0, static_cast<double>(samples_));
  for (;;) {
    FilterGraph::Pull p;
    while ((p = graph.pull(0, res.get())) == FilterGraph::Pull::Frame) {
      sink(res.get());
      control_.report(from + (to - from) * std::min(1.0, (res->pts + res->nb_samples) / total), QStringLiteral("audio"));
    }
    if (p == FilterGraph::Pull::Eof) break;
    control_.checkCancel();
    MixSource* next = nullptr;
    size_t idx = 0;
    for (size_t i = 0; i < sources.size(); ++i) {
      if (!sources[i]->closed && (!next || sources[i]->fed < next->fed)) next = sources[idx = i].get();
    }
    if (!next) break;  // everything pushed and the graph wants nothing more
    if (next->next(in.get())) {
      const double t = next->seconds(in.get());
      next->fed = std::max(next->fed, next->start + (t - next->skip)) + 1e-6;
      graph.push(static_cast<int>(idx), in.get());
    } else {
      graph.push(static_cast<int>(idx), nullptr);
      next->closed = true;
    }
  }
}

std::string AudioRender::loudnormTail() const {
  const double target = plan_.output.loudnessTarget;
  if (!measured_.hasSignal()) return "[mixed]anull[out]";
  const double gain = target - measured_.integrated;
  const double tp = std::clamp(measured_.truePeak + gain + 0.1, -1.5, 0.0);
  const double lra = std::clamp(measured_.range + 1.0, 7.0, 20.0);
  const std::string n = std::to_string(samples_);
  return "[mixed]loudnorm=I=" + num(target) + ":TP=" + num(tp) + ":LRA=" + num(lra) +
         ":measured_I=" + num(measured_.integrated) + ":measured_TP=" + num(measured_.truePeak) +
         ":measured_LRA=" + num(std::max(measured_.range, 0.1)) + ":measured_thresh=" +
         num(measured_.integrated - 10.0) + ":offset=0:linear=true,aresample=48000,apad=whole_len=" + n +
         ",atrim=end_sample=" + n + "[out]";
}

void AudioRender::run(double from, double to) {
  const double mid = from + (to - from) * 0.4;
  AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
  LoudnessMeter meter(audioSourceArgs(kMixRate, AV_SAMPLE_FMT_FLTP, stereo, AVRational{1, kMixRate}));
  runPass("[mixed]anull[out]", from, mid, [&](AVFrame* f) { meter.push(f); });
  measured_ = meter.finish();
  packets_.clear();
  auto keep = [&](AVPacket* p) { packets_.emplace_back(av_packet_clone(p)); };
  runPass(loudnormTail(), mid, to, [&](AVFrame* f) { encoder_->push(f, keep); });
  encoder_->flush(keep);
}

}  // namespace sw::media
