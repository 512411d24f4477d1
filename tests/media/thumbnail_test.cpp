#include "media/media_input.h"
#include "media/thumbnails.h"
#include "support/media_fixtures.h"

#include <gtest/gtest.h>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace sw::media;
using namespace sw::testsupport;

namespace {

// Decodes a PNG file with FFmpeg and returns its mean luma-ish value (average of RGB).
double meanBrightness(const QString& png, int* width = nullptr) {
  MediaInput in(png);
  FrameReader r(in, in.videoStream());
  FramePtr f = makeFrame();
  EXPECT_TRUE(r.next(f.get()));
  if (width) *width = f->width;
  double sum = 0;
  for (int y = 0; y < f->height; ++y)
    for (int x = 0; x < f->width * 3; ++x) sum += f->data[0][y * f->linesize[0] + x];
  return sum / (f->width * 3.0 * f->height);
}

}  // namespace

TEST(MediaThumbnails, LastFrameIsExact) {
  QTemporaryDir dir;
  ClipSpec spec;
  spec.seconds = 2.0;
  spec.markerAt = 2.0 - 1.0 / 25;  // the very last frame is the white flash
  spec.audio = false;
  const QString clip = makeClip(dir.filePath("c.mp4"), spec);
  const QString png = dir.filePath("last.png");
  saveLastFrame(clip, png);
  int w = 0;
  EXPECT_GT(meanBrightness(png, &w), 220);
  EXPECT_EQ(w, 320);
}

TEST(MediaThumbnails, KeyframeThumbnailCachedAndFilmstrip) {
  QTemporaryDir dir;
  ClipSpec spec;
  spec.audio = false;
  const QString clip = makeClip(dir.filePath("c.mp4"), spec);
  Thumbnailer thumbs(dir.filePath("cache"));
  const QString file = thumbs.thumbnailFile(clip, 1.2, 160);
  EXPECT_TRUE(QFile::exists(file));
  EXPECT_TRUE(file.startsWith(dir.filePath("cache")));
  int w = 0;
  meanBrightness(file, &w);
  EXPECT_EQ(w, 160);
  const QByteArray again = thumbs.thumbnail(clip, 1.2, 160);
  QFile f(file);
  f.open(QIODevice::ReadOnly);
  EXPECT_EQ(again, f.readAll());
  const auto strip = thumbs.filmstrip(clip, 4, 80);
  ASSERT_EQ(strip.size(), 4u);
  for (const QByteArray& png : strip) EXPECT_TRUE(png.startsWith("\x89PNG"));
  EXPECT_EQ(QDir(dir.filePath("cache")).entryList(QDir::Files).size(), 5);
}

// The frame a cut shows last is exact at any cut: the marker frame (t = 1.0 s at 25 fps) is the
// last one of a cut at 1.04 s (on the grid) or 1.03 s (between frames) and not of a cut at 1.0 s.
TEST(MediaThumbnails, FrameBeforeCutIsExact) {
  QTemporaryDir dir;
  ClipSpec spec;
  spec.seconds = 2.0;
  spec.markerAt = 1.0;
  spec.audio = false;
  spec.gop = 12;  // the marker is mid-GOP: the frame comes from decoding, not a keyframe
  const QString clip = makeClip(dir.filePath("c.mp4"), spec);
  const QString png = dir.filePath("cut.png");
  EXPECT_NEAR(saveFrameBeforeCut(clip, 1.04, png), 1.0, 1e-6);
  EXPECT_GT(meanBrightness(png), 220);
  EXPECT_NEAR(saveFrameBeforeCut(clip, 1.03, png), 1.0, 1e-6);
  EXPECT_GT(meanBrightness(png), 220);
  EXPECT_NEAR(saveFrameBeforeCut(clip, 1.0, png), 0.96, 1e-6);
  EXPECT_LT(meanBrightness(png), 200);
  EXPECT_NEAR(saveFrameBeforeCut(clip, 1.07, png), 1.04, 1e-6);
  EXPECT_LT(meanBrightness(png), 200);
  // At or past the end: the last frame; at the start: the first.
  EXPECT_NEAR(saveFrameBeforeCut(clip, 2.0, png), 1.96, 1e-6);
  EXPECT_NEAR(saveFrameBeforeCut(clip, 60.0, png), 1.96, 1e-6);
  EXPECT_NEAR(saveFrameBeforeCut(clip, 0.0, png), 0.0, 1e-6);
  int w = 0;
  meanBrightness(png, &w);
  EXPECT_EQ(w, 320);
}
