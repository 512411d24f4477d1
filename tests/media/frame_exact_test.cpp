// Issue 12, defects 1 and 2: every source frame reaches the output, for as long as it lasts.
#include "frame_media.h"
#include "media/media_error.h"
#include "media/stitcher.h"

#include <gtest/gtest.h>
#include <QTemporaryDir>

using namespace sw::media;
using namespace sw::testmedia;

namespace {

class MediaFrameExact : public ::testing::Test {
 protected:
  // 2 s at 30 fps, one GOP, every frame its own grey, the last one red.
  QString redLast(const QString& name) {
    TestClip c;
    c.frames = 60;
    c.paint = [](int n, AVFrame* f) { fill(f, n == 59 ? kRed : frameGrey(n)); };
    return makeTestClip(dir.filePath(name), c);
  }
  RenderPlan plan(const std::vector<VideoSegment>& segs) {
    RenderPlan p;
    p.segments = segs;
    p.output.path = dir.filePath("out.mp4");
    p.output.preset = "veryfast";
    return p;
  }
  static VideoSegment seg(const QString& file, double in = 0.0, double out = -1.0) {
    VideoSegment s;
    s.file = file;
    s.in = in;
    s.out = out;
    return s;
  }
  static bool isRed(const FrameStat& f) { return f.v > 200 && f.u < 110; }
  // Output frame k shows source frame expected[k] (grey code), or red where it is -1.
  static void expectFrames(const std::vector<FrameStat>& got, const std::vector<int>& expected) {
    ASSERT_EQ(got.size(), expected.size());
    for (size_t k = 0; k < got.size(); ++k) {
      if (expected[k] < 0)
        EXPECT_TRUE(isRed(got[k])) << "frame " << k << " should be red";
      else
        EXPECT_EQ(greyFrame(got[k].y), expected[k]) << "output frame " << k;
    }
  }
  QTemporaryDir dir;
};

std::vector<int> run(int from, int to) {  // grey codes from..to-1; 59 (red) as -1
  std::vector<int> v;
  for (int n = from; n < to; ++n) v.push_back(n == 59 ? -1 : n);
  return v;
}

}  // namespace

TEST_F(MediaFrameExact, FullReencodeKeepsTheLastFrameOfEverySegment) {
  const QString a = redLast("a.mp4");
  RenderPlan p = plan({seg(a), seg(a)});
  p.output.width = 640;  // another size: every frame goes through the normalising graph
  p.output.height = 360;
  const StitchReport r = stitch(p);
  ASSERT_EQ(r.path, StitchPath::FullReencode);
  std::vector<int> expected = run(0, 60);
  const std::vector<int> second = run(0, 60);
  expected.insert(expected.end(), second.begin(), second.end());
  expectFrames(frameStats(p.output.path), expected);  // two red frames, nothing shown twice
}

TEST_F(MediaFrameExact, SmartRenderIslandReachingTheFileEndKeepsItsLastFrame) {
  const QString a = redLast("a.mp4");
  // In points inside the file's only GOP: both segments are re-encoded up to the file's end.
  const RenderPlan p = plan({seg(a, 1.0), seg(a, 0.5)});
  const StitchReport r = stitch(p);
  ASSERT_EQ(r.path, StitchPath::SmartRender) << r.reason.toStdString();
  std::vector<int> expected = run(30, 60);
  const std::vector<int> second = run(15, 60);
  expected.insert(expected.end(), second.begin(), second.end());
  expectFrames(frameStats(p.output.path), expected);
}

TEST_F(MediaFrameExact, OutPointARoundingFramePastTheEndIsNotPadded) {
  const QString a = redLast("a.mp4");
  RenderPlan p = plan({seg(a, 0.0, 2.0 + 1.0 / 30)});  // one frame past the end: the end
  p.output.width = 640;
  p.output.height = 360;
  stitch(p);
  expectFrames(frameStats(p.output.path), run(0, 60));  // no repeated last frame
}

TEST_F(MediaFrameExact, EightFpsClipHoldsEveryFrameForItsWholeDuration) {
  TestClip c8;
  c8.fps = AVRational{8, 1};
  c8.frames = 24;  // 3.000 s
  const QString slow = makeTestClip(dir.filePath("slow.mp4"), c8);
  TestClip c30;
  c30.frames = 30;
  const QString fast = makeTestClip(dir.filePath("fast.mp4"), c30);
  for (const auto& order : {std::vector<QString>{fast, slow}, std::vector<QString>{slow, fast}}) {
    RenderPlan p = plan({seg(order[0]), seg(order[1])});
    p.output.fpsNum = 30;
    const StitchReport r = stitch(p);
    EXPECT_EQ(r.frames, 120);
    const std::vector<FrameStat> got = frameStats(p.output.path);
    ASSERT_EQ(got.size(), 120u);
    const size_t first = order[0] == slow ? 0 : 30;
    std::vector<int> held(24, 0);
    int previous = 0;
    for (size_t k = first; k < first + 90; ++k) {
      const int n = greyFrame(got[k].y);
      ASSERT_GE(n, previous) << "frame " << k;
      ASSERT_LT(n, 24);
      ++held[n];
      previous = n;
    }
    for (int n = 0; n < 24; ++n) {  // 1/8 s = 3.75 output frames: 3 or 4 each
      EXPECT_GE(held[n], 3) << "source frame " << n;
      EXPECT_LE(held[n], 4) << "source frame " << n;
    }
  }
}

TEST_F(MediaFrameExact, OneFrameClipIsASegment) {
  TestClip one;
  one.frames = 1;
  one.paint = [](int, AVFrame* f) { fill(f, kRed); };
  const QString single = makeTestClip(dir.filePath("one.mp4"), one);
  const QString a = makeTestClip(dir.filePath("a.mp4"), TestClip{});
  RenderPlan p = plan({seg(a), seg(single), seg(a)});
  p.output.width = 640;
  p.output.height = 360;
  const StitchReport r = stitch(p);
  EXPECT_EQ(r.frames, 61);
  std::vector<int> expected = run(0, 30);
  expected.push_back(-1);
  const std::vector<int> again = run(0, 30);
  expected.insert(expected.end(), again.begin(), again.end());
  expectFrames(frameStats(p.output.path), expected);
}

TEST_F(MediaFrameExact, StillImageIsHeldForItsDuration) {
  const QString a = makeTestClip(dir.filePath("a.mp4"), TestClip{});
  const QString png = makePng(dir.filePath("red.png"), 200, 200, 255, 0, 0);
  VideoSegment still;
  still.file = png;
  still.duration = 0.5;
  RenderPlan p = plan({seg(a), still, seg(a)});
  p = RenderPlan::fromJson(p.toJson());  // the duration survives the plan's JSON
  ASSERT_DOUBLE_EQ(p.segments[1].duration, 0.5);
  p.output.width = 1280;  // HD: BT.709 red
  p.output.height = 720;
  const StitchReport r = stitch(p);
  EXPECT_EQ(r.frames, 75);
  const std::vector<FrameStat> got = frameStats(p.output.path);
  ASSERT_EQ(got.size(), 75u);
  for (size_t k = 0; k < 75; ++k) {
    if (k >= 30 && k < 45) {
      EXPECT_NEAR(got[k].y, 63, 3) << "frame " << k;  // BT.709 red; BT.601 would be 81
      EXPECT_NEAR(got[k].v, 240, 4) << "frame " << k;
    } else {
      EXPECT_EQ(greyFrame(got[k].y), static_cast<int>(k < 30 ? k : k - 45)) << "frame " << k;
    }
  }
}

TEST_F(MediaFrameExact, StillImageNeedsADurationAndAVideoNeedsNone) {
  const QString a = makeTestClip(dir.filePath("a.mp4"), TestClip{});
  const QString png = makePng(dir.filePath("red.png"), 64, 64, 255, 0, 0);
  try {
    stitch(plan({seg(a), seg(png)}));
    FAIL() << "a still image without a duration was accepted";
  } catch (const MediaError& e) {
    EXPECT_TRUE(e.message().contains("duration")) << e.message().toStdString();
  }
  VideoSegment wrong = seg(a);
  wrong.duration = 1.0;
  try {
    stitch(plan({wrong}));
    FAIL() << "a video with a duration was accepted";
  } catch (const MediaError& e) {
    EXPECT_TRUE(e.message().contains("still image")) << e.message().toStdString();
  }
}
