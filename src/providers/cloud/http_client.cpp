#include "providers/cloud/http_client.h"

#include "providers/cloud/error_body.h"
#include "providers/cloud/reply_runner.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcCloudHttp, "scenewright.cloud.http")

namespace sw::providers::cloud {

namespace {

QString what(const HttpRequest& r) {
  return r.label.isEmpty()
             ? QStringLiteral("%1 %2").arg(QString::fromLatin1(r.method), safeUrl(r.url))
             : r.label;
}

QString requestId(const HttpResponse& response) {
  for (const char* name : {"x-request-id", "request-id", "x-replicate-request-id"}) {
    const QByteArray v = response.header(name);
    if (!v.isEmpty()) return QString::fromLatin1(v);
  }
  return {};
}

void logResult(const HttpRequest& request, const RawResult& result, int attempt) {
  const QString id = requestId(result.response);
  qCInfo(lcCloudHttp).noquote() << QStringLiteral("%1 %2 -> %3%4 (%5 ms, attempt %6)%7")
                                       .arg(QString::fromLatin1(request.method),
                                            safeUrl(request.url))
                                       .arg(result.response.status)
                                       .arg(result.transportFailed() ? " " + result.errorString
                                                                     : QString())
                                       .arg(result.elapsedMs)
                                       .arg(attempt + 1)
                                       .arg(id.isEmpty() ? QString() : " request-id " + id);
}

bool isSuccess(const RawResult& r) {
  return !r.transportFailed() && r.response.status >= 200 && r.response.status < 300;
}

}  // namespace

HttpClient::HttpClient() : HttpClient(Options{}) {}

HttpClient::HttpClient(Options options)
    : options_(std::move(options)),
      random_(options_.jitterSeed ? options_.jitterSeed : QRandomGenerator::global()->generate()) {
  if (!options_.clock) options_.clock = systemClock();
}

void HttpClient::sleepMs(qint64 virtualMs, const QString& label) {
  if (!options_.clock->sleepMs(virtualMs, options_.cancelled))
    throw HttpError(HttpError::Kind::Cancelled, label + QStringLiteral(": cancelled"));
}

HttpResponse HttpClient::send(const HttpRequest& request) {
  const RunHooks hooks{options_.clock.get(), options_.cancelled, nullptr, {}};
  qint64 waited = 0;
  qint64 asked = -1;  // the server's last hint (ms)
  for (int index = 0;; ++index) {
    const RawResult result = runRequest(request, hooks);
    logResult(request, result, index);
    if (isSuccess(result)) return result.response;
    const qint64 delay = retryDelay(request, result, index, &asked);
    if (delay < 0) fail(request, result, index + 1, waitNote(asked, waited));
    if (waited + delay > options_.retry.maxTotalWaitMs)
      fail(request, result, index + 1,
           waitNote(asked, waited) +
               QStringLiteral("; gave up rather than wait more than %1 s in total")
                   .arg(options_.retry.maxTotalWaitMs / 1000));
    waited += delay;
    qCInfo(lcCloudHttp).noquote() << what(request) << "will retry in" << delay << "ms";
    if (!request.cancellable) {
      options_.clock->sleepMs(delay, {});
    } else {
      sleepMs(delay, what(request));
    }
  }
}

QString HttpClient::waitNote(qint64 askedMs, qint64 waitedMs) const {
  if (askedMs <= options_.retry.maxHintMs) return {};
  return QStringLiteral(
             "; the service asked to wait %1 s, waited %2 s in total (at most %3 s at a "
             "time)")
      .arg(askedMs / 1000.0, 0, 'g', 6)
      .arg(waitedMs / 1000)
      .arg(options_.retry.maxHintMs / 1000);
}

qint64 HttpClient::retryDelay(const HttpRequest& request, const RawResult& result, int index,
                              qint64* askedMs) {
  if (result.cancelled || result.sinkFailed || index + 1 >= options_.retry.maxAttempts) return -1;
  if (request.retry == RetryMode::Never) return -1;
  const int status = result.transportFailed() ? 0 : result.response.status;
  if (request.retry == RetryMode::CreateOn429 && status != 429 && !result.neverConnected())
    return -1;
  if (status != 0 && !isTransientStatus(status)) return -1;
  if (status != 0) {
    const auto hint = retryHintMs(result.response, QDateTime::currentDateTimeUtc());
    if (hint) {
      if (askedMs) *askedMs = *hint;
      return std::clamp<qint64>(*hint, 1, options_.retry.maxHintMs);
    }
  }
  return backoffDelayMs(options_.retry, index, random_);
}

void HttpClient::fail(const HttpRequest& request, const RawResult& result, int attempts,
                      const QString& note) {
  const QString where = what(request);
  const QString tries =
      (attempts > 1 ? QStringLiteral(" after %1 attempts").arg(attempts) : QString()) + note;
  if (result.cancelled) throw HttpError(HttpError::Kind::Cancelled, where + ": cancelled");
  const bool create = request.retry == RetryMode::CreateOn429;
  if (result.transportFailed()) {
    if (create && !result.neverConnected()) {
      throw HttpError(
          HttpError::Kind::CreateUncertain,
          QStringLiteral("%1: no answer (%2); the job may have been created")
              .arg(where, result.timedOut ? QStringLiteral("timed out") : result.errorString));
    }
    if (result.timedOut) {
      throw HttpError(
          HttpError::Kind::Timeout,
          QStringLiteral(
              "%1: no data from %2 for %3 s%4; the service may be overloaded, try again later")
              .arg(where, safeUrl(request.url))
              .arg(request.timeoutSeconds)
              .arg(tries));
    }
    throw HttpError(HttpError::Kind::Network,
                    QStringLiteral("%1: cannot reach %2 (%3)%4")
                        .arg(where, safeUrl(request.url), result.errorString, tries));
  }
  const int status = result.response.status;
  const QString text = serviceErrorText(result.response.body);
  const QString msg =
      QStringLiteral("%1: %2%3%4")
          .arg(where, statusReason(status), text.isEmpty() ? QString() : " - " + text, tries);
  if (create && status >= 500) throw HttpError(HttpError::Kind::CreateUncertain, msg, status, text);
  throw HttpError(HttpError::Kind::Status, msg, status, text);
}

}  // namespace sw::providers::cloud
