#include "ui/job_card.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include "ui/elided_label.h"
#include "ui/render_job_model.h"
#include "ui/theme.h"
#include "ui/ui_format.h"

namespace sw::ui {

JobCard::JobCard(model::Id jobId, QWidget* parent)
    : QFrame(parent),
      jobId_(jobId),
      title_(new QLabel),
      stage_(new ElidedLabel(Qt::ElideMiddle)),
      eta_(new QLabel),
      cost_(new QLabel),
      error_(new QLabel),
      progress_(new QProgressBar) {
  setFrameShape(QFrame::StyledPanel);
  setObjectName(QStringLiteral("jobCard%1").arg(jobId));
  progress_->setRange(0, 1000);
  progress_->setTextVisible(true);
  title_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // a long title is cut
  error_->setWordWrap(true);
  error_->setStyleSheet(QStringLiteral("color: %1;").arg(errorTextColor(palette()).name()));
  error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  eta_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  cost_->setObjectName(QStringLiteral("jobCostLabel"));
  cost_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  auto* buttons = new QHBoxLayout;
  buttons->setSpacing(4);
  pause_ = button(tr("Pause"), &JobCard::pauseClicked);
  cancel_ = button(tr("Cancel"), &JobCard::cancelClicked);
  retry_ = button(tr("Retry failed parts"), &JobCard::retryClicked);
  resume_ = button(tr("Resume"), &JobCard::resumeClicked);
  open_ = button(tr("Open"), &JobCard::openClicked);
  folder_ = button(tr("Show in folder"), &JobCard::folderClicked);
  saveAs_ = button(tr("Save as…"), &JobCard::saveAsClicked);
  log_ = button(tr("Log"), &JobCard::logClicked);
  fetch_ = button(tr("Fetch"), &JobCard::fetchClicked);
  log_->setObjectName(QStringLiteral("jobLogButton"));
  log_->setToolTip(tr("Every step of this job: inputs, model, output, cost, time and warnings"));
  for (QPushButton* b : {pause_, cancel_, retry_, resume_, open_, folder_, saveAs_, fetch_})
    buttons->addWidget(b);
  buttons->addStretch();
  buttons->addWidget(log_);
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(6, 4, 6, 4);
  grid->addWidget(title_, 0, 0);
  grid->addWidget(eta_, 0, 1);
  grid->addWidget(progress_, 1, 0, 1, 2);
  grid->addWidget(stage_, 2, 0);
  grid->addWidget(cost_, 2, 1);
  grid->addWidget(error_, 3, 0, 1, 2);
  grid->addLayout(buttons, 4, 0, 1, 2);
}

QPushButton* JobCard::button(const QString& text, void (JobCard::*signal)()) {
  auto* b = new QPushButton(text);
  b->setAutoDefault(false);
  connect(b, &QPushButton::clicked, this, signal);
  return b;
}

void JobCard::update(const QModelIndex& index, bool paused, bool controls, const QString& reason) {
  const auto status = model::JobStatus(index.data(RenderJobModel::StatusRole).toInt());
  const double percent = index.data(RenderJobModel::ProgressRole).toDouble();
  const double eta = index.data(RenderJobModel::EtaRole).toDouble();
  const QString error = index.data(RenderJobModel::ErrorRole).toString();
  const QString output = index.data(RenderJobModel::OutputRole).toString();
  const bool running = status == model::JobStatus::Processing || status == model::JobStatus::Queued;
  const bool done = status == model::JobStatus::Completed;
  QString stateText = RenderJobModel::statusText(status);
  if (paused && running) stateText = tr("Paused");
  title_->setText(
      tr("<b>%1</b> · %2")
          .arg(index.data(RenderJobModel::SceneTitleRole).toString().toHtmlEscaped(), stateText));
  progress_->setValue(int(percent * 10));
  progress_->setFormat(QStringLiteral("%1%").arg(percent, 0, 'f', 0));
  const QString stage = index.data(RenderJobModel::StageRole).toString();
  stage_->setText(done ? tr("Saved to %1").arg(output) : stage);
  stage_->setVisible(!stage_->text().isEmpty());
  const double cost = index.data(RenderJobModel::CostRole).toDouble();
  cost_->setText(status == model::JobStatus::Queued && cost <= 0.0
                     ? QString()
                     : tr("Cost: %1").arg(formatCost(cost)));
  cost_->setToolTip(tr("What this job's generations cost so far (every run of it)"));
  eta_->setText(running && eta >= 0 ? tr("about %1 left").arg(formatDuration(eta)) : QString());
  error_->setText(
      error.isEmpty()
          ? QString()
          : tr("Failed while %1: %2").arg(stage.isEmpty() ? tr("starting") : stage, error));
  error_->setVisible(!error.isEmpty() && status == model::JobStatus::Failed);
  pause_->setText(paused ? tr("Continue") : tr("Pause"));
  // A farm job runs on the cluster, not in this queue: its state is Slurm's, Fetch brings it.
  const bool farm = index.data(RenderJobModel::FarmRole).toBool();
  const QString farmState = index.data(RenderJobModel::FarmStateRole).toString();
  if (farm && running) {
    stage_->setText(farmState.isEmpty() ? stage : RenderJobModel::farmStateText(farmState));
    stage_->setVisible(!stage_->text().isEmpty());
  }
  static const QStringList live = {QStringLiteral("PENDING"),     QStringLiteral("RUNNING"),
                                   QStringLiteral("CONFIGURING"), QStringLiteral("COMPLETING"),
                                   QStringLiteral("SUSPENDED"),   QStringLiteral("REQUEUED")};
  fetch_->setVisible(farm && running && !live.contains(farmState));
  fetch_->setEnabled(true);
  pause_->setVisible(running && !farm);
  cancel_->setVisible(running && !farm);
  retry_->setVisible(status == model::JobStatus::Failed);
  resume_->setVisible(status == model::JobStatus::Interrupted ||
                      status == model::JobStatus::Cancelled);
  const bool haveFile = done && QFileInfo::exists(output);
  for (QPushButton* b : {open_, folder_, saveAs_}) {
    b->setVisible(done);
    b->setEnabled(haveFile);
    b->setToolTip(haveFile ? QString() : tr("The rendered file is no longer at %1.").arg(output));
  }
  if (haveFile) open_->setToolTip(tr("Play the video in the preview"));
  for (QPushButton* b : {pause_, cancel_, retry_, resume_}) {
    b->setEnabled(controls);
    b->setToolTip(controls ? QString() : reason);
  }
}

}  // namespace sw::ui
