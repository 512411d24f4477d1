// What the director decides before a render, in the GUI: changing the model of a scene whose
// chunks were generated asks first (naming what goes out of date and the cost) and keeps every
// take; the Render Scene dialog regenerates stale chunks unless "keep the stale chunks" is
// ticked, and then names them. Chunks are 1 s at 12 fps (a models.json override) so the real
// generation with the local backend stays short.
#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QUndoStack>

#include "providers/model_registry.h"
#include "render/app_settings.h"
#include "render/chunk_planner.h"
#include "render/scene_state.h"
#include "support/model_override.h"
#include "ui/chunk_inspector.h"
#include "ui/chunk_regenerator.h"
#include "ui/main_window.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/render_scene_dialog.h"
#include "ui/scene_inspector.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiReplan : public ::testing::Test {
 protected:
  void SetUp() override {
    overridePath = test::useShortLocalChunks();
    {
      auto store = model::ProjectStore::create(project.folder(), QStringLiteral("Replan"));
      sceneId = test::addRichScene(*store, QStringLiteral("Storm Warning"), 3.0);
      model::Scene scene = *store->scene(sceneId);  // no speech: the scene stays 3 s
      scene.narration.clear();
      store->updateScene(scene);
      for (const model::DialogueLine& line : store->dialogueLines(sceneId))
        store->removeDialogueLine(line.id);
      for (int i = 0; i < 3; ++i) store->addChunk(render::newChunk(sceneId, i));
    }
    window = std::make_unique<MainWindow>();
    window->show();
    ASSERT_TRUE(window->openProject(project.folder()));
    window->projectPane()->selectScene(sceneId);
    QList<render::RegenerateRequest> all;
    for (const model::Chunk& c : chunks())
      all.append(render::RegenerateRequest{c.id, std::nullopt, c.seed, {}});
    ASSERT_TRUE(window->regenerator()->start(all));
    ASSERT_TRUE(waitIdle());
    for (int i = 0; i < 3; ++i) ASSERT_EQ(state(i), render::SlotState::Ready) << i;
  }
  void TearDown() override {
    window.reset();
    QFile::remove(overridePath);  // other tests in this process use the built-in registry
  }
  QList<model::Chunk> chunks() { return window->session()->store().chunks(sceneId); }
  render::SlotState state(int position) {
    const render::SceneState now = window->session()->sceneState(sceneId);
    const render::Slot* slot = now.slotOfChunk(chunks().at(position).id);
    return slot ? slot->state : render::SlotState::Pending;
  }
  int takes() {
    int n = 0;
    for (const model::Chunk& c : chunks()) n += int(window->session()->store().takes(c.id).size());
    return n;
  }
  bool waitIdle() {
    return test::spinUntil([&] { return !window->regenerator()->isRunning(); });
  }
  // Picks `key` in the inspector's model box as a click would, answering the confirmation with
  // the button named `answer` (replanButton, or empty for Cancel). Returns its informative text.
  QString chooseModel(const QString& key, const QString& answer) {
    QComboBox* combo = window->sceneInspector()->modelCombo();
    const int index = combo->findData(key);
    EXPECT_GE(index, 0) << key.toStdString();
    QString shown;
    QTimer::singleShot(0, [&] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      if (!box || box->objectName() != QLatin1String("replanConfirm")) return;
      shown = box->informativeText();
      if (answer.isEmpty())
        box->button(QMessageBox::Cancel)->click();
      else
        box->findChild<QPushButton*>(answer)->click();
    });
    combo->setCurrentIndex(index);
    emit combo->activated(index);
    return shown;
  }
  // A model the scene does not use now, whose one chunk covers the 3 s scene.
  QString otherModel() {
    const providers::ModelRegistry registry = providers::ModelRegistry::load();
    for (const QString& key : registry.keys())
      if (key != QLatin1String("local") && registry.model(key).actualChunkDuration >= 3.0)
        return key;
    return {};
  }

  QString overridePath;
  test::TempProject project;
  model::Id sceneId = 0;
  std::unique_ptr<MainWindow> window;
};

TEST_F(UiReplan, ChangingTheModelOfAGeneratedSceneAsksFirstAndKeepsEveryTake) {
  window->session()->store().setProjectSettings(
      QJsonObject{{"defaultModel", QStringLiteral("local")}});
  const QString key = otherModel();
  ASSERT_FALSE(key.isEmpty());
  const int before = takes();
  const QString modelBefore = window->session()->store().scene(sceneId)->modelKey;

  // Cancel: nothing changes, the box shows the scene's model again.
  const QString asked = chooseModel(key, {});
  EXPECT_TRUE(asked.contains(QStringLiteral("1 generated chunk will be out of date")))
      << asked.toStdString();
  EXPECT_TRUE(asked.contains(QStringLiteral("Every take is kept"))) << asked.toStdString();
  EXPECT_EQ(window->session()->store().scene(sceneId)->modelKey, modelBefore);
  EXPECT_EQ(window->sceneInspector()->modelCombo()->currentData().toString(), modelBefore);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(state(i), render::SlotState::Ready) << i;

  // Change: the scene renders with the new model (one longer chunk covers it): its first chunk
  // is out of date, the others are past the scene's end; no take is lost.
  EXPECT_FALSE(chooseModel(key, QStringLiteral("replanButton")).isEmpty());
  EXPECT_EQ(window->session()->store().scene(sceneId)->modelKey, key);
  EXPECT_EQ(state(0), render::SlotState::OutOfDate);
  for (int i = 1; i < 3; ++i) EXPECT_EQ(state(i), render::SlotState::Unused) << i;
  EXPECT_EQ(takes(), before);

  // Undo goes back to the old model: the takes are current again.
  window->session()->undoStack()->undo();
  EXPECT_EQ(window->session()->store().scene(sceneId)->modelKey, modelBefore);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(state(i), render::SlotState::Ready) << i;
}

TEST_F(UiReplan, TheInspectorPlanComesFromTheSceneState) {
  const QString plan = window->sceneInspector()->planLabel()->text();
  const render::SceneState now = window->session()->sceneState(sceneId);
  EXPECT_TRUE(plan.startsWith(QStringLiteral("%1 chunks of about").arg(now.chunksNeeded)))
      << plan.toStdString();
  EXPECT_TRUE(plan.contains(QStringLiteral("Rendering it now: %1 part").arg(now.toGenerate())))
      << plan.toStdString();
}

TEST_F(UiReplan, StaleChunksAreRegeneratedUnlessTheDialogKeepsThem) {
  ChunkInspector* inspector = window->chunkInspector();
  inspector->setChunk(chunks().at(0).id);
  inspector->seedEdit()->setText(QStringLiteral("777"));
  inspector->regenerateButton()->click();
  ASSERT_TRUE(waitIdle());
  ASSERT_EQ(state(1), render::SlotState::Stale);
  ASSERT_EQ(state(2), render::SlotState::Stale);

  RenderSceneDialog* dialog = window->showRenderDialog();
  ASSERT_NE(dialog, nullptr);
  QCheckBox* keep = dialog->keepStaleBox();
  EXPECT_TRUE(keep->isEnabled());
  EXPECT_FALSE(keep->isChecked());
  EXPECT_EQ(keep->text(), QStringLiteral("Keep the 2 stale chunks as they are"));
  EXPECT_FALSE(dialog->request().keepStale);
  EXPECT_TRUE(dialog->costLabel()->text().startsWith(QStringLiteral("Will generate 2 video")))
      << dialog->costLabel()->text().toStdString();

  keep->setChecked(true);
  EXPECT_TRUE(dialog->request().keepStale);
  const QString cost = dialog->costLabel()->text();
  EXPECT_TRUE(cost.startsWith(QStringLiteral("Will generate 0 video"))) << cost.toStdString();
  EXPECT_TRUE(cost.contains(QStringLiteral("Rendered as they are: chunk 2"))) << cost.toStdString();
  dialog->reject();
}

TEST_F(UiReplan, TheKeepStaleBoxIsOffWhenNothingIsStale) {
  RenderSceneDialog* dialog = window->showRenderDialog();
  ASSERT_NE(dialog, nullptr);
  EXPECT_FALSE(dialog->keepStaleBox()->isEnabled());
  EXPECT_FALSE(dialog->request().keepStale);
  dialog->reject();
}

}  // namespace
