// The render queue dock's content: one card per job with a progress bar, stage text, ETA,
// Pause / Cancel / Retry failed parts / Resume, errors in words, and when done Open, Show in
// folder and Save as... The buttons emit requests; the main window routes them to the queue.
#pragma once

#include <QHash>
#include <QSet>
#include <QWidget>

#include "model/types.h"

class QLabel;
class QVBoxLayout;

namespace sw::ui {

class RenderJobModel;
class JobCard;
class JobLogDialog;

class RenderQueuePanel : public QWidget {
  Q_OBJECT
 public:
  explicit RenderQueuePanel(RenderJobModel* jobs, QWidget* parent = nullptr);
  // Without a render engine the control buttons stay disabled with `reason` as tooltip.
  void setControlsAvailable(bool available, const QString& reason);
  JobCard* card(model::Id jobId) const { return cards_.value(jobId); }
  void setPaused(model::Id jobId, bool paused);
  // The job's log (the card's Log button), reread while the job changes; nullptr without it.
  JobLogDialog* showLog(model::Id jobId);

 Q_SIGNALS:
  void pauseRequested(qint64 jobId);
  void unpauseRequested(qint64 jobId);
  void cancelRequested(qint64 jobId);
  void retryRequested(qint64 jobId);
  void resumeRequested(qint64 jobId);
  void saveAsRequested(qint64 jobId);
  void openRequested(const QString& file);

 private:
  void rebuild();
  void refresh(const QModelIndex& from, const QModelIndex& to);

  RenderJobModel* jobs_;
  QVBoxLayout* list_;
  QLabel* empty_ = nullptr;
  QHash<model::Id, JobCard*> cards_;
  QSet<model::Id> paused_;
  bool available_ = false;
  QString reason_;
};

}  // namespace sw::ui
