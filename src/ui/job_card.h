// One render job in the queue dock.
#pragma once

#include <QFrame>

#include "model/types.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace sw::ui {

class ElidedLabel;

class JobCard : public QFrame {
  Q_OBJECT
 public:
  explicit JobCard(model::Id jobId, QWidget* parent = nullptr);
  model::Id jobId() const { return jobId_; }
  // Updates everything from the model index; `controls` false disables the queue buttons.
  void update(const QModelIndex& index, bool paused, bool controls, const QString& reason);

  QProgressBar* progressBar() const { return progress_; }
  QPushButton* cancelButton() const { return cancel_; }
  QPushButton* resumeButton() const { return resume_; }
  QPushButton* openButton() const { return open_; }
  QPushButton* logButton() const { return log_; }
  // A farm job Slurm no longer runs: brings its render home (farm::fetchFarmJobs).
  QPushButton* fetchButton() const { return fetch_; }
  QLabel* costLabel() const { return cost_; }

 Q_SIGNALS:
  void pauseClicked();
  void cancelClicked();
  void retryClicked();
  void resumeClicked();
  void openClicked();
  void folderClicked();
  void saveAsClicked();
  void logClicked();
  void fetchClicked();

 private:
  QPushButton* button(const QString& text, void (JobCard::*signal)());
  model::Id jobId_;
  QLabel* title_;
  ElidedLabel* stage_;
  QLabel* eta_;
  QLabel* cost_;
  QLabel* error_;
  QProgressBar* progress_;
  QPushButton* pause_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QPushButton* retry_ = nullptr;
  QPushButton* resume_ = nullptr;
  QPushButton* open_ = nullptr;
  QPushButton* folder_ = nullptr;
  QPushButton* saveAs_ = nullptr;
  QPushButton* log_ = nullptr;
  QPushButton* fetch_ = nullptr;
};

}  // namespace sw::ui
