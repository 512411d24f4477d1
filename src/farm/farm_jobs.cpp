#include "farm/farm_jobs.h"

#include <unistd.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextStream>
#include <map>

#include "farm/farm_error.h"
#include "render/job_bundle.h"

namespace sw::farm {

namespace {

using model::JobStatus;

const QString kKind = QStringLiteral("farm");

QString shellQuote(const QString& text) {
  QString quoted = text;
  quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
  return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

void writeText(const QString& path, const QString& text, bool executable = false) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit())
    throw FarmError(QStringLiteral("Cannot write %1: %2. Check that the spool is writable.")
                        .arg(path, f.errorString()));
  if (executable)
    QFile::setPermissions(
        path, QFile::permissions(path) | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
}

QJsonObject farmOf(const model::RenderJob& job) {
  return job.spec.value(QStringLiteral("farm")).toObject();
}

bool isFinal(JobStatus s) {
  return s == JobStatus::Completed || s == JobStatus::Failed || s == JobStatus::Cancelled;
}

QString outputOf(const QJsonObject& farm) {
  return farm.value(QStringLiteral("batch")).toString() + QStringLiteral("/out/") +
         farm.value(QStringLiteral("output")).toString();
}

QString logOf(const QJsonObject& farm) {
  return QStringLiteral("%1/logs/%2_%3.log")
      .arg(farm.value(QStringLiteral("batch")).toString(),
           farm.value(QStringLiteral("arrayJob")).toString())
      .arg(farm.value(QStringLiteral("task")).toInt());
}

// The task's exit code from the spool (run.sh writes it when the stitch ends); -1: none yet.
int spoolExitCode(const QJsonObject& farm) {
  const QString name = farm.value(QStringLiteral("film")).toBool()
                           ? QStringLiteral("film")
                           : QString::number(farm.value(QStringLiteral("task")).toInt());
  QFile f(QStringLiteral("%1/status/%2.exit")
              .arg(farm.value(QStringLiteral("batch")).toString(), name));
  if (!f.open(QIODevice::ReadOnly)) return -1;
  bool ok = false;
  const int code = QString::fromUtf8(f.readAll()).trimmed().toInt(&ok);
  return ok ? code : -1;
}

// Copies `from` over `to` whole (a temporary name beside it, then a rename).
void copyInto(const QString& from, const QString& to) {
  const QString part = QStringLiteral("%1.part-%2").arg(to).arg(::getpid());
  QFile::remove(part);
  if (!QFile::copy(from, part))
    throw FarmError(QStringLiteral("Cannot copy %1 to %2: check the free space.").arg(from, to));
  QFile::remove(to);
  if (!QFile::rename(part, to)) {
    QFile::remove(part);
    throw FarmError(QStringLiteral("Cannot move %1 into place.").arg(to));
  }
}

QJsonObject readJson(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                     : QJsonObject();
}

// The scene's manifest (written with the bundle), with the task's stitch report and the farm
// job that made the file.
void writeFetchedManifest(const QJsonObject& farm, const QString& to) {
  const QString batch = farm.value(QStringLiteral("batch")).toString();
  QJsonObject manifest =
      farm.contains(QStringLiteral("manifest"))  // a film's, written at submit
          ? readJson(batch + QLatin1Char('/') + farm.value(QStringLiteral("manifest")).toString())
          : readJson(batch + QLatin1Char('/') + farm.value(QStringLiteral("bundle")).toString() +
                     QStringLiteral("/manifest.json"));
  manifest.insert(QStringLiteral("stitch"),
                  readJson(outputOf(farm) + QStringLiteral(".report.json")));
  manifest.insert(
      QStringLiteral("farm"),
      QJsonObject{{"slurmJob", QStringLiteral("%1_%2")
                                   .arg(farm.value(QStringLiteral("arrayJob")).toString())
                                   .arg(farm.value(QStringLiteral("task")).toInt())},
                  {"bundle",
                   farm.contains(QStringLiteral("bundle"))
                       ? batch + QLatin1Char('/') + farm.value(QStringLiteral("bundle")).toString()
                       : QString()}});
  QSaveFile f(to);
  if (!f.open(QIODevice::WriteOnly) ||
      f.write(QJsonDocument(manifest).toJson(QJsonDocument::Indented)) < 0 || !f.commit())
    throw FarmError(QStringLiteral("Cannot write %1: %2").arg(to, f.errorString()));
}

}  // namespace

bool isFarmJob(const model::RenderJob& job) {
  return job.spec.value(QStringLiteral("kind")).toString() == kKind;
}

QString makeBatchFolder(const QString& spool, const QString& projectName) {
  QString slug = projectName.toLower();
  slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
  slug = slug.left(40);
  if (slug.isEmpty()) slug = QStringLiteral("project");
  const QString batch =
      QStringLiteral("%1/%2-%3-%4")
          .arg(QFileInfo(spool).absoluteFilePath(), slug,
               QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")))
          .arg(::getpid());
  for (const char* sub : {"bundles", "out", "logs", "status"})
    if (!QDir().mkpath(batch + QLatin1Char('/') + QLatin1String(sub)))
      throw FarmError(
          QStringLiteral("Cannot create %1/%2: the spool must be a folder this machine and the "
                         "cluster's nodes can write.")
              .arg(batch, QLatin1String(sub)));
  return batch;
}

QString bundlePathOf(const QString& batch, int index) {
  return QStringLiteral("%1/bundles/%2.swjob").arg(batch).arg(index + 1, 2, 10, QLatin1Char('0'));
}

SubmitResult submitBatch(model::ProjectStore& store, const QString& batch,
                         const QStringList& bundles, const QString& cli,
                         const SubmitOptions& options) {
  QStringList relative, outputs;
  QList<model::Id> scenes;
  for (const QString& b : bundles) {
    const QJsonObject job = render::readBundleJob(b);
    relative << QDir(batch).relativeFilePath(b);
    outputs << render::bundleOutputName(job);
    scenes << model::Id(job.value(QStringLiteral("scene")).toObject().value("id").toDouble());
  }
  writeText(batch + QStringLiteral("/bundles.txt"), relative.join(QLatin1Char('\n')) + '\n');
  writeText(batch + QStringLiteral("/outputs.txt"), outputs.join(QLatin1Char('\n')) + '\n');
  const QString script = batch + QStringLiteral("/run.sh");
  writeText(
      script,
      QStringLiteral("#!/bin/sh\n"
                     "# A Scenewright farm task: stitch bundle number SLURM_ARRAY_TASK_ID of this "
                     "batch.\n"
                     "BATCH=%1\n"
                     "CLI=%2\n"
                     "i=${SLURM_ARRAY_TASK_ID:?run by sbatch --array}\n"
                     "n=$((i + 1))\n"
                     "BUNDLE=$(sed -n \"${n}p\" \"$BATCH/bundles.txt\")\n"
                     "NAME=$(sed -n \"${n}p\" \"$BATCH/outputs.txt\")\n"
                     "echo \"task $i on $(hostname): $BUNDLE -> out/$NAME\"\n"
                     "\"$CLI\" stitch --plan \"$BATCH/$BUNDLE/plan.json\" -o \"$BATCH/out/$NAME\" "
                     "--report-file \"$BATCH/out/$NAME.report.json\"\n"
                     "code=$?\n"
                     "echo \"$code\" > \"$BATCH/status/$i.exit\"\n"
                     "exit \"$code\"\n")
          .arg(shellQuote(batch), shellQuote(cli)),
      true);
  SubmitResult result;
  result.arrayJobId =
      submitArray(script, int(bundles.size()), batch + QStringLiteral("/logs/%A_%a.log"), options);
  for (int i = 0; i < bundles.size(); ++i) {
    model::RenderJob row;
    // A bundle from another project (farm submit --bundle) names a scene this one lacks.
    if (store.scene(scenes.at(i))) row.sceneId = scenes.at(i);
    row.status = JobStatus::Processing;
    row.stage = QStringLiteral("on Slurm: PENDING");
    row.spec = QJsonObject{{"kind", kKind},
                           {"scenes", QJsonArray{double(scenes.at(i))}},
                           {"farm", QJsonObject{{"arrayJob", result.arrayJobId},
                                                {"task", i},
                                                {"batch", batch},
                                                {"bundle", relative.at(i)},
                                                {"output", outputs.at(i)}}}};
    const model::Id id = store.createJob(row);
    store.setJobStatus(id, JobStatus::Processing);
    store.updateJobProgress(id, row.stage, 0);
    result.jobIds.append(id);
  }
  return result;
}

SubmitResult submitFilmAssembly(model::ProjectStore& store, const QString& batch,
                                const QString& sceneArray, const QString& plan,
                                const QString& output, const QString& manifest, const QString& cli,
                                SubmitOptions options) {
  const QString script = batch + QStringLiteral("/run-film.sh");
  writeText(script,
            QStringLiteral("#!/bin/sh\n"
                           "# A Scenewright film assembly: the film plan over the scene tasks' "
                           "outputs (run once every task of Slurm job %3 succeeded).\n"
                           "BATCH=%1\n"
                           "CLI=%2\n"
                           "echo \"film on $(hostname): %4 -> out/%5\"\n"
                           "\"$CLI\" stitch --plan \"$BATCH/%4\" --report-file "
                           "\"$BATCH/out/%5.report.json\"\n"
                           "code=$?\n"
                           "echo \"$code\" > \"$BATCH/status/film.exit\"\n"
                           "exit \"$code\"\n")
                .arg(shellQuote(batch), shellQuote(cli), sceneArray, plan, output),
            true);
  options.dependency = QStringLiteral("afterok:%1").arg(sceneArray);
  options.jobName += QStringLiteral("-film");
  SubmitResult result;
  result.arrayJobId = submitArray(script, 1, batch + QStringLiteral("/logs/%A_%a.log"), options);
  model::RenderJob row;
  row.status = JobStatus::Processing;
  row.stage = QStringLiteral("on Slurm: PENDING (after job %1)").arg(sceneArray);
  row.spec = QJsonObject{{"kind", kKind},
                         {"film", true},
                         {"farm", QJsonObject{{"arrayJob", result.arrayJobId},
                                              {"task", 0},
                                              {"film", true},
                                              {"after", sceneArray},
                                              {"batch", batch},
                                              {"plan", plan},
                                              {"manifest", manifest},
                                              {"output", output}}}};
  const model::Id id = store.createJob(row);
  store.setJobStatus(id, JobStatus::Processing);
  store.updateJobProgress(id, row.stage, 0);
  result.jobIds.append(id);
  return result;
}

QJsonObject FarmTaskStatus::toJson() const {
  return QJsonObject{
      {"job", double(jobId)}, {"scene", double(sceneId)}, {"slurmJob", slurmId}, {"state", state},
      {"reason", reason},     {"exitCode", exitCode},     {"output", output},    {"film", film}};
}

QList<FarmTaskStatus> farmStatus(model::ProjectStore& store, bool all) {
  QList<FarmTaskStatus> out;
  std::map<QString, QList<TaskState>> byArray;
  for (const model::RenderJob& job : store.jobs()) {
    if (!isFarmJob(job) || (!all && isFinal(job.status))) continue;
    const QJsonObject farm = farmOf(job);
    const QString array = farm.value(QStringLiteral("arrayJob")).toString();
    const int task = farm.value(QStringLiteral("task")).toInt();
    FarmTaskStatus s;
    s.jobId = job.id;
    s.sceneId = job.sceneId.value_or(0);
    s.slurmId = QStringLiteral("%1_%2").arg(array).arg(task);
    s.output = outputOf(farm);
    s.film = farm.value(QStringLiteral("film")).toBool();
    if (isFinal(job.status)) {
      s.state = model::toString(job.status).toUpper();
      out.append(s);
      continue;
    }
    if (!byArray.count(array)) byArray[array] = queryArray(array);
    const QList<TaskState>& states = byArray[array];
    const auto it = std::find_if(states.begin(), states.end(),
                                 [&](const TaskState& t) { return t.task == task; });
    const int spoolCode = spoolExitCode(farm);
    if (it != states.end()) {
      s.state = it->state;
      s.reason = it->reason;
      s.exitCode = isFinalState(it->state) ? it->exitCode : -1;
      if (s.state == QLatin1String("COMPLETED") && spoolCode > 0)
        s.state = QStringLiteral("FAILED");
    } else if (spoolCode >= 0) {  // Slurm has forgotten the job: the spool tells how it ended
      s.state = spoolCode == 0 ? QStringLiteral("COMPLETED") : QStringLiteral("FAILED");
      s.exitCode = spoolCode;
    } else {
      s.state = QStringLiteral("UNKNOWN");
      s.reason = QStringLiteral("Slurm no longer knows the job and it left no exit code");
    }
    out.append(s);
  }
  return out;
}

QString logTail(const QString& path, int lines) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  const qint64 size = f.size();
  if (size > 16384) f.seek(size - 16384);
  QStringList all = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
  // The stitch's progress is rewritten in place with \r: keep what each line ended with.
  for (QString& l : all) l = l.section(QLatin1Char('\r'), -1).trimmed();
  all.removeAll(QString());
  return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(QLatin1Char('\n'));
}

FetchSummary fetchFarmJobs(model::ProjectStore& store) {
  FetchSummary summary;
  for (const FarmTaskStatus& s : farmStatus(store, false)) {
    const model::RenderJob job = *store.job(s.jobId);
    const QJsonObject farm = farmOf(job);
    if (s.state == QLatin1String("COMPLETED") && QFileInfo(s.output).isFile()) {
      const QString target = store.exportsFolder() + QLatin1Char('/') +
                             farm.value(QStringLiteral("output")).toString();
      copyInto(s.output, target);
      writeFetchedManifest(farm, target + QStringLiteral(".json"));
      store.setJobOutput(job.id, target, job.cost);
      store.updateJobProgress(job.id, QStringLiteral("done"), 100);
      store.setJobStatus(job.id, JobStatus::Completed);
      ++summary.completed;
    } else if (s.film && s.state == QLatin1String("PENDING") &&
               s.reason.contains(QLatin1String("DependencyNeverSatisfied"))) {
      // A scene task failed: afterok can never hold, and Slurm keeps the job pending for ever.
      const QString array = farm.value(QStringLiteral("arrayJob")).toString();
      cancelArray(array);
      store.setJobStatus(
          job.id, JobStatus::Failed,
          QStringLiteral("The film's assembly (Slurm job %1) did not run: a scene task of Slurm "
                         "job %2 failed, so its dependency afterok:%2 can never be satisfied. It "
                         "was cancelled; see the scene jobs' errors, fix them and submit again.")
              .arg(array, farm.value(QStringLiteral("after")).toString()));
      ++summary.failed;
    } else if (s.state.startsWith(QLatin1String("CANCELLED"))) {
      store.setJobStatus(job.id, JobStatus::Cancelled,
                         QStringLiteral("Cancelled on Slurm (%1).").arg(s.slurmId));
      ++summary.cancelled;
    } else if (isFinalState(s.state) || s.state == QLatin1String("COMPLETED") ||
               s.state == QLatin1String("UNKNOWN")) {
      const QString tail = logTail(logOf(farm));
      store.setJobStatus(job.id, JobStatus::Failed,
                         QStringLiteral("Slurm task %1 ended %2 (exit %3). Log %4:\n%5")
                             .arg(s.slurmId, s.state)
                             .arg(s.exitCode)
                             .arg(logOf(farm), tail.isEmpty() ? QStringLiteral("(empty)") : tail));
      ++summary.failed;
    } else {
      store.updateJobProgress(job.id, QStringLiteral("on Slurm: %1").arg(s.state), job.progress);
      ++summary.running;
    }
  }
  return summary;
}

int cancelFarmJobs(model::ProjectStore& store) {
  QStringList arrays;
  QList<model::Id> jobs;
  for (const model::RenderJob& job : store.jobs()) {
    if (!isFarmJob(job) || isFinal(job.status)) continue;
    const QString array = farmOf(job).value(QStringLiteral("arrayJob")).toString();
    if (!arrays.contains(array)) arrays << array;
    jobs << job.id;
  }
  for (const QString& array : arrays) cancelArray(array);
  for (model::Id id : jobs)
    store.setJobStatus(id, JobStatus::Cancelled, QStringLiteral("Cancelled (farm cancel)."));
  return int(jobs.size());
}

}  // namespace sw::farm
