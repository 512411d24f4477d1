#include "media/media_error.h"
#include "media/media_input.h"
#include "media/media_writer.h"
#include "media/probe.h"
#include "media/thumbnails.h"
#include "support/media_fixtures.h"

#include <gtest/gtest.h>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <algorithm>

using namespace sw::media;
using namespace sw::testsupport;

TEST(MediaWriter, WritesH264AacAndRenamesAtomically) {
  QTemporaryDir dir;
  const QString path = dir.filePath("clip.mp4");
  ClipSpec spec;
  spec.seconds = 1.0;
  makeClip(path, spec);
  EXPECT_TRUE(QFile::exists(path));
  EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1)
      << "temp file left behind";
  EXPECT_EQ(countVideoFrames(path), 25);
}

TEST(MediaWriter, DestructorWithoutFinishLeavesNothing) {
  QTemporaryDir dir;
  const QString path = dir.filePath("never.mp4");
  {
    MediaWriter w(path);
    VideoEncodeSettings vs;
    vs.width = 64;
    vs.height = 64;
    vs.preset = "ultrafast";
    w.addVideoStream(vs);
    std::vector<uint8_t> rgba(64 * 64 * 4, 200);
    for (int i = 0; i < 5; ++i) w.writeRgba(rgba.data(), 64, 64, 64 * 4);
    EXPECT_TRUE(QFile::exists(w.tempPath()));
  }
  EXPECT_FALSE(QFile::exists(path));
  EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

TEST(MediaWriter, UnwritableFolderSaysSo) {
  try {
    MediaWriter w("/nonexistent-folder-sw/out.mp4");
    FAIL() << "expected MediaError";
  } catch (const MediaError& e) {
    EXPECT_EQ(e.kind(), MediaError::Kind::Unwritable);
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
  }
}

TEST(MediaProbe, ReportsStreamFields) {
  QTemporaryDir dir;
  ClipSpec spec;
  spec.seconds = 2.0;
  spec.fps = {30, 1};
  spec.gop = 15;
  const QString path = makeClip(dir.filePath("p.mp4"), spec);
  const ProbeResult r = probe(path);
  ASSERT_NE(r.video(), nullptr);
  ASSERT_NE(r.audio(), nullptr);
  EXPECT_NEAR(r.duration, 2.0, 0.1);
  EXPECT_EQ(r.video()->codec, "h264");
  EXPECT_EQ(r.video()->profile, "High");
  EXPECT_EQ(r.video()->width, 320);
  EXPECT_EQ(r.video()->height, 180);
  EXPECT_EQ(r.video()->pixelFormat, "yuv420p");
  EXPECT_NEAR(r.video()->frameRate(), 30.0, 1e-6);
  EXPECT_FALSE(r.video()->variableFrameRate);
  ASSERT_EQ(r.video()->keyframes.size(), 4u);
  EXPECT_NEAR(r.video()->keyframes[1], 0.5, 1e-3);
  EXPECT_EQ(r.audio()->codec, "aac");
  EXPECT_EQ(r.audio()->sampleRate, 48000);
  EXPECT_EQ(r.audio()->channels, 2);
  const QJsonObject j = r.toJson();
  EXPECT_EQ(j["streams"].toArray().size(), 2);
  EXPECT_EQ(j["streams"].toArray()[0].toObject()["keyframes"].toArray().size(), 4);
}

TEST(MediaProbe, DetectsVariableFrameRate) {
  QTemporaryDir dir;
  ClipSpec spec;
  spec.audio = false;
  const QString path = makeVfrClip(dir.filePath("vfr.mp4"), spec);
  const ProbeResult r = probe(path);
  ASSERT_NE(r.video(), nullptr);
  EXPECT_TRUE(r.video()->variableFrameRate);
  EXPECT_EQ(r.audio(), nullptr);
}

TEST(MediaProbe, BadInputsGiveClearErrors) {
  QTemporaryDir dir;
  const QString empty = dir.filePath("empty.mp4");
  QFile(empty).open(QIODevice::WriteOnly);
  try {
    probe(empty);
    FAIL();
  } catch (const MediaError& e) {
    EXPECT_NE(std::string(e.what()).find("empty"), std::string::npos) << e.what();
  }
  try {
    probe(dir.filePath("missing.mp4"));
    FAIL();
  } catch (const MediaError& e) {
    EXPECT_EQ(e.kind(), MediaError::Kind::NotFound);
  }
  const QString junk = dir.filePath("junk.mp4");
  QFile j(junk);
  j.open(QIODevice::WriteOnly);
  j.write(QByteArray(4096, 'x'));
  j.close();
  EXPECT_THROW(probe(junk), MediaError);
}

// Found by fuzz/fuzz_probe (minimized): an MPEG-TS whose stream starts at 1.23 s and holds a
// video packet with neither PTS nor DTS. The packet scan subtracted the start time from
// AV_NOPTS_VALUE (INT64_MIN): signed overflow, reported by UBSan (scripts/sanitize.sh). Such a
// packet has no time and is skipped; the keyframes found are times within the stream.
TEST(MediaProbe, PacketsWithoutTimestampsAreSkipped) {
  static const char* kTs =
      "//9HQQAwB1AAAHsMfgAAAAHgAACAgAUhAAdkYXRhAAEJ8AAAAAFn9AALkZaBQZ+NwEQAAAMABAAA"
      "AwBQPFCqgAAAAAFozm4ub3JnL3hxcG1heD02OXAAgAAAAWWIhDokUAAQC+TyQcATcHAl4OAAfAYA"
      "Yf3DoABeWAEAAAABQZtmetRCAQVkuK//////f8UAAP7//+sAAN2l//xX//3d3e8ru9r/6SX/iPwU"
      "4SP8/hOAAN2l//xX//3d3e8ru9r/6SX/iPwU4SP8/hOA";
  QTemporaryDir dir;
  const QString path = dir.filePath("no_timestamps.ts");
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(QByteArray::fromBase64(kTs));
  f.close();
  try {
    const ProbeResult r = probe(path);
    ASSERT_NE(r.video(), nullptr);
    for (double t : r.video()->keyframes) {
      EXPECT_GE(t, 0.0);
      EXPECT_LT(t, 10.0);
    }
  } catch (const MediaError& e) {
    EXPECT_EQ(e.kind(), MediaError::Kind::InvalidInput) << e.what();
  }
}

namespace {

// Presentation times of the video keyframe packets, read one by one (the slow, sure way).
std::vector<double> keyframePacketTimes(const QString& path) {
  MediaInput in(path, true);
  AVStream* st = in.stream(in.videoStream());
  PacketPtr pkt = makePacket();
  std::vector<double> times;
  while (in.read(pkt.get())) {
    if (pkt->stream_index == in.videoStream() && (pkt->flags & AV_PKT_FLAG_KEY)) {
      times.push_back((pkt->pts - in.startTime(in.videoStream())) * av_q2d(st->time_base));
    }
  }
  std::sort(times.begin(), times.end());
  return times;
}

}  // namespace

// mp4 keyframes come from the sample index (B-frames: one packet read per keyframe); Matroska
// lists only keyframes in its index, so its packets are scanned. Both must match the packets.
TEST(MediaProbe, KeyframesFromIndexMatchThePackets) {
  QTemporaryDir dir;
  ClipSpec spec;
  spec.seconds = 3.0;
  spec.fps = {30, 1};
  spec.gop = 20;
  for (const char* name : {"k.mp4", "k.mkv"}) {
    const QString path = makeClip(dir.filePath(name), spec);
    const ProbeResult r = probe(path);
    ASSERT_NE(r.video(), nullptr) << name;
    const std::vector<double> expected = keyframePacketTimes(path);
    ASSERT_EQ(expected.size(), 5u) << name;
    ASSERT_EQ(r.video()->keyframes.size(), expected.size()) << name;
    for (size_t i = 0; i < expected.size(); ++i)
      EXPECT_NEAR(r.video()->keyframes[i], expected[i], 1e-3) << name << " " << i;
    EXPECT_FALSE(r.video()->variableFrameRate) << name;
  }
}

namespace {

// A 1280x720 clip of pure red written from RGBA by MediaWriter (the local backend's path).
QString writeRedHd(const QString& path) {
  MediaWriter w(path);
  VideoEncodeSettings vs;
  vs.width = 1280;
  vs.height = 720;
  vs.preset = "ultrafast";
  w.addVideoStream(vs);
  std::vector<uint8_t> rgba(size_t(1280) * 720 * 4, 0);
  for (size_t i = 0; i < rgba.size(); i += 4) {
    rgba[i] = 255;
    rgba[i + 3] = 255;
  }
  for (int i = 0; i < 3; ++i) w.writeRgba(rgba.data(), 1280, 720, 1280 * 4);
  w.finish();
  return path;
}

}  // namespace

// Issue 12's gap: local chunks were untagged and converted with BT.601 coefficients.
TEST(MediaWriter, HdPicturesAreConvertedAndTaggedAsBt709) {
  QTemporaryDir dir;
  const QString path = writeRedHd(dir.filePath("red.mp4"));
  MediaInput in(path, true);
  const AVCodecParameters* par = in.stream(in.videoStream())->codecpar;
  EXPECT_EQ(par->color_space, AVCOL_SPC_BT709);
  EXPECT_EQ(par->color_primaries, AVCOL_PRI_BT709);
  EXPECT_EQ(par->color_trc, AVCOL_TRC_BT709);
  EXPECT_EQ(par->color_range, AVCOL_RANGE_MPEG);
  FrameReader r(in, in.videoStream());
  FramePtr f = makeFrame();
  ASSERT_TRUE(r.next(f.get()));
  // Red in BT.709 limited range: Y = 16 + 219 x 0.2126 = 63 (BT.601 would give 81).
  EXPECT_NEAR(f->data[0][f->linesize[0] * 360 + 640], 63, 2);
}

// Thumbnails and continuity frames read an HD picture with its own matrix: red stays red.
TEST(MediaWriter, Bt709PicturesKeepTheirColoursInPngs) {
  QTemporaryDir dir;
  const QString path = writeRedHd(dir.filePath("red.mp4"));
  const QString png = dir.filePath("last.png");
  saveLastFrame(path, png);
  MediaInput in(png);
  FrameReader r(in, in.videoStream());
  FramePtr f = makeFrame();
  ASSERT_TRUE(r.next(f.get()));
  const uint8_t* px = f->data[0] + f->linesize[0] * 360 + 640 * 3;
  EXPECT_GE(px[0], 250);  // BT.601 coefficients give 233
  EXPECT_LE(px[1], 6);
  EXPECT_LE(px[2], 6);
}
