// Every fresh mix lands within +-1 LU of its loudness target with a true peak at or below -1 dBTP
// (EBU R128), measured on the encoded output with libavfilter's ebur128 filter (peak=true).
#include "media/audio_mix.h"
#include "media/media_input.h"
#include "media/stitcher.h"
#include "media/timeline.h"
#include "support/media_fixtures.h"

extern "C" {
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>

using namespace sw::media;
using namespace sw::testsupport;

namespace {

struct R128 {
  double integrated = -70.0;
  double truePeak = -99.0;  // dBTP, highest channel
};

// Decodes the audio of `path` and runs it through abuffer -> ebur128=peak=true -> abuffersink.
R128 measureR128(const QString& path) {
  MediaInput input(path);
  FrameReader reader(input, input.audioStream());
  const AVCodecContext* d = reader.context();
  std::unique_ptr<AVFilterGraph, void (*)(AVFilterGraph*)> graph(
      avfilter_graph_alloc(), [](AVFilterGraph* g) { avfilter_graph_free(&g); });
  char layout[64];
  av_channel_layout_describe(&d->ch_layout, layout, sizeof layout);
  const std::string args =
      "time_base=" + std::to_string(reader.timeBase().num) + "/" +
      std::to_string(reader.timeBase().den) + ":sample_rate=" + std::to_string(d->sample_rate) +
      ":sample_fmt=" + av_get_sample_fmt_name(d->sample_fmt) + ":channel_layout=" + layout;
  AVFilterContext *src = nullptr, *meter = nullptr, *sink = nullptr;
  EXPECT_GE(avfilter_graph_create_filter(&src, avfilter_get_by_name("abuffer"), "in", args.c_str(),
                                         nullptr, graph.get()),
            0);
  EXPECT_GE(avfilter_graph_create_filter(&meter, avfilter_get_by_name("ebur128"), "r128",
                                         "peak=true:metadata=1", nullptr, graph.get()),
            0);
  EXPECT_GE(avfilter_graph_create_filter(&sink, avfilter_get_by_name("abuffersink"), "out", nullptr,
                                         nullptr, graph.get()),
            0);
  avfilter_link(src, 0, meter, 0);
  avfilter_link(meter, 0, sink, 0);
  EXPECT_GE(avfilter_graph_config(graph.get(), nullptr), 0);
  R128 r;
  FramePtr in = makeFrame(), out = makeFrame();
  auto drain = [&] {
    while (av_buffersink_get_frame(sink, out.get()) >= 0) {
      if (const AVDictionaryEntry* e = av_dict_get(out->metadata, "lavfi.r128.I", nullptr, 0))
        r.integrated = std::strtod(e->value, nullptr);
      for (int ch = 0; ch < out->ch_layout.nb_channels; ++ch) {
        const std::string key = "lavfi.r128.true_peaks_ch" + std::to_string(ch);
        if (const AVDictionaryEntry* e = av_dict_get(out->metadata, key.c_str(), nullptr, 0)) {
          const double lin = std::strtod(e->value, nullptr);
          if (lin > 0) r.truePeak = std::max(r.truePeak, 20 * std::log10(lin));
        }
      }
      av_frame_unref(out.get());
    }
  };
  while (reader.next(in.get())) {
    EXPECT_GE(av_buffersrc_add_frame(src, in.get()), 0);
    drain();
  }
  av_buffersrc_add_frame(src, nullptr);
  drain();
  return r;
}

// A 16-bit stereo WAV of fn(t) (band-limited content: the AAC encoder keeps all of it).
QString writeWav(const QString& path, double seconds, const std::function<double(double)>& fn) {
  constexpr int kRate = 48000;
  const int64_t n = std::llround(seconds * kRate);
  QByteArray data;
  for (int64_t i = 0; i < n; ++i) {
    const auto v =
        static_cast<int16_t>(std::lround(std::clamp(fn(double(i) / kRate), -1.0, 1.0) * 32767));
    data.append(reinterpret_cast<const char*>(&v), 2).append(reinterpret_cast<const char*>(&v), 2);
  }
  QFile f(path);
  EXPECT_TRUE(f.open(QIODevice::WriteOnly));
  auto le32 = [&](uint32_t v) { f.write(reinterpret_cast<const char*>(&v), 4); };
  auto le16 = [&](uint16_t v) { f.write(reinterpret_cast<const char*>(&v), 2); };
  f.write("RIFF", 4);
  le32(36 + data.size());
  f.write("WAVEfmt ", 8);
  le32(16);
  le16(1);
  le16(2);
  le32(kRate);
  le32(kRate * 4);
  le16(4);
  le16(16);
  f.write("data", 4);
  le32(data.size());
  f.write(data);
  return path;
}

constexpr double kPi = 3.14159265358979323846;

// Voiced syllables: a 140 Hz buzz (harmonics to 3 kHz) shaped by a 4 Hz syllable envelope with
// pauses, and, when `plosives`, a short full-scale click every 1.3 s.
std::function<double(double)> speech(double level, bool plosives) {
  return [=](double t) {
    double x = 0;
    for (int h = 1; h * 140 < 3000; ++h) x += std::sin(2 * kPi * 140 * h * t) / h;
    const double env = std::max(0.0, std::sin(2 * kPi * 4 * t)) * (std::fmod(t, 2.0) < 1.6);
    double y = level * 0.5 * env * x;
    const double p = std::fmod(t, 1.3);
    if (plosives && p < 0.004) y += 0.9 * std::sin(2 * kPi * 1000 * p);
    return y;
  };
}

// A sustained A minor chord with a slow swell.
std::function<double(double)> chord(double level) {
  return [=](double t) {
    const double swell = 0.75 + 0.25 * std::sin(2 * kPi * 0.5 * t);
    return level * swell *
           (std::sin(2 * kPi * 220 * t) + std::sin(2 * kPi * 261.6 * t) +
            std::sin(2 * kPi * 329.6 * t)) /
           3;
  };
}

class MediaLoudness : public ::testing::Test {
 protected:
  RenderPlan plan(double target) {
    ClipSpec spec;
    spec.seconds = 4.0;
    RenderPlan p;
    VideoSegment s;
    s.file = makeClip(dir.filePath("v.mp4"), spec);
    p.segments.push_back(s);
    p.output.path = dir.filePath(QStringLiteral("out%1.mp4").arg(++n));
    p.output.preset = "veryfast";
    p.output.chunkAudio = ChunkAudio::Replace;
    p.output.loudnessTarget = target;
    return p;
  }
  AudioClip clip(AudioTrack track, double seconds, const std::function<double(double)>& fn,
                 double start = 0.0) {
    AudioClip c;
    c.file = writeWav(dir.filePath(QStringLiteral("a%1.wav").arg(++n)), seconds, fn);
    c.track = track;
    c.start = start;
    return c;
  }
  void expectCompliant(const RenderPlan& p, const char* what) {
    const StitchReport r = stitch(p);
    EXPECT_FALSE(r.audioCopied) << what;
    const R128 m = measureR128(p.output.path);
    EXPECT_NEAR(m.integrated, p.output.loudnessTarget, 1.0) << what;
    EXPECT_LE(m.truePeak, -1.0) << what;
    std::printf("%s: %.2f LUFS (target %.1f), %.2f dBTP\n", what, m.integrated,
                p.output.loudnessTarget, m.truePeak);
  }
  // Every AAC packet of the render, each following on from the one before; returns the samples
  // they hold.
  static int64_t drainPackets(AudioRender& render) {
    PacketPtr packet = makePacket();
    int64_t samples = 0;
    std::optional<int64_t> nextPts;
    while (render.nextPacket(packet.get())) {
      if (nextPts) EXPECT_EQ(packet->pts, *nextPts) << "packets follow on";
      nextPts = packet->pts + packet->duration;
      samples += packet->duration;
    }
    return samples;
  }
  QTemporaryDir dir;
  int n = 0;
};

}  // namespace

// Speech with plosive clicks (a high crest factor): the gain to the target would push the clicks
// far over 0 dBFS, so the limiter holds them and the gain is corrected for what it took.
TEST_F(MediaLoudness, PeakySpeechIsLimitedAndOnTarget) {
  RenderPlan p = plan(-16.0);
  p.audio.push_back(clip(AudioTrack::Narration, 3.5, speech(0.12, true), 0.2));
  expectCompliant(p, "speech");
}

// The limiter's level passes and the encode replay the mix kept from the first measurement: the
// clips are decoded and mixed once (an audio-only re-render is mostly this), and the output is
// still exactly the planned length.
TEST_F(MediaLoudness, TheClipsAreMixedOnceForAllLevelPasses) {
  RenderPlan p = plan(-16.0);
  p.audio.push_back(clip(AudioTrack::Narration, 3.5, speech(0.12, true), 0.2));
  p.audio.push_back(clip(AudioTrack::Music, 4.0, chord(0.3)));
  const Timeline t = resolveTimeline(p);
  ExportControl control;
  AudioRender render(p, t, control);
  render.measure(0, 0);
  const int64_t samples = drainPackets(render);
  EXPECT_EQ(render.sourceMixes(), 1);
  EXPECT_GE(samples, render.samples());
  expectCompliant(p, "speech and music");
}

// A mix loud enough for the limiter: its limited measuring pass lands on target and is the encode
// (encoded on another thread as it is measured), so the limiter runs no extra time. A quiet mix
// (a plain gain) is encoded after the measurement.
TEST_F(MediaLoudness, TheLimitedPassOnTargetIsTheEncode) {
  RenderPlan loud = plan(-16.0);
  loud.audio.push_back(clip(AudioTrack::Narration, 3.5, speech(0.12, true), 0.2));
  loud.audio.push_back(clip(AudioTrack::Music, 4.0, chord(0.3)));
  RenderPlan quiet = plan(-16.0);
  quiet.audio.push_back(clip(AudioTrack::Narration, 4.0, speech(0.004, false)));
  for (const auto& [p, aside] : {std::pair{loud, 1}, std::pair{quiet, 0}}) {
    const Timeline t = resolveTimeline(p);
    ExportControl control;
    AudioRender render(p, t, control);
    render.measure(0, 0);
    const int64_t samples = drainPackets(render);
    EXPECT_EQ(render.asideEncodes(), aside);
    EXPECT_EQ(render.sourceMixes(), 1);
    const int64_t frame = render.encoder().context()->frame_size;
    EXPECT_GE(samples, render.samples());
    EXPECT_LT(samples, render.samples() + 2 * frame) << "about the planned length";
  }
  expectCompliant(loud, "loud, limited");
}

TEST_F(MediaLoudness, MusicOnlyIsOnTarget) {
  RenderPlan p = plan(-16.0);
  p.audio.push_back(clip(AudioTrack::Music, 4.0, chord(0.9)));
  expectCompliant(p, "music");
}

TEST_F(MediaLoudness, QuietMixIsRaisedToTarget) {
  RenderPlan p = plan(-16.0);
  p.audio.push_back(clip(AudioTrack::Narration, 4.0, speech(0.004, false)));
  expectCompliant(p, "quiet");
}

TEST_F(MediaLoudness, LoudMixIsLoweredToTarget) {
  RenderPlan p = plan(-23.0);
  p.audio.push_back(clip(AudioTrack::Music, 4.0, chord(1.0)));
  p.audio.push_back(clip(AudioTrack::Narration, 3.0, speech(0.9, false), 0.5));
  expectCompliant(p, "loud");
}

// Narration over ducked music with an SFX hit near full scale: a typical scene.
TEST_F(MediaLoudness, NarrationMusicAndSfxMixIsCompliant) {
  RenderPlan p = plan(-16.0);
  p.audio.push_back(clip(AudioTrack::Music, 4.0, chord(0.3)));
  p.audio.push_back(clip(AudioTrack::Narration, 2.5, speech(0.3, false), 0.5));
  p.audio.push_back(clip(
      AudioTrack::Sfx, 0.3,
      [](double t) { return 0.95 * std::exp(-t * 20) * std::sin(2 * kPi * 180 * t); }, 3.2));
  expectCompliant(p, "scene");
}

// Speech whose peaks land just under 0 dBFS at the target gain: the old loudnorm ceiling (up to
// 0 dBTP) let them through.
TEST_F(MediaLoudness, PeaksNearFullScaleAreHeldUnderMinusOneDbtp) {
  RenderPlan p = plan(-16.0);
  p.audio.push_back(clip(AudioTrack::Narration, 4.0, speech(0.55, true)));
  expectCompliant(p, "near full scale");
}
