#include "ui/farm_poller.h"

#include <QtConcurrent>

#include "core/error.h"
#include "farm/farm_jobs.h"
#include "model/project_store.h"

namespace sw::ui {

FarmPoller::FarmPoller(const QString& folder, QObject* parent) : QObject(parent), folder_(folder) {
  timer_.setInterval(10000);
  connect(&timer_, &QTimer::timeout, this, &FarmPoller::poll);
  connect(&poll_, &QFutureWatcher<QHash<qint64, QString>>::finished, this,
          [this] { emit statesChanged(poll_.result()); });
  connect(&fetch_, &QFutureWatcher<QString>::finished, this,
          [this] { emit fetched(fetch_.result()); });
}

FarmPoller::~FarmPoller() {
  poll_.waitForFinished();
  fetch_.waitForFinished();
}

void FarmPoller::setActive(bool on) {
  if (on == timer_.isActive()) return;
  if (!on) return timer_.stop();
  timer_.start();
  poll();
}

void FarmPoller::poll() {
  if (poll_.isRunning()) return;  // the last poll still waits on squeue
  poll_.setFuture(QtConcurrent::run([folder = folder_] {
    QHash<qint64, QString> states;
    try {
      auto store = model::ProjectStore::open(folder, model::ProjectStore::Check::Known);
      for (const farm::FarmTaskStatus& s : farm::farmStatus(*store, false))
        states.insert(s.jobId, s.state);
    } catch (const core::Error&) {
      // squeue not answering: the cards keep the last state; the next poll tries again
    }
    return states;
  }));
}

void FarmPoller::fetch() {
  if (fetch_.isRunning()) return;
  fetch_.setFuture(QtConcurrent::run([folder = folder_] {
    try {
      auto store = model::ProjectStore::open(folder, model::ProjectStore::Check::Known);
      const farm::FetchSummary s = farm::fetchFarmJobs(*store);
      return tr("Fetched %1, failed %2, cancelled %3, still on the cluster %4.")
          .arg(s.completed)
          .arg(s.failed)
          .arg(s.cancelled)
          .arg(s.running);
    } catch (const core::Error& e) {
      return tr("Fetching the farm's renders failed: %1").arg(e.message());
    }
  }));
}

}  // namespace sw::ui
