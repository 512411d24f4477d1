// MainWindow: renders sent to the Slurm cluster from the Render dialog (ui/farm_submission.h).
#include <QDockWidget>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>

#include "core/error.h"
#include "render/render_queue.h"
#include "ui/farm_submission.h"
#include "ui/main_window.h"
#include "ui/project_session.h"
#include "ui/render_job_model.h"

namespace sw::ui {

void MainWindow::submitToFarm(const render::RenderRequest& request, const QString& spool,
                              const QString& partition) {
  if (!queue_ || !session_) return;
  auto warn = [this](const QString& text) {
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Render on the Cluster"), text,
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
  };
  if (spool.isEmpty() || !QFileInfo(spool).isDir()) {
    warn(tr("Choose a spool folder that exists, one this machine and every node of the "
            "cluster see at the same path (\"%1\" is not a folder).")
             .arg(spool));
    return;
  }
  const NodeCli cli = nodeCli();
  if (cli.path.isEmpty()) {
    warn(cli.missing);
    return;
  }
  farm::SubmitOptions options;
  options.partition = partition;
  FarmSubmission* submission = nullptr;
  try {
    submission =
        new FarmSubmission(queue_.get(), session_->folder(), session_->store().project().name,
                           request, spool, cli.path, options, this);
  } catch (const core::Error& e) {
    warn(e.message());
    return;
  }
  connect(submission, &FarmSubmission::submitted, this,
          [this](const QString& arrayJobId, int tasks) {
            jobs_->reload();
            statusBar()->showMessage(
                tr("Submitted Slurm job %1 (%n task(s)).", nullptr, tasks).arg(arrayJobId), 10000);
          });
  connect(submission, &FarmSubmission::failed, this, [this, warn](const QString& message) {
    jobs_->reload();
    warn(message);
  });
  jobs_->reload();
  queueDock_->show();
  queueDock_->raise();
  statusBar()->showMessage(
      tr("Writing %n bundle(s) for the cluster.", nullptr, int(request.sceneIds.size())), 5000);
}

}  // namespace sw::ui
