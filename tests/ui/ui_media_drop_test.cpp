// The user's own media dropped on the real timeline widget (QMimeData with a file URL, delivered
// as drag-enter, drag-move and drop events): a WAV on the music lane replaces the scene's music
// with a cached asset of provider "user" (measured, undoable, and the scene state says so); an
// MP4 on a chunk becomes its active take; a text file is refused with a message naming it, and
// nothing changes.
#include <gtest/gtest.h>

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QMimeData>
#include <QUndoStack>
#include <QUrl>

#include "render/app_settings.h"
#include "support/media_fixtures.h"
#include "ui/chunk_model.h"
#include "ui/media_drops.h"
#include "ui/project_session.h"
#include "ui/reference_slot.h"
#include "ui/scene_inspector.h"
#include "ui/timeline_widget.h"
#include "ui_editor_fixture.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiMediaDrop : public test::EditorFixture {
 protected:
  // Drags `file` over the timeline to `at` and drops it there, as a window system delivers it.
  bool dropAt(const QString& file, const QPointF& at) {
    TimelineWidget* timeline = window->timeline();
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(file)});
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(timeline, &enter);
    QDragMoveEvent move(at.toPoint(), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(timeline, &move);
    if (!move.isAccepted()) return false;
    QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(timeline, &drop);
    return drop.isAccepted();
  }
  QPointF laneCentre(AudioLane::Kind kind) {
    TimelineWidget* timeline = window->timeline();
    for (int lane = 0; lane < timeline->lanes().size(); ++lane)
      if (timeline->lanes()[lane].kind == kind)
        return timeline->laneGeometry().clipRect(lane, timeline->lanes()[lane].clips[0]).center();
    ADD_FAILURE() << "no such lane";
    return {};
  }
  bool settled() {
    return test::spinUntil([&] { return window->mediaDrops()->pending() == 0; });
  }
  model::ProjectStore& store() { return window->session()->store(); }
  model::Scene scene() { return *store().scene(sceneId); }
};

}  // namespace

TEST_F(UiMediaDrop, AWavOnTheMusicLaneReplacesTheMusicWithAUserAsset) {
  testsupport::WavSpec spec;
  spec.seconds = 3.0;
  spec.sampleRate = 44100;
  spec.hz = 330;
  const QString wav = testsupport::makeWav(project.dir.filePath(QStringLiteral("mine.wav")), spec);
  const std::optional<model::Id> before = scene().musicAssetId;
  ASSERT_TRUE(dropAt(wav, laneCentre(AudioLane::Music)));
  ASSERT_TRUE(settled());
  const auto id = scene().musicAssetId;
  ASSERT_TRUE(id.has_value());
  ASSERT_NE(id, before);
  const model::Asset asset = *store().asset(*id);
  EXPECT_EQ(asset.provider, QStringLiteral("user"));
  EXPECT_EQ(asset.kind, QStringLiteral("music"));
  EXPECT_NEAR(asset.duration, 3.0, 0.01) << "measured";
  EXPECT_EQ(asset.parameters.value("measured").toObject().value("sampleRate").toInt(), 44100);
  EXPECT_EQ(asset.parameters.value("source").toString(), wav);
  // A copy in the asset cache, under its content key; the source is left where it was.
  const QString cache = render::AppSettings::load().effectiveCacheDirectory();
  EXPECT_TRUE(QFileInfo(asset.filePath)
                  .canonicalFilePath()
                  .startsWith(QFileInfo(cache).canonicalFilePath()))
      << asset.filePath.toStdString();
  EXPECT_TRUE(asset.filePath.contains(asset.cacheKey));
  EXPECT_TRUE(QFileInfo::exists(wav));
  // The scene state: the music is the user's file, ready, nothing to generate.
  const render::SceneState state = window->session()->sceneState(sceneId);
  const render::Slot* music = nullptr;
  for (const render::Slot& slot : state.items)
    if (slot.kind == render::SlotKind::Music) music = &slot;
  ASSERT_NE(music, nullptr);
  EXPECT_EQ(music->assetId, id);
  EXPECT_EQ(music->state, render::SlotState::Ready);
  EXPECT_FALSE(music->willGenerate);
  // The lane shows it; one undo brings the generated music back.
  QString laneFile;
  for (const AudioLane& lane : window->timeline()->lanes())
    if (lane.kind == AudioLane::Music) laneFile = lane.clips.value(0).file;
  EXPECT_EQ(laneFile, asset.filePath);
  window->session()->undoStack()->undo();
  EXPECT_EQ(scene().musicAssetId, before);
}

TEST_F(UiMediaDrop, AnMp4OnAChunkBecomesItsActiveTake) {
  testsupport::ClipSpec clip;
  clip.fps = {30, 1};
  clip.seconds = 1.5;
  clip.width = 256;
  clip.height = 144;
  const QString mp4 = testsupport::makeClip(project.dir.filePath(QStringLiteral("mine.mp4")), clip);
  const model::Id chunkId = chunkIds.at(1);
  const int takesBefore = int(store().takes(chunkId).size());
  const QRectF r = window->timeline()->chunkRect(1);
  ASSERT_TRUE(dropAt(mp4, r.center()));
  ASSERT_TRUE(settled());
  const QList<model::Take> takes = store().takes(chunkId);
  ASSERT_EQ(int(takes.size()), takesBefore + 1);
  const model::Chunk chunk = *store().chunk(chunkId);
  ASSERT_EQ(chunk.assetId, takes.last().assetId);
  const model::Asset asset = *store().asset(*chunk.assetId);
  EXPECT_EQ(asset.provider, QStringLiteral("user"));
  EXPECT_EQ(asset.kind, QStringLiteral("video"));
  EXPECT_EQ(asset.width, 256);
  EXPECT_EQ(asset.height, 144);
  EXPECT_NEAR(asset.duration, 1.5, 0.05);
  EXPECT_EQ(asset.parameters.value("measured").toObject().value("fpsNum").toInt(), 30);
  window->session()->undoStack()->undo();  // the take stays, the old one is active again
  EXPECT_NE(store().chunk(chunkId)->assetId, asset.id);
}

TEST_F(UiMediaDrop, ATextFileIsRefusedWithAMessageAndNothingChanges) {
  const QString text = project.dir.filePath(QStringLiteral("notes.wav"));
  {
    QFile f(text);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("Remember to buy gull sounds.\n");
  }
  const model::Scene before = scene();
  const int assets = int(store().assets().size());
  const int undo = window->session()->undoStack()->count();
  ASSERT_TRUE(dropAt(text, laneCentre(AudioLane::Music)));
  ASSERT_TRUE(settled());
  EXPECT_TRUE(window->lastError().contains(QStringLiteral("notes.wav")))
      << window->lastError().toStdString();
  EXPECT_EQ(scene().musicAssetId, before.musicAssetId);
  EXPECT_EQ(int(store().assets().size()), assets);
  EXPECT_EQ(window->session()->undoStack()->count(), undo);
  // A sound is not a take either: refused while it is dragged (by its name), nothing read.
  const QString wav = testsupport::makeWav(project.dir.filePath(QStringLiteral("beep.wav")));
  const int takes = int(store().takes(chunkIds.at(0)).size());
  EXPECT_FALSE(dropAt(wav, window->timeline()->chunkRect(0).center()));
  ASSERT_TRUE(settled());
  EXPECT_EQ(int(store().takes(chunkIds.at(0)).size()), takes);
}

// A picture dropped on the scene inspector's reference image slot replaces the reference image.
TEST_F(UiMediaDrop, APictureOnTheReferenceSlotReplacesTheReferenceImage) {
  ReferenceSlot* slot = window->sceneInspector()->referenceSlot();
  ASSERT_TRUE(slot->acceptDrops());
  QImage picture(200, 120, QImage::Format_RGB32);
  picture.fill(QColor(30, 90, 160));
  const QString png = project.dir.filePath(QStringLiteral("harbour.png"));
  ASSERT_TRUE(picture.save(png));
  const auto before = scene().referenceAssetId;
  const auto dropOnSlot = [&](const QString& file) {
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(file)});
    const QPoint at = slot->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(slot, &enter);
    if (!enter.isAccepted()) return false;
    QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(slot, &drop);
    return drop.isAccepted();
  };
  // A sound is no picture: refused while it is dragged (the forbidden cursor).
  const QString wav = testsupport::makeWav(project.dir.filePath(QStringLiteral("gull.wav")));
  EXPECT_FALSE(dropOnSlot(wav));
  EXPECT_FALSE(slot->dropHighlighted());
  ASSERT_TRUE(settled());
  EXPECT_EQ(scene().referenceAssetId, before);

  ASSERT_TRUE(dropOnSlot(png));
  ASSERT_TRUE(settled());
  const auto id = scene().referenceAssetId;
  ASSERT_TRUE(id.has_value());
  ASSERT_NE(id, before);
  const model::Asset asset = *store().asset(*id);
  EXPECT_EQ(asset.provider, QStringLiteral("user"));
  EXPECT_EQ(asset.kind, QStringLiteral("image"));
  EXPECT_EQ(asset.width, 200);
  EXPECT_EQ(asset.height, 120);
  EXPECT_EQ(asset.mime, QStringLiteral("image/png"));
  // The slot shows the copy.
  EXPECT_EQ(slot->shownFile(), asset.filePath);
  ASSERT_TRUE(test::spinUntil([&] { return !slot->isLoading(); }));
  ASSERT_FALSE(slot->pixmap().isNull());
  const QImage shown = slot->pixmap().toImage();
  EXPECT_EQ(QColor(shown.pixel(shown.width() / 2, shown.height() / 2)), QColor(30, 90, 160));
  window->session()->undoStack()->undo();
  EXPECT_EQ(scene().referenceAssetId, before);
}

// Speech and SFX lanes: a sound on a dialogue line's clip, the narration or an SFX clip replaces
// that one sound.
TEST_F(UiMediaDrop, SoundsOnTheSpeechAndSfxLanesReplaceThatSound) {
  const QString wav = testsupport::makeWav(project.dir.filePath(QStringLiteral("voice.wav")));
  TimelineWidget* timeline = window->timeline();
  int dialogueLane = -1;
  for (int lane = 0; lane < timeline->lanes().size(); ++lane)
    if (timeline->lanes()[lane].kind == AudioLane::Dialogue) dialogueLane = lane;
  ASSERT_GE(dialogueLane, 0);
  const LaneClip clip = timeline->lanes()[dialogueLane].clips.first();
  ASSERT_TRUE(dropAt(wav, timeline->laneGeometry().clipRect(dialogueLane, clip).center()));
  ASSERT_TRUE(settled());
  std::optional<model::DialogueLine> line;
  for (const model::DialogueLine& l : store().dialogueLines(sceneId))
    if (l.id == clip.rowId) line = l;
  ASSERT_TRUE(line && line->assetId);
  EXPECT_EQ(store().asset(*line->assetId)->provider, QStringLiteral("user"));
  EXPECT_EQ(store().asset(*line->assetId)->kind, QStringLiteral("speech"));

  ASSERT_TRUE(dropAt(wav, laneCentre(AudioLane::Narration)));
  ASSERT_TRUE(settled());
  ASSERT_TRUE(scene().narrationAssetId);
  EXPECT_EQ(store().asset(*scene().narrationAssetId)->provider, QStringLiteral("user"));

  ASSERT_TRUE(dropAt(wav, laneCentre(AudioLane::Sfx)));
  ASSERT_TRUE(settled());
  const model::SfxCue cue = store().sfxCues(sceneId).first();
  ASSERT_TRUE(cue.assetId);
  EXPECT_EQ(store().asset(*cue.assetId)->provider, QStringLiteral("user"));
  EXPECT_EQ(cue.file, store().asset(*cue.assetId)->filePath);
}
