#include "media/media_input.h"
#include "media/probe.h"
#include "media/stitcher.h"
#include "support/media_fixtures.h"

#include <gtest/gtest.h>
#include <QDir>
#include <QTemporaryDir>

using namespace sw::media;
using namespace sw::testsupport;

namespace {

RenderPlan planOf(const QStringList& files, const QString& out) {
  RenderPlan p;
  for (const QString& f : files) {
    VideoSegment s;
    s.file = f;
    p.segments.push_back(s);
  }
  p.output.path = out;
  p.output.preset = "veryfast";
  return p;
}

std::vector<QByteArray> videoPackets(const QString& path) {
  MediaInput in(path, true);
  PacketPtr pkt = makePacket();
  std::vector<QByteArray> out;
  while (in.read(pkt.get())) {
    if (pkt->stream_index == in.videoStream())
      out.emplace_back(reinterpret_cast<const char*>(pkt->data), pkt->size);
  }
  return out;
}

class MediaStitch : public ::testing::Test {
 protected:
  QString clip(const QString& name, ClipSpec spec = {}) {
    return makeClip(dir.filePath(name), spec);
  }
  QTemporaryDir dir;
};

}  // namespace

TEST_F(MediaStitch, StreamCopyWhenEverythingMatches) {
  const QString a = clip("a.mp4"), b = clip("b.mp4");
  const StitchReport r = stitch(planOf({a, b}, dir.filePath("out.mp4")));
  EXPECT_EQ(r.path, StitchPath::StreamCopy) << r.reason.toStdString();
  EXPECT_EQ(r.reencodedFrames, 0);
  const ProbeResult p = probe(dir.filePath("out.mp4"));
  ASSERT_NE(p.video(), nullptr);
  ASSERT_NE(p.audio(), nullptr);
  EXPECT_NEAR(p.video()->duration, 4.0, 0.04 + 1e-6);
  EXPECT_EQ(countVideoFrames(dir.filePath("out.mp4")), 100);
  // Stream copy: packets byte-identical to the inputs, in order.
  auto expected = videoPackets(a);
  const auto second = videoPackets(b);
  expected.insert(expected.end(), second.begin(), second.end());
  EXPECT_EQ(videoPackets(dir.filePath("out.mp4")), expected);
}

TEST_F(MediaStitch, SmartRenderForCutInsideGop) {
  ClipSpec spec;
  spec.markerAt = 1.2;
  const QString a = clip("a.mp4"), b = clip("b.mp4", spec);
  RenderPlan plan = planOf({a, b}, dir.filePath("out.mp4"));
  plan.segments[1].in = 0.4;
  const StitchReport r = stitch(plan);
  EXPECT_EQ(r.path, StitchPath::SmartRender) << r.reason.toStdString();
  EXPECT_GT(r.reencodedFrames, 0);
  EXPECT_LT(r.reencodedFrames, 50);
  const QString out = dir.filePath("out.mp4");
  EXPECT_EQ(countVideoFrames(out), 90);
  const auto flashes = findFlashTimes(out);
  ASSERT_EQ(flashes.size(), 1u);
  EXPECT_NEAR(flashes[0], 2.0 + 1.2 - 0.4, 0.021);
  const auto beeps = findBeepOnsets(out);
  ASSERT_EQ(beeps.size(), 1u);
  EXPECT_NEAR(beeps[0], flashes[0], 0.04);
}

TEST_F(MediaStitch, FullReencodeNormalisesMixedInputs) {
  ClipSpec small;
  small.width = 256;
  small.height = 192;
  small.fps = {30, 1};
  small.audio = false;
  ClipSpec vfr;
  vfr.audio = false;
  const QString a = clip("a.mp4"), b = clip("b.mp4", small);
  const QString c = makeVfrClip(dir.filePath("c.mp4"), vfr);
  RenderPlan plan = planOf({a, b, c}, dir.filePath("out.mp4"));
  plan.output.fpsNum = 25;
  const StitchReport r = stitch(plan);
  EXPECT_EQ(r.path, StitchPath::FullReencode);
  EXPECT_NE(r.reason.indexOf("variable frame rate"), -1) << r.reason.toStdString();
  const ProbeResult p = probe(dir.filePath("out.mp4"));
  ASSERT_NE(p.video(), nullptr);
  ASSERT_NE(p.audio(), nullptr);
  EXPECT_EQ(p.video()->width, 320);
  EXPECT_EQ(p.video()->height, 180);
  EXPECT_EQ(p.video()->pixelFormat, "yuv420p");
  EXPECT_EQ(p.video()->profile, "High");
  EXPECT_NEAR(p.video()->frameRate(), 25.0, 1e-6);
  EXPECT_EQ(p.audio()->sampleRate, 48000);
  EXPECT_EQ(p.audio()->channels, 2);
  EXPECT_EQ(countVideoFrames(dir.filePath("out.mp4")), r.frames);
  EXPECT_NEAR(p.duration, r.duration, 0.04 + 1e-6);
  EXPECT_NEAR(r.duration, 6.0, 0.04 + 1e-6);
}

TEST_F(MediaStitch, AvSyncAcrossJoinsOnFullReencode) {
  ClipSpec m1, m2, m3;
  m1.markerAt = 0.4;
  m2.markerAt = 1.0;
  m3.markerAt = 1.6;
  m3.fps = {30, 1};
  const QString a = clip("a.mp4", m1), b = clip("b.mp4", m2), c = clip("c.mp4", m3);
  RenderPlan plan = planOf({a, b, c}, dir.filePath("out.mp4"));
  plan.segments[1].in = 0.2;
  plan.segments[2].out = 1.9;
  const StitchReport r = stitch(plan);
  EXPECT_EQ(r.path, StitchPath::FullReencode);
  const QString out = dir.filePath("out.mp4");
  const auto flashes = findFlashTimes(out);
  const auto beeps = findBeepOnsets(out);
  ASSERT_EQ(flashes.size(), 3u);
  ASSERT_EQ(beeps.size(), 3u);
  const double expected[3] = {0.4, 2.0 + 0.8, 3.8 + 1.6};
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(flashes[i], expected[i], 0.021) << i;
    EXPECT_NEAR(beeps[i], flashes[i], 0.04) << i;
  }
}

TEST_F(MediaStitch, CrossfadeFramesAreBlends) {
  ClipSpec dark, bright;
  dark.solidLuma = 40;
  bright.solidLuma = 200;
  const QString a = clip("a.mp4", dark), b = clip("b.mp4", bright);
  RenderPlan plan = planOf({a, b}, dir.filePath("out.mp4"));
  plan.segments[0].transition = Transition::Crossfade;
  plan.segments[0].transitionDuration = 0.4;
  const StitchReport r = stitch(plan);
  EXPECT_EQ(r.path, StitchPath::SmartRender) << r.reason.toStdString();
  EXPECT_EQ(r.frames, 90);
  const auto frames = decodeVideoFrames(dir.filePath("out.mp4"));
  ASSERT_EQ(frames.size(), 90u);
  EXPECT_NEAR(frames[30].meanLuma, 40, 3);
  EXPECT_NEAR(frames[60].meanLuma, 200, 3);
  double prev = 0;
  for (int f = 40; f < 50; ++f) {
    EXPECT_GT(frames[f].meanLuma, 45) << f;
    EXPECT_LT(frames[f].meanLuma, 195) << f;
    EXPECT_GT(frames[f].meanLuma, prev) << f;
    prev = frames[f].meanLuma;
  }
}

TEST_F(MediaStitch, DropFirstFrameSkipsTheRepeatedFrame) {
  ClipSpec seeded;
  seeded.markerAt = 0.0;  // frame 0 stands for the predecessor's last frame
  const QString a = clip("a.mp4"), b = clip("b.mp4", seeded);
  RenderPlan plan = planOf({a, b}, dir.filePath("out.mp4"));
  plan.segments[1].dropFirstFrame = true;
  const StitchReport r = stitch(plan);
  EXPECT_EQ(r.frames, 99);
  EXPECT_EQ(countVideoFrames(dir.filePath("out.mp4")), 99);
  EXPECT_TRUE(findFlashTimes(dir.filePath("out.mp4")).empty()) << "the duplicate frame was kept";
}
