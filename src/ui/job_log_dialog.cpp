#include "ui/job_log_dialog.h"

#include <QDialogButtonBox>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "model/project_store.h"
#include "ui/job_log_model.h"
#include "ui/project_session.h"
#include "ui/render_job_model.h"
#include "ui/ui_format.h"

namespace sw::ui {

namespace {
struct Loaded {
  QList<JobLogModel::Entry> entries;
  QString error;
};
}  // namespace

JobLogDialog::JobLogDialog(ProjectSession* session, model::Id jobId, const QString& title,
                           QWidget* parent)
    : QDialog(parent),
      session_(session),
      jobId_(jobId),
      title_(title),
      model_(new JobLogModel(this)),
      table_(new QTableView),
      summary_(new QLabel(tr("Reading the job's events…"))) {
  setObjectName(QStringLiteral("jobLogDialog"));
  setWindowTitle(tr("Job Log: %1").arg(title));
  summary_->setObjectName(QStringLiteral("jobLogSummary"));
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  table_->setObjectName(QStringLiteral("jobLogTable"));
  table_->setModel(model_);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setAlternatingRowColors(true);
  table_->setWordWrap(true);
  table_->verticalHeader()->hide();
  table_->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  QHeaderView* header = table_->horizontalHeader();
  for (int c = 0; c < JobLogModel::WhatColumn; ++c)
    header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
  header->setSectionResizeMode(JobLogModel::WhatColumn, QHeaderView::Stretch);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(summary_);
  layout->addWidget(table_, 1);
  layout->addWidget(buttons);
  resize(1100, 560);
  soon_.setSingleShot(true);
  soon_.setInterval(500);
  connect(&soon_, &QTimer::timeout, this, &JobLogDialog::reload);
  reload();
}

JobLogDialog::~JobLogDialog() = default;

void JobLogDialog::scheduleReload() {
  if (!soon_.isActive()) soon_.start();
}

void JobLogDialog::reload() {
  if (!session_) return;
  if (loading_) {
    again_ = true;
    return;
  }
  loading_ = true;
  auto* watcher = new QFutureWatcher<Loaded>(this);
  connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
    const Loaded result = watcher->result();
    watcher->deleteLater();
    loading_ = false;
    if (result.error.isEmpty()) model_->setEntries(result.entries);
    showSummary(result.error);
    emit loaded();
    if (std::exchange(again_, false)) reload();
  });
  watcher->setFuture(QtConcurrent::run([folder = session_->folder(), id = jobId_] {
    try {
      return Loaded{JobLogModel::load(folder, id), {}};
    } catch (const std::exception& e) {
      return Loaded{{}, QString::fromUtf8(e.what())};
    }
  }));
}

// The job row is the GUI connection's (one quick read); the events came from the worker.
void JobLogDialog::showSummary(const QString& error) {
  if (!error.isEmpty()) {
    summary_->setText(tr("Could not read the job's events: %1").arg(error));
    return;
  }
  if (!session_) return;
  const auto job = session_->store().job(jobId_);
  int warnings = 0;
  int errors = 0;
  for (const JobLogModel::Entry& e : model_->entries()) {
    warnings += e.row.level == QLatin1String("warning");
    errors += e.row.level == QLatin1String("error");
  }
  QStringList parts{QStringLiteral("<b>%1</b>").arg(title_.toHtmlEscaped())};
  if (job) {
    parts << RenderJobModel::statusText(job->status);
    parts << tr("cost %1").arg(formatCost(job->cost));
    if (job->started.isValid() && job->finished.isValid())
      parts << tr("took %1").arg(formatDuration(job->started.msecsTo(job->finished) / 1000.0));
  }
  parts << tr("%n event(s)", nullptr, int(model_->rowCount()));
  if (warnings > 0) parts << tr("%n warning(s)", nullptr, warnings);
  if (errors > 0) parts << tr("%n error(s)", nullptr, errors);
  QString text = parts.join(QStringLiteral(" · "));
  if (job && !job->outputPath.isEmpty())
    text += QStringLiteral("<br>") + tr("Output: %1").arg(job->outputPath.toHtmlEscaped());
  summary_->setText(text);
}

}  // namespace sw::ui
