#include "ui/render_job_model.h"

#include "farm/farm_jobs.h"
#include "ui/farm_poller.h"
#include "ui/project_session.h"

namespace sw::ui {

RenderJobModel::RenderJobModel(ProjectSession* session, QObject* parent)
    : QAbstractListModel(parent), session_(session) {
  farm_ = new FarmPoller(session->folder(), this);
  connect(farm_, &FarmPoller::statesChanged, this, [this](const QHash<qint64, QString>& states) {
    for (auto it = states.begin(); it != states.end(); ++it)
      farmStates_.insert(it.key(), it.value());
    if (!rows_.isEmpty()) emit dataChanged(index(0), index(int(rows_.size()) - 1));
  });
  connect(farm_, &FarmPoller::fetched, this, &RenderJobModel::reload);
  reload();
}

void RenderJobModel::fetchFarmJobs() { farm_->fetch(); }

RenderJobModel::Row RenderJobModel::makeRow(const model::RenderJob& job) {
  Row row{job, {}, -1.0};
  if (job.sceneId)
    if (const auto scene = session_->store().scene(*job.sceneId)) row.sceneTitle = scene->title;
  if (row.sceneTitle.isEmpty()) row.sceneTitle = tr("Job %1").arg(job.id);
  return row;
}

void RenderJobModel::reload() {
  beginResetModel();
  rows_.clear();
  QList<model::RenderJob> jobs = session_->store().jobs();
  std::sort(jobs.begin(), jobs.end(), [](const auto& a, const auto& b) { return a.id > b.id; });
  bool farmRunning = false;
  for (const model::RenderJob& job : jobs) {
    rows_.append(makeRow(job));
    farmRunning |= farm::isFarmJob(job) && job.status == model::JobStatus::Processing;
  }
  endResetModel();
  farm_->setActive(farmRunning);
}

void RenderJobModel::refreshJob(qint64 jobId) {
  const auto job = session_->store().job(jobId);
  const int row = rowOf(jobId);
  if (!job || row < 0) return reload();  // a new job: its row goes on top
  const double eta = rows_[row].eta;
  rows_[row] = makeRow(*job);
  rows_[row].eta = job->status == model::JobStatus::Processing ? eta : -1.0;
  emit dataChanged(index(row), index(row));
}

void RenderJobModel::setLiveProgress(qint64 jobId, const QString& stage, double percent,
                                     double etaSeconds) {
  const int row = rowOf(jobId);
  if (row < 0) return refreshJob(jobId);
  rows_[row].job.stage = stage;
  rows_[row].job.progress = percent;
  rows_[row].eta = etaSeconds;
  if (rows_[row].job.status == model::JobStatus::Queued)
    rows_[row].job.status = model::JobStatus::Processing;
  emit dataChanged(index(row), index(row));
}

int RenderJobModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : int(rows_.size());
}

int RenderJobModel::rowOf(model::Id jobId) const {
  for (int i = 0; i < rows_.size(); ++i)
    if (rows_.at(i).job.id == jobId) return i;
  return -1;
}

QString RenderJobModel::statusText(model::JobStatus status) {
  switch (status) {
    case model::JobStatus::Queued:
      return tr("Queued");
    case model::JobStatus::Processing:
      return tr("Rendering");
    case model::JobStatus::Completed:
      return tr("Completed");
    case model::JobStatus::Failed:
      return tr("Failed");
    case model::JobStatus::Cancelled:
      return tr("Cancelled");
    case model::JobStatus::Interrupted:
      return tr("Interrupted");
  }
  return {};
}

QString RenderJobModel::farmStateText(const QString& slurmState) {
  return tr("On the farm: %1").arg(slurmState);
}

QVariant RenderJobModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
  const Row& row = rows_.at(index.row());
  switch (role) {
    case Qt::DisplayRole:
      // A farm job (scenewright-cli farm submit) is encoded on the cluster: its stage holds the
      // Slurm state `farm fetch` last saw ("on Slurm: PENDING").
      if (farm::isFarmJob(row.job) && row.job.status == model::JobStatus::Processing)
        return tr("%1 — %2").arg(row.sceneTitle, farmStates_.contains(row.job.id)
                                                     ? farmStateText(farmStates_.value(row.job.id))
                                                     : row.job.stage);
      return tr("%1 — %2").arg(row.sceneTitle, statusText(row.job.status));
    case JobIdRole:
      return row.job.id;
    case StatusRole:
      return int(row.job.status);
    case StageRole:
      return row.job.stage;
    case ProgressRole:
      return row.job.progress;
    case EtaRole:
      return row.eta;
    case ErrorRole:
      return row.job.errorMessage;
    case OutputRole:
      return row.job.outputPath;
    case SceneTitleRole:
      return row.sceneTitle;
    case CostRole:
      return row.job.cost;
    case FarmRole:
      return farm::isFarmJob(row.job);
    case FarmStateRole:
      return farmStates_.value(row.job.id);
    default:
      return {};
  }
}

}  // namespace sw::ui
