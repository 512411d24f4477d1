// ProjectStore: scene leases (one live job per scene, across processes and hosts).
#include <unistd.h>
#include <QSysInfo>
#include <cerrno>
#include <csignal>

#include "model/project_store.h"
#include "model/store_util.h"

namespace sw::model {

using detail::nowText;
using detail::parseTime;

namespace {

constexpr const char* kLeaseSelect =
    "SELECT scene_id, job_id, pid, host, started, heartbeat FROM scene_leases ";

SceneLease readLease(const Statement& st) {
  SceneLease l;
  l.sceneId = st.int64(0);
  l.jobId = st.int64(1);
  l.pid = st.int64(2);
  l.host = st.text(3);
  l.started = parseTime(st.text(4));
  l.heartbeat = parseTime(st.text(5));
  return l;
}

bool processExists(qint64 pid) {
  if (pid <= 0) return false;
  return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

}  // namespace

QString ProjectStore::thisHost() { return QSysInfo::machineHostName(); }

bool ProjectStore::leaseHolderAlive(const SceneLease& lease) {
  const QDateTime now = QDateTime::currentDateTimeUtc();
  if (!lease.heartbeat.isValid() || lease.heartbeat.secsTo(now) > kLeaseStaleSeconds) return false;
  if (lease.host == thisHost()) return processExists(lease.pid);
  return true;  // another host: only its heartbeat tells
}

QString ProjectStore::describeLease(const SceneLease& lease) {
  return QStringLiteral("job %1 (pid %2 on host %3, started %4)")
      .arg(lease.jobId)
      .arg(lease.pid)
      .arg(lease.host, lease.started.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
}

std::optional<SceneLease> ProjectStore::sceneLease(Id sceneId) {
  return detail::queryOne(*db_, kLeaseSelect, "WHERE scene_id = ?", sceneId, readLease);
}

std::optional<SceneLease> ProjectStore::leaseOfJob(Id jobId) {
  return detail::queryOne(*db_, kLeaseSelect, "WHERE job_id = ?", jobId, readLease);
}

ProjectStore::LeaseResult ProjectStore::acquireSceneLease(Id sceneId, Id jobId) {
  LeaseResult result;
  const qint64 pid = qint64(::getpid());
  const QString host = thisHost();
  transaction([&] {
    if (auto current = sceneLease(sceneId)) {
      const bool ours = current->jobId == jobId && current->pid == pid && current->host == host;
      if (!ours) {
        if (leaseHolderAlive(*current)) {
          result.holder = current;
          return;
        }
        result.reclaimed = current;
      }
    }
    const QString now = nowText();
    db_->prepare(
           "INSERT OR REPLACE INTO scene_leases (scene_id, job_id, pid, host, started, heartbeat) "
           "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, sceneId)
        .bind(2, jobId)
        .bind(3, pid)
        .bind(4, host)
        .bind(5, now)
        .bind(6, now)
        .run();
    result.taken = true;
  });
  return result;
}

void ProjectStore::heartbeatSceneLease(Id sceneId, Id jobId) {
  db_->prepare("UPDATE scene_leases SET heartbeat = ? WHERE scene_id = ? AND job_id = ?")
      .bind(1, nowText())
      .bind(2, sceneId)
      .bind(3, jobId)
      .run();
}

void ProjectStore::releaseSceneLease(Id sceneId, Id jobId) {
  db_->prepare("DELETE FROM scene_leases WHERE scene_id = ? AND job_id = ? AND pid = ?")
      .bind(1, sceneId)
      .bind(2, jobId)
      .bind(3, qint64(::getpid()))
      .run();
}

}  // namespace sw::model
