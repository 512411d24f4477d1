// The job log (issue 13 part 9): a finished local render's card shows its cost and opens its
// events in a table with the same rows as `scenewright-cli jobs DIR --events JOB`
// (render::describeJobEvents); the dialog reads them on a worker. Writes
// <build>/screenshots/job-log.png.
#include <gtest/gtest.h>

#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QUuid>

#include "render/app_settings.h"
#include "render/job_log.h"
#include "render/render_queue.h"
#include "ui/job_card.h"
#include "ui/job_log_dialog.h"
#include "ui/job_log_model.h"
#include "ui/main_window.h"
#include "ui/project_pane.h"
#include "ui/project_session.h"
#include "ui/render_job_model.h"
#include "ui/render_queue_panel.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiJobLog : public ::testing::Test {
 protected:
  void SetUp() override {
    render::AppSettings settings;  // small local video keeps the render short
    settings.backendOptions = QJsonObject{{"local", QJsonObject{{"width", 320}, {"height", 180}}}};
    settings.save();
    {
      auto store = model::ProjectStore::create(project.folder(), QStringLiteral("Log"));
      sceneId = test::addRichScene(*store, QStringLiteral("Storm Warning"), 3.0);
      // A prompt of its own: the video is generated, not taken from another test's cache.
      auto scene = *store->scene(sceneId);
      scene.visualPrompt += QStringLiteral(" ") + QUuid::createUuid().toString();
      store->updateScene(scene);
    }
    window = std::make_unique<MainWindow>();
    window->resize(1366, 768);
    window->show();
    ASSERT_TRUE(window->openProject(project.folder()));
    window->projectPane()->selectScene(sceneId);
  }
  // A finished preview render of the scene with the local backend.
  model::Id renderOnce() {
    render::RenderRequest request;
    request.sceneIds = {sceneId};
    request.preview = true;
    const QList<model::Id> ids = window->enqueueRender(request);
    EXPECT_EQ(ids.size(), 1);
    EXPECT_TRUE(test::spinUntil([&] { return !window->renderQueue()->isRunning(ids.value(0)); }));
    window->renderQueue()->waitForIdle();
    QCoreApplication::processEvents();
    const auto job = window->session()->store().job(ids.value(0));
    EXPECT_EQ(job->status, model::JobStatus::Completed) << job->errorMessage.toStdString();
    return ids.value(0);
  }

  test::TempProject project;
  model::Id sceneId = 0;
  std::unique_ptr<MainWindow> window;
};

TEST_F(UiJobLog, CardShowsCostAndLogShowsTheRenderSteps) {
  const model::Id jobId = renderOnce();
  JobCard* card = window->queuePanel()->card(jobId);
  ASSERT_NE(card, nullptr);
  EXPECT_EQ(card->costLabel()->text(), QStringLiteral("Cost: $0.00"));
  EXPECT_TRUE(card->costLabel()->isVisibleTo(card));
  ASSERT_TRUE(card->logButton()->isVisibleTo(card));

  QTest::mouseClick(card->logButton(), Qt::LeftButton);
  auto* dialog = window->queuePanel()->findChild<JobLogDialog*>(QStringLiteral("jobLogDialog"));
  ASSERT_NE(dialog, nullptr);
  EXPECT_EQ(dialog->jobId(), jobId);
  ASSERT_TRUE(test::spinUntil([&] { return !dialog->isLoading(); }));
  JobLogModel* model = dialog->model();

  // The same rows, in the same words, as the CLI's (one shared formatter).
  const QList<render::JobLogRow> expected =
      render::describeJobEvents(window->session()->store().jobEvents(jobId));
  ASSERT_EQ(model->rowCount(), expected.size());
  ASSERT_GE(model->rowCount(), 6);
  QStringList steps;
  for (int r = 0; r < model->rowCount(); ++r) {
    const auto cell = [&](int c) { return model->index(r, c).data().toString(); };
    EXPECT_EQ(cell(JobLogModel::StepColumn), expected.at(r).step);
    EXPECT_EQ(cell(JobLogModel::WhatColumn), expected.at(r).what);
    steps << cell(JobLogModel::StepColumn);
  }
  EXPECT_EQ(steps.first(), QStringLiteral("Start"));
  EXPECT_EQ(steps.last(), QStringLiteral("Done"));
  EXPECT_TRUE(steps.contains(QStringLiteral("Estimate")));
  EXPECT_TRUE(steps.contains(QStringLiteral("Generate video")));
  // Speech of the same text may come from another test's render: "Cached speech" then.
  EXPECT_TRUE(steps.contains(QStringLiteral("Generate speech")) ||
              steps.contains(QStringLiteral("Cached speech")));
  EXPECT_TRUE(steps.contains(QStringLiteral("Stitch")));

  // A generation names its inputs, model, cost and seconds; the last row the output file.
  const int video = int(steps.indexOf(QStringLiteral("Generate video")));
  const auto at = [&](int r, int c) { return model->index(r, c).data().toString(); };
  EXPECT_EQ(at(video, JobLogModel::ModelColumn), QStringLiteral("local / local"));
  EXPECT_EQ(at(video, JobLogModel::CostColumn), QStringLiteral("$0.00"));
  EXPECT_TRUE(at(video, JobLogModel::TookColumn).endsWith(QStringLiteral(" s")));
  EXPECT_TRUE(at(video, JobLogModel::WhatColumn).contains(QStringLiteral("seed ")))
      << at(video, JobLogModel::WhatColumn).toStdString();
  const QString output = window->session()->store().job(jobId)->outputPath;
  EXPECT_TRUE(at(model->rowCount() - 1, JobLogModel::WhatColumn).contains(output));
  int speech = int(steps.indexOf(QStringLiteral("Generate speech")));
  if (speech < 0) speech = int(steps.indexOf(QStringLiteral("Cached speech")));
  ASSERT_GE(speech, 0);
  EXPECT_TRUE(at(speech, JobLogModel::ModelColumn).startsWith(QStringLiteral("local / espeak")))
      << at(speech, JobLogModel::ModelColumn).toStdString();
  EXPECT_TRUE(dialog->summaryLabel()->text().contains(QStringLiteral("Completed")));
  EXPECT_TRUE(dialog->summaryLabel()->text().contains(QStringLiteral("cost $0.00")));

  dialog->table()->resizeRowsToContents();
  QTest::qWait(50);
  const QString dir = QStringLiteral(SW_BINARY_DIR "/screenshots");
  QDir().mkpath(dir);
  EXPECT_TRUE(dialog->grab().toImage().save(QDir(dir).filePath(QStringLiteral("job-log.png"))));
  dialog->close();
}

// Opened while the job runs, the log follows it to its last event without being reopened.
TEST_F(UiJobLog, TheLogOfARunningJobFollowsIt) {
  render::RenderRequest request;
  request.sceneIds = {sceneId};
  request.preview = true;
  const model::Id jobId = window->enqueueRender(request).value(0);
  JobLogDialog* dialog = window->queuePanel()->showLog(jobId);
  ASSERT_NE(dialog, nullptr);
  ASSERT_TRUE(test::spinUntil([&] { return !window->renderQueue()->isRunning(jobId); }));
  window->renderQueue()->waitForIdle();
  ASSERT_EQ(window->session()->store().job(jobId)->status, model::JobStatus::Completed);
  const qsizetype events = window->session()->store().jobEvents(jobId).size();
  ASSERT_TRUE(test::spinUntil([&] { return dialog->model()->rowCount() == events; }))
      << dialog->model()->rowCount() << " of " << events;
  EXPECT_EQ(dialog->model()->index(int(events) - 1, JobLogModel::StepColumn).data().toString(),
            QStringLiteral("Done"));
  EXPECT_TRUE(dialog->summaryLabel()->text().contains(QStringLiteral("Completed")));
  dialog->close();
}

// A fallback warning is a coloured row with its own step name (the job log's warnings).
TEST(UiJobLogModel, WarningRowsAreNamedAndColoured) {
  model::JobEvent e;
  e.time = QDateTime::currentDateTimeUtc();
  e.level = QStringLiteral("warning");
  e.kind = QStringLiteral("fallback.t2v");
  e.message = QStringLiteral(
      "Image-to-video failed for chunk 2 of 3 (bad image); retrying as text-to-video.");
  JobLogModel model;
  model.setEntries({{render::describeJobEvent(e, e.time), e}});
  const QModelIndex step = model.index(0, JobLogModel::StepColumn);
  EXPECT_EQ(step.data().toString(), QStringLiteral("Fallback"));
  EXPECT_EQ(model.index(0, JobLogModel::WhatColumn).data().toString(), e.message);
  EXPECT_TRUE(step.data(Qt::ForegroundRole).isValid());
}

}  // namespace
