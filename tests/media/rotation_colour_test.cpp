// Issue 12, defects 6 and 7: display rotation is reported and applied; colour tags are written.
#include "frame_media.h"
#include "media/media_input.h"
#include "media/probe.h"
#include "media/stitcher.h"
#include "media/thumbnails.h"

#include <gtest/gtest.h>
#include <QFile>
#include <QTemporaryDir>

using namespace sw::media;
using namespace sw::testmedia;

namespace {

// Stored picture: left half white, right half black.
void leftWhite(int, AVFrame* f) {
  fill(f, Yuv{16, 128, 128});
  for (int r = 0; r < f->height; ++r)
    std::memset(f->data[0] + r * f->linesize[0], 235, f->width / 2);
}

class MediaRotationColour : public ::testing::Test {
 protected:
  QString rotated(const QString& name, int rotation) {
    TestClip c;
    c.frames = 15;
    c.rotation = rotation;
    c.paint = leftWhite;
    return makeTestClip(dir.filePath(name), c);
  }
  RenderPlan plan(const QStringList& files) {
    RenderPlan p;
    for (const QString& f : files) {
      VideoSegment s;
      s.file = f;
      p.segments.push_back(s);
    }
    p.output.path = dir.filePath("out.mp4");
    p.output.preset = "veryfast";
    return p;
  }
  static const AVCodecParameters* videoPar(const MediaInput& in) {
    return in.stream(in.videoStream())->codecpar;
  }
  QTemporaryDir dir;
};

}  // namespace

TEST_F(MediaRotationColour, ProbeReportsTheDisplayRotation) {
  const ProbeResult p = probe(rotated("r.mp4", -90));
  ASSERT_NE(p.video(), nullptr);
  EXPECT_EQ(p.video()->rotation, -90);
  EXPECT_EQ(p.video()->displayWidth(), 180);
  EXPECT_EQ(p.video()->toJson()["rotation"].toInt(), -90);
  EXPECT_TRUE(p.toText().contains("display rotation -90 deg")) << p.toText().toStdString();
  EXPECT_EQ(probe(rotated("u.mp4", 0)).video()->rotation, 0);
  EXPECT_EQ(probe(rotated("h.mp4", 180)).video()->rotation, 180);
}

TEST_F(MediaRotationColour, RotatedClipIsTurnedUprightNotCopied) {
  const QString r = rotated("r.mp4", -90);  // shown turned a quarter clockwise
  const RenderPlan p = plan({r, r});        // would be a stream copy without the rotation
  const StitchReport rep = stitch(p);
  EXPECT_EQ(rep.path, StitchPath::FullReencode) << rep.reason.toStdString();
  EXPECT_TRUE(rep.reason.contains("rotation")) << rep.reason.toStdString();
  int frames = 0;
  forEachFrame(p.output.path, [&](const AVFrame* f) {
    ++frames;
    ASSERT_EQ(f->width, 180);  // the displayed size
    ASSERT_EQ(f->height, 320);
    // Turned clockwise, the stored left (white) half is on top.
    EXPECT_GT(planeMean(f, 0, 20, 20, 140, 120), 220) << "frame " << frames;
    EXPECT_LT(planeMean(f, 0, 20, 180, 140, 120), 30) << "frame " << frames;
  });
  EXPECT_EQ(frames, 30);
  EXPECT_EQ(probe(p.output.path).video()->rotation, 0);  // the pixels carry it now
}

TEST_F(MediaRotationColour, RotatedClipIsPillarboxedIntoALandscapeOutput) {
  const QString upright = rotated("u.mp4", 0);
  const QString turned = rotated("r.mp4", 90);  // shown turned a quarter counter-clockwise
  const RenderPlan p = plan({upright, turned});
  stitch(p);
  int n = 0;
  forEachFrame(p.output.path, [&](const AVFrame* f) {
    ASSERT_EQ(f->width, 320);
    if (n++ < 15) return;
    EXPECT_LT(planeMean(f, 0, 0, 0, 100, 180), 30) << "left bar, frame " << n;
    EXPECT_LT(planeMean(f, 0, 230, 0, 90, 180), 30) << "right bar, frame " << n;
    // Counter-clockwise: the stored left (white) half goes to the bottom.
    EXPECT_LT(planeMean(f, 0, 140, 10, 40, 70), 30) << "top, frame " << n;
    EXPECT_GT(planeMean(f, 0, 140, 100, 40, 70), 220) << "bottom, frame " << n;
  });
  EXPECT_EQ(n, 30);
}

TEST_F(MediaRotationColour, ReencodedOutputsAreTaggedForTheirSize) {
  const QString a = makeTestClip(dir.filePath("a.mp4"), TestClip{});
  RenderPlan hd = plan({a});
  hd.output.width = 1280;
  hd.output.height = 720;
  stitch(hd);
  {
    MediaInput in(hd.output.path, true);
    const AVCodecParameters* par = videoPar(in);
    EXPECT_EQ(par->color_primaries, AVCOL_PRI_BT709);
    EXPECT_EQ(par->color_trc, AVCOL_TRC_BT709);
    EXPECT_EQ(par->color_space, AVCOL_SPC_BT709);
    EXPECT_EQ(par->color_range, AVCOL_RANGE_MPEG);
  }
  RenderPlan sd = plan({a});
  sd.output.width = 640;
  sd.output.height = 360;
  stitch(sd);
  MediaInput in(sd.output.path, true);
  EXPECT_EQ(videoPar(in)->color_space, AVCOL_SPC_SMPTE170M);
  EXPECT_EQ(videoPar(in)->color_primaries, AVCOL_PRI_SMPTE170M);
  const ProbeResult pr = probe(sd.output.path);
  EXPECT_EQ(pr.video()->toJson()["colorSpace"].toString(), "smpte170m");
}

TEST_F(MediaRotationColour, CopiedAndSmartRenderedOutputsKeepTheSourceTags) {
  TestClip c;
  c.frames = 30;
  c.gop = 15;
  c.primaries = AVCOL_PRI_BT709;
  c.transfer = AVCOL_TRC_BT709;
  c.matrix = AVCOL_SPC_BT709;
  c.range = AVCOL_RANGE_MPEG;
  const QString a = makeTestClip(dir.filePath("a.mp4"), c);
  const RenderPlan copy = plan({a, a});
  EXPECT_EQ(stitch(copy).path, StitchPath::StreamCopy);
  RenderPlan smart = plan({a, a});
  smart.output.path = dir.filePath("smart.mp4");
  smart.segments[1].in = 0.3;  // inside a GOP: islands re-encoded with the source's SPS
  const StitchReport r = stitch(smart);
  EXPECT_EQ(r.path, StitchPath::SmartRender) << r.reason.toStdString();
  for (const QString& file : {copy.output.path, smart.output.path}) {
    MediaInput in(file, true);
    const AVCodecParameters* par = videoPar(in);
    EXPECT_EQ(par->color_primaries, AVCOL_PRI_BT709) << file.toStdString();
    EXPECT_EQ(par->color_trc, AVCOL_TRC_BT709) << file.toStdString();
    EXPECT_EQ(par->color_space, AVCOL_SPC_BT709) << file.toStdString();
  }
  // A BT.709 source in an SD output: converted to BT.601, not only retagged.
  TestClip grey;
  grey.frames = 5;
  grey.matrix = AVCOL_SPC_BT709;
  grey.paint = [](int, AVFrame* f) { fill(f, Yuv{100, 160, 90}); };
  RenderPlan sd = plan({makeTestClip(dir.filePath("g.mp4"), grey)});
  sd.output.path = dir.filePath("sd.mp4");
  sd.output.width = 640;
  sd.output.height = 360;
  stitch(sd);
  const std::vector<FrameStat> s = frameStats(sd.output.path);
  ASSERT_EQ(s.size(), 5u);
  // BT.709 YCbCr (100, 160, 90) is R'G'B' (0.116, 0.436, 0.649), which BT.601 writes as
  // (96, 164, 88); kept as it is, Y would stay 100.
  EXPECT_NEAR(s[0].y, 96, 1.5);
  EXPECT_NEAR(s[0].u, 164, 1.5);
  EXPECT_NEAR(s[0].v, 88, 1.5);
}

// Thumbnails and continuity frames show the picture as players do: turned upright.
TEST_F(MediaRotationColour, ThumbnailsAndLastFramesAreUpright) {
  const QString turned = rotated("r.mp4", 90);  // shown turned a quarter counter-clockwise
  const auto check = [](const QByteArray& png, int width, const char* what) {
    QTemporaryDir d;
    QFile f(d.filePath("t.png"));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(png);
    f.close();
    MediaInput in(f.fileName());
    FrameReader r(in, in.videoStream());
    FramePtr frame = makeFrame();
    ASSERT_TRUE(r.next(frame.get())) << what;
    EXPECT_EQ(frame->width, width) << what;
    EXPECT_GT(frame->height, frame->width) << what << ": a portrait picture";
    // Counter-clockwise: the stored left (white) half goes to the bottom.
    const auto rowMean = [&](int y) {
      double sum = 0;
      for (int x = 0; x < frame->width * 3; ++x) sum += frame->data[0][y * frame->linesize[0] + x];
      return sum / (frame->width * 3);
    };
    EXPECT_LT(rowMean(frame->height / 4), 40) << what << ": top";
    EXPECT_GT(rowMean(frame->height * 3 / 4), 215) << what << ": bottom";
  };
  check(Thumbnailer().thumbnail(turned, 0.2, 90), 90, "thumbnail");
  const QString last = dir.filePath("last.png");
  saveLastFrame(turned, last);
  QFile lastFile(last);
  ASSERT_TRUE(lastFile.open(QIODevice::ReadOnly));
  check(lastFile.readAll(), 180, "last frame");
}
