// Scrubbing and transport on a 24 fps scene of two 2 s chunks: a click or drag on the ruler
// moves the playhead and the preview; J/K/L shuttle, Space, Home/End, Left/Right (exactly one
// frame at 24 fps), Up/Down (the seam between the chunks); the time display shows scene
// timecode; none of the keys act while a text field has focus.
#include <QLabel>
#include <QMediaPlayer>
#include <QMouseEvent>
#include <QPlainTextEdit>
#include <QTest>
#include <QToolButton>

#include "ui/chunk_model.h"
#include "ui/preview_player.h"
#include "ui/scene_inspector.h"
#include "ui/timeline_widget.h"
#include "ui/ui_format.h"
#include "ui_editor_fixture.h"

using namespace sw;
using namespace sw::ui;

namespace {

constexpr int kHeaderWidth = 92;  // the lane titles left of time 0 (timeline_widget.cpp)

class UiTransport : public test::EditorFixture {
 protected:
  PreviewPlayer* player() { return window->previewPlayer(); }
  TimelineWidget* timeline() { return window->timeline(); }
  void key(Qt::Key k, QWidget* target = nullptr) {
    QTest::keyClick(target ? target : timeline(), k);
  }
  QString timecode() { return player()->timeLabel()->text(); }
};

TEST_F(UiTransport, RulerClickAndDragMoveThePlayheadAndThePreview) {
  ASSERT_EQ(player()->sequence().size(), 2);
  timeline()->setPixelsPerSecond(100);
  QTest::mouseClick(timeline(), Qt::LeftButton, {}, QPoint(kHeaderWidth + 150, 10));
  EXPECT_NEAR(timeline()->playhead(), 1.5, 1e-9);
  EXPECT_NEAR(player()->position(), 1.5, 1e-9);
  EXPECT_EQ(timecode(), QStringLiteral("00:00:01:12 / 00:00:04:00"));

  // Drag along the ruler into the second chunk.
  QTest::mousePress(timeline(), Qt::LeftButton, {}, QPoint(kHeaderWidth + 50, 8));
  QMouseEvent move(QEvent::MouseMove, QPointF(kHeaderWidth + 325, 8),
                   timeline()->mapToGlobal(QPointF(kHeaderWidth + 325, 8)), Qt::NoButton,
                   Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(timeline(), &move);
  QTest::mouseRelease(timeline(), Qt::LeftButton, {}, QPoint(kHeaderWidth + 325, 8));
  EXPECT_NEAR(timeline()->playhead(), 3.25, 1e-9);
  EXPECT_NEAR(player()->position(), 3.25, 1e-9);
  // The second file is loaded at 1.25 s of its own.
  EXPECT_TRUE(player()->player()->source().toLocalFile().endsWith(QStringLiteral("chunk1.mp4")));
  EXPECT_EQ(timecode(), QStringLiteral("00:00:03:06 / 00:00:04:00"));
}

TEST_F(UiTransport, KeysStepByFramesAtTheScenesRateAndJumpToSeams) {
  ASSERT_DOUBLE_EQ(player()->frameRate(), 24.0);
  timeline()->setFocus();
  key(Qt::Key_Home);
  EXPECT_DOUBLE_EQ(player()->position(), 0.0);
  key(Qt::Key_Right);
  EXPECT_NEAR(player()->position(), 1.0 / 24, 1e-9);
  key(Qt::Key_Right);
  key(Qt::Key_Right);
  EXPECT_NEAR(player()->position(), 3.0 / 24, 1e-9);
  EXPECT_EQ(timecode(), QStringLiteral("00:00:00:03 / 00:00:04:00"));
  key(Qt::Key_Left);
  EXPECT_NEAR(player()->position(), 2.0 / 24, 1e-9);
  EXPECT_NEAR(timeline()->playhead(), 2.0 / 24, 1e-9);
  key(Qt::Key_Down);  // the seam between chunk 1 and chunk 2
  EXPECT_NEAR(player()->position(), 2.0, 1e-9);
  key(Qt::Key_Left);  // the last frame of chunk 1
  EXPECT_NEAR(player()->position(), 47.0 / 24, 1e-9);
  EXPECT_TRUE(player()->player()->source().toLocalFile().endsWith(QStringLiteral("chunk0.mp4")));
  key(Qt::Key_Down);
  EXPECT_NEAR(player()->position(), 2.0, 1e-9);
  key(Qt::Key_Down);  // no seam after: the last frame
  EXPECT_NEAR(player()->position(), 95.0 / 24, 1e-9);
  key(Qt::Key_Up);
  EXPECT_NEAR(player()->position(), 2.0, 1e-9);
  key(Qt::Key_Up);
  EXPECT_DOUBLE_EQ(player()->position(), 0.0);
  key(Qt::Key_End);
  EXPECT_NEAR(player()->position(), 95.0 / 24, 1e-9);
  EXPECT_EQ(timecode(), QStringLiteral("00:00:03:23 / 00:00:04:00"));
  // The player has the same keys when it has focus.
  // A click on the picture gives the player the focus; its sliders and buttons take none (they
  // would eat Home/End and the arrows).
  player()->setFocus(Qt::MouseFocusReason);
  EXPECT_EQ(player()->playButton()->focusPolicy(), Qt::NoFocus);
  key(Qt::Key_Home, player());
  EXPECT_DOUBLE_EQ(player()->position(), 0.0);
}

TEST_F(UiTransport, JklShuttleAndSpace) {
  timeline()->setFocus();
  key(Qt::Key_L);
  EXPECT_TRUE(player()->isPlaying());
  EXPECT_DOUBLE_EQ(player()->shuttleRate(), 1.0);
  key(Qt::Key_L);
  EXPECT_DOUBLE_EQ(player()->shuttleRate(), 2.0);
  EXPECT_DOUBLE_EQ(player()->player()->playbackRate(), 2.0);
  key(Qt::Key_L);
  key(Qt::Key_L);
  EXPECT_DOUBLE_EQ(player()->shuttleRate(), 4.0);  // at most 4x
  key(Qt::Key_K);
  EXPECT_FALSE(player()->isPlaying());
  EXPECT_DOUBLE_EQ(player()->shuttleRate(), 0.0);
  EXPECT_DOUBLE_EQ(player()->player()->playbackRate(), 1.0);

  player()->seek(3.0);
  key(Qt::Key_J);  // backward: steps back one frame per frame interval
  EXPECT_DOUBLE_EQ(player()->shuttleRate(), -1.0);
  ASSERT_TRUE(test::spinUntil([&] { return player()->position() < 2.9; }));
  key(Qt::Key_J);
  EXPECT_DOUBLE_EQ(player()->shuttleRate(), -2.0);
  key(Qt::Key_K);
  const double stopped = player()->position();
  QTest::qWait(200);
  EXPECT_DOUBLE_EQ(player()->position(), stopped);  // K stopped it
  EXPECT_LT(stopped, 2.9);
  EXPECT_GT(stopped, 0.0);

  key(Qt::Key_Space);
  EXPECT_TRUE(player()->isPlaying());
  key(Qt::Key_Space);
  EXPECT_FALSE(player()->isPlaying());
}

TEST_F(UiTransport, KeysDoNotActWhileATextFieldHasFocus) {
  timeline()->setFocus();
  key(Qt::Key_Right);
  ASSERT_NEAR(player()->position(), 1.0 / 24, 1e-9);  // the keys work in the timeline
  QPlainTextEdit* narration = window->sceneInspector()->narrationEdit();
  narration->setFocus();
  narration->moveCursor(QTextCursor::End);
  const QString before = narration->toPlainText();
  for (Qt::Key k : {Qt::Key_L, Qt::Key_J, Qt::Key_K, Qt::Key_Right, Qt::Key_End, Qt::Key_Down})
    QTest::keyClick(narration, k);
  EXPECT_FALSE(player()->isPlaying());
  EXPECT_DOUBLE_EQ(player()->shuttleRate(), 0.0);
  EXPECT_NEAR(player()->position(), 1.0 / 24, 1e-9);
  EXPECT_EQ(narration->toPlainText(), before + QStringLiteral("ljk"));
}

TEST_F(UiTransport, AChunkAloneShowsSceneTime) {
  timeline()->setPixelsPerSecond(100);
  const QRectF second = timeline()->chunkRect(1);
  QTest::mouseClick(timeline(), Qt::LeftButton, {}, second.center().toPoint());
  ASSERT_EQ(player()->sequence().size(), 1);
  EXPECT_DOUBLE_EQ(player()->sceneStart(), 2.0);
  EXPECT_EQ(timecode(), QStringLiteral("00:00:02:00 / 00:00:04:00"));
  timeline()->setFocus();
  key(Qt::Key_Right);
  EXPECT_NEAR(player()->position(), 2.0 + 1.0 / 24, 1e-9);
  EXPECT_NEAR(timeline()->playhead(), 2.0 + 1.0 / 24, 1e-9);
  // A click on the ruler brings back the whole scene.
  QTest::mouseClick(timeline(), Qt::LeftButton, {}, QPoint(kHeaderWidth + 50, 10));
  EXPECT_EQ(player()->sequence().size(), 2);
  EXPECT_NEAR(player()->position(), 0.5, 1e-9);
}

// Selecting only shows the poster: the player gets the file (a preroll on the GUI thread) when
// its picture is asked for, and never shows the picture of the chunk selected before.
TEST_F(UiTransport, SelectingAChunkLoadsNothingUntilItIsPlayedOrSought) {
  timeline()->setPixelsPerSecond(100);
  QTest::mouseClick(timeline(), Qt::LeftButton, {}, timeline()->chunkRect(0).center().toPoint());
  ASSERT_EQ(player()->sequence().size(), 1);
  player()->togglePlay();  // chunk 1 is loaded and playing
  ASSERT_TRUE(player()->player()->source().toLocalFile().endsWith(QStringLiteral("chunk0.mp4")));
  player()->pause();

  QTest::mouseClick(timeline(), Qt::LeftButton, {}, timeline()->chunkRect(1).center().toPoint());
  ASSERT_EQ(player()->sequence().size(), 1);
  EXPECT_TRUE(player()->currentFile().endsWith(QStringLiteral("chunk1.mp4")));
  EXPECT_TRUE(player()->player()->source().toLocalFile().endsWith(QStringLiteral("chunk0.mp4")))
      << "selecting did not hand the file to the player";
  EXPECT_TRUE(player()->showsPoster()) << "the poster covers the chunk shown before";

  timeline()->setFocus();
  key(Qt::Key_Right);  // a frame step needs the picture
  EXPECT_TRUE(player()->player()->source().toLocalFile().endsWith(QStringLiteral("chunk1.mp4")));
  EXPECT_FALSE(player()->showsPoster());
  EXPECT_NEAR(player()->position(), 2.0 + 1.0 / 24, 1e-9);
}

TEST(UiTimecode, HoursMinutesSecondsFrames) {
  EXPECT_EQ(formatTimecode(7.5, 24), QStringLiteral("00:00:07:12"));
  EXPECT_EQ(formatTimecode(3661.0 + 1.0 / 25, 25), QStringLiteral("01:01:01:01"));
  EXPECT_EQ(formatTimecode(0, 30), QStringLiteral("00:00:00:00"));
}

}  // namespace
