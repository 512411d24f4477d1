#include "media/ffmpeg_raii.h"
#include "media/loudness.h"
#include "media/media_error.h"
#include "media/media_input.h"
#include "support/media_fixtures.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libswresample/swresample.h>
}

#include <cmath>

namespace sw::testsupport {

using namespace sw::media;

std::vector<VideoFrameInfo> decodeVideoFrames(const QString& path) {
  MediaInput input(path, true);
  FrameReader reader(input, input.videoStream());
  FramePtr f = makeFrame();
  std::vector<VideoFrameInfo> out;
  const double tb = av_q2d(reader.timeBase());
  while (reader.next(f.get())) {
    double sum = 0;
    for (int r = 0; r < f->height; ++r) {
      const uint8_t* row = f->data[0] + r * f->linesize[0];
      for (int c = 0; c < f->width; ++c) sum += row[c];
    }
    out.push_back({f->pts * tb, sum / (static_cast<double>(f->width) * f->height)});
  }
  return out;
}

int countVideoFrames(const QString& path) {
  return static_cast<int>(decodeVideoFrames(path).size());
}

double lumaAt(const QString& path, double t) {
  const auto frames = decodeVideoFrames(path);
  double best = -1;
  for (const auto& f : frames) {
    if (f.time <= t + 1e-6) best = f.meanLuma;
  }
  return best;
}

std::vector<double> findFlashTimes(const QString& path, double threshold) {
  std::vector<double> times;
  bool inFlash = false;
  for (const auto& f : decodeVideoFrames(path)) {
    const bool bright = f.meanLuma > threshold;
    if (bright && !inFlash) times.push_back(f.time);
    inFlash = bright;
  }
  return times;
}

std::vector<float> decodeAudioMono(const QString& path, double* startSeconds) {
  MediaInput input(path);
  if (input.audioStream() < 0) return {};
  FrameReader reader(input, input.audioStream());
  AVCodecContext* dec = reader.context();
  SwrContext* raw = nullptr;
  AVChannelLayout mono = AV_CHANNEL_LAYOUT_MONO;
  checkAv(swr_alloc_set_opts2(&raw, &mono, AV_SAMPLE_FMT_FLT, 48000, &dec->ch_layout,
                              dec->sample_fmt, dec->sample_rate, 0, nullptr),
          "swr", path);
  SwrPtr swr(raw);
  checkAv(swr_init(swr.get()), "swr", path);
  FramePtr f = makeFrame();
  std::vector<float> out;
  bool first = true;
  while (reader.next(f.get())) {
    if (first && startSeconds) *startSeconds = f->pts * av_q2d(reader.timeBase());
    first = false;
    const int cap = swr_get_out_samples(swr.get(), f->nb_samples);
    const size_t at = out.size();
    out.resize(at + cap);
    uint8_t* dst = reinterpret_cast<uint8_t*>(out.data() + at);
    const int n = swr_convert(swr.get(), &dst, cap, const_cast<const uint8_t**>(f->extended_data),
                              f->nb_samples);
    out.resize(at + std::max(n, 0));
  }
  return out;
}

std::vector<double> findBeepOnsets(const QString& path, double threshold, double minGap) {
  double start = 0;
  const std::vector<float> s = decodeAudioMono(path, &start);
  std::vector<double> onsets;
  double lastLoud = -1e9;
  for (size_t i = 0; i < s.size(); ++i) {
    if (std::fabs(s[i]) < threshold) continue;
    const double t = start + static_cast<double>(i) / 48000.0;
    if (t - lastLoud >= minGap) onsets.push_back(t);
    lastLoud = t;
  }
  return onsets;
}

double toneLevelDb(const QString& path, double hz, double t0, double t1) {
  double start = 0;
  const std::vector<float> s = decodeAudioMono(path, &start);
  const size_t a = static_cast<size_t>(std::max(0.0, (t0 - start) * 48000));
  const size_t b = std::min(s.size(), static_cast<size_t>(std::max(0.0, (t1 - start) * 48000)));
  if (b <= a) return -120.0;
  const double w = 2 * M_PI * hz / 48000.0;
  const double coeff = 2 * std::cos(w);
  double s1 = 0, s2 = 0;
  for (size_t i = a; i < b; ++i) {
    const double s0 = s[i] + coeff * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  const double amplitude = 2 * std::sqrt(std::max(power, 0.0)) / static_cast<double>(b - a);
  return 20 * std::log10(std::max(amplitude, 1e-9));
}

double integratedLoudness(const QString& path) { return measureLoudness(path).integrated; }

}  // namespace sw::testsupport
