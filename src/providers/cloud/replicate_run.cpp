#include "providers/cloud/replicate_run.h"

#include "providers/cloud/cloud_errors.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcReplicate)

namespace sw::providers::cloud {

namespace {

using K = ProviderError::Kind;

void reportStatus(const Prediction& p, const PredictionJob& job, const GenerationContext& ctx) {
  if (p.status == "starting") {
    ctx.reportProgress(2.0, QStringLiteral("%1: waiting for a Replicate worker").arg(job.what));
  } else if (const auto bar = parseTqdm(p.logs)) {
    ctx.reportProgress(
        10.0 + 0.85 * bar->percent,
        QStringLiteral("%1: %2/%3 steps").arg(job.what).arg(bar->current).arg(bar->total));
  } else if (p.status == "processing") {
    ctx.reportProgress(10.0, QStringLiteral("%1: generating on Replicate").arg(job.what));
  }
}

// Cancels the remote job, ignoring failures of the cancel itself (it is best effort).
void cancelRemote(ReplicateClient& client, const Prediction& p) {
  if (p.id.isEmpty() || p.terminal()) return;
  try {
    client.cancel(p);
  } catch (const HttpError& e) {
    qCWarning(lcReplicate).noquote() << "cancel of" << p.id << "failed:" << e.message();
  }
}

Prediction startOrResume(ReplicateClient& client, const PredictionJob& job,
                         const GenerationContext& ctx) {
  if (!ctx.resumeRemoteId.isEmpty()) {
    try {
      return client.get(ctx.resumeRemoteId);
    } catch (const HttpError& e) {
      if (e.status() != 404) throw;
      throw ProviderError(
          K::Invalid,
          QStringLiteral(
              "%1: Replicate no longer knows prediction %2; it has to be generated again.")
              .arg(job.what, ctx.resumeRemoteId),
          false);
    }
  }
  ctx.reportProgress(1.0, QStringLiteral("%1: sending to Replicate").arg(job.what));
  const QJsonObject input = job.input();
  if (ctx.reconcileAfter.isValid()) {  // an earlier run may have created it and died unanswered
    if (auto found = client.findExisting(job.model, input, ctx.reconcileAfter);
        found && (!found->terminal() || found->status == "succeeded")) {
      qCInfo(lcReplicate).noquote()
          << job.what << ": continuing prediction" << found->id << "created by an earlier run";
      ctx.reportRemoteId(found->id);
      return *found;
    }
  }
  ctx.reportRemoteCreating();
  Prediction p = client.create(job.model, input, job.waitSeconds);
  ctx.reportRemoteId(p.id);
  return p;
}

Prediction waitForTerminal(ReplicateClient& client, Prediction p, const PredictionJob& job,
                           const GenerationContext& ctx) {
  const Clock& clock = client.http().clock();
  const qint64 start = clock.nowMs();
  while (!p.terminal()) {
    reportStatus(p, job, ctx);
    const qint64 elapsed = clock.nowMs() - start;
    if (elapsed > job.deadlineMs) {
      cancelRemote(client, p);
      throw ProviderError(
          K::Timeout,
          QStringLiteral("%1: Replicate prediction %2 did not finish within %3 min%4; it was "
                         "cancelled on the service.")
              .arg(job.what, p.id)
              .arg(job.deadlineMs / 60000.0, 0, 'f', 1)
              .arg(job.deadlineOrigin.isEmpty() ? QString()
                                                : QStringLiteral(" (%1)").arg(job.deadlineOrigin)),
          true);
    }
    try {
      client.http().sleepMs(pollIntervalMs(elapsed), job.what);
      p = client.refresh(p);
    } catch (const HttpError& e) {
      if (e.kind() != HttpError::Kind::Cancelled) {
        cancelRemote(client, p);  // polling gave up: do not leave it running (and billing)
        throw;
      }
      if (ctx.isDetached())  // paused: the prediction keeps running and is polled again on resume
        throw ProviderError(K::Cancelled,
                            QStringLiteral("%1 was paused (Replicate prediction %2 keeps running)")
                                .arg(job.what, p.id),
                            false);
      cancelRemote(client, p);
      throw ProviderError(K::Cancelled,
                          QStringLiteral("%1 was cancelled (Replicate prediction %2 cancelled too)")
                              .arg(job.what, p.id),
                          false);
    }
  }
  return p;
}

QString logTail(const QString& logs) {
  const QStringList lines = logs.trimmed().split('\n');
  const QString tail = lines.mid(std::max<qsizetype>(0, lines.size() - 3)).join(" | ").trimmed();
  return tail.isEmpty() ? QString() : QStringLiteral(" Last log lines: ") + tail.left(300);
}

void checkOutcome(const Prediction& p, const PredictionJob& job) {
  const QString head =
      QStringLiteral("%1: Replicate prediction %2 (%3)").arg(job.what, p.id, job.model.name);
  if (p.status == "failed") {
    const QString text = p.error.isEmpty() ? QStringLiteral("no reason given") : p.error;
    throw ProviderError(
        K::Failed,
        QStringLiteral("%1 failed: %2.%3 Try again, perhaps with another seed or prompt.")
            .arg(head, text, logTail(p.logs)),
        false);
  }
  if (p.status == "canceled")
    throw ProviderError(K::Cancelled, head + QStringLiteral(" was cancelled on Replicate."), false);
  if (p.status == "aborted") {
    throw ProviderError(
        K::Failed,
        head + QStringLiteral(" was aborted: its deadline passed before it started (no charge)."),
        true);
  }
  if (p.outputUrls().isEmpty()) {
    if (p.dataRemoved) {
      throw ProviderError(
          K::BadOutput,
          head + QStringLiteral(" has expired: Replicate deletes outputs about an hour after "
                                "they are made. Generate it again."),
          false);
    }
    throw ProviderError(K::BadOutput, head + QStringLiteral(" succeeded without an output file."),
                        true);
  }
}

DownloadedFile fetchOutput(ReplicateClient& client, const Prediction& p, const PredictionJob& job,
                           const GenerationContext& ctx) {
  ctx.reportProgress(96.0, QStringLiteral("%1: downloading").arg(job.what));
  const QUrl url(p.outputUrls().first());
  QDir().mkpath(ctx.outputDir);
  const QString suffix = QFileInfo(url.path()).suffix().isEmpty() ? QStringLiteral("bin")
                                                                  : QFileInfo(url.path()).suffix();
  const QString stem = job.fileStem.isEmpty() ? p.id : job.fileStem;
  try {
    return client.download(url, ctx.outputDir, QDir(ctx.outputDir).filePath(stem + "." + suffix));
  } catch (const HttpError& e) {
    if (e.status() == 403 || e.status() == 404 || e.status() == 410) {
      throw ProviderError(
          K::BadOutput,
          QStringLiteral("%1: the output of Replicate prediction %2 has expired (%3). "
                         "Generate it again.")
              .arg(job.what, p.id, e.message()),
          false);
    }
    if (e.kind() == HttpError::Kind::Cancelled) throw;
    // Paid for: never buy it again. The stored id stays valid, so a resume downloads it.
    throw ProviderError(
        K::BadOutput,
        QStringLiteral("%1: Replicate prediction %2 succeeded but its output could not be "
                       "downloaded (%3). It was not generated again; resume the job to download "
                       "prediction %2.")
            .arg(job.what, p.id, e.message()),
        true);
  }
}

}  // namespace

qint64 pollIntervalMs(qint64 elapsedMs) { return elapsedMs < 10000 ? 1000 : 3000; }

PredictionOutput runPrediction(ReplicateClient& client, const PredictionJob& job,
                               const GenerationContext& ctx) {
  return translateErrors(Service::Replicate, [&] {
    ctx.throwIfCancelled(job.what);
    Prediction p = waitForTerminal(client, startOrResume(client, job, ctx), job, ctx);
    checkOutcome(p, job);
    ctx.reportRemoteSucceeded(p.id);
    PredictionOutput out{p, fetchOutput(client, p, job, ctx)};
    ctx.reportProgress(100.0, QStringLiteral("%1 ready").arg(job.what));
    return out;
  });
}

}  // namespace sw::providers::cloud
