// Kill a real `scenewright-cli render` mid-job, then resume: the job shows as interrupted, and the
// resumed run generates nothing that was finished before the kill.
#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QThread>
#include <csignal>

#include "render/render_queue.h"
#include "render_fixture.h"

using namespace sw;

namespace {

class RenderResume : public sw::testing::RenderFixture {
 protected:
  void SetUp() override {
    chunkSeconds = 1.0;
    RenderFixture::SetUp();
    // A longer scene, so the job is still running when the first chunks are done.
    auto store = openStore();
    auto scene = *store->scene(sceneId);
    scene.targetDuration = 40;
    store->updateScene(scene);
  }

  QSet<QString> generatedKeys(model::Id job) {
    QSet<QString> keys;
    for (const model::JobEvent& e : openStore()->jobEvents(job))
      if (e.kind == QLatin1String("asset.generated"))
        keys.insert(e.data[QStringLiteral("cacheKey")].toString());
    return keys;
  }
};

}  // namespace

TEST_F(RenderResume, KilledJobResumesWithoutRegeneratingFinishedAssets) {
  QProcess cli;
  cli.setProcessEnvironment(cliEnvironment());
  cli.start(QStringLiteral(SW_CLI),
            {QStringLiteral("render"), projectFolder(), QStringLiteral("--scene"),
             QStringLiteral("1"), QStringLiteral("--preview"), QStringLiteral("-o"),
             tmp.filePath(QStringLiteral("out/resumed.mp4"))});
  ASSERT_TRUE(cli.waitForStarted());
  // Wait until at least two video chunks are generated, then kill -9 mid-job.
  QElapsedTimer waited;
  waited.start();
  model::Id job = 0;
  int videos = 0;
  std::unique_ptr<model::ProjectStore> store;
  while (cli.state() == QProcess::Running && waited.elapsed() < 120000) {
    QThread::msleep(5);
    if (!store) store = openStore();
    if (store->jobs().isEmpty()) continue;
    job = store->jobs().first().id;
    videos = 0;
    for (const model::JobEvent& e : store->jobEvents(job))
      if (e.kind == QLatin1String("asset.generated") &&
          e.message.startsWith(QStringLiteral("video")))
        ++videos;
    if (videos >= 2) break;
  }
  ASSERT_EQ(cli.state(), QProcess::Running) << "the render finished before it could be interrupted";
  ::kill(pid_t(cli.processId()), SIGKILL);
  cli.waitForFinished();
  ASSERT_GE(videos, 2);
  ASSERT_NE(store->job(job)->status, model::JobStatus::Completed) << "finished before the kill";
  store.reset();
  const QSet<QString> before = generatedKeys(job);

  {
    auto store = openStore();
    EXPECT_EQ(render::recoverInterruptedJobs(*store), 1);
    EXPECT_EQ(store->job(job)->status, model::JobStatus::Interrupted);
    EXPECT_EQ(store->integrityCheck(), QStringLiteral("ok"));
  }

  QProcess resume;
  resume.setProcessEnvironment(cliEnvironment());
  resume.start(QStringLiteral(SW_CLI),
               {QStringLiteral("resume"), projectFolder(), QString::number(job)});
  ASSERT_TRUE(resume.waitForFinished(300000));
  EXPECT_EQ(resume.exitCode(), 0) << resume.readAllStandardError().toStdString();
  store = openStore();
  EXPECT_EQ(store->job(job)->status, model::JobStatus::Completed);
  // Keys generated after the resume started must not repeat any finished before the kill.
  const QList<model::JobEvent> events = store->jobEvents(job);
  int startedRuns = 0;
  for (const model::JobEvent& e : events) {
    if (e.kind == QLatin1String("started")) ++startedRuns;
    if (startedRuns >= 2 && e.kind == QLatin1String("asset.generated")) {
      EXPECT_FALSE(before.contains(e.data[QStringLiteral("cacheKey")].toString()))
          << "regenerated " << e.message.toStdString();
    }
  }
  EXPECT_EQ(startedRuns, 2);
}
