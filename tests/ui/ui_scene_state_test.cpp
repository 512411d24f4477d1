// The views that react to one event share one scene state (ProjectSession::sceneState): a
// selection computes it once, not once per view; a write, on the session's connection or on
// another one (a render worker's), is seen at once; a job's progress does not drop it.
#include <gtest/gtest.h>

#include <QCoreApplication>

#include "render/app_settings.h"
#include "ui/main_window.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/timeline_widget.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiSceneState : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      auto store = model::ProjectStore::create(project.folder(), QStringLiteral("States"));
      first = test::addRichScene(*store, QStringLiteral("Storm Warning"), 3.0);
      second = test::addRichScene(*store, QStringLiteral("The Lamp Room"), 4.0);
    }
    window = std::make_unique<MainWindow>();
    window->show();
    ASSERT_TRUE(window->openProject(project.folder()));
    window->projectPane()->selectScene(first);
    QCoreApplication::processEvents();
  }
  void setTargetDuration(model::ProjectStore& store, double seconds) {
    auto scene = *store.scene(first);
    scene.targetDuration = seconds;
    store.updateScene(scene);
  }

  test::TempProject project;
  model::Id first = 0, second = 0;
  std::unique_ptr<MainWindow> window;
};

// The scene list, the timeline, the chunk list, both inspectors and the preview all show the
// selected scene's state: one computation between them, and none when it is selected again
// unchanged.
TEST_F(UiSceneState, SelectingASceneComputesItsStateOnce) {
  window->session()->sceneState(first);  // after the window's activation (which forgets)
  for (const auto& [scene, computed] :
       {std::pair{second, 1}, std::pair{first, 0}, std::pair{second, 0}}) {
    SCOPED_TRACE(scene);
    const int before = window->session()->sceneStatesComputed();
    window->projectPane()->selectScene(scene);
    EXPECT_EQ(window->session()->sceneStatesComputed() - before, computed);
    QCoreApplication::processEvents();
  }
}

// The lanes are in seconds: zooming the timeline reads nothing.
TEST_F(UiSceneState, ZoomingTheTimelineComputesNoState) {
  const int before = window->session()->sceneStatesComputed();
  window->timeline()->zoomIn();
  QCoreApplication::processEvents();
  window->timeline()->zoomOut();
  EXPECT_EQ(window->session()->sceneStatesComputed(), before);
}

TEST_F(UiSceneState, AWriteOnTheSessionsConnectionIsSeenAtOnce) {
  ProjectSession* session = window->session();
  const double before = session->sceneState(first).duration;
  setTargetDuration(session->store(), 20.0);  // no notification, same event
  const double after = session->sceneState(first).duration;
  EXPECT_GT(after, before + 10.0);
}

TEST_F(UiSceneState, ACommitOnAnotherConnectionIsSeenAtOnce) {
  ProjectSession* session = window->session();
  const double before = session->sceneState(first).duration;
  setTargetDuration(*model::ProjectStore::open(project.folder()), 20.0);  // as a render worker
  const double after = session->sceneState(first).duration;
  EXPECT_GT(after, before + 10.0);
}

// A render writes its job's progress many times a second: the selected scene's state is kept
// through those commits (and across events), and computed again when a chunk changes.
TEST_F(UiSceneState, AJobsProgressKeepsTheStateAChunkDropsIt) {
  ProjectSession* session = window->session();
  session->sceneState(first);
  QCoreApplication::processEvents();
  const int before = session->sceneStatesComputed();
  auto worker = model::ProjectStore::open(project.folder());  // as a render worker
  model::RenderJob job;
  job.sceneId = first;
  const model::Id jobId = worker->createJob(job);
  worker->updateJobProgress(jobId, QStringLiteral("video"), 40);
  worker->addJobEvent({0,
                       jobId,
                       {},
                       QStringLiteral("info"),
                       QStringLiteral("started"),
                       QStringLiteral("Render started"),
                       {}});
  session->sceneState(first);
  QCoreApplication::processEvents();
  session->sceneState(first);
  EXPECT_EQ(session->sceneStatesComputed(), before);
  model::Chunk chunk;
  chunk.sceneId = first;
  chunk.prompt = QStringLiteral("the lamp, closer");
  worker->addChunk(chunk);
  session->sceneState(first);
  EXPECT_EQ(session->sceneStatesComputed() - before, 1);
}

// Preferences change the backends without the store: a state is computed afresh for them.
TEST_F(UiSceneState, OtherBackendsComputeItAgain) {
  ProjectSession* session = window->session();
  session->sceneState(first);
  const int before = session->sceneStatesComputed();
  render::AppSettings settings = render::AppSettings::load();
  settings.backends.video = QStringLiteral("replicate");
  settings.save();
  session->sceneState(first);
  EXPECT_EQ(session->sceneStatesComputed() - before, 1);
}

}  // namespace
