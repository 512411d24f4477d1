// Farm renders of a project: the batch folder in the shared spool, the sbatch array job that
// stitches its bundles, and the project's render-job rows that follow it (spec "kind": "farm").
//
// <spool>/<batch>/  bundles/NN.swjob (one per scene), bundles.txt and outputs.txt (line i+1:
// task i's bundle and output name), run.sh (what every task runs), out/ (the tasks' MP4s and
// stitch reports), status/<i>.exit (the task's exit code), logs/<array>_<i>.log (its output).
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include "farm/slurm_client.h"
#include "model/project_store.h"

namespace sw::farm {

// A job row of the project that a farm task renders.
bool isFarmJob(const model::RenderJob& job);

// A new batch folder under `spool` (made, with bundles/, out/, logs/, status/): its path.
QString makeBatchFolder(const QString& spool, const QString& projectName);
// bundles/NN.swjob for the i-th scene of the batch.
QString bundlePathOf(const QString& batch, int index);

struct SubmitResult {
  QString arrayJobId;
  QList<model::Id> jobIds;  // the project's rows, one per task
};

// Writes run.sh (tasks run `cli stitch --plan`), submits the array job and records one render
// job per bundle (their scenes from each bundle's job.json). `cli`: the scenewright-cli the
// nodes run (a shared install path). Throws FarmError.
SubmitResult submitBatch(model::ProjectStore& store, const QString& batch,
                         const QStringList& bundles, const QString& cli,
                         const SubmitOptions& options);

// A film's assembly (farm submit --film): run-film.sh stitches `plan` (the film plan over the
// scene tasks' out/ files, in the batch) into out/`output` once every task of `sceneArray`
// succeeded (sbatch --array=0-0 --dependency=afterok:ARRAY); `manifest` (in the batch) is the
// film manifest fetch completes with the stitch report. Records one render job (no scene,
// farm "film": true). Throws FarmError.
SubmitResult submitFilmAssembly(model::ProjectStore& store, const QString& batch,
                                const QString& sceneArray, const QString& plan,
                                const QString& output, const QString& manifest, const QString& cli,
                                SubmitOptions options);

// One farm task as `farm status` shows it.
struct FarmTaskStatus {
  model::Id jobId = 0;
  model::Id sceneId = 0;
  QString slurmId;  // "123_0"
  QString state;    // Slurm's (PENDING, RUNNING, COMPLETED...), or the project's when final
  QString reason;
  int exitCode = -1;
  QString output;     // the task's MP4 in the spool
  bool film = false;  // the film's assembly job
  QJsonObject toJson() const;
};
// The project's farm jobs that are not final yet, with Slurm's state (one squeue/scontrol call
// per array job); `all`: every farm job, the final ones with their recorded state.
QList<FarmTaskStatus> farmStatus(model::ProjectStore& store, bool all);

struct FetchSummary {
  int completed = 0, failed = 0, cancelled = 0, running = 0;
};
// Copies every finished task's MP4 and manifest into exports/ and marks its job completed;
// failed tasks are marked failed with the tail of their log; cancelled ones cancelled. A film's
// assembly job whose scene tasks failed (pending, DependencyNeverSatisfied) is cancelled with
// scancel and marked failed, naming the scene array.
FetchSummary fetchFarmJobs(model::ProjectStore& store);

// scancel of every array job with tasks not final; their jobs are marked cancelled. Returns
// how many jobs were cancelled.
int cancelFarmJobs(model::ProjectStore& store);

// The last `lines` lines of a task's log ("" when there is none).
QString logTail(const QString& path, int lines = 15);

}  // namespace sw::farm
