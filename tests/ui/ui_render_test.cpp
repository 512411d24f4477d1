// Render Scene from the GUI: the dialog's counts and checkboxes match the scene; a render with
// the local backend reaches 'completed' in the queue dock; a cancelled render shows cancelled.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMediaPlayer>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>

#include "render/app_settings.h"
#include "render/render_queue.h"
#include "ui/job_card.h"
#include "ui/main_window.h"
#include "ui/preview_player.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/render_job_model.h"
#include "ui/render_queue_panel.h"
#include "ui/render_scene_dialog.h"
#include "ui/scene_list_model.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiRender : public ::testing::Test {
 protected:
  void SetUp() override {
    render::AppSettings settings;  // small local video keeps the render short
    settings.backendOptions = QJsonObject{{"local", QJsonObject{{"width", 320}, {"height", 180}}}};
    settings.save();
    {
      auto store = model::ProjectStore::create(project.folder(), QStringLiteral("Render"));
      sceneId = test::addRichScene(*store, QStringLiteral("Storm Warning"), 3.0);
    }
    window = std::make_unique<MainWindow>();
    window->show();
    ASSERT_TRUE(window->openProject(project.folder()));
    window->projectPane()->selectScene(sceneId);
  }
  model::JobStatus jobStatus(model::Id jobId) {
    return window->session()->store().job(jobId)->status;
  }

  test::TempProject project;
  model::Id sceneId = 0;
  std::unique_ptr<MainWindow> window;
};

TEST_F(UiRender, DialogCountsAndTracksMatchTheScene) {
  RenderSceneDialog* dialog = window->showRenderDialog();
  ASSERT_NE(dialog, nullptr);
  EXPECT_EQ(dialog->segmentsLabel()->text(), QStringLiteral("Video segments: 0 of 1 ready"));
  EXPECT_TRUE(dialog->narrationBox()->isEnabled());
  EXPECT_TRUE(dialog->narrationBox()->isChecked());
  EXPECT_TRUE(dialog->dialogueBox()->isEnabled());
  EXPECT_TRUE(dialog->dialogueBox()->text().contains(QStringLiteral("2 lines")));
  EXPECT_TRUE(dialog->dialogueBox()->text().contains(QStringLiteral("2 characters")));
  EXPECT_FALSE(dialog->musicBox()->isEnabled());  // the scene has no music prompt
  EXPECT_FALSE(dialog->musicBox()->isChecked());
  EXPECT_TRUE(dialog->musicBox()->text().contains(QStringLiteral("no music prompt")));
  EXPECT_TRUE(dialog->sfxBox()->isEnabled());
  EXPECT_TRUE(dialog->sfxBox()->text().contains(QStringLiteral("1 cue")));
  EXPECT_TRUE(dialog->costLabel()->text().contains(QStringLiteral("$0.00")));
  const QString cost = dialog->costLabel()->text();
  EXPECT_TRUE(cost.contains(QStringLiteral("Estimated cost: $0.00")) &&
              !cost.contains(QStringLiteral("not priced")))
      << "every call is priced, audio too: " << cost.toStdString();
  EXPECT_TRUE(cost.contains(QStringLiteral("Audio to generate: narration")) &&
              cost.contains(QStringLiteral("2 dialogue lines")) &&
              cost.contains(QStringLiteral("1 sound effect")))
      << cost.toStdString();
  EXPECT_TRUE(
      dialog->outputEdit()->text().endsWith(QStringLiteral("exports/01-storm-warning.mp4")));
  EXPECT_TRUE(dialog->renderButton()->isEnabled());
  // The 3 s scene's speech (estimated from its text) needs more: lengthened unless kept.
  EXPECT_FALSE(dialog->keepDurationBox()->isChecked());
  EXPECT_FALSE(dialog->request().keepDuration);
  EXPECT_TRUE(cost.contains(QStringLiteral("the scene will be"))) << cost.toStdString();
  dialog->keepDurationBox()->setChecked(true);
  EXPECT_TRUE(dialog->request().keepDuration);
  EXPECT_TRUE(dialog->costLabel()->text().contains(QStringLiteral("keeping 3.0 s cuts")))
      << dialog->costLabel()->text().toStdString();
  dialog->keepDurationBox()->setChecked(false);
  QTest::mouseClick(dialog->dialogueBox(), Qt::LeftButton, {},
                    QPoint(8, dialog->dialogueBox()->height() / 2));
  // Unticking a track takes it out of what will be generated.
  EXPECT_FALSE(dialog->costLabel()->text().contains(QStringLiteral("dialogue line")));
  dialog->previewBox()->setChecked(true);
  const render::RenderRequest request = dialog->request();
  EXPECT_EQ(request.sceneIds, QList<model::Id>{sceneId});
  EXPECT_FALSE(request.dialogue);
  EXPECT_FALSE(request.music);
  EXPECT_TRUE(request.narration);
  EXPECT_TRUE(request.preview);
  dialog->reject();
}

// The costs shown come from the backend that will run: a paid model drawn by the local video
// backend set in Preferences costs nothing in the scene list and in the dialog alike.
TEST_F(UiRender, ALocalVideoBackendShowsAPaidModelAsFreeEverywhere) {
  {
    auto scene = *window->session()->store().scene(sceneId);
    scene.modelKey = QStringLiteral("hailuo");  // $0.19 a chunk on Replicate
    scene.targetDuration = 10.0;
    window->session()->store().updateScene(scene);
    window->session()->notifySceneChanged(sceneId);
  }
  SceneListModel* scenes = window->sceneModel();
  const QModelIndex cost = scenes->index(scenes->rowOf(sceneId), SceneListModel::CostColumn);
  EXPECT_EQ(cost.data().toString(), QStringLiteral("$0.00"));
  RenderSceneDialog* dialog = window->showRenderDialog();
  ASSERT_NE(dialog, nullptr);
  EXPECT_TRUE(dialog->costLabel()->text().contains(QStringLiteral("Estimated cost: $0.00")))
      << dialog->costLabel()->text().toStdString();
  dialog->reject();
}

TEST_F(UiRender, LocalRenderReachesCompletedInTheQueue) {
  RenderSceneDialog* dialog = window->showRenderDialog();
  ASSERT_NE(dialog, nullptr);
  dialog->previewBox()->setChecked(true);
  QTest::mouseClick(dialog->renderButton(), Qt::LeftButton);
  ASSERT_EQ(window->jobModel()->rowCount(), 1);
  const model::Id jobId = window->jobModel()->job(0).id;
  ASSERT_TRUE(test::spinUntil([&] {
    const auto s = jobStatus(jobId);
    return s == model::JobStatus::Completed || s == model::JobStatus::Failed;
  }));
  window->renderQueue()->waitForIdle();
  QCoreApplication::processEvents();
  const auto job = window->session()->store().job(jobId);
  ASSERT_EQ(job->status, model::JobStatus::Completed) << job->errorMessage.toStdString();
  EXPECT_TRUE(QFileInfo(job->outputPath).size() > 0);
  JobCard* card = window->queuePanel()->card(jobId);
  ASSERT_NE(card, nullptr);
  EXPECT_EQ(card->progressBar()->value(), 1000);
  EXPECT_TRUE(card->openButton()->isVisibleTo(card));
  EXPECT_TRUE(card->openButton()->isEnabled());
  EXPECT_FALSE(card->cancelButton()->isVisibleTo(card));
  // The job's first own event is the estimate made before anything was generated.
  QStringList kinds;
  for (const model::JobEvent& e : window->session()->store().jobEvents(jobId))
    if (e.kind != QLatin1String("started")) kinds << e.kind;
  ASSERT_FALSE(kinds.isEmpty());
  EXPECT_EQ(kinds.first(), QStringLiteral("estimate"));
  // Open plays the render in the preview player (loaded there, not in another program).
  QTest::mouseClick(card->openButton(), Qt::LeftButton);
  EXPECT_EQ(window->previewPlayer()->sequence(), QStringList{job->outputPath});
  window->previewPlayer()->togglePlay();
  EXPECT_EQ(window->previewPlayer()->player()->source(), QUrl::fromLocalFile(job->outputPath));
  // The scene's chunk is now ready and shown so in the scene list.
  EXPECT_EQ(window->sceneModel()->index(0, SceneListModel::StatusColumn).data().toString(),
            QStringLiteral("Ready"));
}

TEST_F(UiRender, CancelledRenderShowsCancelledAndResume) {
  render::RenderRequest request;
  request.sceneIds = {sceneId};
  request.preview = true;
  const QList<model::Id> ids = window->enqueueRender(request);
  ASSERT_EQ(ids.size(), 1);
  JobCard* card = window->queuePanel()->card(ids.first());
  ASSERT_NE(card, nullptr);
  ASSERT_TRUE(card->cancelButton()->isEnabled());
  QTest::mouseClick(card->cancelButton(), Qt::LeftButton);
  window->renderQueue()->waitForIdle();
  ASSERT_TRUE(
      test::spinUntil([&] { return jobStatus(ids.first()) == model::JobStatus::Cancelled; }));
  QCoreApplication::processEvents();
  card = window->queuePanel()->card(ids.first());
  ASSERT_NE(card, nullptr);
  EXPECT_TRUE(card->resumeButton()->isVisibleTo(card));
  EXPECT_FALSE(card->cancelButton()->isVisibleTo(card));
}

}  // namespace
