// ProjectStore: render jobs and their structured event log.
#include "model/project_store.h"
#include "model/store_util.h"

namespace sw::model {

using detail::jsonText;
using detail::nowText;
using detail::parseJson;
using detail::parseTime;

namespace {

constexpr const char* kJobSelect =
    "SELECT id, scene_id, spec, status, stage, progress, error_message, output_path, created, "
    "started, finished, cost FROM render_jobs ";

RenderJob readJob(const Statement& st) {
  RenderJob j;
  j.id = st.int64(0);
  j.sceneId = st.optionalId(1);
  j.spec = parseJson(st.text(2));
  j.status = jobStatusFromString(st.text(3)).value_or(JobStatus::Failed);
  j.stage = st.text(4);
  j.progress = st.real(5);
  j.errorMessage = st.text(6);
  j.outputPath = st.text(7);
  j.created = parseTime(st.text(8));
  j.started = parseTime(st.text(9));
  j.finished = parseTime(st.text(10));
  j.cost = st.real(11);
  return j;
}

bool isTerminal(JobStatus s) {
  return s == JobStatus::Completed || s == JobStatus::Failed || s == JobStatus::Cancelled;
}

}  // namespace

Id ProjectStore::createJob(const RenderJob& job) {
  db_->prepare(
         "INSERT INTO render_jobs (scene_id, spec, status, stage, created) "
         "VALUES (?, ?, ?, ?, ?)")
      .bind(1, job.sceneId)
      .bind(2, jsonText(job.spec))
      .bind(3, toString(job.status))
      .bind(4, job.stage)
      .bind(5, nowText())
      .run();
  return db_->lastInsertId();
}

std::optional<RenderJob> ProjectStore::job(Id id) {
  return detail::queryOne(*db_, kJobSelect, "WHERE id = ?", id, readJob);
}

QList<RenderJob> ProjectStore::jobs() {
  return detail::queryAll(*db_, kJobSelect, "ORDER BY id", readJob);
}

void ProjectStore::updateJobProgress(Id id, const QString& stage, double progress) {
  db_->prepare("UPDATE render_jobs SET stage = ?, progress = ? WHERE id = ?")
      .bind(1, stage)
      .bind(2, std::clamp(progress, 0.0, 100.0))
      .bind(3, id)
      .run();
}

void ProjectStore::setJobStatus(Id id, JobStatus status, const QString& errorMessage) {
  const QString now = nowText();
  if (status == JobStatus::Processing)
    db_->prepare(
           "UPDATE render_jobs SET status = ?, error_message = '', "
           "started = coalesce(started, ?), finished = NULL WHERE id = ?")
        .bind(1, toString(status))
        .bind(2, now)
        .bind(3, id)
        .run();
  else if (isTerminal(status))
    db_->prepare("UPDATE render_jobs SET status = ?, error_message = ?, finished = ? WHERE id = ?")
        .bind(1, toString(status))
        .bind(2, errorMessage)
        .bind(3, now)
        .bind(4, id)
        .run();
  else
    db_->prepare("UPDATE render_jobs SET status = ?, error_message = ? WHERE id = ?")
        .bind(1, toString(status))
        .bind(2, errorMessage)
        .bind(3, id)
        .run();
  if (db_->changes() == 0)
    throw StoreError(StoreError::Kind::Missing,
                     QStringLiteral("Render job %1 does not exist.").arg(id));
}

void ProjectStore::setJobOutput(Id id, const QString& outputPath, double cost) {
  db_->prepare("UPDATE render_jobs SET output_path = ?, cost = ? WHERE id = ?")
      .bind(1, outputPath)
      .bind(2, cost)
      .bind(3, id)
      .run();
}

Id ProjectStore::addJobEvent(const JobEvent& e) {
  db_->prepare(
         "INSERT INTO job_events (job_id, time, level, kind, message, data) "
         "VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, e.jobId)
      .bind(2, e.time.isValid() ? detail::timeText(e.time) : nowText())
      .bind(3, e.level.isEmpty() ? QStringLiteral("info") : e.level)
      .bind(4, e.kind)
      .bind(5, e.message)
      .bind(6, jsonText(e.data))
      .run();
  return db_->lastInsertId();
}

QList<JobEvent> ProjectStore::jobEvents(Id jobId) {
  Statement st = db_->prepare(
      "SELECT id, job_id, time, level, kind, message, data FROM job_events WHERE job_id = ? "
      "ORDER BY id");
  st.bind(1, jobId);
  QList<JobEvent> out;
  while (st.step())
    out.append(JobEvent{st.int64(0), st.int64(1), parseTime(st.text(2)), st.text(3), st.text(4),
                        st.text(5), parseJson(st.text(6))});
  return out;
}

}  // namespace sw::model
