// Audio lanes: waveforms are computed on a worker and cached in memory and on disk (a second
// cache on the same folder reads them, decoding nothing); the timeline asks for every audio
// asset's waveform; a clip past the render's end is marked cut with its time; a trim handle
// shows the time while it is dragged. Screenshot of the timeline: /tmp/editor-timeline.png.
#include <QDir>
#include <QMouseEvent>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include "support/media_fixtures.h"
#include "ui/chunk_model.h"
#include "ui/project_session.h"
#include "ui/timeline_lanes.h"
#include "ui/timeline_widget.h"
#include "ui/waveform_cache.h"
#include "ui_editor_fixture.h"

using namespace sw;
using namespace sw::ui;

namespace {

TEST(UiWaveform, ComputedOnAWorkerAndCachedInMemoryAndOnDisk) {
  QTemporaryDir tmp;
  testsupport::WavSpec spec;
  spec.seconds = 2.0;
  spec.amplitude = 0.3;
  const QString wav = testsupport::makeWav(tmp.filePath(QStringLiteral("tone.wav")), spec);
  const QString folder = tmp.filePath(QStringLiteral("waveforms"));
  {
    WaveformCache cache(folder);
    EXPECT_EQ(cache.waveform(QStringLiteral("key-1"), wav), nullptr);  // not on this thread
    ASSERT_TRUE(
        test::spinUntil([&] { return cache.waveform(QStringLiteral("key-1"), wav) != nullptr; }));
    EXPECT_EQ(cache.decoded(), 1);
    EXPECT_FALSE(cache.decodedOnGuiThread());
    const auto wave = cache.waveform(QStringLiteral("key-1"), wav);
    EXPECT_EQ(wave->peaksPerSecond, 100);
    EXPECT_NEAR(wave->seconds(), 2.0, 0.02);
    EXPECT_NEAR(wave->peaks[50], 0.3, 0.02);
    EXPECT_TRUE(QFileInfo::exists(cache.diskFile(QStringLiteral("key-1"))));
    EXPECT_EQ(cache.waveform(QStringLiteral("key-1"), wav).get(), wave.get());  // memory
    EXPECT_EQ(cache.decoded(), 1);
  }
  WaveformCache again(folder);  // the next session: read from disk, nothing decoded
  ASSERT_TRUE(
      test::spinUntil([&] { return again.waveform(QStringLiteral("key-1"), wav) != nullptr; }));
  EXPECT_EQ(again.decoded(), 0);
  EXPECT_NEAR(again.waveform(QStringLiteral("key-1"), wav)->peaks[50], 0.3, 0.02);
}

TEST(UiWaveform, AClipPastTheRendersEndIsMarkedCut) {
  QTemporaryDir tmp;
  auto store = model::ProjectStore::create(tmp.path(), QStringLiteral("Cut"));
  model::Scene scene;
  scene.narration = QStringLiteral("A long opening narration that takes a few seconds to say.");
  scene.targetDuration = 4;
  const model::Id id = store->addScene(scene);
  const QList<AudioLane> whole = buildAudioLanes(*store, id, 10.0);
  ASSERT_FALSE(whole[0].clips.isEmpty());
  EXPECT_LT(whole[0].clips[0].cutAt, 0);
  const QList<AudioLane> cut = buildAudioLanes(*store, id, 10.0, 2.0);
  const LaneClip narration = cut[0].clips.value(0);
  EXPECT_DOUBLE_EQ(narration.cutAt, 2.0);
  EXPECT_TRUE(narration.toolTip().contains(QStringLiteral("cut at 2.00 s")));
  EXPECT_TRUE(narration.toolTip().startsWith(scene.narration));
}

class UiTimelineAudio : public test::EditorFixture {};

TEST_F(UiTimelineAudio, LanesShowWaveformsOfEveryAudioAsset) {
  TimelineWidget* timeline = window->timeline();
  WaveformCache* waveforms = window->waveforms();
  ASSERT_NE(waveforms, nullptr);
  int withFiles = 0;
  for (const AudioLane& lane : timeline->lanes())
    for (const LaneClip& clip : lane.clips) {
      withFiles += !clip.file.isEmpty();
      if (lane.kind != AudioLane::Sfx) EXPECT_FALSE(clip.file.isEmpty()) << qPrintable(clip.label);
    }
  EXPECT_EQ(withFiles, 4);  // narration, two lines, music
  // Speech clips carry their text.
  EXPECT_EQ(timeline->lanes()[0].clips[0].text, narrationText);
  timeline->setPixelsPerSecond(180);
  ASSERT_TRUE(test::spinUntil([&] {
    timeline->repaint();
    return waveforms->decoded() == 4 &&
           waveforms->waveform(timeline->lanes()[0].clips[0].cacheKey,
                               timeline->lanes()[0].clips[0].file) != nullptr;
  }));
  EXPECT_FALSE(waveforms->decodedOnGuiThread());
  test::spinUntil([&] { return false; }, 6);  // the last ones land
  window->grab().save(QStringLiteral("/tmp/editor-main-window.png"));
  timeline->grab().save(QStringLiteral("/tmp/editor-timeline.png"));
  // Drawn: inside the narration clip the waveform's light bars are seen.
  const QImage image = timeline->grab().toImage();
  const QRectF r = timeline->laneGeometry().clipRect(0, timeline->lanes()[0].clips[0]);
  int light = 0;
  for (int x = int(r.left()) + 2; x < int(r.right()) - 2; ++x)
    light += qGray(image.pixel(x, int(r.center().y()))) > 120;
  EXPECT_GT(light, int(r.width()) / 2);
}

TEST_F(UiTimelineAudio, TheTrimHandleShowsTheTimeWhileDragged) {
  TimelineWidget* timeline = window->timeline();
  timeline->setPixelsPerSecond(100);
  const QRectF first = timeline->chunkRect(0);
  QTest::mouseClick(timeline, Qt::LeftButton, {}, first.center().toPoint());
  const QPoint handle(int(first.right()) - 2, int(first.center().y()));
  QTest::mousePress(timeline, Qt::LeftButton, {}, handle);
  QMouseEvent move(QEvent::MouseMove, QPointF(handle.x() - 50, handle.y()),
                   timeline->mapToGlobal(QPointF(handle.x() - 50, handle.y())), Qt::NoButton,
                   Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(timeline, &move);
  EXPECT_EQ(timeline->trimText(), QStringLiteral("Out: 0.50 s trimmed"));
  timeline->grab().save(QStringLiteral("/tmp/editor-trim.png"));
  QTest::mouseRelease(timeline, Qt::LeftButton, {}, QPoint(handle.x() - 50, handle.y()));
  EXPECT_TRUE(timeline->trimText().isEmpty());
  EXPECT_NEAR(window->session()->store().chunk(chunkIds[0])->trimOut, 0.5, 1e-9);
}

}  // namespace
