// MediaWriter output is a pure function of its input: the same pictures and samples give a
// byte-identical MP4 (x264 capped at AVX2, whose AVX-512 code reads uninitialised bytes; x264 frame
// threads are deterministic; the writer's internal picture has zeroed row padding).
#include "media/media_writer.h"

#include <gtest/gtest.h>
#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <vector>

using namespace sw::media;

namespace {

// A picture whose rows are narrower than their stride, with the padding full of junk that differs
// on every call: only the visible pixels may matter.
std::vector<uint8_t> rgbaPicture(int w, int h, int stride, int frame, uint8_t junk) {
  std::vector<uint8_t> px(static_cast<size_t>(stride) * h, junk);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      uint8_t* p = &px[static_cast<size_t>(y) * stride + x * 4];
      p[0] = static_cast<uint8_t>((x * 3 + frame * 5) & 255);
      p[1] = static_cast<uint8_t>((y * 2 + x) & 255);
      p[2] = static_cast<uint8_t>(((x ^ y) + frame) & 255);
      p[3] = 255;
    }
  }
  return px;
}

QByteArray writeClip(const QString& path, int w, int h, uint8_t junk) {
  {
    MediaWriter writer(path);
    VideoEncodeSettings vs;
    vs.width = w;
    vs.height = h;
    vs.fps = {25, 1};
    vs.preset = "veryfast";
    writer.addVideoStream(vs);
    writer.addAudioStream({});
    const int stride = w * 4 + 52;
    std::vector<float> pcm(2 * 1920);
    for (int f = 0; f < 20; ++f) {
      const auto px = rgbaPicture(w, h, stride, f, static_cast<uint8_t>(junk + f));
      writer.writeRgba(px.data(), w, h, stride);
      for (size_t i = 0; i < pcm.size(); ++i)
        pcm[i] = static_cast<float>(0.3 * std::sin(0.05 * (f * 1920 + i / 2)));
      writer.writeAudio(pcm.data(), 1920);
    }
    writer.finish();
  }
  QFile file(path);
  EXPECT_TRUE(file.open(QIODevice::ReadOnly));
  return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

}  // namespace

TEST(MediaWriterDeterminism, SameInputGivesByteIdenticalFiles) {
  QTemporaryDir dir;
  // 330x186: luma and chroma widths (165) that are not multiples of 16, so SIMD row copies read
  // into the padding of the writer's internal picture.
  for (const auto& [w, h] : {std::pair{330, 186}, std::pair{320, 180}}) {
    const QByteArray first = writeClip(dir.filePath("a.mp4"), w, h, 0x11);
    for (int run = 0; run < 3; ++run) {
      EXPECT_EQ(writeClip(dir.filePath("b.mp4"), w, h, static_cast<uint8_t>(0x5a + 40 * run)),
                first)
          << w << "x" << h << " run " << run;
    }
  }
}
