// A render sent to the Slurm cluster from the GUI: the app's own render queue generates what the
// scenes miss (the keys stay on this machine) and writes one bundle per scene into a new batch
// folder of the spool; once every bundle is written, farm::submitBatch runs on a worker thread
// (sbatch) and records the project's farm jobs. One object per submission; it deletes itself.
#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

#include "farm/slurm_client.h"
#include "model/types.h"
#include "render/render_request.h"

namespace sw::render {
class RenderQueue;
}

namespace sw::ui {

class FarmSubmission : public QObject {
  Q_OBJECT
 public:
  // Throws core::Error when the spool cannot hold a batch folder.
  FarmSubmission(render::RenderQueue* queue, const QString& folder, const QString& projectName,
                 const render::RenderRequest& request, const QString& spool, const QString& cli,
                 const farm::SubmitOptions& options, QObject* parent = nullptr);

  const QList<model::Id>& bundleJobs() const { return jobs_; }

 signals:
  void submitted(const QString& arrayJobId, int tasks);
  void failed(const QString& message);

 private:
  void jobFinished(qint64 jobId, int status, const QString& error);
  void submit();

  QString folder_, batch_, cli_;
  farm::SubmitOptions options_;
  QStringList bundles_;
  QList<model::Id> jobs_;
  QList<model::Id> pending_;
  QString firstError_;
};

// The scenewright-cli the nodes run (farm/node_cli.h from the app's folder), or a message
// naming where it was looked for when it is missing.
struct NodeCli {
  QString path, missing;
};
NodeCli nodeCli();

}  // namespace sw::ui
