// The queue dock's view of the project's farm jobs (src/farm): every 10 s, while a farm job is
// not final, farm::farmStatus (squeue/scontrol) runs on a worker thread, with its own store
// connection; a poll is skipped while one runs. fetch() runs farm::fetchFarmJobs on a worker.
#pragma once

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

#include "model/types.h"

namespace sw::ui {

class FarmPoller : public QObject {
  Q_OBJECT
 public:
  explicit FarmPoller(const QString& folder, QObject* parent = nullptr);
  ~FarmPoller() override;

  // Polls every 10 s while `on` (the project has farm jobs not final), once at once.
  void setActive(bool on);
  void poll();
  void fetch();
  bool fetching() const { return fetch_.isRunning(); }

 signals:
  // Job id -> Slurm's state ("PENDING", "RUNNING", "COMPLETED"...).
  void statesChanged(const QHash<qint64, QString>& states);
  // After fetch(): what it did, or the error.
  void fetched(const QString& message);

 private:
  QString folder_;
  QTimer timer_;
  QFutureWatcher<QHash<qint64, QString>> poll_;
  QFutureWatcher<QString> fetch_;
};

}  // namespace sw::ui
