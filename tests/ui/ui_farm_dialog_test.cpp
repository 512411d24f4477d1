// The Render dialog's "Run on: This machine | Slurm cluster" (issue 14 part 3): offered only when
// sbatch is on PATH; with it, the spool folder and partition are remembered. The sbatch here is
// a test-only script first on PATH (it prints a job id). Writes
// <build>/screenshots/render-dialog-farm.png.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include "farm/farm_jobs.h"
#include "farm/node_cli.h"
#include "model/project_store.h"
#include "render/app_settings.h"
#include "render/render_queue.h"
#include "ui/farm_submission.h"
#include "ui/farm_target_box.h"
#include "ui/job_card.h"
#include "ui/main_window.h"
#include "ui/project_pane.h"
#include "ui/render_job_model.h"
#include "ui/render_queue_panel.h"
#include "ui/render_scene_dialog.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

class UiFarmDialog : public ::testing::Test {
 protected:
  void SetUp() override {
    oldPath = qgetenv("PATH");
    {
      auto store = model::ProjectStore::create(project.folder(), QStringLiteral("Farm"));
      sceneId = test::addRichScene(*store, QStringLiteral("Night Shift"), 3.0);
    }
    window = std::make_unique<MainWindow>();
    window->show();
    ASSERT_TRUE(window->openProject(project.folder()));
    window->projectPane()->selectScene(sceneId);
  }
  void TearDown() override { qputenv("PATH", oldPath); }
  // PATH = a folder holding only an executable `sbatch` script (when `withSbatch`).
  void setPath(bool withSbatch) {
    if (withSbatch) script(QStringLiteral("sbatch"), "echo 4242");
    qputenv("PATH", bin.path().toLocal8Bit());
  }
  void script(const QString& name, const QByteArray& body) {
    QFile f(bin.filePath(name));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("#!/bin/sh\n" + body + "\n");
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
  }
  QByteArray oldPath;
  QTemporaryDir bin;
  test::TempProject project;
  model::Id sceneId = 0;
  std::unique_ptr<MainWindow> window;
};

TEST_F(UiFarmDialog, RunOnIsHiddenWithoutSbatch) {
  setPath(false);
  RenderSceneDialog* dialog = window->showRenderDialog();
  ASSERT_NE(dialog, nullptr);
  EXPECT_EQ(dialog->farmBox(), nullptr);
  EXPECT_EQ(dialog->findChild<QComboBox*>(QStringLiteral("runOnCombo")), nullptr);
  dialog->reject();
}

TEST_F(UiFarmDialog, RunOnIsShownWhenSbatchIsOnPath) {
  setPath(true);
  RenderSceneDialog* dialog = window->showRenderDialog();
  ASSERT_NE(dialog, nullptr);
  FarmTargetBox* farm = dialog->farmBox();
  ASSERT_NE(farm, nullptr);
  EXPECT_TRUE(farm->isVisible());
  QComboBox* runOn = farm->runOnCombo();
  ASSERT_EQ(runOn->count(), 2);
  EXPECT_FALSE(farm->onFarm());  // this machine by default
  EXPECT_FALSE(farm->spoolEdit()->isEnabled());
  runOn->setCurrentIndex(1);
  EXPECT_TRUE(farm->onFarm());
  EXPECT_TRUE(farm->spoolEdit()->isEnabled());
  farm->spoolEdit()->setText(QStringLiteral("/shared/spool"));
  farm->partitionEdit()->setText(QStringLiteral("render"));
  farm->remember();
  const QString dir = QStringLiteral(SW_BINARY_DIR "/screenshots");
  QDir().mkpath(dir);
  EXPECT_TRUE(
      dialog->grab().toImage().save(QDir(dir).filePath(QStringLiteral("render-dialog-farm.png"))));
  dialog->reject();
  // The next dialog remembers the spool and the partition.
  dialog = window->showRenderDialog();
  ASSERT_NE(dialog->farmBox(), nullptr);
  EXPECT_EQ(dialog->farmBox()->spool(), QStringLiteral("/shared/spool"));
  EXPECT_EQ(dialog->farmBox()->partition(), QStringLiteral("render"));
  dialog->reject();
}

// A farm job row (as farm submit records it) shows Slurm's state that squeue reports, polled on
// a worker; it has no Pause/Cancel of the local queue, and no Fetch while it runs.
TEST_F(UiFarmDialog, AFarmJobShowsItsSlurmStateInTheQueue) {
  setPath(true);
  script(QStringLiteral("squeue"), "echo '4242_0|RUNNING|None'");
  script(QStringLiteral("scontrol"), "exit 1");
  model::Id jobId = 0;
  {
    auto store = model::ProjectStore::open(project.folder(), model::ProjectStore::Check::Known);
    model::RenderJob row;
    row.sceneId = sceneId;
    row.status = model::JobStatus::Processing;
    row.stage = QStringLiteral("on Slurm: PENDING");
    row.spec = QJsonObject{{"kind", "farm"},
                           {"scenes", QJsonArray{double(sceneId)}},
                           {"farm", QJsonObject{{"arrayJob", "4242"},
                                                {"task", 0},
                                                {"batch", bin.path()},
                                                {"bundle", "bundles/01.swjob"},
                                                {"output", "01-night-shift.mp4"}}}};
    jobId = store->createJob(row);
    store->setJobStatus(jobId, model::JobStatus::Processing);
  }
  RenderJobModel* jobs = window->jobModel();
  jobs->reload();
  const int row = jobs->rowOf(jobId);
  ASSERT_GE(row, 0);
  EXPECT_TRUE(jobs->data(jobs->index(row), RenderJobModel::FarmRole).toBool());
  const auto state = [&] {
    return jobs->data(jobs->index(jobs->rowOf(jobId)), RenderJobModel::FarmStateRole).toString();
  };
  EXPECT_TRUE(
      QTest::qWaitFor([&] { return !state().isEmpty(); }, 10000));  // the first poll, on a worker
  EXPECT_EQ(state(), QStringLiteral("RUNNING"));
  EXPECT_TRUE(jobs->data(jobs->index(jobs->rowOf(jobId)), Qt::DisplayRole)
                  .toString()
                  .contains(QStringLiteral("On the farm: RUNNING")));
  JobCard* card = nullptr;
  for (JobCard* c : window->queuePanel()->findChildren<JobCard*>())
    if (c->jobId() == jobId) card = c;
  ASSERT_NE(card, nullptr);
  EXPECT_TRUE(card->fetchButton()->isHidden());
  EXPECT_TRUE(card->cancelButton()->isHidden());
}

// A submission from the GUI: the app's queue writes the scene's bundle into a new batch folder
// of the spool, then sbatch (the test's script, printing 4242) runs on a worker and the project
// gets one farm job of array 4242.
TEST_F(UiFarmDialog, ASubmissionWritesTheBundlesThenRunsSbatch) {
  render::AppSettings settings;  // small local video keeps the bundle quick
  settings.backendOptions = QJsonObject{{"local", QJsonObject{{"width", 320}, {"height", 180}}}};
  settings.save();
  setPath(true);
  QTemporaryDir spool;
  render::RenderRequest request;
  request.sceneIds = {sceneId};
  auto* submission = new FarmSubmission(
      window->renderQueue(), project.folder(), QStringLiteral("Farm"), request, spool.path(),
      QStringLiteral("/opt/scenewright/bin/scenewright-cli"), farm::SubmitOptions{}, window.get());
  QString arrayJob, error;
  QObject::connect(submission, &FarmSubmission::submitted,
                   [&](const QString& id, int) { arrayJob = id; });
  QObject::connect(submission, &FarmSubmission::failed, [&](const QString& e) { error = e; });
  EXPECT_TRUE(QTest::qWaitFor([&] { return !arrayJob.isEmpty() || !error.isEmpty(); }, 60000));
  EXPECT_TRUE(error.isEmpty()) << error.toStdString();
  EXPECT_EQ(arrayJob, QStringLiteral("4242"));
  auto store = model::ProjectStore::open(project.folder(), model::ProjectStore::Check::Known);
  int farmJobs = 0;
  for (const model::RenderJob& job : store->jobs())
    if (farm::isFarmJob(job)) ++farmJobs;
  EXPECT_EQ(farmJobs, 1);
  const QStringList batches = QDir(spool.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
  ASSERT_EQ(batches.size(), 1);
  EXPECT_TRUE(QFileInfo::exists(
      QDir(spool.path()).filePath(batches.first() + QStringLiteral("/bundles/01.swjob/plan.json"))))
      << QDir(spool.path()).filePath(batches.first()).toStdString();
}

TEST(UiFarmNodeCli, FindsTheCliNextToTheAppOrInCli) {
  QTemporaryDir root;
  QDir(root.path()).mkpath(QStringLiteral("gui"));
  QDir(root.path()).mkpath(QStringLiteral("cli"));
  const QString gui = root.filePath(QStringLiteral("gui"));
  EXPECT_TRUE(farm::findNodeCli(gui).isEmpty());
  QFile cli(root.filePath(QStringLiteral("cli/scenewright-cli")));
  ASSERT_TRUE(cli.open(QIODevice::WriteOnly));
  cli.close();
  EXPECT_TRUE(farm::findNodeCli(gui).isEmpty());  // not executable
  cli.setPermissions(QFile::ReadOwner | QFile::ExeOwner);
  EXPECT_EQ(farm::findNodeCli(gui), QFileInfo(cli).canonicalFilePath());
}

}  // namespace
