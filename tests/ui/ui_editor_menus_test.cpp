// Context menus and tooltips: a chunk's menu (Regenerate runs the inspector's own regenerate
// path, Use take switches takes as one undo step, Show in folder, Copy prompt), a take's menu, an
// audio clip's menu (Delete an SFX cue, undoable), the scene list's menu, and Delete in the
// scene list (asks, then deletes; undo restores).
#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QGuiApplication>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolTip>
#include <QUndoStack>

#include "ui/chunk_inspector.h"
#include "ui/chunk_model.h"
#include "ui/chunk_regenerator.h"
#include "ui/editor_menus.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/timeline_widget.h"
#include "ui_editor_fixture.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiEditorMenus : public test::EditorFixture {
 protected:
  void SetUp() override {
    EditorFixture::SetUp();
    EditorMenus::setReveal([this](const QString& file) { revealed.append(file); });
    window->timeline()->setPixelsPerSecond(100);
  }
  void TearDown() override {
    EditorMenus::setReveal({});
    EditorFixture::TearDown();
  }
  // Right-clicks `target` at `pos` and returns the menu that opened.
  QMenu* rightClick(QWidget* target, const QPoint& pos) {
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, target->mapToGlobal(pos));
    QApplication::sendEvent(target, &event);
    test::spinUntil([] { return QApplication::activePopupWidget() != nullptr; }, 40);
    return qobject_cast<QMenu*>(QApplication::activePopupWidget());
  }
  QAction* find(QMenu* menu, const char* name) {
    return menu ? menu->findChild<QAction*>(QString::fromLatin1(name)) : nullptr;
  }
  QStringList revealed;
};

TEST_F(UiEditorMenus, ChunkMenuCopiesShowsAndSwitchesTakes) {
  model::ProjectStore& store = window->session()->store();
  // A second take of chunk 1.
  const model::Chunk chunk = *store.chunk(chunkIds[0]);
  model::Asset other = *store.asset(*chunk.assetId);
  other.id = 0;
  other.cacheKey = QStringLiteral("test-chunk-0-take-2");
  const model::Id otherAsset = store.addAsset(other);
  const model::Id firstTake = store.takes(chunk.id).at(0).id;
  store.addTake(model::Take{0, chunk.id, otherAsset, QStringLiteral("a second try"), 7, {}, 0, {}});
  store.setActiveTake(chunk.id, firstTake);  // the first stays active
  window->session()->notifyChunksChanged(sceneId);

  QMenu* menu = rightClick(window->timeline(), window->timeline()->chunkRect(0).center().toPoint());
  ASSERT_NE(menu, nullptr);
  EXPECT_EQ(menu->objectName(), QStringLiteral("chunkMenu"));
  EXPECT_EQ(window->chunkInspector()->chunkId(), chunk.id);  // the chunk is selected
  for (const char* name : {"menuRegenerate", "menuShowInFolder", "menuCopyPrompt"})
    EXPECT_NE(find(menu, name), nullptr) << name;
  find(menu, "menuCopyPrompt")->trigger();
  EXPECT_EQ(QGuiApplication::clipboard()->text(), QStringLiteral("harbour at dusk, shot 1"));
  find(menu, "menuShowInFolder")->trigger();
  ASSERT_EQ(revealed.size(), 1);
  EXPECT_TRUE(revealed[0].endsWith(QStringLiteral("chunk0.mp4")));
  QAction* second = find(menu, "menuUseTake2");
  ASSERT_NE(second, nullptr);
  EXPECT_FALSE(second->isChecked());
  EXPECT_TRUE(find(menu, "menuUseTake1")->isChecked());
  second->trigger();
  menu->close();
  EXPECT_EQ(store.chunk(chunk.id)->assetId, otherAsset);
  window->session()->undoStack()->undo();
  EXPECT_EQ(store.chunk(chunk.id)->assetId, chunk.assetId);

  // The take list has the same Use take.
  QListView* takes = window->chunkInspector()->takeView();
  ASSERT_TRUE(test::spinUntil([&] { return takes->model()->rowCount() == 2; }));
  QMenu* takeMenu = window->menus()->takeMenu(1);
  ASSERT_NE(find(takeMenu, "menuUseTake"), nullptr);
  find(takeMenu, "menuCopyPrompt")->trigger();
  EXPECT_EQ(QGuiApplication::clipboard()->text(), QStringLiteral("a second try"));
  find(takeMenu, "menuUseTake")->trigger();
  EXPECT_EQ(store.chunk(chunk.id)->assetId, otherAsset);
  takeMenu->close();
}

// An out-of-date chunk can be kept as it is: the state every view and the render use says kept
// (nothing to generate for it), one undo step restores it.
TEST_F(UiEditorMenus, KeepAsIsKeepsAnOutOfDateChunkUndoably) {
  model::ProjectStore& store = window->session()->store();
  // A take made from an older prompt, active: the chunk is out of date.
  const model::Chunk chunk = *store.chunk(chunkIds[0]);
  model::Asset older = *store.asset(*chunk.assetId);
  older.id = 0;
  older.cacheKey = QStringLiteral("test-chunk-0-older");
  older.parameters.insert(QStringLiteral("prompt"), QStringLiteral("harbour at noon, shot 1"));
  older.parameters.insert(QStringLiteral("seed"), double(chunk.seed));
  const model::Id olderAsset = store.addAsset(older);
  store.addTake(model::Take{0, chunk.id, olderAsset, chunk.prompt, chunk.seed, {}, 0, {}});
  window->session()->notifyChunksChanged(sceneId);
  ChunkModel* chunks = window->timeline()->chunkModel();
  ASSERT_TRUE(test::spinUntil([&] { return chunks->state(0) == render::SlotState::OutOfDate; }));
  EXPECT_FALSE(chunks->kept(0));

  QMenu* menu = rightClick(window->timeline(), window->timeline()->chunkRect(0).center().toPoint());
  QAction* keep = find(menu, "menuKeepAsIs");
  ASSERT_NE(keep, nullptr);
  EXPECT_TRUE(keep->isEnabled());
  EXPECT_FALSE(keep->isChecked());
  keep->trigger();
  menu->close();
  EXPECT_TRUE(store.chunk(chunkIds[0])->keptAsIs());
  ASSERT_TRUE(test::spinUntil([&] { return chunks->kept(0); }));
  EXPECT_TRUE(chunks->why(0).startsWith(QStringLiteral("kept as it is")));
  const render::SceneState kept = window->session()->sceneState(sceneId);
  ASSERT_NE(kept.slotOfChunk(chunkIds[0]), nullptr);
  EXPECT_FALSE(kept.slotOfChunk(chunkIds[0])->willGenerate);

  window->session()->undoStack()->undo();
  EXPECT_FALSE(store.chunk(chunkIds[0])->keptAsIs());
  EXPECT_TRUE(test::spinUntil([&] { return !chunks->kept(0); }));
  const render::SceneState again = window->session()->sceneState(sceneId);
  ASSERT_NE(again.slotOfChunk(chunkIds[0]), nullptr);
  EXPECT_TRUE(again.slotOfChunk(chunkIds[0])->willGenerate);
}

TEST_F(UiEditorMenus, RegenerateRunsTheInspectorsRegeneratePath) {
  QMenu* menu = rightClick(window->timeline(), window->timeline()->chunkRect(1).center().toPoint());
  ASSERT_NE(menu, nullptr);
  QAction* regenerate = find(menu, "menuRegenerate");
  ASSERT_NE(regenerate, nullptr);
  EXPECT_EQ(regenerate->isEnabled(), window->chunkInspector()->regenerateButton()->isEnabled());
  ASSERT_TRUE(regenerate->isEnabled()) << qPrintable(regenerate->toolTip());
  regenerate->trigger();
  menu->close();
  EXPECT_TRUE(window->regenerator()->isRunning());
  window->regenerator()->cancel();
  ASSERT_TRUE(test::spinUntil([&] { return !window->regenerator()->isRunning(); }));
}

TEST_F(UiEditorMenus, ClipMenuDeletesAnSfxCueUndoably) {
  TimelineWidget* timeline = window->timeline();
  int sfxLane = -1;
  for (int l = 0; l < timeline->lanes().size(); ++l)
    if (timeline->lanes()[l].kind == AudioLane::Sfx) sfxLane = l;
  ASSERT_GE(sfxLane, 0);
  ASSERT_EQ(timeline->lanes()[sfxLane].clips.size(), 1);
  const QPoint at = timeline->laneGeometry()
                        .clipRect(sfxLane, timeline->lanes()[sfxLane].clips[0])
                        .center()
                        .toPoint();
  QHelpEvent help(QEvent::ToolTip, at, timeline->mapToGlobal(at));
  QApplication::sendEvent(timeline, &help);
  EXPECT_TRUE(QToolTip::text().startsWith(QStringLiteral("thunder")))
      << qPrintable(QToolTip::text());
  QMenu* menu = rightClick(timeline, at);
  ASSERT_NE(menu, nullptr);
  EXPECT_EQ(menu->objectName(), QStringLiteral("clipMenu"));
  ASSERT_TRUE(find(menu, "menuDelete")->isEnabled());
  find(menu, "menuDelete")->trigger();
  menu->close();
  EXPECT_TRUE(window->session()->store().sfxCues(sceneId).isEmpty());
  window->session()->undoStack()->undo();
  EXPECT_EQ(window->session()->store().sfxCues(sceneId).size(), 1);
}

TEST_F(UiEditorMenus, ChunkTooltipNamesTheChunk) {
  TimelineWidget* timeline = window->timeline();
  const QPoint at = timeline->chunkRect(1).center().toPoint();
  QHelpEvent help(QEvent::ToolTip, at, timeline->mapToGlobal(at));
  QApplication::sendEvent(timeline, &help);
  EXPECT_TRUE(QToolTip::text().startsWith(QStringLiteral("Chunk 2")))
      << qPrintable(QToolTip::text());
  EXPECT_TRUE(QToolTip::text().contains(QStringLiteral("Seed 101")));
}

TEST_F(UiEditorMenus, DeleteInTheSceneListAsksThenDeletesAndUndoRestores) {
  QTableView* scenes = window->projectPane()->sceneView();
  scenes->setFocus();
  window->projectPane()->selectScene(sceneId);
  QTest::keyClick(scenes, Qt::Key_Delete);
  QMessageBox* box = nullptr;
  ASSERT_TRUE(test::spinUntil([&] {
    box = window->findChild<QMessageBox*>(QStringLiteral("confirmDeleteScenes"));
    return box && box->isVisible();
  }));
  EXPECT_TRUE(box->text().contains(QStringLiteral("Harbour")));
  EXPECT_EQ(window->session()->store().scenes().size(), 1);  // nothing yet
  box->button(QMessageBox::Yes)->click();
  ASSERT_TRUE(test::spinUntil([&] { return window->session()->store().scenes().isEmpty(); }));
  window->session()->undoStack()->undo();
  ASSERT_EQ(window->session()->store().scenes().size(), 1);
  const model::Id restored = window->session()->store().scenes().at(0).id;
  EXPECT_EQ(window->session()->store().chunks(restored).size(), 2);

  // The scene list's context menu has Render, Duplicate, Delete and Copy prompt.
  window->projectPane()->selectScene(restored);
  QMenu* menu = window->menus()->sceneMenu();
  for (const char* name : {"actionRender", "actionDuplicateScene", "menuDeleteScenes",
                           "menuCopyPrompt", "menuShowInFolder"})
    EXPECT_TRUE(find(menu, name) ||
                menu->actions().contains(window->action(QString::fromLatin1(name))))
        << name;
  find(menu, "menuShowInFolder")->trigger();
  EXPECT_EQ(revealed.value(0), window->session()->folder());
  menu->close();
}

}  // namespace
