#include "media/audio_mix.h"

#include "media/aside_encoder.h"
#include "media/audio_bus.h"
#include "media/filter_graph.h"
#include "media/media_error.h"
#include "media/media_input.h"
#include "media/mix_graph.h"
#include "media/probe.h"

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
  double start = 0;  // where its first frame lands on the output timeline
  double skip = 0;   // seconds of the source before its in point
  double fed = 0;    // output-timeline seconds fed so far
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
                       QStringLiteral("Audio clip %1 (%2) has no audio stream.")
                           .arg(c.file, trackName(c.track)));
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

// The mix kept from the measuring pass, replayed as the graph's one input.
struct KeptSource final : MixSource {
  explicit KeptSource(const std::array<std::vector<float>, 2>& m) : mixed(m) {
    AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
    args = audioSourceArgs(kMixRate, AV_SAMPLE_FMT_FLTP, stereo, AVRational{1, kMixRate});
  }
  bool next(AVFrame* out) override {
    const auto total = static_cast<int64_t>(mixed[0].size());
    if (pos >= total) return false;
    av_frame_unref(out);
    out->format = AV_SAMPLE_FMT_FLTP;
    out->sample_rate = kMixRate;
    out->ch_layout = AV_CHANNEL_LAYOUT_STEREO;
    out->nb_samples = static_cast<int>(std::min<int64_t>(4096, total - pos));
    out->pts = pos;
    checkAv(av_frame_get_buffer(out, 0), QStringLiteral("Cannot allocate an audio frame"), {});
    for (int c = 0; c < 2; ++c)
      std::copy_n(mixed[c].data() + pos, out->nb_samples,
                  reinterpret_cast<float*>(out->extended_data[c]));
    pos += out->nb_samples;
    return true;
  }
  double seconds(const AVFrame* f) const override { return static_cast<double>(f->pts) / kMixRate; }
  const std::array<std::vector<float>, 2>& mixed;
  int64_t pos = 0;
};

double clipFileDuration(const AudioClip& c) {
  const ProbeResult p = probe(c.file, ProbeOptions{false, 0.0});
  if (!p.audio()) {
    throw MediaError(
        MediaError::Kind::InvalidInput,
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
  encodeSettings_.bitRate = plan.output.audioBitrate;
  encoder_ = std::make_unique<AudioEncoder>(encodeSettings_);
  params_ = makeCodecParameters();
  checkAv(avcodec_parameters_from_context(params_.get(), encoder_->context()),
          QStringLiteral("Cannot set the audio stream parameters"), plan.output.path);
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

// One run of the mix graph over fresh sources, advanced step by step.
struct MixRun {
  std::vector<std::unique_ptr<MixSource>> sources;
  std::unique_ptr<FilterGraph> graph;
  FramePtr in = makeFrame();
  FramePtr res = makeFrame();
  bool done = false;
};

std::unique_ptr<MixRun> AudioRender::startRun(const std::string& tail) const {
  auto run = std::make_unique<MixRun>();
  GraphOutput out{"out", true, AV_PIX_FMT_NONE, kMixRate, 2, encoder_->context()->frame_size};
  if (mixedKept_) {  // the tail alone, on the kept [mixed]
    run->sources.push_back(std::make_unique<KeptSource>(mixed_));
    run->graph = std::make_unique<FilterGraph>(
        std::vector<GraphInput>{{"mixed", true, run->sources[0]->args}},
        std::vector<GraphOutput>{out}, tail, QStringLiteral("audio level"));
    return run;
  }
  run->sources = makeSources();
  ++sourceMixes_;
  std::vector<GraphInput> inputs;
  const bool bus = plan_.output.chunkAudio == ChunkAudio::Keep;
  for (size_t i = 0; i < run->sources.size(); ++i) {
    const std::string label = bus && i == 0 ? "bus" : "c" + std::to_string(bus ? i - 1 : i);
    inputs.push_back({label, true, run->sources[i]->args});
  }
  run->graph = std::make_unique<FilterGraph>(inputs, std::vector<GraphOutput>{out},
                                             graphDescription(tail), QStringLiteral("audio mix"));
  return run;
}

// Delivers the frames the graph has ready, or feeds it one frame of its most starved input.
void AudioRender::step(MixRun& run, const std::function<void(AVFrame*)>& sink) const {
  FilterGraph::Pull p;
  bool delivered = false;
  while ((p = run.graph->pull(0, run.res.get())) == FilterGraph::Pull::Frame) {
    sink(run.res.get());
    delivered = true;
  }
  if (p == FilterGraph::Pull::Eof) {
    run.done = true;
    return;
  }
  if (delivered) return;
  control_.checkCancel();
  MixSource* next = nullptr;
  size_t idx = 0;
  for (size_t i = 0; i < run.sources.size(); ++i) {
    if (!run.sources[i]->closed && (!next || run.sources[i]->fed < next->fed))
      next = run.sources[idx = i].get();
  }
  if (!next) {
    run.done = true;  // everything pushed and the graph wants nothing more
    return;
  }
  if (next->next(run.in.get())) {
    const double t = next->seconds(run.in.get());
    next->fed = std::max(next->fed, next->start + (t - next->skip)) + 1e-6;
    run.graph->push(static_cast<int>(idx), run.in.get());
  } else {
    run.graph->push(static_cast<int>(idx), nullptr);
    next->closed = true;
  }
}

namespace {

// EBU R128 allows at most -1 dBTP. A plain gain is used while the measured sample peak stays at
// or under kPlainCeiling after it (0.5 dB for inter-sample peaks, and the AAC encoder adds a few
// tenths of a dB); above that a lookahead limiter at 4x the rate holds the peaks at kLimit.
// The measuring passes take sample peaks: true-peak oversampling would cost more than the rest
// of the measurement.
constexpr double kPlainCeiling = -2.3;   // dBFS sample peak
constexpr double kLimit = -2.0;          // dBFS at 192 kHz
constexpr int kMaxLevelPasses = 3;       // measurement passes after the first, when limiting
constexpr double kLevelTolerance = 0.3;  // LU
// The measured mix is kept for the encode up to this size (about 2 min 55 s of stereo).
constexpr size_t kKeptMixBytes = size_t{64} << 20;

}  // namespace

std::string AudioRender::levelTail(double gainDb, bool limit) const {
  const std::string n = std::to_string(samples_);
  const std::string pad = "apad=whole_len=" + n + ",atrim=end_sample=" + n + "[out]";
  if (!limit) return "[mixed]volume=" + num(gainDb) + "dB," + pad;
  return "[mixed]volume=" + num(gainDb) +
         "dB,aresample=192000,alimiter=limit=" + num(std::pow(10.0, kLimit / 20.0)) +
         ":attack=1:release=50:level=0:latency=1,aresample=48000," + pad;
}

LoudnessStats AudioRender::measureRun(const std::string& tail, double from, double to, bool keep,
                                      AsideEncoder* aside) {
  AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
  LoudnessMeter meter(
      audioSourceArgs(kMixRate, AV_SAMPLE_FMT_FLTP, stereo, AVRational{1, kMixRate}), false);
  if (keep) dropKeptMix();  // mix from the sources, keeping what comes out
  auto run = startRun(tail);
  bool keeping = keep && static_cast<size_t>(std::max<int64_t>(samples_, 0)) * 2 * sizeof(float) <=
                             kKeptMixBytes;
  const double total = std::max(1.0, static_cast<double>(samples_));
  while (!run->done) {
    step(*run, [&](AVFrame* f) {
      if (keeping) keeping = keepMixed(f);
      if (aside && !aside->push(f)) aside = nullptr;
      meter.push(f);
      control_.report(from + (to - from) * std::min(1.0, (f->pts + f->nb_samples) / total),
                      QStringLiteral("audio"));
    });
  }
  if (keep) {
    mixedKept_ = keeping && static_cast<int64_t>(mixed_[0].size()) == samples_;
    if (!mixedKept_) dropKeptMix();
  }
  return meter.finish();
}

bool AudioRender::keepMixed(const AVFrame* f) {
  const auto have = static_cast<int64_t>(mixed_[0].size());
  const bool planarStereo = f->format == AV_SAMPLE_FMT_FLTP && f->ch_layout.nb_channels == 2;
  // Frames without a time follow on from the one before.
  const bool contiguous = f->pts == AV_NOPTS_VALUE || f->pts == have;
  if (!planarStereo || !contiguous || have + f->nb_samples > samples_) {
    dropKeptMix();
    return false;
  }
  if (mixed_[0].capacity() == 0)
    for (auto& plane : mixed_) plane.reserve(static_cast<size_t>(samples_));
  for (int c = 0; c < 2; ++c) {
    const auto* data = reinterpret_cast<const float*>(f->extended_data[c]);
    mixed_[c].insert(mixed_[c].end(), data, data + f->nb_samples);
  }
  return true;
}

void AudioRender::dropKeptMix() {
  mixedKept_ = false;
  for (auto& plane : mixed_) std::vector<float>().swap(plane);
}

void AudioRender::measure(double from, double to) {
  // The first pass keeps the mix: the level passes and the encode replay it through the gain
  // (and limiter) instead of decoding and mixing every clip again.
  measured_ = measureRun("[mixed]anull[out]", from, to, true);
  if (!measured_.hasSignal()) {
    encodeRun_ = startRun("[mixed]anull[out]");
    return;
  }
  const double target = plan_.output.loudnessTarget;
  double gain = target - measured_.integrated;
  const bool limit = measured_.truePeak + gain > kPlainCeiling;
  // The limiter takes level off the loudest moments: measure the limited mix and raise the gain
  // until its integrated loudness is on target. Each pass is encoded aside as it is measured:
  // the pass that lands on target is the encode.
  for (int pass = 0; limit && pass < kMaxLevelPasses; ++pass) {
    AsideEncoder aside(encodeSettings_);
    const LoudnessStats s = measureRun(levelTail(gain, true), to, to, false, &aside);
    if (!s.hasSignal() || std::fabs(target - s.integrated) <= kLevelTolerance) {
      std::deque<PacketPtr> packets;
      if (auto encoder = aside.finish(packets)) {
        encoder_ = std::move(encoder);
        pending_ = std::move(packets);
        flushed_ = true;
        ++asideEncodes_;
        return;  // no encodeRun_: nextPacket() hands out pending_
      }
      break;
    }
    gain += target - s.integrated;
  }
  encodeRun_ = startRun(levelTail(gain, limit));
}

bool AudioRender::nextPacket(AVPacket* out) {
  auto keep = [&](AVPacket* p) { pending_.emplace_back(av_packet_clone(p)); };
  while (pending_.empty()) {
    if (!encodeRun_) return false;
    if (!encodeRun_->done) {
      step(*encodeRun_, [&](AVFrame* f) { encoder_->push(f, keep); });
    } else if (!flushed_) {
      encoder_->flush(keep);
      flushed_ = true;
    } else {
      return false;
    }
  }
  av_packet_unref(out);
  av_packet_move_ref(out, pending_.front().get());
  pending_.pop_front();
  return true;
}

}  // namespace sw::media
