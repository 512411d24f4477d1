#include "fakecloud/generated_clip.h"

#include "media/media_input.h"
#include "media/media_writer.h"

extern "C" {
#include <libswscale/swscale.h>
}

#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <cmath>
#include <stdexcept>
#include <vector>

namespace sw::fakecloud {

namespace {

using Pixels = std::vector<uint8_t>;  // RGBA rows, width * 4 bytes each

Pixels decodeImage(const QByteArray& bytes, int width, int height) {
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("input.png"));  // the demuxer reads the content
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
    throw std::runtime_error("fake cloud: cannot write the input image to a temporary file");
  file.close();
  media::MediaInput in(path);
  media::FrameReader reader(in, in.videoStream());
  media::FramePtr f = media::makeFrame();
  if (!reader.next(f.get())) throw std::runtime_error("fake cloud: the input image has no frame");
  media::SwsPtr sws(sws_getContext(f->width, f->height, AVPixelFormat(f->format), width, height,
                                   AV_PIX_FMT_RGBA, SWS_BICUBIC, nullptr, nullptr, nullptr));
  if (!sws) throw std::runtime_error("fake cloud: cannot scale the input image");
  Pixels out(size_t(width) * height * 4);
  uint8_t* dst[4] = {out.data(), nullptr, nullptr, nullptr};
  const int strides[4] = {width * 4, 0, 0, 0};
  sws_scale(sws.get(), f->data, f->linesize, 0, f->height, dst, strides);
  return out;
}

// Smooth colour waves: neighbouring pixels (and so frames one pixel apart) differ a little.
Pixels pattern(int width, int height) {
  Pixels out(size_t(width) * height * 4);
  constexpr double kTau = 6.283185307179586;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      uint8_t* p = &out[(size_t(y) * width + x) * 4];
      p[0] = uint8_t(128 + 100 * std::sin(kTau * x / 40.0));
      p[1] = uint8_t(128 + 100 * std::sin(kTau * y / 30.0));
      p[2] = uint8_t(128 + 100 * std::sin(kTau * (x + y) / 60.0));
      p[3] = 255;
    }
  return out;
}

}  // namespace

QByteArray makeGeneratedClip(const GeneratedClip& spec, const QByteArray& image) {
  const int w = spec.width - spec.width % 2, h = spec.height - spec.height % 2;
  const Pixels base = image.isEmpty() ? pattern(w, h) : decodeImage(image, w, h);
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("clip.mp4"));
  media::MediaWriter writer(path);
  media::VideoEncodeSettings v;
  v.width = w;
  v.height = h;
  v.fps = AVRational{spec.fps, 1};
  v.crf = 12;  // near-lossless: frame-to-frame differences are the pan, not coding noise
  v.preset = "veryfast";
  writer.addVideoStream(v);
  const int64_t frames = std::llround(spec.seconds * spec.fps);
  Pixels frame(base.size());
  const size_t row = size_t(w) * 4;
  for (int64_t k = 0; k < frames; ++k) {
    const size_t shift = size_t(k % w) * 4;
    for (int y = 0; y < h; ++y) {
      const uint8_t* src = &base[y * row];
      uint8_t* dst = &frame[y * row];
      std::copy(src + shift, src + row, dst);
      std::copy(src, src + shift, dst + (row - shift));
    }
    writer.writeRgba(frame.data(), w, h, int(row));
  }
  writer.finish();
  QFile out(path);
  if (!out.open(QIODevice::ReadOnly)) throw std::runtime_error("fake cloud: clip not written");
  return out.readAll();
}

QByteArray inputImage(const QJsonObject& input, const QHash<QString, QByteArray>& uploads) {
  for (auto it = input.begin(); it != input.end(); ++it) {
    const QString s = it.value().toString();
    if (s.startsWith(QLatin1String("data:image/"))) {
      const qsizetype comma = s.indexOf(QLatin1Char(','));
      if (comma > 0) return QByteArray::fromBase64(s.mid(comma + 1).toLatin1());
    }
    const qsizetype files = s.indexOf(QLatin1String("/v1/files/"));
    if (files >= 0) {
      const QString id = s.mid(files + 10).section(QLatin1Char('/'), 0, 0);
      if (uploads.contains(id)) return uploads.value(id);
    }
  }
  return {};
}

}  // namespace sw::fakecloud
