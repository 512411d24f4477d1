// analyseJoin: one join measured from the two chunk files as a render cuts them, before any
// render. Two halves of one moving clip join cleanly; a moving clip and a plain grey one jump;
// the cut points (out point, in point, a continuation's first frame dropped) are where the join
// pair is taken.
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include "media/media_error.h"
#include "media/seam_qa.h"
#include "support/media_fixtures.h"

namespace {

using namespace sw::media;

class SeamJoin : public ::testing::Test {
 protected:
  void SetUp() override {
    sw::testsupport::ClipSpec spec;
    spec.fps = {24, 1};
    spec.seconds = 2.0;
    spec.audio = false;
    moving = sw::testsupport::makeClip(dir.filePath("moving.mp4"), spec);
    spec.solidLuma = 200;
    grey = sw::testsupport::makeClip(dir.filePath("grey.mp4"), spec);
  }
  QTemporaryDir dir;
  QString moving, grey;
};

bool hasJump(const SeamFinding& s) {
  for (const SeamIssue& issue : s.issues)
    if (issue.kind == SeamIssueKind::Jump) return true;
  return false;
}

}  // namespace

TEST_F(SeamJoin, TwoHalvesOfOneShotJoinCleanly) {
  const JoinFinding f = analyseJoin({moving, 1.0, moving, 1.0, false, false});
  EXPECT_TRUE(f.seam.video);
  EXPECT_NEAR(f.beforeFrame, 1.0 - 1.0 / 24, 1e-3);
  EXPECT_NEAR(f.afterFrame, 1.0, 1e-3);
  EXPECT_NEAR(f.beforeStep, 1.0 / 24, 1e-3);
  EXPECT_GT(f.seam.motion, 0.0);
  EXPECT_LT(f.seam.jumpRatio, 3.0);
  EXPECT_FALSE(hasJump(f.seam));
}

TEST_F(SeamJoin, OtherContentAfterTheJoinIsAJump) {
  const JoinFinding f = analyseJoin({moving, -1.0, grey, 0.0, false, false});
  EXPECT_NEAR(f.beforeFrame, 2.0 - 1.0 / 24, 1e-3) << "the end of the file";
  EXPECT_NEAR(f.afterFrame, 0.0, 1e-3);
  EXPECT_GE(f.seam.jumpRatio, 3.0);
  EXPECT_TRUE(hasJump(f.seam));
  // A crossfade hides the same join.
  EXPECT_FALSE(hasJump(analyseJoin({moving, -1.0, grey, 0.0, false, true}).seam));
}

TEST_F(SeamJoin, AContinuationsRepeatedFirstFrameIsSkipped) {
  // The chunk after starts with the frame the one before ended on (at 1 s - 1/24 here).
  const double last = 1.0 - 1.0 / 24;
  const JoinFinding f = analyseJoin({moving, 1.0, moving, last, true, false});
  EXPECT_NEAR(f.beforeFrame, last, 1e-3);
  EXPECT_NEAR(f.afterFrame, 1.0, 1e-3) << "the repeat is dropped";
  EXPECT_FALSE(hasJump(f.seam));
}

TEST_F(SeamJoin, AMissingFileIsNamed) {
  try {
    analyseJoin({moving, -1.0, dir.filePath("gone.mp4"), 0.0, false, false});
    FAIL() << "no error";
  } catch (const MediaError& e) {
    EXPECT_TRUE(e.message().contains("gone.mp4")) << e.message().toStdString();
  }
}
