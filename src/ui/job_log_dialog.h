// The job log of one render job (the queue card's Log button): a summary (status, cost,
// events, warnings) over a table of its events (JobLogModel). The events are read on a worker
// thread through a store connection of its own; reload() reads them again (the job changed).
#pragma once

#include <QDialog>
#include <QPointer>
#include <QTimer>

#include "model/types.h"

class QLabel;
class QTableView;

namespace sw::ui {

class JobLogModel;
class ProjectSession;

class JobLogDialog : public QDialog {
  Q_OBJECT
 public:
  JobLogDialog(ProjectSession* session, model::Id jobId, const QString& title,
               QWidget* parent = nullptr);
  ~JobLogDialog() override;
  model::Id jobId() const { return jobId_; }
  JobLogModel* model() const { return model_; }
  QTableView* table() const { return table_; }
  QLabel* summaryLabel() const { return summary_; }
  bool isLoading() const { return loading_; }
  void reload();
  // reload() within half a second, once however often it is asked (a running job's row changes
  // with every progress report).
  void scheduleReload();

 Q_SIGNALS:
  void loaded();

 private:
  void showSummary(const QString& error);

  QPointer<ProjectSession> session_;  // gone when the project closes: the dialog stays as it is
  model::Id jobId_;
  QString title_;
  JobLogModel* model_;
  QTableView* table_;
  QLabel* summary_;
  QTimer soon_;
  bool loading_ = false;
  bool again_ = false;  // reload() while loading: read once more when done
};

}  // namespace sw::ui
