// One live job per scene, across processes: real `scenewright-cli` children on the local
// backend. A second render of a busy scene is refused naming the first job (or waits with
// --wait), a regenerate cannot race a render, `resume` does not run a job that still runs
// elsewhere, and a dead holder's lease is reclaimed.
//
// SW_LEASE_TEST_CLI overrides the CLI binary (to run these tests against an older build).
#include <sys/wait.h>
#include <unistd.h>

#include <QProcess>

#include "render/render_queue.h"
#include "render_fixture.h"
#include "support/wait.h"

using namespace sw;

namespace {

class RenderLease : public sw::testing::RenderFixture {
 protected:
  void SetUp() override {
    chunkSeconds = 1.0;
    RenderFixture::SetUp();
    setDuration(40);  // long enough that two processes started together overlap
  }

  void setDuration(double seconds) {
    auto store = openStore();
    auto scene = *store->scene(sceneId);
    scene.targetDuration = seconds;
    store->updateScene(scene);
  }

  static QString cli() { return qEnvironmentVariable("SW_LEASE_TEST_CLI", QStringLiteral(SW_CLI)); }

  void start(QProcess& p, const QStringList& args) {
    p.setProcessEnvironment(cliEnvironment());
    p.start(cli(), args);
    ASSERT_TRUE(p.waitForStarted());
  }

  QStringList renderArgs(const QString& out) const {
    return {QStringLiteral("render"),
            projectFolder(),
            QStringLiteral("--scene"),
            QStringLiteral("1"),
            QStringLiteral("--preview"),
            QStringLiteral("-o"),
            tmp.filePath(out)};
  }

  // Generated (not cached) assets of every job, by kind ("video", "image", ...).
  int generated(const QString& kind) {
    auto store = openStore();
    int n = 0;
    for (const model::RenderJob& j : store->jobs())
      for (const model::JobEvent& e : store->jobEvents(j.id))
        if (e.kind == QLatin1String("asset.generated") && e.message.startsWith(kind)) ++n;
    return n;
  }

  // The pid of a process that has exited and been reaped.
  static qint64 deadPid() {
    const pid_t child = ::fork();
    if (child == 0) ::_exit(0);
    int status = 0;
    ::waitpid(child, &status, 0);
    return child;
  }

  // A job row 'processing' since a `started` event of `pid`, as a CLI render leaves it.
  model::Id plantProcessingJob(model::ProjectStore& store, qint64 pid) {
    render::RenderRequest r = request();
    model::RenderJob job;
    job.sceneId = sceneId;
    job.spec = r.toJson();
    const model::Id id = store.createJob(job);
    store.addJobEvent({0,
                       id,
                       {},
                       QStringLiteral("info"),
                       QStringLiteral("started"),
                       QStringLiteral("Render started"),
                       QJsonObject{{"pid", double(pid)}}});
    store.setJobStatus(id, model::JobStatus::Processing);
    return id;
  }
};

QString text(const QByteArray& bytes) { return QString::fromUtf8(bytes); }

}  // namespace

TEST_F(RenderLease, TwoCliRendersOfOneSceneAtOnceGenerateOnce) {
  QProcess a, b;
  start(a, renderArgs(QStringLiteral("out/a.mp4")));
  start(b, renderArgs(QStringLiteral("out/b.mp4")));
  ASSERT_TRUE(a.waitForFinished(300000));
  ASSERT_TRUE(b.waitForFinished(300000));
  const QString errA = text(a.readAllStandardError()), errB = text(b.readAllStandardError());
  ASSERT_EQ(a.exitCode() + b.exitCode(), 1)
      << "exactly one must be refused\nA: " << errA.toStdString() << "\nB: " << errB.toStdString();
  const QString refused = a.exitCode() == 1 ? errA : errB;
  EXPECT_TRUE(refused.contains(QStringLiteral("is busy: job "))) << refused.toStdString();
  EXPECT_TRUE(refused.contains(QStringLiteral("pid "))) << refused.toStdString();

  auto store = openStore();
  const int chunks = int(store->chunks(sceneId).size());
  EXPECT_EQ(generated(QStringLiteral("video")), chunks) << "both renders generated video";
  int refusedJobs = 0;
  for (const model::RenderJob& j : store->jobs()) {
    if (j.status != model::JobStatus::Failed) continue;
    ++refusedJobs;
    EXPECT_EQ(eventsOfKind(j.id, QStringLiteral("asset.generated")), 0);
    EXPECT_EQ(eventsOfKind(j.id, QStringLiteral("refused")), 1);
    EXPECT_TRUE(j.errorMessage.contains(QStringLiteral("is busy")));
  }
  EXPECT_EQ(refusedJobs, 1);
  EXPECT_FALSE(store->sceneLease(sceneId)) << "the lease outlived the job";
}

TEST_F(RenderLease, WithWaitTheSecondRenderRunsAfterTheFirstAndGeneratesNothing) {
  QProcess a, b;
  QStringList argsA = renderArgs(QStringLiteral("out/a.mp4")) << QStringLiteral("--wait");
  QStringList argsB = renderArgs(QStringLiteral("out/b.mp4")) << QStringLiteral("--wait");
  start(a, argsA);
  start(b, argsB);
  ASSERT_TRUE(a.waitForFinished(300000));
  ASSERT_TRUE(b.waitForFinished(300000));
  EXPECT_EQ(a.exitCode(), 0) << a.readAllStandardError().toStdString();
  EXPECT_EQ(b.exitCode(), 0) << b.readAllStandardError().toStdString();
  auto store = openStore();
  EXPECT_EQ(generated(QStringLiteral("video")), int(store->chunks(sceneId).size()));
  int waited = 0;
  for (const model::RenderJob& j : store->jobs()) {
    EXPECT_EQ(j.status, model::JobStatus::Completed);
    if (eventsOfKind(j.id, QStringLiteral("waiting")) > 0) ++waited;
  }
  EXPECT_EQ(waited, 1);
}

TEST_F(RenderLease, RegenerateIsRefusedWhileARenderHoldsTheScene) {
  QProcess render;
  start(render, renderArgs(QStringLiteral("out/a.mp4")));
  model::Id job = 0;
  model::Id secondChunk = 0;
  ASSERT_TRUE(testsupport::waitUntil(
      [&] {
        auto store = openStore();
        if (store->jobs().isEmpty() || store->chunks(sceneId).size() < 2) return false;
        job = store->jobs().first().id;
        secondChunk = store->chunks(sceneId).at(1).id;
        return eventsOfKind(job, QStringLiteral("asset.generated"), QStringLiteral("video")) >= 1;
      },
      std::chrono::seconds(120), std::chrono::milliseconds(5)));
  ASSERT_EQ(render.state(), QProcess::Running) << "the render finished before the regenerate";

  QProcess regen;
  start(regen, {QStringLiteral("regenerate"), projectFolder(), QStringLiteral("--chunk"),
                QString::number(secondChunk)});
  ASSERT_TRUE(regen.waitForFinished(300000));
  const QString err = text(regen.readAllStandardError());
  EXPECT_EQ(regen.exitCode(), 1) << err.toStdString();
  EXPECT_TRUE(err.contains(QStringLiteral("job %1 (pid %2").arg(job).arg(render.processId())))
      << err.toStdString();

  ASSERT_TRUE(render.waitForFinished(300000));
  EXPECT_EQ(render.exitCode(), 0) << render.readAllStandardError().toStdString();
  auto store = openStore();
  EXPECT_EQ(store->takes(secondChunk).size(), 1) << "the regenerate made a take during the render";
  EXPECT_EQ(store->chunk(secondChunk)->status, model::ChunkStatus::Ready);
}

TEST_F(RenderLease, JobsOfAnotherLiveHolderAreRefusedOrWaitForIt) {
  setDuration(2);
  renderAndWait(request());  // plans and generates the chunks
  auto store = openStore();
  const model::Id chunk = store->chunks(sceneId).first().id;
  // This test process plays the live holder: another job of the scene, running here.
  const model::Id holder = plantProcessingJob(*store, ::getpid());
  ASSERT_TRUE(store->acquireSceneLease(sceneId, holder).taken);

  QProcess render;
  start(render, renderArgs(QStringLiteral("out/refused.mp4")));
  ASSERT_TRUE(render.waitForFinished(300000));
  const QString err = text(render.readAllStandardError());
  EXPECT_EQ(render.exitCode(), 1) << err.toStdString();
  EXPECT_TRUE(err.contains(QStringLiteral("job %1 (pid %2 on host %3, started ")
                               .arg(holder)
                               .arg(::getpid())
                               .arg(model::ProjectStore::thisHost())))
      << err.toStdString();

  QProcess regen;
  start(regen, {QStringLiteral("regenerate"), projectFolder(), QStringLiteral("--chunk"),
                QString::number(chunk), QStringLiteral("--wait")});
  ASSERT_TRUE(testsupport::waitUntil([&] {
    for (const model::RenderJob& j : store->jobs())
      if (j.spec.contains(QStringLiteral("regenerateChunk")) &&
          eventsOfKind(j.id, QStringLiteral("waiting")) > 0)
        return true;
    return regen.state() != QProcess::Running;
  }));
  ASSERT_EQ(regen.state(), QProcess::Running) << regen.readAllStandardError().toStdString();
  EXPECT_EQ(store->takes(chunk).size(), 1) << "generated while the scene was held";
  store->releaseSceneLease(sceneId, holder);
  ASSERT_TRUE(regen.waitForFinished(300000));
  EXPECT_EQ(regen.exitCode(), 0) << regen.readAllStandardError().toStdString();
  EXPECT_EQ(store->takes(chunk).size(), 2);
}

TEST_F(RenderLease, ResumeIsRefusedWhileTheJobStillRunsElsewhere) {
  setDuration(2);
  auto store = openStore();
  const model::Id job = plantProcessingJob(*store, ::getpid());
  ASSERT_TRUE(store->acquireSceneLease(sceneId, job).taken);
  QProcess resume;
  start(resume, {QStringLiteral("resume"), projectFolder(), QString::number(job)});
  ASSERT_TRUE(resume.waitForFinished(300000));
  const QString err = text(resume.readAllStandardError());
  EXPECT_EQ(resume.exitCode(), 1) << err.toStdString();
  EXPECT_TRUE(err.contains(QStringLiteral("job %1 (pid %2").arg(job).arg(::getpid())))
      << err.toStdString();
  EXPECT_EQ(store->job(job)->status, model::JobStatus::Processing) << "the live job was touched";
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("started")), 1) << "resume ran the job";
}

TEST_F(RenderLease, StaleLeaseOfADeadProcessIsReclaimed) {
  setDuration(2);
  auto store = openStore();
  const qint64 dead = deadPid();
  const model::Id job = plantProcessingJob(*store, dead);
  const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
  model::Statement st = store->database().prepare(
      "INSERT INTO scene_leases (scene_id, job_id, pid, host, started, heartbeat) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  st.bind(1, sceneId)
      .bind(2, job)
      .bind(3, dead)
      .bind(4, model::ProjectStore::thisHost())
      .bind(5, now)
      .bind(6, now)
      .run();
  QProcess resume;
  start(resume, {QStringLiteral("resume"), projectFolder(), QString::number(job)});
  ASSERT_TRUE(resume.waitForFinished(300000));
  EXPECT_EQ(resume.exitCode(), 0) << resume.readAllStandardError().toStdString();
  EXPECT_EQ(store->job(job)->status, model::JobStatus::Completed);
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("lease.reclaimed")), 1);
  EXPECT_FALSE(store->sceneLease(sceneId));
}

TEST_F(RenderLease, QueueRunsTwoJobsOfOneSceneOneAfterTheOther) {
  setDuration(3);
  auto queue = makeQueue();
  const model::Id first = queue->enqueue(request()).first();
  render::RenderRequest again = request();
  again.outputPath = tmp.filePath(QStringLiteral("out/again.mp4"));
  const model::Id second = queue->enqueue(again).first();
  EXPECT_TRUE(queue->isRunning(first));
  EXPECT_TRUE(queue->isWaiting(second));
  auto store = openStore();
  EXPECT_EQ(store->job(second)->status, model::JobStatus::Queued);
  EXPECT_EQ(store->job(second)->stage, QStringLiteral("waiting for job %1").arg(first));
  queue->waitForIdle();
  EXPECT_EQ(store->job(first)->status, model::JobStatus::Completed);
  EXPECT_EQ(store->job(second)->status, model::JobStatus::Completed);
  EXPECT_EQ(generated(QStringLiteral("video")), int(store->chunks(sceneId).size()));
  EXPECT_EQ(eventsOfKind(second, QStringLiteral("asset.generated")), 0);
  EXPECT_FALSE(store->sceneLease(sceneId));
}

TEST_F(RenderLease, PausingAWaitingJobKeepsItFromStarting) {
  setDuration(3);
  auto queue = makeQueue();
  QList<std::pair<model::Id, int>> finished;
  QObject::connect(queue.get(), &render::RenderQueue::jobFinished,
                   [&](qint64 id, int status, const QString&, const QString&) {
                     finished.append({id, status});
                   });
  const model::Id first = queue->enqueue(request()).first();
  render::RenderRequest again = request();
  again.outputPath = tmp.filePath(QStringLiteral("out/again.mp4"));
  const model::Id second = queue->enqueue(again).first();
  ASSERT_TRUE(queue->isWaiting(second));
  queue->pause(second);
  EXPECT_FALSE(queue->isWaiting(second));
  queue->pause(first);
  queue->waitForIdle();
  auto store = openStore();
  EXPECT_EQ(store->job(first)->status, model::JobStatus::Interrupted);
  EXPECT_EQ(store->job(second)->status, model::JobStatus::Interrupted);
  EXPECT_EQ(store->job(second)->errorMessage, QStringLiteral("Paused."));
  EXPECT_EQ(eventsOfKind(second, QStringLiteral("started")), 0) << "the waiting job started";
  const QList<std::pair<model::Id, int>> expected = {{second, int(model::JobStatus::Interrupted)},
                                                     {first, int(model::JobStatus::Interrupted)}};
  EXPECT_EQ(finished, expected);
  // Resumed, it runs from where it was.
  queue->resume(second);
  queue->waitForIdle();
  EXPECT_EQ(store->job(second)->status, model::JobStatus::Completed);
}

TEST_F(RenderLease, RecoveryKeepsAJobThatHoldsItsSceneInThisProcess) {
  // A regenerate running on a GUI worker thread: its row is 'processing' with this process's
  // pid, which recoverInterruptedJobs() alone would take for a dead run of this process.
  auto store = openStore();
  const model::Id running = plantProcessingJob(*store, ::getpid());
  ASSERT_TRUE(store->acquireSceneLease(sceneId, running).taken);
  EXPECT_EQ(render::recoverInterruptedJobs(*store), 0);
  EXPECT_EQ(store->job(running)->status, model::JobStatus::Processing);
  store->releaseSceneLease(sceneId, running);
  EXPECT_EQ(render::recoverInterruptedJobs(*store), 1);
  EXPECT_EQ(store->job(running)->status, model::JobStatus::Interrupted);
}
