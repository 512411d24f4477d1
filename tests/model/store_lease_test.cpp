// Scene leases: one live job per scene. A live holder keeps the scene; a dead one (same host and
// its process is gone, or a heartbeat older than the bound) is reclaimed.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QDateTime>
#include <QTemporaryDir>

#include "model/project_store.h"

using namespace sw::model;

namespace {

// The pid of a process that has exited and been reaped.
qint64 deadPid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  int status = 0;
  ::waitpid(child, &status, 0);
  return child;
}

class StoreLease : public ::testing::Test {
 protected:
  void SetUp() override {
    store = ProjectStore::create(tmp.path(), QStringLiteral("Leases"));
    scene = store->addScene(Scene{});
    RenderJob job;
    job.sceneId = scene;
    first = store->createJob(job);
    second = store->createJob(job);
  }
  // Writes a lease as another process (or host) would have.
  void plantLease(Id job, qint64 pid, const QString& host, const QDateTime& heartbeat) {
    Statement st = store->database().prepare(
        "INSERT OR REPLACE INTO scene_leases (scene_id, job_id, pid, host, started, heartbeat) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    st.bind(1, scene)
        .bind(2, job)
        .bind(3, pid)
        .bind(4, host)
        .bind(5, heartbeat.toString(Qt::ISODateWithMs))
        .bind(6, heartbeat.toString(Qt::ISODateWithMs))
        .run();
  }

  QTemporaryDir tmp;
  std::unique_ptr<ProjectStore> store;
  Id scene = 0, first = 0, second = 0;
};

}  // namespace

TEST_F(StoreLease, SecondJobIsRefusedWhileTheFirstHoldsTheScene) {
  const auto a = store->acquireSceneLease(scene, first);
  ASSERT_TRUE(a.taken);
  EXPECT_FALSE(a.reclaimed);
  const auto b = store->acquireSceneLease(scene, second);
  EXPECT_FALSE(b.taken);
  ASSERT_TRUE(b.holder);
  EXPECT_EQ(b.holder->jobId, first);
  EXPECT_EQ(b.holder->pid, qint64(::getpid()));
  EXPECT_EQ(b.holder->host, ProjectStore::thisHost());
  const QString text = ProjectStore::describeLease(*b.holder);
  EXPECT_TRUE(text.contains(QStringLiteral("job %1").arg(first))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("pid %1").arg(::getpid()))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("started "))) << text.toStdString();
  // The holder takes it again (a resume in the same process); release frees the scene.
  EXPECT_TRUE(store->acquireSceneLease(scene, first).taken);
  store->releaseSceneLease(scene, second);  // not the holder: no effect
  EXPECT_TRUE(store->sceneLease(scene));
  store->releaseSceneLease(scene, first);
  EXPECT_FALSE(store->sceneLease(scene));
  EXPECT_TRUE(store->acquireSceneLease(scene, second).taken);
}

TEST_F(StoreLease, DeadProcessOnThisHostIsReclaimed) {
  const qint64 pid = deadPid();
  plantLease(first, pid, ProjectStore::thisHost(), QDateTime::currentDateTimeUtc());
  const auto r = store->acquireSceneLease(scene, second);
  ASSERT_TRUE(r.taken);
  ASSERT_TRUE(r.reclaimed);
  EXPECT_EQ(r.reclaimed->pid, pid);
  EXPECT_EQ(store->sceneLease(scene)->jobId, second);
}

TEST_F(StoreLease, OtherHostKeepsTheSceneUntilItsHeartbeatIsStale) {
  const QDateTime now = QDateTime::currentDateTimeUtc();
  plantLease(first, 1, QStringLiteral("elsewhere.invalid"), now);
  EXPECT_FALSE(store->acquireSceneLease(scene, second).taken);
  plantLease(first, 1, QStringLiteral("elsewhere.invalid"),
             now.addSecs(-ProjectStore::kLeaseStaleSeconds - 5));
  const auto r = store->acquireSceneLease(scene, second);
  EXPECT_TRUE(r.taken);
  ASSERT_TRUE(r.reclaimed);
  EXPECT_EQ(r.reclaimed->host, QStringLiteral("elsewhere.invalid"));
}

TEST_F(StoreLease, StaleHeartbeatOfALiveProcessIsReclaimed) {
  // Our own pid is alive, but a holder that stopped beating (pid reused, a hung job) is not.
  plantLease(first, ::getpid(), ProjectStore::thisHost(),
             QDateTime::currentDateTimeUtc().addSecs(-ProjectStore::kLeaseStaleSeconds - 5));
  EXPECT_TRUE(store->acquireSceneLease(scene, second).taken);
}

TEST_F(StoreLease, HeartbeatRefreshesOnlyTheHoldersRow) {
  const QDateTime old = QDateTime::currentDateTimeUtc().addSecs(-30);
  plantLease(first, ::getpid(), ProjectStore::thisHost(), old);
  store->heartbeatSceneLease(scene, second);
  EXPECT_EQ(store->sceneLease(scene)->heartbeat.toSecsSinceEpoch(), old.toSecsSinceEpoch());
  store->heartbeatSceneLease(scene, first);
  EXPECT_GT(store->sceneLease(scene)->heartbeat, old.addSecs(20));
}

TEST_F(StoreLease, DeletingTheSceneDropsItsLease) {
  ASSERT_TRUE(store->acquireSceneLease(scene, first).taken);
  store->removeScene(scene);
  EXPECT_FALSE(store->sceneLease(scene));
}
