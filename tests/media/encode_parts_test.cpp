// Full re-encode in independent GOP-aligned parts (plan.output.partSeconds): the plan of parts,
// and a real render whose parts must join into one clean stream (frame count, keyframes where
// the parts start, monotonic timestamps, A/V sync across part joins, same pictures as one encoder).
#include "media/media_error.h"
#include "media/media_input.h"
#include "media/parallel.h"
#include "media/probe.h"
#include "media/stitcher.h"
#include "media/video_paths.h"
#include "support/media_fixtures.h"

#include <gtest/gtest.h>
#include <QDir>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <cmath>

using namespace sw::media;
using namespace sw::testsupport;

namespace {

void expectContiguous(const std::vector<Island>& parts, int64_t total, int gop) {
  ASSERT_FALSE(parts.empty());
  EXPECT_EQ(parts.front().first, 0);
  EXPECT_EQ(parts.back().last, total);
  for (size_t i = 0; i < parts.size(); ++i) {
    EXPECT_LT(parts[i].first, parts[i].last) << i;
    EXPECT_EQ(parts[i].first % gop, 0) << "part " << i << " does not start on a keyframe interval";
    if (i > 0) {
      EXPECT_EQ(parts[i].first, parts[i - 1].last) << i;
    }
  }
}

}  // namespace

TEST(EncodeParts, OnePartWhenDisabledSingleWorkerOrShort) {
  const std::vector<Island> whole{Island{0, 1800}};
  auto same = [](const std::vector<Island>& a, const std::vector<Island>& b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](const Island& x, const Island& y) {
             return x.first == y.first && x.last == y.last;
           });
  };
  EXPECT_TRUE(same(planEncodeParts(1800, 60, 0, 2), whole));
  EXPECT_TRUE(same(planEncodeParts(1800, 60, 120, 1), whole));
  const auto shortOne = planEncodeParts(150, 60, 120, 2);  // 3 GOPs hold one 2-GOP part
  ASSERT_EQ(shortOne.size(), 1u);
  EXPECT_EQ(shortOne[0].last, 150);
}

TEST(EncodeParts, BalancedGopAlignedLargestFirst) {
  // The benchmark's shape: 60 s at 30 fps, 2 s GOPs, parts of ~4 s, two workers.
  const auto parts = planEncodeParts(1800, 60, 120, 2);
  expectContiguous(parts, 1800, 60);
  EXPECT_EQ(parts.size() % 2, 0u) << "a lone last part would leave a core idle";
  EXPECT_EQ(parts.size(), 16u);
  for (size_t i = 1; i < parts.size(); ++i) {
    EXPECT_LE(parts[i].last - parts[i].first, parts[i - 1].last - parts[i - 1].first) << i;
  }
  // A partial last GOP and three workers.
  const auto odd = planEncodeParts(1013, 60, 120, 3);
  expectContiguous(odd, 1013, 60);
  EXPECT_EQ(odd.size() % 3, 0u);
  // Never more parts than GOPs.
  const auto few = planEncodeParts(240, 60, 60, 8);
  expectContiguous(few, 240, 60);
  EXPECT_EQ(few.size(), 4u);
}

class MediaEncodeParts : public ::testing::Test {
 protected:
  void SetUp() override {
    if (workerCount() < 2)
      GTEST_SKIP() << "parts are encoded side by side only with two or more cores";
  }
  QString clip(const QString& name, ClipSpec spec) { return makeClip(dir.filePath(name), spec); }
  // Three 2 s clips re-encoded to a smaller size (full re-encode), a marker in each.
  RenderPlan plan(double partSeconds, const QString& out) {
    RenderPlan p;
    const double markers[3] = {0.5, 1.3, 0.9};
    for (int i = 0; i < 3; ++i) {
      ClipSpec spec;
      spec.markerAt = markers[i];
      VideoSegment s;
      s.file = clip(QStringLiteral("c%1.mp4").arg(i), spec);
      p.segments.push_back(s);
    }
    p.output.path = dir.filePath(out);
    p.output.preset = "veryfast";
    p.output.resolution = "custom";
    p.output.width = 256;
    p.output.height = 144;
    p.output.partSeconds = partSeconds;
    return p;
  }
  QTemporaryDir dir;
};

TEST_F(MediaEncodeParts, PartsJoinIntoOneCleanStream) {
  const StitchReport r = stitch(plan(1.0, "parts.mp4"));  // 150 frames, 1 s parts of 50 frames
  ASSERT_EQ(r.path, StitchPath::FullReencode) << r.reason.toStdString();
  EXPECT_GE(r.videoParts, 2);
  EXPECT_NE(r.summary().indexOf("parts"), -1) << r.summary().toStdString();
  const QString out = dir.filePath("parts.mp4");
  EXPECT_EQ(r.frames, 150);
  EXPECT_EQ(countVideoFrames(out), 150);
  const ProbeResult p = probe(out);
  ASSERT_NE(p.video(), nullptr);
  EXPECT_NEAR(p.video()->duration, 6.0, 0.04 + 1e-6);
  // Every part starts with a keyframe, at multiples of the 2 s GOP (50 frames at 25 fps).
  for (double k : {0.0, 2.0, 4.0}) {
    bool found = false;
    for (double s : p.video()->keyframes) found = found || std::abs(s - k) < 0.02;
    EXPECT_TRUE(found) << "no keyframe at " << k << " s";
  }
  // Decode order timestamps strictly increase, no frame shown before it is decoded.
  MediaInput in(out, true);
  PacketPtr pkt = makePacket();
  int64_t lastDts = INT64_MIN;
  int packets = 0;
  while (in.read(pkt.get())) {
    if (pkt->stream_index != in.videoStream()) continue;
    EXPECT_GT(pkt->dts, lastDts) << "packet " << packets;
    EXPECT_GE(pkt->pts, pkt->dts) << "packet " << packets;
    lastDts = pkt->dts;
    ++packets;
  }
  EXPECT_EQ(packets, 150);
  // Flash and beep of each clip still together, where the plan puts them.
  const auto flashes = findFlashTimes(out);
  const auto beeps = findBeepOnsets(out);
  ASSERT_EQ(flashes.size(), 3u);
  ASSERT_EQ(beeps.size(), 3u);
  const double expected[3] = {0.5, 2.0 + 1.3, 4.0 + 0.9};
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(flashes[i], expected[i], 0.021) << i;
    EXPECT_NEAR(beeps[i], flashes[i], 0.04) << i;
  }
}

TEST_F(MediaEncodeParts, SamePicturesAsOneEncoder) {
  const StitchReport one = stitch(plan(0.0, "one.mp4"));
  const StitchReport parts = stitch(plan(1.0, "parts.mp4"));
  EXPECT_EQ(one.videoParts, 1);
  ASSERT_GE(parts.videoParts, 2);
  const auto a = decodeVideoFrames(dir.filePath("one.mp4"));
  const auto b = decodeVideoFrames(dir.filePath("parts.mp4"));
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_NEAR(a[i].time, b[i].time, 1e-3) << i;
    EXPECT_NEAR(a[i].meanLuma, b[i].meanLuma, 1.5)
        << "frame " << i << " differs from the one-encoder render";
  }
}

TEST_F(MediaEncodeParts, CancelStopsThePartsAndLeavesNothing) {
  RenderPlan p = plan(1.0, "cancelled.mp4");
  std::atomic<bool> cancel{false};
  std::vector<double> seen;
  ExportControl control;
  control.cancel = &cancel;
  control.progress = [&](double percent, const QString& stage) {
    if (stage != "video") return;
    seen.push_back(percent);
    if (percent > 30) cancel = true;
  };
  try {
    stitch(p, control);
    FAIL() << "not cancelled";
  } catch (const MediaError& e) {
    EXPECT_EQ(e.kind(), MediaError::Kind::Cancelled) << e.what();
  }
  ASSERT_FALSE(seen.empty());
  EXPECT_LT(seen.back(), 70) << "went on long after the request";
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end())) << "progress went backwards";
  const QStringList left =
      QDir(dir.path()).entryList({QStringLiteral("*cancelled*")}, QDir::Files | QDir::Hidden);
  EXPECT_TRUE(left.isEmpty()) << left.join(' ').toStdString();
}
