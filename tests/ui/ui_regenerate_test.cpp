// Regenerating chunks from the chunk inspector with the local backend, as jobs of the render
// queue (each shown in the render queue panel while it runs): one chunk gets a new take
// and the chunks after it become stale; "Regenerate N stale chunks" gives each stale chunk a new
// take, in order, each from the new last frame of the one before; progress and Cancel are shown;
// every take switch is one undo step. Chunks are 1 s at 12 fps (a models.json override) so the
// real generation stays short.
#include <gtest/gtest.h>

#include <QFile>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include "providers/model_registry.h"
#include "render/app_settings.h"
#include "render/chunk_planner.h"
#include "render/render_queue.h"
#include "render/scene_state.h"
#include "support/model_override.h"
#include "ui/chunk_inspector.h"
#include "ui/chunk_model.h"
#include "ui/chunk_regenerator.h"
#include "ui/main_window.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/render_job_model.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiRegenerate : public ::testing::Test {
 protected:
  void SetUp() override {
    overridePath = test::useShortLocalChunks();
    {
      auto store = model::ProjectStore::create(project.folder(), QStringLiteral("Regenerate"));
      sceneId = test::addRichScene(*store, QStringLiteral("Storm Warning"), 3.0);
      const auto registry = providers::ModelRegistry::load();
      const int count = providers::chunkCount(3.0, registry.model(QStringLiteral("local")));
      for (int i = 0; i < count; ++i) store->addChunk(render::newChunk(sceneId, i));
    }
    window = std::make_unique<MainWindow>();
    window->show();
    ASSERT_TRUE(window->openProject(project.folder()));
    window->projectPane()->selectScene(sceneId);
    ASSERT_EQ(chunks().size(), 3);
  }
  void TearDown() override {
    window.reset();
    QFile::remove(overridePath);  // other tests in this process use the built-in registry
  }
  QList<model::Chunk> chunks() { return window->session()->store().chunks(sceneId); }
  int takes(int position) {
    return int(window->session()->store().takes(chunks().at(position).id).size());
  }
  // The chunk's state as every view shows it (render/scene_state.h).
  render::SlotState state(int position) {
    const render::SceneState now = window->session()->sceneState(sceneId);
    const render::Slot* slot = now.slotOfChunk(chunks().at(position).id);
    return slot ? slot->state : render::SlotState::Pending;
  }
  model::Asset activeAsset(int position) {
    return *window->session()->store().asset(*chunks().at(position).assetId);
  }
  // The status the render queue panel shows for `job` (-1 when it has no row for it).
  int panelStatus(model::Id job) {
    RenderJobModel* jobs = window->jobModel();
    for (int row = 0; row < jobs->rowCount(); ++row) {
      const QModelIndex index = jobs->index(row, 0);
      if (index.data(RenderJobModel::JobIdRole).toLongLong() == job)
        return index.data(RenderJobModel::StatusRole).toInt();
    }
    return -1;
  }
  bool waitIdle() {
    return test::spinUntil([&] { return !window->regenerator()->isRunning(); });
  }
  // Generates every chunk once, in order (what "Regenerate" of pending chunks does too).
  void generateAll() {
    QList<render::RegenerateRequest> all;
    for (const model::Chunk& c : chunks())
      all.append(render::RegenerateRequest{c.id, std::nullopt, c.seed, {}});
    ASSERT_TRUE(window->regenerator()->start(all));
    ASSERT_TRUE(waitIdle());
    for (const model::Chunk& c : chunks())
      ASSERT_EQ(c.status, model::ChunkStatus::Ready) << c.error.toStdString();
  }

  QString overridePath;
  test::TempProject project;
  model::Id sceneId = 0;
  std::unique_ptr<MainWindow> window;
};

TEST_F(UiRegenerate, StaleChunksAreRegeneratedInOrderFromTheNewLastFrames) {
  generateAll();
  ChunkInspector* inspector = window->chunkInspector();
  inspector->setChunk(chunks().at(0).id);
  inspector->seedEdit()->setText(QStringLiteral("777"));
  QTest::mouseClick(inspector->regenerateButton(), Qt::LeftButton);
  EXPECT_TRUE(inspector->regenerateProgressBar()->isVisibleTo(inspector));
  EXPECT_FALSE(inspector->regenerateButton()->isEnabled());  // one run at a time
  // The regeneration is a job of the render queue, listed in its panel as running.
  const model::Id job = window->regenerator()->currentJob();
  ASSERT_NE(job, 0);
  EXPECT_TRUE(window->renderQueue()->isRunning(job));
  bool listedRunning = false;
  ASSERT_TRUE(test::spinUntil([&] {
    listedRunning = listedRunning || panelStatus(job) == int(model::JobStatus::Processing);
    return !window->regenerator()->isRunning();
  }));
  EXPECT_TRUE(listedRunning);
  EXPECT_EQ(panelStatus(job), int(model::JobStatus::Completed));
  EXPECT_EQ(window->session()->store().job(job)->status, model::JobStatus::Completed);
  ASSERT_TRUE(waitIdle());
  EXPECT_EQ(takes(0), 2);
  EXPECT_EQ(chunks().at(0).seed, 777);
  EXPECT_EQ(state(1), render::SlotState::Stale);
  EXPECT_EQ(state(2), render::SlotState::Stale);
  ASSERT_TRUE(inspector->regenerateStaleButton()->isVisibleTo(inspector));
  EXPECT_EQ(inspector->regenerateStaleButton()->text(),
            QStringLiteral("Regenerate 2 stale chunks"));
  const QString oldSecond = activeAsset(1).cacheKey;
  const qint64 secondSeed = chunks().at(1).seed;

  QSignalSpy progress(window->regenerator(), &ChunkRegenerator::progress);
  QTest::mouseClick(inspector->regenerateStaleButton(), Qt::LeftButton);
  EXPECT_TRUE(inspector->cancelRegenerateButton()->isVisibleTo(inspector));
  ASSERT_TRUE(waitIdle());
  EXPECT_FALSE(inspector->regenerateProgressBar()->isVisibleTo(inspector));
  EXPECT_TRUE(inspector->regenerateButton()->isEnabled());
  ASSERT_GE(progress.size(), 2);
  EXPECT_EQ(progress.first().at(2).toInt(), 2);  // chunk 2 first, then chunk 3
  EXPECT_EQ(progress.last().at(2).toInt(), 3);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(state(i), render::SlotState::Ready);
  EXPECT_EQ(takes(1), 2);
  EXPECT_EQ(takes(2), 2);
  EXPECT_FALSE(inspector->regenerateStaleButton()->isVisibleTo(inspector));
  // Continuity: each new take starts from the last frame of the new take before it.
  EXPECT_TRUE(activeAsset(1).parameters[QStringLiteral("startImage")].toString().contains(
      activeAsset(0).cacheKey));
  EXPECT_TRUE(activeAsset(2).parameters[QStringLiteral("startImage")].toString().contains(
      activeAsset(1).cacheKey));
  EXPECT_EQ(chunks().at(1).seed,
            secondSeed);  // stale chunks keep their seed: only the start frame changed

  // Each take switch is one undo step: chunk 3, then chunk 2 go back to their stale takes.
  QUndoStack* undo = window->session()->undoStack();
  EXPECT_EQ(undo->undoText(), QStringLiteral("New take of chunk 3"));
  undo->undo();
  EXPECT_EQ(state(2), render::SlotState::Stale);
  undo->undo();
  EXPECT_EQ(state(1), render::SlotState::Stale);
  EXPECT_EQ(activeAsset(1).cacheKey, oldSecond);
  EXPECT_EQ(takes(1), 2);  // undo switches takes; no take is lost
  undo->redo();
  EXPECT_EQ(state(1), render::SlotState::Ready);
  EXPECT_NE(activeAsset(1).cacheKey, oldSecond);

  // Undoing chunk 1's new take as well: its old take is back, so the chunks after it, which
  // started from that take's last frame, are ready again (not left stale).
  undo->undo();  // chunk 2 back to its old take (stale)
  EXPECT_EQ(undo->undoText(), QStringLiteral("New take of chunk 1"));
  undo->undo();
  EXPECT_NE(chunks().at(0).seed, 777);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(state(i), render::SlotState::Ready) << i;
  EXPECT_EQ(activeAsset(1).cacheKey, oldSecond);
  EXPECT_FALSE(inspector->regenerateStaleButton()->isVisibleTo(inspector));
  undo->redo();
  EXPECT_EQ(chunks().at(0).seed, 777);
  EXPECT_EQ(state(1), render::SlotState::Stale);
  EXPECT_EQ(state(2), render::SlotState::Stale);
}

// Choosing another take in the inspector changes the chunk's last frame: the ready chunks after
// it become stale, and undo makes them ready again.
TEST_F(UiRegenerate, ChoosingATakeMarksLaterChunksStaleUndoRestoresThem) {
  generateAll();
  ChunkInspector* inspector = window->chunkInspector();
  inspector->setChunk(chunks().at(1).id);
  inspector->seedEdit()->setText(QStringLiteral("4242"));
  QTest::mouseClick(inspector->regenerateButton(), Qt::LeftButton);
  ASSERT_TRUE(waitIdle());
  ASSERT_EQ(takes(1), 2);
  ASSERT_EQ(state(2), render::SlotState::Stale);
  QUndoStack* undo = window->session()->undoStack();
  undo->undo();  // back to the first take; chunk 3 ready again
  ASSERT_EQ(state(2), render::SlotState::Ready);
  const QString first = activeAsset(1).cacheKey;

  // Click the take that is not active.
  QListView* view = inspector->takeView();
  ASSERT_EQ(view->model()->rowCount(), 2);
  int other = -1;
  for (int row = 0; row < 2; ++row) {
    if (!view->model()->index(row, 0).data(TakeModel::ActiveRole).toBool()) other = row;
  }
  ASSERT_GE(other, 0);
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                    view->visualRect(view->model()->index(other, 0)).center());
  EXPECT_NE(activeAsset(1).cacheKey, first);
  EXPECT_EQ(state(0), render::SlotState::Ready);
  EXPECT_EQ(state(2), render::SlotState::Stale);
  EXPECT_EQ(undo->undoText(), QStringLiteral("Use take %1").arg(other + 1));
  undo->undo();
  EXPECT_EQ(activeAsset(1).cacheKey, first);
  EXPECT_EQ(state(2), render::SlotState::Ready);
}

TEST_F(UiRegenerate, CancelStopsBeforeTheNextChunk) {
  generateAll();
  QList<render::RegenerateRequest> requests;
  for (const model::Chunk& c : chunks())
    requests.append(render::RegenerateRequest{c.id, std::nullopt, c.seed + 100, {}});
  QSignalSpy finished(window->regenerator(), &ChunkRegenerator::finished);
  ASSERT_TRUE(window->regenerator()->start(requests));
  QTest::mouseClick(window->chunkInspector()->cancelRegenerateButton(), Qt::LeftButton);
  ASSERT_TRUE(waitIdle());
  ASSERT_EQ(finished.size(), 1);
  EXPECT_LE(finished.first().at(0).toInt(), 1);  // at most the chunk in flight finished
  EXPECT_TRUE(finished.first().at(3).toBool());
  EXPECT_EQ(takes(1), 1);  // the chunks after the one in flight never started
  EXPECT_EQ(takes(2), 1);
  // A cancelled chunk keeps the take it had: still ready, not left pending or generating.
  EXPECT_EQ(state(0), render::SlotState::Ready);
  EXPECT_TRUE(chunks().at(0).assetId.has_value());
  EXPECT_FALSE(
      window->chunkInspector()->regenerateProgressBar()->isVisibleTo(window->chunkInspector()));
}

}  // namespace
