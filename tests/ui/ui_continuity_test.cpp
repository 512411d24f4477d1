// The continuity inspector on real media: a scene of three chunks whose first seam continues
// the picture (two halves of one clip) and whose second jumps (a colour pattern, then a plain
// grey picture). It shows both frames of each seam, measures the joins with the seam QA, warns
// only on the jumping one, follows the scene's takes, and its Regenerate queues a regenerate job
// for the chunk after the seam.
#include <gtest/gtest.h>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTest>

#include "render/model_observations.h"
#include "render/render_request.h"
#include "support/media_fixtures.h"
#include "ui/chunk_regenerator.h"
#include "ui/continuity_inspector.h"
#include "ui/editor_menus.h"
#include "ui/main_window.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiContinuity : public ::testing::Test {
 protected:
  void SetUp() override {
    overridePath = test::useShortLocalChunks();
    {
      auto store = model::ProjectStore::create(project.folder(), QStringLiteral("Continuity"));
      sceneId = test::addRichScene(*store, QStringLiteral("Harbour"), 3.5);
      testsupport::ClipSpec moving;
      moving.fps = {24, 1};
      moving.seconds = 2.0;
      moving.audio = false;
      testsupport::ClipSpec still = moving;
      still.solidLuma = 200;
      // Chunk 1 is the first second of the moving clip, chunk 2 (an identical file) the second:
      // the picture goes on across seam 1. Chunk 3 is plain grey: seam 2 jumps.
      addChunk(*store, 0, makeClip(QStringLiteral("first.mp4"), moving), 2.0, 0.0, 1.0);
      addChunk(*store, 1, makeClip(QStringLiteral("second.mp4"), moving), 2.0, 1.0, 0.0);
      addChunk(*store, 2, makeClip(QStringLiteral("grey.mp4"), still), 2.0, 0.0, 0.0);
    }
    window = std::make_unique<MainWindow>();
    window->resize(1400, 900);
    window->show();
    ASSERT_TRUE(window->openProject(project.folder()));
    window->projectPane()->selectScene(sceneId);
  }
  void TearDown() override {
    window.reset();
    QFile::remove(overridePath);  // other tests in this process use the built-in registry
  }
  QString makeClip(const QString& name, const testsupport::ClipSpec& spec) {
    return testsupport::makeClip(project.dir.filePath(name), spec);
  }
  model::Id addVideoAsset(model::ProjectStore& store, const QString& file, double seconds) {
    model::Asset asset;
    asset.kind = QStringLiteral("video");
    asset.cacheKey = QStringLiteral("test-%1").arg(file);
    asset.filePath = file;
    asset.mime = QStringLiteral("video/mp4");
    asset.duration = seconds;
    asset.width = 320;
    asset.height = 180;
    asset.provider = QStringLiteral("local");
    asset.model = QStringLiteral("local");
    asset.parameters.insert(QStringLiteral("measured"),
                            render::MeasuredVideo{seconds, 24, 1, 320, 180}.toJson());
    return store.addAsset(asset);
  }
  void addChunk(model::ProjectStore& store, int position, const QString& file, double seconds,
                double trimIn, double trimOut) {
    const model::Id assetId = addVideoAsset(store, file, seconds);
    model::Chunk chunk;
    chunk.sceneId = sceneId;
    chunk.position = position;
    chunk.seed = 100 + position;
    chunk.trimIn = trimIn;
    chunk.trimOut = trimOut;
    chunk.status = model::ChunkStatus::Ready;
    const model::Id chunkId = store.addChunk(chunk);
    const model::Id takeId =
        store.addTake(model::Take{0, chunkId, assetId, {}, chunk.seed, {}, 0.0, {}});
    store.setActiveTake(chunkId, takeId);
    chunkIds.append(chunkId);
  }
  ContinuityInspector* open() {
    window->action(QStringLiteral("actionContinuity"))->trigger();
    ContinuityInspector* inspector = window->continuityInspector();
    EXPECT_TRUE(inspector && inspector->isVisible());
    EXPECT_TRUE(test::spinUntil([&] { return !inspector->isMeasuring(); }));
    return inspector;
  }

  test::TempProject project;
  QString overridePath;
  model::Id sceneId = 0;
  QList<model::Id> chunkIds;
  std::unique_ptr<MainWindow> window;
};

bool showsPicture(QLabel* label) {
  return !label->pixmap().isNull() && label->pixmap().height() > 100;
}

}  // namespace

TEST_F(UiContinuity, ShowsBothFramesOfEverySeamAndWarnsOnlyWhereThePictureJumps) {
  ContinuityInspector* inspector = open();
  ASSERT_EQ(inspector->seamCount(), 2);
  for (int row = 0; row < 2; ++row) {
    ASSERT_TRUE(inspector->measured(row));
    EXPECT_TRUE(inspector->look(row).error.isEmpty()) << inspector->look(row).error.toStdString();
    EXPECT_TRUE(showsPicture(inspector->beforeFrame(row))) << "seam " << row + 1;
    EXPECT_TRUE(showsPicture(inspector->afterFrame(row))) << "seam " << row + 1;
  }
  // Seam 1: the last frame shown of chunk 1 (trimmed at 1 s) and chunk 2's first (from 1 s).
  const media::JoinFinding& smooth = inspector->look(0).finding;
  EXPECT_NEAR(smooth.beforeFrame, 1.0 - 1.0 / 24, 1e-3);
  EXPECT_NEAR(smooth.afterFrame, 1.0, 1e-3);
  EXPECT_TRUE(smooth.seam.video);
  EXPECT_GT(smooth.seam.motion, 0.0) << "the pattern moves";
  EXPECT_LT(smooth.seam.jumpRatio, 3.0);
  EXPECT_FALSE(inspector->look(0).jump());
  EXPECT_TRUE(inspector->verdict(0)->text().startsWith(QStringLiteral("Continuous")))
      << inspector->verdict(0)->text().toStdString();
  // Seam 2: chunk 2's last frame (the clip's end) against the grey picture.
  const media::JoinFinding& hard = inspector->look(1).finding;
  EXPECT_NEAR(hard.beforeFrame, 2.0 - 1.0 / 24, 1e-3);
  EXPECT_NEAR(hard.afterFrame, 0.0, 1e-3);
  EXPECT_GE(hard.seam.jumpRatio, 3.0);
  EXPECT_TRUE(inspector->look(1).jump());
  EXPECT_TRUE(inspector->verdict(1)->text().contains(QStringLiteral("jumps")))
      << inspector->verdict(1)->text().toStdString();
  EXPECT_EQ(inspector->summary()->text(), QStringLiteral("1 seam jumps."));
  // The frames are the pictures themselves: the grey chunk's first frame is plain grey.
  const QImage grey = inspector->afterFrame(1)->pixmap().toImage();
  // (Y 200 of the limited range is grey 214 in full-range RGB.)
  EXPECT_NEAR(qGray(grey.pixel(grey.width() / 2, grey.height() / 2)), 214, 6);

  inspector->resize(640, 720);
  QTest::qWait(50);
  const QString dir = QStringLiteral(SW_BINARY_DIR "/screenshots");
  QDir().mkpath(dir);
  EXPECT_TRUE(inspector->grab().save(QDir(dir).filePath(QStringLiteral("continuity.png"))));
}

TEST_F(UiContinuity, RegenerateQueuesARegenerateJobForTheChunkAfterTheSeam) {
  ContinuityInspector* inspector = open();
  ASSERT_EQ(inspector->seamCount(), 2);
  QPushButton* button = inspector->regenerateButton(1);
  EXPECT_EQ(button->text(), QStringLiteral("Regenerate Chunk 3"));
  ASSERT_TRUE(button->isEnabled());
  QTest::mouseClick(button, Qt::LeftButton);
  ChunkRegenerator* regenerator = window->regenerator();
  ASSERT_TRUE(regenerator->isRunning());
  const model::Id jobId = regenerator->currentJob();
  ASSERT_NE(jobId, 0);
  const auto job = window->session()->store().job(jobId);
  ASSERT_TRUE(job.has_value());
  const render::RenderRequest request = render::RenderRequest::fromJson(job->spec);
  EXPECT_EQ(request.kind, render::JobKind::Regenerate);
  EXPECT_EQ(request.regenerate.slot, render::RegenerateTarget::Slot::Chunk);
  EXPECT_EQ(request.regenerate.chunkId, chunkIds.at(2));
  regenerator->cancel();
  ASSERT_TRUE(test::spinUntil([&] { return !regenerator->isRunning(); }));
}

// A new take of a chunk is a new look at its seams: the inspector follows the scene's chunks.
TEST_F(UiContinuity, FollowsTheScenesTakes) {
  ContinuityInspector* inspector = open();
  ASSERT_TRUE(inspector->look(1).jump());
  // Chunk 3 gets a take that continues chunk 2: the same moving clip from its start... at 2 s.
  testsupport::ClipSpec moving;
  moving.fps = {24, 1};
  moving.seconds = 3.0;
  moving.audio = false;
  model::ProjectStore& store = window->session()->store();
  const QString file = makeClip(QStringLiteral("third.mp4"), moving);
  const model::Id assetId = addVideoAsset(store, file, 3.0);
  model::Chunk chunk = *store.chunk(chunkIds.at(2));
  chunk.trimIn = 2.0;
  store.updateChunk(chunk);
  const model::Id takeId = store.addTake(model::Take{0, chunk.id, assetId, {}, 7, {}, 0.0, {}});
  store.setActiveTake(chunk.id, takeId);
  window->session()->notifyChunksChanged(sceneId);
  ASSERT_TRUE(test::spinUntil([&] { return !inspector->isMeasuring(); }));
  ASSERT_EQ(inspector->seamCount(), 2);
  EXPECT_FALSE(inspector->look(1).jump()) << inspector->verdict(1)->text().toStdString();
  EXPECT_EQ(inspector->summary()->text(), QStringLiteral("2 seams, none jumps."));
}

// Closed, it decodes nothing (a render changes chunks often); shown, it looks at the scene now.
TEST_F(UiContinuity, LooksOnlyWhileShown) {
  ContinuityInspector* inspector = window->continuityInspector();
  ASSERT_NE(inspector, nullptr);
  window->session()->notifyChunksChanged(sceneId);
  EXPECT_FALSE(inspector->isVisible());
  EXPECT_EQ(inspector->seamCount(), 0);
  EXPECT_FALSE(inspector->isMeasuring());
  inspector = open();
  EXPECT_EQ(inspector->seamCount(), 2);
  inspector->hide();
  model::Chunk chunk = *window->session()->store().chunk(chunkIds.at(2));
  chunk.trimIn = 0.5;
  window->session()->store().updateChunk(chunk);
  window->session()->notifyChunksChanged(sceneId);
  EXPECT_FALSE(inspector->isMeasuring());
  inspector = open();
  EXPECT_EQ(inspector->seam(1).join.afterIn, 0.5);
}

// A chunk's context menu opens the inspector on the scene's seams.
TEST_F(UiContinuity, TheChunkMenuOpensIt) {
  QMenu* menu = window->menus()->chunkMenu(chunkIds.at(2));
  QAction* check = menu->findChild<QAction*>(QStringLiteral("menuContinuity"));
  ASSERT_NE(check, nullptr);
  ASSERT_TRUE(check->isEnabled());
  check->trigger();
  ContinuityInspector* inspector = window->continuityInspector();
  EXPECT_TRUE(inspector->isVisible());
  ASSERT_TRUE(test::spinUntil([&] { return !inspector->isMeasuring(); }));
  EXPECT_EQ(inspector->seamCount(), 2);
  menu->deleteLater();
}
