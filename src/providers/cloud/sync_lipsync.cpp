#include "providers/cloud/sync_lipsync.h"

#include "media/media_error.h"
#include "media/probe.h"
#include "providers/cloud/cloud_errors.h"
#include "providers/cloud/replicate_run.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QUuid>

namespace sw::providers::cloud {

namespace {

using K = ProviderError::Kind;

struct Generation {
  QString id;
  QString status;  // PENDING, PROCESSING, COMPLETED, FAILED, REJECTED, CANCELED
  QString error;
  QString errorCode;
  QString outputUrl;
  bool terminal() const {
    return status == "COMPLETED" || status == "FAILED" || status == "REJECTED" ||
           status == "CANCELED";
  }
};

Generation parseGeneration(const HttpResponse& response, const QString& label) {
  const QJsonObject o = response.jsonObject();
  Generation g;
  g.id = o.value("id").toString();
  g.status = o.value("status").toString().toUpper();
  g.error = o.value("error").toString();
  g.errorCode = o.value("errorCode").toString();
  g.outputUrl = o.value("outputUrl").toString();
  if (g.id.isEmpty() || g.status.isEmpty())
    throw HttpError(HttpError::Kind::BadResponse,
                    QStringLiteral("%1: the Sync API answered without an id or status").arg(label));
  return g;
}

QByteArray filePart(const QByteArray& boundary, const char* name, const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    throw ProviderError(K::Invalid,
                        QStringLiteral("Cannot read %1 to send it to the Sync API: %2")
                            .arg(path, file.errorString()),
                        false);
  const QString mime = QMimeDatabase().mimeTypeForFile(path).name();
  QByteArray part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name +
                    "\"; filename=\"" + QFileInfo(path).fileName().toUtf8() +
                    "\"\r\nContent-Type: " + mime.toUtf8() + "\r\n\r\n";
  part += file.readAll();
  part += "\r\n";
  return part;
}

QByteArray textPart(const QByteArray& boundary, const char* name, const QByteArray& value) {
  return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
         value + "\r\n";
}

class SyncClient {
 public:
  SyncClient(const ServiceEndpoint& endpoint, HttpClient& http)
      : endpoint_(endpoint), http_(http) {}

  Generation create(const LipSyncRequest& r, const LipSyncModel& model) {
    const QByteArray boundary = "sw-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    QByteArray body = filePart(boundary, "video", r.video) + filePart(boundary, "audio", r.audio) +
                      textPart(boundary, "model", model.modelId.toUtf8());
    if (!model.fixedInputs.isEmpty())
      body += textPart(boundary, "options",
                       QJsonDocument(model.fixedInputs).toJson(QJsonDocument::Compact));
    body += "--" + boundary + "--\r\n";
    HttpRequest req =
        request("POST", endpoint_.url(QStringLiteral("/v2/generate")),
                QStringLiteral("Sync API: create generation (%1)").arg(model.modelId));
    req.setHeader("Content-Type", "multipart/form-data; boundary=" + boundary);
    req.body = body;
    req.timeoutSeconds = 120;
    req.retry = RetryMode::CreateOn429;
    return parseGeneration(http_.send(req), req.label);
  }

  Generation get(const QString& id) {
    HttpRequest req = request("GET", endpoint_.url(QStringLiteral("/v2/generate/") + id),
                              QStringLiteral("Sync API: get generation %1").arg(id));
    return parseGeneration(http_.send(req), req.label);
  }

  DownloadedFile download(const QUrl& url, const QString& directory, const QString& stem) {
    DownloadRequest d;
    d.url = url;
    if (endpoint_.sameHost(url)) d.headers.append({"x-api-key", endpoint_.apiKey.toUtf8()});
    d.directory = directory;
    d.suffix = QStringLiteral("mp4");
    d.destinationPath = QDir(directory).filePath(stem + QStringLiteral(".mp4"));
    d.expect = ExpectedMedia::Video;
    d.label = QStringLiteral("Sync API: download of generation %1").arg(stem);
    return http_.download(d);
  }

  HttpClient& http() { return http_; }

 private:
  HttpRequest request(const QByteArray& method, const QUrl& url, const QString& label) const {
    HttpRequest r;
    r.method = method;
    r.url = url;
    r.label = label;
    r.setHeader("x-api-key", endpoint_.apiKey.toUtf8());
    r.setHeader("Accept", "application/json");
    return r;
  }
  const ServiceEndpoint& endpoint_;
  HttpClient& http_;
};

}  // namespace

double mediaSeconds(const QString& path) {
  try {
    media::ProbeOptions options;
    options.keyframes = false;
    return media::probe(path, options).duration;
  } catch (const media::MediaError&) {
    return 0.0;
  }
}

void checkLipSyncInputs(const LipSyncRequest& r, const QString& service) {
  for (const QString& path : {r.video, r.audio})
    if (path.isEmpty() || !QFileInfo(path).isFile())
      throw ProviderError(
          K::Invalid,
          QStringLiteral("Lip sync (%1): the input file \"%2\" does not exist.").arg(service, path),
          false);
}

SyncLipSync::SyncLipSync(CloudSetup setup, LipSyncModels models)
    : setup_(std::move(setup)), models_(std::move(models)) {}

double SyncLipSync::estimateCostUsd(const LipSyncRequest& request) const {
  const LipSyncModel& model = models_.resolve(backendId(), request.model);
  return model.price(mediaSeconds(request.video)).value_or(0.0);
}

GenerationResult SyncLipSync::generate(const LipSyncRequest& request,
                                       const GenerationContext& ctx) {
  const LipSyncModel& model = models_.resolve(backendId(), request.model);
  const QString what = QStringLiteral("Lip sync (%1)").arg(model.modelId);
  checkLipSyncInputs(request, QStringLiteral("Sync API"));
  requireKey(setup_.endpoint);
  QElapsedTimer timer;
  timer.start();
  HttpClient http = makeHttpClient(setup_, ctx);
  SyncClient client(setup_.endpoint, http);
  const qint64 deadlineMs = qint64((model.maxSeconds > 0 ? model.maxSeconds : 15 * 60) * 1000);
  try {
    return translateErrors(Service::Sync, [&] {
      ctx.throwIfCancelled(what);
      Generation g;
      if (!ctx.resumeRemoteId.isEmpty()) {
        g = client.get(ctx.resumeRemoteId);
      } else {
        ctx.reportProgress(1.0, what + QStringLiteral(": sending to the Sync API"));
        ctx.reportRemoteCreating();
        g = client.create(request, model);
        ctx.reportRemoteId(g.id);
      }
      const qint64 start = http.clock().nowMs();
      while (!g.terminal()) {
        const qint64 elapsed = http.clock().nowMs() - start;
        ctx.reportProgress(g.status == "PROCESSING" ? 30.0 : 5.0,
                           QStringLiteral("%1: %2 on the Sync API").arg(what, g.status.toLower()));
        if (elapsed > deadlineMs)
          throw ProviderError(K::Timeout,
                              QStringLiteral("%1: Sync generation %2 did not finish within %3 min "
                                             "(max_seconds of %4 in the model registry).")
                                  .arg(what, g.id)
                                  .arg(deadlineMs / 60000.0, 0, 'f', 1)
                                  .arg(model.key),
                              true);
        try {
          http.sleepMs(pollIntervalMs(elapsed), what);
          g = client.get(g.id);
        } catch (const HttpError& e) {
          if (e.kind() != HttpError::Kind::Cancelled) throw;
          throw ProviderError(
              K::Cancelled,
              ctx.isDetached()
                  ? QStringLiteral("%1 was paused (Sync generation %2 keeps running)")
                        .arg(what, g.id)
                  : QStringLiteral("%1 was cancelled (the Sync API has no cancel request: "
                                   "generation %2 may still finish on the service)")
                        .arg(what, g.id),
              false);
        }
      }
      const QString head = QStringLiteral("%1: Sync generation %2").arg(what, g.id);
      if (g.status == "FAILED" || g.status == "REJECTED")
        throw ProviderError(
            K::Failed,
            QStringLiteral("%1 %2: %3%4")
                .arg(head,
                     g.status == "REJECTED" ? QStringLiteral("was rejected")
                                            : QStringLiteral("failed"),
                     g.error.isEmpty() ? QStringLiteral("no reason given") : g.error,
                     g.errorCode.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(g.errorCode)),
            false);
      if (g.status == "CANCELED")
        throw ProviderError(K::Cancelled, head + QStringLiteral(" was cancelled on the service."),
                            false);
      if (g.outputUrl.isEmpty())
        throw ProviderError(K::BadOutput, head + QStringLiteral(" completed without an output."),
                            true);
      ctx.reportRemoteSucceeded(g.id);
      ctx.reportProgress(96.0, what + QStringLiteral(": downloading"));
      QDir().mkpath(ctx.outputDir);
      const DownloadedFile file =
          client.download(QUrl(g.outputUrl), ctx.outputDir, QStringLiteral("lipsync-") + g.id);
      GenerationResult r = resultFromFile(file.path, file.contentType);
      r.provider = backendId();
      r.model = model.key;
      r.remoteId = g.id;
      r.costUsd = estimateCostUsd(request);
      r.seconds = timer.elapsed() / 1000.0;
      ctx.reportProgress(100.0, what + QStringLiteral(" ready"));
      return r;
    });
  } catch (const ProviderError& e) {
    if (e.kind() != K::Network) throw;  // the connection itself failed: say where it went
    throw ProviderError(e.kind(),
                        QStringLiteral("%1 (Sync API at %2; check the network, or SYNC_BASE_URL)")
                            .arg(e.message(), setup_.endpoint.baseUrl.toString()),
                        e.retryable());
  }
}

}  // namespace sw::providers::cloud
