#include "support/media_fixtures.h"

#include "media/encoders.h"
#include "media/media_error.h"
#include "media/media_writer.h"
#include "media/output_file.h"

#include <QFile>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace sw::testsupport {

namespace {

// FFmpeg's informational logging (x264 statistics...) would drown the test output.
const bool kQuietLogs = (av_log_set_level(AV_LOG_ERROR), true);

constexpr double kPi = 3.14159265358979323846;

struct Yuv {
  uint8_t y, u, v;
};

// Colour bars scrolling one pixel per frame, plus a bright box moving down: a testsrc look-alike.
void drawPattern(std::vector<uint8_t>& y, std::vector<uint8_t>& u, std::vector<uint8_t>& v, int w,
                 int h, int frame, const ClipSpec& spec, bool flash) {
  static const Yuv bars[7] = {{180, 128, 128}, {168, 44, 136}, {145, 147, 44}, {133, 63, 52},
                              {63, 193, 204},  {51, 109, 212}, {28, 212, 120}};
  for (int row = 0; row < h; ++row) {
    for (int col = 0; col < w; ++col) {
      uint8_t yy;
      if (flash) {
        yy = 235;
      } else if (spec.solidLuma) {
        yy = static_cast<uint8_t>(*spec.solidLuma);
      } else {
        const Yuv& b = bars[((col + frame) * 7 / w) % 7];
        const bool box = std::abs(row - (frame * 3) % h) < 8 && std::abs(col - w / 2) < 8;
        yy = box ? 220 : b.y;
        if (row % 2 == 0 && col % 2 == 0) {
          u[(row / 2) * (w / 2) + col / 2] = b.u;
          v[(row / 2) * (w / 2) + col / 2] = b.v;
        }
      }
      y[row * w + col] = yy;
    }
  }
  if (flash || spec.solidLuma) {
    std::fill(u.begin(), u.end(), 128);
    std::fill(v.begin(), v.end(), 128);
  }
}

float sampleAt(const ClipSpec& spec, int64_t n) {
  const double t = static_cast<double>(n) / spec.sampleRate;
  if (spec.markerAt && t >= *spec.markerAt && t < *spec.markerAt + 0.05) {
    return static_cast<float>(0.8 * std::sin(2 * kPi * 1000.0 * (t - *spec.markerAt)));
  }
  return static_cast<float>(spec.toneAmplitude *
                            std::sin(2 * kPi * spec.toneHz * (t + spec.tonePhaseSeconds)));
}

void writeAudioUpTo(media::MediaWriter& w, const ClipSpec& spec, int64_t& written, int64_t until) {
  std::vector<float> buf;
  while (written < until) {
    const int n = static_cast<int>(std::min<int64_t>(1024, until - written));
    buf.resize(static_cast<size_t>(n) * 2);
    for (int i = 0; i < n; ++i) buf[i * 2] = buf[i * 2 + 1] = sampleAt(spec, written + i);
    w.writeAudio(buf.data(), n);
    written += n;
  }
}

int markerFrame(const ClipSpec& spec) {
  return spec.markerAt ? static_cast<int>(std::lround(*spec.markerAt * av_q2d(spec.fps))) : -1;
}

}  // namespace

QString makeClip(const QString& path, const ClipSpec& spec) {
  media::MediaWriter w(path);
  media::VideoEncodeSettings vs;
  vs.width = spec.width;
  vs.height = spec.height;
  vs.fps = spec.fps;
  vs.crf = spec.crf;
  vs.preset = spec.preset;
  vs.gop = spec.gop > 0 ? spec.gop : static_cast<int>(std::lround(av_q2d(spec.fps)));
  w.addVideoStream(vs);
  if (spec.audio) {
    media::AudioEncodeSettings as;
    as.sampleRate = spec.sampleRate;
    w.addAudioStream(as);
  }
  const int frames = static_cast<int>(std::lround(spec.seconds * av_q2d(spec.fps)));
  std::vector<uint8_t> y(spec.width * spec.height), u(y.size() / 4, 128), v(y.size() / 4, 128);
  int64_t samples = 0;
  for (int f = 0; f < frames; ++f) {
    drawPattern(y, u, v, spec.width, spec.height, f, spec, f == markerFrame(spec));
    const uint8_t* planes[3] = {y.data(), u.data(), v.data()};
    const int strides[3] = {spec.width, spec.width / 2, spec.width / 2};
    w.writeYuv420p(planes, strides, spec.width, spec.height);
    if (spec.audio) {
      const double t = (f + 1) / av_q2d(spec.fps);
      writeAudioUpTo(w, spec, samples, std::llround(t * spec.sampleRate));
    }
  }
  w.finish();
  return path;
}

QString makeVfrClip(const QString& path, const ClipSpec& spec) {
  media::OutputFile out(path);
  media::VideoEncodeSettings vs;
  vs.width = spec.width;
  vs.height = spec.height;
  vs.fps = AVRational{1000, 1};  // millisecond time base: pts carry the real timing
  vs.preset = spec.preset;
  vs.gop = 1000;
  vs.globalHeader = out.wantsGlobalHeader();
  media::VideoEncoder enc(vs);
  out.addStream(enc.context());
  out.open(true);
  media::FramePtr frame = media::makeFrame();
  frame->format = AV_PIX_FMT_YUV420P;
  frame->width = spec.width;
  frame->height = spec.height;
  media::checkAv(av_frame_get_buffer(frame.get(), 0), "frame", path);
  std::vector<uint8_t> y(spec.width * spec.height), u(y.size() / 4, 128), v(y.size() / 4, 128);
  const double step = 1000.0 / av_q2d(spec.fps);
  double tMs = 0;
  auto sink = [&](AVPacket* p) {
    p->stream_index = 0;
    out.write(p, enc.context()->time_base);
  };
  for (int f = 0; tMs < spec.seconds * 1000.0; ++f) {
    drawPattern(y, u, v, spec.width, spec.height, f, spec, false);
    av_frame_make_writable(frame.get());
    for (int r = 0; r < spec.height; ++r)
      std::copy_n(&y[r * spec.width], spec.width, frame->data[0] + r * frame->linesize[0]);
    for (int r = 0; r < spec.height / 2; ++r) {
      std::copy_n(&u[r * spec.width / 2], spec.width / 2, frame->data[1] + r * frame->linesize[1]);
      std::copy_n(&v[r * spec.width / 2], spec.width / 2, frame->data[2] + r * frame->linesize[2]);
    }
    frame->pts = std::llround(tMs);
    enc.encode(frame.get(), sink);
    tMs += (f % 2 == 0) ? step : 2 * step;
  }
  enc.encode(nullptr, sink);
  out.finish();
  return path;
}

QString makeWav(const QString& path, const WavSpec& spec) {
  const int64_t n = std::llround(spec.seconds * spec.sampleRate);
  std::vector<int16_t> pcm(static_cast<size_t>(n * spec.channels));
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> noise(-1.0, 1.0);
  for (int64_t i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / spec.sampleRate;
    double x = 0;
    if (spec.kind == WaveKind::Tone) x = spec.amplitude * std::sin(2 * kPi * spec.hz * t);
    if (spec.kind == WaveKind::Noise) x = spec.amplitude * noise(rng);
    if (spec.beepAt && t >= *spec.beepAt && t < *spec.beepAt + 0.05)
      x = 0.8 * std::sin(2 * kPi * 1000.0 * (t - *spec.beepAt));
    for (int c = 0; c < spec.channels; ++c)
      pcm[i * spec.channels + c] = static_cast<int16_t>(std::lround(x * 32767));
  }
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly))
    throw media::MediaError(media::MediaError::Kind::Unwritable, path);
  auto le32 = [&](uint32_t v) { f.write(reinterpret_cast<const char*>(&v), 4); };
  auto le16 = [&](uint16_t v) { f.write(reinterpret_cast<const char*>(&v), 2); };
  const uint32_t dataBytes = static_cast<uint32_t>(pcm.size() * 2);
  f.write("RIFF", 4);
  le32(36 + dataBytes);
  f.write("WAVE", 4);
  f.write("fmt ", 4);
  le32(16);
  le16(1);
  le16(static_cast<uint16_t>(spec.channels));
  le32(static_cast<uint32_t>(spec.sampleRate));
  le32(static_cast<uint32_t>(spec.sampleRate * spec.channels * 2));
  le16(static_cast<uint16_t>(spec.channels * 2));
  le16(16);
  f.write("data", 4);
  le32(dataBytes);
  f.write(reinterpret_cast<const char*>(pcm.data()), dataBytes);
  return path;
}

}  // namespace sw::testsupport
