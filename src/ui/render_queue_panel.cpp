#include "ui/render_queue_panel.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QUrl>
#include <QVBoxLayout>

#include "ui/job_card.h"
#include "ui/job_log_dialog.h"
#include "ui/render_job_model.h"

namespace sw::ui {

RenderQueuePanel::RenderQueuePanel(RenderJobModel* jobs, QWidget* parent)
    : QWidget(parent), jobs_(jobs) {
  auto* content = new QWidget;
  list_ = new QVBoxLayout(content);
  list_->setContentsMargins(4, 4, 4, 4);
  empty_ = new QLabel(tr("No renders yet. Select a scene and choose Render Scene (Ctrl+R)."));
  empty_->setWordWrap(true);
  empty_->setObjectName(QStringLiteral("emptyQueueLabel"));
  list_->addWidget(empty_);
  list_->addStretch();
  auto* scroll = new QScrollArea;
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(scroll);
  connect(jobs_, &QAbstractItemModel::modelReset, this, &RenderQueuePanel::rebuild);
  connect(jobs_, &QAbstractItemModel::dataChanged, this, &RenderQueuePanel::refresh);
  rebuild();
}

void RenderQueuePanel::setControlsAvailable(bool available, const QString& reason) {
  available_ = available;
  reason_ = reason;
  if (jobs_->rowCount() > 0) refresh(jobs_->index(0), jobs_->index(jobs_->rowCount() - 1));
}

void RenderQueuePanel::setPaused(model::Id jobId, bool paused) {
  paused ? (void)paused_.insert(jobId) : (void)paused_.remove(jobId);
  const int row = jobs_->rowOf(jobId);
  if (row >= 0) refresh(jobs_->index(row), jobs_->index(row));
}

JobLogDialog* RenderQueuePanel::showLog(model::Id jobId) {
  const int row = jobs_->rowOf(jobId);
  if (row < 0) return nullptr;
  auto* dialog =
      new JobLogDialog(jobs_->session(), jobId,
                       jobs_->index(row).data(RenderJobModel::SceneTitleRole).toString(), this);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  // A running job's log grows: read again when its row changes (coalesced while reading).
  connect(jobs_, &QAbstractItemModel::dataChanged, dialog,
          [this, dialog, jobId](const QModelIndex& from, const QModelIndex& to) {
            const int r = jobs_->rowOf(jobId);
            if (r >= from.row() && r <= to.row()) dialog->scheduleReload();
          });
  dialog->show();
  return dialog;
}

void RenderQueuePanel::rebuild() {
  qDeleteAll(cards_);
  cards_.clear();
  empty_->setVisible(jobs_->rowCount() == 0);
  if (jobs_->rowCount() == 0) return;
  for (int row = 0; row < jobs_->rowCount(); ++row) {
    const model::Id id = jobs_->job(row).id;
    auto* card = new JobCard(id);
    cards_.insert(id, card);
    list_->insertWidget(row, card);
    connect(card, &JobCard::pauseClicked, this, [this, id] {
      paused_.contains(id) ? emit unpauseRequested(id) : emit pauseRequested(id);
    });
    connect(card, &JobCard::cancelClicked, this, [this, id] { emit cancelRequested(id); });
    connect(card, &JobCard::retryClicked, this, [this, id] { emit retryRequested(id); });
    connect(card, &JobCard::resumeClicked, this, [this, id] { emit resumeRequested(id); });
    connect(card, &JobCard::saveAsClicked, this, [this, id] { emit saveAsRequested(id); });
    connect(card, &JobCard::logClicked, this, [this, id] { showLog(id); });
    connect(card, &JobCard::fetchClicked, this, [this, card] {
      card->fetchButton()->setEnabled(false);  // until the fetch reloads the cards
      jobs_->fetchFarmJobs();
    });
    connect(card, &JobCard::openClicked, this, [this, row] {
      emit openRequested(jobs_->index(row).data(RenderJobModel::OutputRole).toString());
    });
    connect(card, &JobCard::folderClicked, this, [this, row] {
      const QString file = jobs_->index(row).data(RenderJobModel::OutputRole).toString();
      QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(file).absolutePath()));
    });
  }
  refresh(jobs_->index(0), jobs_->index(jobs_->rowCount() - 1));
}

void RenderQueuePanel::refresh(const QModelIndex& from, const QModelIndex& to) {
  for (int row = from.row(); row <= to.row(); ++row) {
    const QModelIndex index = jobs_->index(row);
    const model::Id id = index.data(RenderJobModel::JobIdRole).toLongLong();
    if (JobCard* card = cards_.value(id))
      card->update(index, paused_.contains(id), available_, reason_);
  }
}

}  // namespace sw::ui
