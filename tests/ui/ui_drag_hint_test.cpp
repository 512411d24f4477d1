// While a file is dragged over the editor (issue 13, part 5): the chunk, audio clip or reference
// image slot that would receive it is highlighted, and over one that does not take that kind of
// file the drag move is refused (the window system then shows the forbidden cursor). Driven with
// synthesized QDragEnterEvent / QDragMoveEvent / QDragLeaveEvent on the real widgets.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QMimeData>
#include <QUrl>

#include "ui/reference_slot.h"
#include "ui/scene_inspector.h"
#include "ui/timeline_widget.h"
#include "ui_editor_fixture.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiDragHint : public test::EditorFixture {
 protected:
  void SetUp() override {
    EditorFixture::SetUp();
    data.setUrls({QUrl::fromLocalFile(project.dir.filePath(QStringLiteral("start.wav")))});
    const QPoint at(2, 2);
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window->timeline(), &enter);
    ASSERT_TRUE(enter.isAccepted()) << "a file may enter the timeline anywhere";
  }
  // Moves a drag of `name` (a file in the project's folder: only its name is judged) to `at`.
  bool moveTo(const QString& name, const QPointF& at) {
    data.setUrls({QUrl::fromLocalFile(project.dir.filePath(name))});
    QDragMoveEvent move(at.toPoint(), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(window->timeline(), &move);
    return move.isAccepted();
  }
  int lane(AudioLane::Kind kind) {
    for (int l = 0; l < window->timeline()->lanes().size(); ++l)
      if (window->timeline()->lanes()[l].kind == kind) return l;
    return -1;
  }
  QPointF clipCentre(int l) {
    TimelineWidget* t = window->timeline();
    return t->laneGeometry().clipRect(l, t->lanes()[l].clips[0]).center();
  }
  QMimeData data;
};

}  // namespace

TEST_F(UiDragHint, TheTargetIsHighlightedAndAFileThatDoesNotFitIsRefused) {
  TimelineWidget* timeline = window->timeline();
  const int music = lane(AudioLane::Music);
  ASSERT_GE(music, 0);
  // A sound over the music clip: accepted, the music clip is outlined.
  EXPECT_TRUE(moveTo(QStringLiteral("gull.wav"), clipCentre(music)));
  EXPECT_EQ(timeline->dropHintLane(), music);
  EXPECT_EQ(timeline->dropHintClip(), 0);
  EXPECT_EQ(timeline->dropHintRow(), -1);
  {  // <build>/screenshots/drag-highlight.png: the music clip outlined under a dragged sound
    const QString dir = QStringLiteral(SW_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    EXPECT_TRUE(
        timeline->grab().toImage().save(QDir(dir).filePath(QStringLiteral("drag-highlight.png"))));
  }
  // The same sound over a chunk: refused, nothing outlined.
  EXPECT_FALSE(moveTo(QStringLiteral("gull.wav"), timeline->chunkRect(1).center()));
  EXPECT_EQ(timeline->dropHintRow(), -1);
  EXPECT_EQ(timeline->dropHintLane(), -1);
  // A video over the chunk: accepted, that chunk outlined; over the music: refused.
  EXPECT_TRUE(moveTo(QStringLiteral("take.mp4"), timeline->chunkRect(1).center()));
  EXPECT_EQ(timeline->dropHintRow(), 1);
  EXPECT_FALSE(moveTo(QStringLiteral("take.mp4"), clipCentre(music)));
  EXPECT_EQ(timeline->dropHintRow(), -1);
  EXPECT_EQ(timeline->dropHintLane(), -1);
  // A picture fits neither; a file of unknown type may be tried (the drop probes it).
  EXPECT_FALSE(moveTo(QStringLiteral("still.png"), clipCentre(lane(AudioLane::Sfx))));
  EXPECT_TRUE(moveTo(QStringLiteral("sound.xyz"), clipCentre(lane(AudioLane::Sfx))));
  EXPECT_EQ(timeline->dropHintLane(), lane(AudioLane::Sfx));
  // Over empty space: nothing to receive it.
  EXPECT_FALSE(moveTo(QStringLiteral("gull.wav"), QPointF(timeline->width() - 2, 1)));
  EXPECT_EQ(timeline->dropHintLane(), -1);
  // Leaving clears the outline.
  EXPECT_TRUE(moveTo(QStringLiteral("gull.wav"), clipCentre(music)));
  QDragLeaveEvent leave;
  QApplication::sendEvent(timeline, &leave);
  EXPECT_EQ(timeline->dropHintLane(), -1);
}

TEST_F(UiDragHint, TheReferenceSlotLightsUpForAPictureOnly) {
  ReferenceSlot* slot = window->sceneInspector()->referenceSlot();
  const auto dragOver = [&](const QString& name) {
    QMimeData picture;
    picture.setUrls({QUrl::fromLocalFile(project.dir.filePath(name))});
    const QPoint at = slot->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &picture, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(slot, &enter);
    QDragMoveEvent move(at, Qt::CopyAction, &picture, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(slot, &move);
    return enter.isAccepted() && move.isAccepted();
  };
  EXPECT_TRUE(dragOver(QStringLiteral("harbour.png")));
  EXPECT_TRUE(slot->dropHighlighted());
  QDragLeaveEvent leave;
  QApplication::sendEvent(slot, &leave);
  EXPECT_FALSE(slot->dropHighlighted());
  EXPECT_FALSE(dragOver(QStringLiteral("gull.wav")));
  EXPECT_FALSE(slot->dropHighlighted());
}
