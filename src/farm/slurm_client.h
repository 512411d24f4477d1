// Slurm's own commands (sbatch, squeue, scontrol, scancel), run through QProcess with the
// environment this process has (SLURM_CONF included). No scheduler of ours, no protocol.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "farm/slurm_parse.h"

namespace sw::farm {

struct SubmitOptions {
  QString partition;    // --partition; empty: the cluster's default
  int cpusPerTask = 0;  // --cpus-per-task; 0: Slurm's default
  QString time;         // --time; empty: the partition's limit
  QString jobName = QStringLiteral("scenewright");
  QString dependency;  // --dependency (afterok:123 for a film's assembly job); empty: none
};

// True when `sbatch` is on PATH (the GUI offers "Slurm cluster" then).
bool slurmAvailable();

// sbatch --parsable --array=0-(tasks-1) ... script: the array job's id. Throws FarmError with
// sbatch's own message when it refuses.
QString submitArray(const QString& script, int tasks, const QString& logPattern,
                    const SubmitOptions& options);

// Every task of the array job Slurm still knows: squeue for the live ones, scontrol for the
// ones that finished and are still in the controller's memory (MinJobAge). A job Slurm has
// forgotten yields no states (the spool's exit files then tell, farm_jobs.h).
QList<TaskState> queryArray(const QString& arrayJobId);

// scancel ARRAY (every task). Throws FarmError with scancel's message.
void cancelArray(const QString& arrayJobId);

}  // namespace sw::farm
