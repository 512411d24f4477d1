// Render jobs of the project (rows of render_jobs in the store, so they survive a restart),
// newest first, with the live stage / percent / ETA the queue reports.
#pragma once

#include <QAbstractListModel>
#include <QHash>

#include "model/types.h"

namespace sw::ui {

class FarmPoller;

class ProjectSession;

class RenderJobModel : public QAbstractListModel {
  Q_OBJECT
 public:
  enum Role {
    JobIdRole = Qt::UserRole + 1,
    StatusRole,  // model::JobStatus as int
    StageRole,
    ProgressRole,  // 0..100
    EtaRole,       // seconds, < 0 unknown
    ErrorRole,
    OutputRole,
    SceneTitleRole,
    CostRole,
    FarmRole,       // bool: a farm job (src/farm), rendered on the Slurm cluster
    FarmStateRole,  // Slurm's state the last poll saw ("PENDING"...); empty: not yet
  };

  explicit RenderJobModel(ProjectSession* session, QObject* parent = nullptr);

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  int rowOf(model::Id jobId) const;
  const model::RenderJob& job(int row) const { return rows_.at(row).job; }
  ProjectSession* session() const { return session_; }

  void reload();
  void refreshJob(qint64 jobId);  // reread one row (queue's jobChanged)
  void setLiveProgress(qint64 jobId, const QString& stage, double percent, double etaSeconds);
  static QString statusText(model::JobStatus status);
  // farm fetch on a worker (ui/farm_poller.h), then reload().
  void fetchFarmJobs();
  static QString farmStateText(const QString& slurmState);  // "On the farm: RUNNING"
  FarmPoller* farmPoller() const { return farm_; }

 private:
  struct Row {
    model::RenderJob job;
    QString sceneTitle;
    double eta = -1.0;
  };
  Row makeRow(const model::RenderJob& job);
  ProjectSession* session_;
  QList<Row> rows_;
  FarmPoller* farm_ = nullptr;
  QHash<qint64, QString> farmStates_;
};

}  // namespace sw::ui
