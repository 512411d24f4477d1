// Pieces made ahead (early_pieces.h, piece_join.h): a segment encoded alone joins a full
// re-encode only when it is exactly that segment of the timeline; the joined output has the
// frames, timestamps and durations of a stitch from scratch; a stale piece is never used.
#include "media/early_pieces.h"
#include "media/media_input.h"
#include "media/probe.h"
#include "media/stitcher.h"
#include "support/media_fixtures.h"

#include <gtest/gtest.h>
#include <QTemporaryDir>

#include <atomic>

using namespace sw::media;
using namespace sw::testsupport;

namespace {

struct Frames {
  std::vector<int64_t> pts, durations;
};

Frames videoFrames(const QString& path) {
  MediaInput input(path, true);
  FrameReader reader(input, input.videoStream());
  FramePtr f = makeFrame();
  Frames out;
  while (reader.next(f.get())) {
    out.pts.push_back(f->pts);
    out.durations.push_back(f->pkt_duration);
  }
  return out;
}

class EarlyPieces : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir.isValid());
    ClipSpec spec;
    spec.width = 320;
    spec.height = 180;
    spec.fps = {12, 1};
    spec.seconds = 2.0;
    spec.audio = false;
    a = makeClip(dir.filePath("a.mp4"), spec);
    spec.toneHz = 660;
    b = makeClip(dir.filePath("b.mp4"), spec);
  }

  // Two chunks, the second continued from the first (its first frame dropped), at 640x360.
  RenderPlan plan(const QString& output) const {
    RenderPlan p;
    p.segments.push_back(VideoSegment{a, 0.0, 2.0});
    VideoSegment second{b, 0.0, 1.5};
    second.dropFirstFrame = true;
    p.segments.push_back(second);
    p.output.path = output;
    p.output.resolution = QStringLiteral("custom");
    p.output.width = 640;
    p.output.height = 360;
    p.output.fpsNum = 12;
    p.output.preset = QStringLiteral("veryfast");
    p.output.chunkAudio = ChunkAudio::Replace;
    return p;
  }

  // The piece of segment `i` of `full`, made as a render job makes it (a one-segment plan).
  PieceList piece(const RenderPlan& full, size_t i) {
    RenderPlan one = full;
    one.segments = {full.segments[i]};
    one.audio.clear();
    PieceEncoder encoder(&cancel);
    encoder.submit(int(i), one);
    return encoder.finish(PieceEncoder::Queued::Encode);
  }

  QTemporaryDir dir;
  QString a, b;
  std::atomic<bool> cancel{false};
};

}  // namespace

TEST_F(EarlyPieces, MatchingPieceIsJoinedAndTheFramesAreThoseOfAStitchFromScratch) {
  const RenderPlan ahead = plan(dir.filePath("ahead.mp4"));
  const PieceList pieces = piece(ahead, 0);
  ASSERT_EQ(pieces.size(), 1u);
  EXPECT_EQ(pieces.front()->frames, 24);
  const StitchReport joined = stitch(ahead, {}, pieces);
  EXPECT_EQ(joined.path, StitchPath::FullReencode);
  EXPECT_EQ(joined.piecesUsed, 1);
  EXPECT_EQ(joined.reencodedFrames, joined.frames - 24) << "only the second segment is encoded";

  const RenderPlan scratch = plan(dir.filePath("scratch.mp4"));
  const StitchReport whole = stitch(scratch);
  EXPECT_EQ(whole.piecesUsed, 0);
  EXPECT_EQ(joined.frames, whole.frames);

  const Frames x = videoFrames(ahead.output.path), y = videoFrames(scratch.output.path);
  EXPECT_EQ(x.pts.size(), size_t(whole.frames));
  EXPECT_EQ(x.pts, y.pts);
  EXPECT_EQ(x.durations, y.durations);
  const ProbeResult p = probe(ahead.output.path), q = probe(scratch.output.path);
  ASSERT_NE(p.video(), nullptr);
  ASSERT_NE(q.video(), nullptr);
  EXPECT_DOUBLE_EQ(p.video()->duration, q.video()->duration);
  EXPECT_EQ(p.video()->colorPrimaries, q.video()->colorPrimaries);
  EXPECT_EQ(p.video()->colorSpace, q.video()->colorSpace);
  EXPECT_EQ(p.video()->colorTransfer, q.video()->colorTransfer);
}

TEST_F(EarlyPieces, StalePieceIsNeverJoined) {
  const RenderPlan first = plan(dir.filePath("first.mp4"));
  const PieceList pieces = piece(first, 0);
  ASSERT_EQ(pieces.size(), 1u);

  RenderPlan trimmed = plan(dir.filePath("trimmed.mp4"));  // segment 1 re-planned: cut earlier
  trimmed.segments[0].out = 1.5;
  EXPECT_EQ(stitch(trimmed, {}, pieces).piecesUsed, 0);

  RenderPlan other = plan(dir.filePath("other.mp4"));  // segment 1 regenerated: another file
  other.segments[0].file = b;
  EXPECT_EQ(stitch(other, {}, pieces).piecesUsed, 0);

  RenderPlan bigger = plan(dir.filePath("bigger.mp4"));  // other output settings
  bigger.output.crf = 30;
  EXPECT_EQ(stitch(bigger, {}, pieces).piecesUsed, 0);

  RenderPlan faded = plan(dir.filePath("faded.mp4"));  // a crossfade blends its last frames
  faded.segments[0].transition = Transition::Crossfade;
  faded.segments[0].transitionDuration = 0.5;
  EXPECT_EQ(stitch(faded, {}, pieces).piecesUsed, 0);

  const RenderPlan same = plan(dir.filePath("same.mp4"));
  EXPECT_EQ(stitch(same, {}, pieces).piecesUsed, 1);
}

TEST_F(EarlyPieces, CancelledEncoderMakesNoPiece) {
  RenderPlan one = plan(dir.filePath("unused.mp4"));
  one.segments.resize(1);
  cancel = true;
  PieceEncoder encoder(&cancel);
  encoder.submit(0, one);
  EXPECT_TRUE(encoder.finish(PieceEncoder::Queued::Encode).empty());
  const std::vector<PieceReport> reports = encoder.takeReports();
  ASSERT_EQ(reports.size(), 1u);
  EXPECT_FALSE(reports.front().encoded);
}
