#include "farm/slurm_client.h"

#include <QProcess>
#include <QStandardPaths>

#include "farm/farm_error.h"

namespace sw::farm {

namespace {

struct Run {
  int code = -1;
  QString out;
  QString err;
};

// Slurm's commands answer the controller within its MessageTimeout (10 s by default); a minute
// covers a busy controller.
constexpr int kCommandMs = 60000;

Run run(const QString& program, const QStringList& args) {
  const QString path = QStandardPaths::findExecutable(program);
  if (path.isEmpty())
    throw FarmError(QStringLiteral("%1 is not on PATH: install Slurm's client commands "
                                   "(Debian: slurm-client) on this machine.")
                        .arg(program));
  QProcess p;
  p.start(path, args);
  if (!p.waitForStarted(kCommandMs))
    throw FarmError(QStringLiteral("Cannot start %1: %2").arg(path, p.errorString()));
  if (!p.waitForFinished(kCommandMs)) {
    p.kill();
    p.waitForFinished();
    throw FarmError(QStringLiteral("%1 did not answer within %2 s: is slurmctld running?")
                        .arg(program)
                        .arg(kCommandMs / 1000));
  }
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromLocal8Bit(p.readAllStandardOutput()),
          QString::fromLocal8Bit(p.readAllStandardError()).trimmed()};
}

}  // namespace

bool slurmAvailable() {
  return !QStandardPaths::findExecutable(QStringLiteral("sbatch")).isEmpty();
}

QString submitArray(const QString& script, int tasks, const QString& logPattern,
                    const SubmitOptions& options) {
  QStringList args{QStringLiteral("--parsable"), QStringLiteral("--array=0-%1").arg(tasks - 1),
                   QStringLiteral("--job-name=%1").arg(options.jobName),
                   QStringLiteral("--output=%1").arg(logPattern)};
  if (!options.partition.isEmpty()) args << QStringLiteral("--partition=%1").arg(options.partition);
  if (options.cpusPerTask > 0)
    args << QStringLiteral("--cpus-per-task=%1").arg(options.cpusPerTask);
  if (!options.time.isEmpty()) args << QStringLiteral("--time=%1").arg(options.time);
  if (!options.dependency.isEmpty())
    args << QStringLiteral("--dependency=%1").arg(options.dependency);
  args << script;
  const Run r = run(QStringLiteral("sbatch"), args);
  // --parsable: "JOBID" or "JOBID;CLUSTER".
  const QString id = r.out.trimmed().section(QLatin1Char(';'), 0, 0);
  bool numeric = false;
  id.toLongLong(&numeric);
  if (r.code != 0 || !numeric)
    throw FarmError(QStringLiteral("sbatch refused the job: %1")
                        .arg(r.err.isEmpty() ? r.out.trimmed() : r.err));
  return id;
}

QList<TaskState> queryArray(const QString& arrayJobId) {
  // A job Slurm no longer knows makes both exit non-zero ("Invalid job id specified"): no states.
  const Run queue = run(QStringLiteral("squeue"),
                        {QStringLiteral("-h"), QStringLiteral("-r"), QStringLiteral("-j"),
                         arrayJobId, QStringLiteral("-o"), QStringLiteral("%i|%T|%r")});
  const Run control =
      run(QStringLiteral("scontrol"),
          {QStringLiteral("show"), QStringLiteral("job"), QStringLiteral("-o"), arrayJobId});
  QList<TaskState> states = control.code == 0 ? parseScontrolJobs(control.out) : QList<TaskState>{};
  if (queue.code != 0) return states;
  for (const TaskState& live : parseSqueue(queue.out)) {
    auto it = std::find_if(states.begin(), states.end(),
                           [&](const TaskState& t) { return t.task == live.task; });
    if (it == states.end()) {
      states.append(live);
    } else if (!isFinalState(it->state)) {
      it->state = live.state;
      it->reason = live.reason;
    }
  }
  return states;
}

void cancelArray(const QString& arrayJobId) {
  const Run r = run(QStringLiteral("scancel"), {arrayJobId});
  if (r.code != 0) throw FarmError(QStringLiteral("scancel %1 failed: %2").arg(arrayJobId, r.err));
}

}  // namespace sw::farm
