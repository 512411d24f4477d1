// The takes of an audio asset (issue 13, part 6): a click on the music clip shows its takes in
// the chunk dock; regenerating the music with a length override (local backend, a regenerate job
// of the render queue) adds a take of that length (measured with FFmpeg), listed with its
// waveform thumbnail (computed on the WaveformCache's worker), seed and cost; "Use take" switches
// the scene's music to another take as one undo step.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QListWidget>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QUndoStack>

#include "media/probe.h"
#include "render/audio_takes.h"
#include "support/media_fixtures.h"
#include "ui/asset_regenerate_dialog.h"
#include "ui/audio_takes_panel.h"
#include "ui/project_session.h"
#include "ui/timeline_widget.h"
#include "ui_editor_fixture.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiAudioTakes : public test::EditorFixture {
 protected:
  // Left-clicks the first clip of the lane of `kind`; false when there is none.
  bool clickClip(AudioLane::Kind kind) {
    TimelineWidget* timeline = window->timeline();
    for (int l = 0; l < timeline->lanes().size(); ++l) {
      if (timeline->lanes()[l].kind != kind || timeline->lanes()[l].clips.isEmpty()) continue;
      const QPointF at =
          timeline->laneGeometry().clipRect(l, timeline->lanes()[l].clips[0]).center();
      QMouseEvent press(QEvent::MouseButtonPress, at, timeline->mapToGlobal(at), Qt::LeftButton,
                        Qt::LeftButton, Qt::NoModifier);
      QApplication::sendEvent(timeline, &press);
      QMouseEvent release(QEvent::MouseButtonRelease, at, timeline->mapToGlobal(at), Qt::LeftButton,
                          Qt::NoButton, Qt::NoModifier);
      QApplication::sendEvent(timeline, &release);
      return true;
    }
    return false;
  }
  static bool waveformsDrawn(QListWidget* list) {
    for (int i = 0; i < list->count(); ++i)
      if (!list->item(i)->data(Qt::UserRole + 100).toBool()) return false;
    return list->count() > 0;
  }
};

}  // namespace

TEST_F(UiAudioTakes, ARegeneratedMusicOfAnotherLengthIsATakeThatCanBeSwitchedTo) {
  model::ProjectStore& store = window->session()->store();
  const model::Id first = *store.scene(sceneId)->musicAssetId;
  ASSERT_TRUE(clickClip(AudioLane::Music));
  AudioTakesPanel* panel = window->audioTakesPanel();
  ASSERT_NE(panel, nullptr);
  ASSERT_TRUE(panel->isVisible()) << "a click on the music clip shows its takes";
  EXPECT_EQ(panel->audioSlot(), render::RegenerateTarget::Slot::Music);
  QListWidget* list = panel->takeView();
  ASSERT_EQ(list->count(), 1) << "the music the scene has: one take, in use";
  EXPECT_TRUE(list->item(0)->data(AudioTakesPanel::ActiveRole).toBool());
  EXPECT_FALSE(panel->useTakeButton()->isEnabled()) << "the take in use cannot be used again";

  // Regenerate with a length of 3 s (the scene lasts 4 s: the default would be 5 s).
  panel->regenerateButton()->click();
  auto* dialog = window->findChild<AssetRegenerateDialog*>();
  ASSERT_NE(dialog, nullptr);
  ASSERT_NE(dialog->lengthBox(), nullptr);
  dialog->lengthBox()->setValue(3);
  EXPECT_EQ(dialog->request().regenerate.length, std::optional<double>(3.0));
  dialog->accept();
  ASSERT_TRUE(test::spinUntil([&] { return store.scene(sceneId)->musicAssetId != first; }, 3000))
      << "no new music was linked";
  const model::Id second = *store.scene(sceneId)->musicAssetId;
  const auto made = store.asset(second);
  ASSERT_TRUE(made);
  const media::ProbeResult probed = media::probe(made->filePath);
  ASSERT_NE(probed.audio(), nullptr);
  const double seconds = probed.audio()->duration > 0 ? probed.audio()->duration : probed.duration;
  EXPECT_NEAR(seconds, 3.0, 0.1) << "the take has the length asked for";
  EXPECT_NEAR(made->duration, seconds, 0.05) << "the asset records the measured length";

  // Listed: two takes, the new one in use, with its seed, cost and a waveform.
  ASSERT_TRUE(test::spinUntil([&] { return list->count() == 2; })) << "the list did not reload";
  ASSERT_TRUE(test::spinUntil([&] { return waveformsDrawn(list); }, 500))
      << "the waveform thumbnails were not computed";
  const QListWidgetItem* newest = list->item(1);
  EXPECT_EQ(newest->data(AudioTakesPanel::AssetIdRole).toLongLong(), qint64(second));
  EXPECT_TRUE(newest->data(AudioTakesPanel::ActiveRole).toBool());
  EXPECT_TRUE(newest->data(AudioTakesPanel::SeedRole).isValid()) << "a generated take has a seed";
  EXPECT_TRUE(newest->text().contains(QStringLiteral("seed"))) << newest->text().toStdString();
  EXPECT_TRUE(newest->text().contains(QStringLiteral("$"))) << "the cost is shown";
  EXPECT_FALSE(newest->icon().isNull());
  EXPECT_FALSE(list->item(0)->data(AudioTakesPanel::ActiveRole).toBool());
  EXPECT_EQ(render::audioTakes(store, render::RegenerateTarget::Slot::Music, sceneId, 0).size(), 2);
  {  // <build>/screenshots/audio-takes.png: the chunk dock with the music's takes, floated
    // wide enough for both side by side
    auto* dock = qobject_cast<QDockWidget*>(panel->parentWidget()->parentWidget());
    QWidget* shot = dock ? static_cast<QWidget*>(dock) : panel;
    if (dock) {
      dock->setFloating(true);
      dock->resize(420, 260);
    }
    test::spinUntil([&] { return shot->width() >= 400 || !dock; }, 20);
    QCoreApplication::processEvents();
    const QString dir = QStringLiteral(SW_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    EXPECT_TRUE(shot->grab().toImage().save(QDir(dir).filePath(QStringLiteral("audio-takes.png"))));
    if (dock) dock->setFloating(false);
  }

  // Use take 1 again: the scene's music is the first one; undo: the new one.
  list->setCurrentRow(0);
  ASSERT_TRUE(panel->useTakeButton()->isEnabled());
  panel->useTakeButton()->click();
  EXPECT_EQ(store.scene(sceneId)->musicAssetId, std::optional<model::Id>(first));
  EXPECT_TRUE(list->item(0)->data(AudioTakesPanel::ActiveRole).toBool());
  window->session()->undoStack()->undo();
  EXPECT_EQ(store.scene(sceneId)->musicAssetId, std::optional<model::Id>(second));
  ASSERT_TRUE(
      test::spinUntil([&] { return list->item(1)->data(AudioTakesPanel::ActiveRole).toBool(); }));
}

// "Use a File…" on an SFX clip's menu: the chosen sound replaces the cue's sound as a cached
// asset of provider "user" (as a drop does) and is listed as a take of that cue.
TEST_F(UiAudioTakes, AnSfxClipsUseAFileMakesTheUsersSoundATakeOfTheCue) {
  model::ProjectStore& store = window->session()->store();
  const model::SfxCue cue = store.sfxCues(sceneId).first();
  testsupport::WavSpec spec;
  spec.seconds = 1.5;
  const QString wav = testsupport::makeWav(project.dir.filePath(QStringLiteral("door.wav")), spec);
  TimelineWidget* timeline = window->timeline();
  int sfx = -1;
  for (int l = 0; l < timeline->lanes().size(); ++l)
    if (timeline->lanes()[l].kind == AudioLane::Sfx) sfx = l;
  ASSERT_GE(sfx, 0);
  const QPoint at =
      timeline->laneGeometry().clipRect(sfx, timeline->lanes()[sfx].clips[0]).center().toPoint();
  QContextMenuEvent event(QContextMenuEvent::Mouse, at, timeline->mapToGlobal(at));
  QApplication::sendEvent(timeline, &event);
  ASSERT_TRUE(test::spinUntil([] { return QApplication::activePopupWidget() != nullptr; }, 40));
  auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
  ASSERT_NE(menu, nullptr);
  auto* use = menu->findChild<QAction*>(QStringLiteral("menuUseFile"));
  ASSERT_NE(use, nullptr);
  ASSERT_TRUE(use->isEnabled());
  use->trigger();
  menu->close();
  QFileDialog* dialog = nullptr;
  ASSERT_TRUE(test::spinUntil([&] {
    for (QWidget* w : QApplication::topLevelWidgets())
      if (auto* d = qobject_cast<QFileDialog*>(w); d && d->isVisible()) dialog = d;
    return dialog != nullptr;
  })) << "no file dialog appeared";
  dialog->selectFile(wav);
  QMetaObject::invokeMethod(dialog, "accept");
  ASSERT_TRUE(test::spinUntil([&] {
    for (const model::SfxCue& c : store.sfxCues(sceneId))
      if (c.id == cue.id && c.assetId != cue.assetId) return true;
    return false;
  })) << "the cue's sound was not replaced";
  model::SfxCue after;
  for (const model::SfxCue& c : store.sfxCues(sceneId))
    if (c.id == cue.id) after = c;
  const auto asset = store.asset(*after.assetId);
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->provider, QStringLiteral("user"));
  EXPECT_EQ(asset->kind, QStringLiteral("sfx"));
  EXPECT_NEAR(asset->duration, 1.5, 0.05);
  EXPECT_EQ(after.file, asset->filePath) << "the user's sound plays as a file";
  ASSERT_TRUE(clickClip(AudioLane::Sfx));
  QListWidget* list = window->audioTakesPanel()->takeView();
  ASSERT_TRUE(test::spinUntil([&] { return list->count() >= 1; }));
  bool listed = false;
  for (int i = 0; i < list->count(); ++i)
    if (list->item(i)->data(AudioTakesPanel::AssetIdRole).toLongLong() == qint64(asset->id))
      listed = list->item(i)->data(AudioTakesPanel::ActiveRole).toBool() &&
               list->item(i)->text().contains(QStringLiteral("door.wav"));
  EXPECT_TRUE(listed) << "the user's sound is the cue's active take, named";
}
