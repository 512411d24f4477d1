#include "providers/cloud/reply_runner.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QThread>
#include <QThreadStorage>
#include <QTimer>

namespace sw::providers::cloud {

namespace {

// One manager per thread, so connections are reused between requests. A worker thread's manager
// is deleted when that thread ends. The main thread's lives as long as the process: deleting it
// with the application would race its own network thread, which may still be closing the
// connection of a request aborted just before (Qt then leaves that connection's objects behind).
QNetworkAccessManager& threadManager() {
  static QThreadStorage<QNetworkAccessManager*> storage;
  static QNetworkAccessManager* mainManager = nullptr;
  const bool mainThread = QCoreApplication::instance() &&
                          QThread::currentThread() == QCoreApplication::instance()->thread();
  if (mainThread && mainManager) return *mainManager;
  if (!mainThread && storage.hasLocalData()) return *storage.localData();
  auto* nam = new QNetworkAccessManager;
  nam->setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
  if (mainThread)
    mainManager = nam;
  else
    storage.setLocalData(nam);
  return *nam;
}

QNetworkRequest makeRequest(const HttpRequest& request, const Clock& clock) {
  QNetworkRequest r(request.url);
  for (const auto& h : request.headers) r.setRawHeader(h.first, h.second);
  r.setTransferTimeout(static_cast<int>(clock.toRealMs(qint64(request.timeoutSeconds) * 1000)));
  r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
  return r;
}

HeaderList replyHeaders(const QNetworkReply& reply) {
  HeaderList out;
  for (const auto& pair : reply.rawHeaderPairs()) out.append({pair.first, pair.second});
  return out;
}

int statusOf(const QNetworkReply& reply) {
  return reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// Moves what has arrived: a 2xx body into the sink, anything else into memory.
void drain(QNetworkReply* reply, const RunHooks& hooks, RawResult& result) {
  if (!reply->isOpen()) return;
  const QByteArray chunk = reply->readAll();
  if (chunk.isEmpty() || result.sinkFailed) return;
  const int status = statusOf(*reply);
  if (hooks.sink && status >= 200 && status < 300) {
    if (hooks.sink->write(chunk) != chunk.size()) {
      result.sinkFailed = true;
      if (!reply->isFinished()) reply->abort();
      return;
    }
    result.sinkBytes += chunk.size();
  } else {
    result.response.body += chunk;
  }
}

void connectBody(QNetworkReply* reply, const RunHooks& hooks, RawResult& result) {
  QObject::connect(reply, &QNetworkReply::readyRead, reply,
                   [reply, &hooks, &result] { drain(reply, hooks, result); });
  if (hooks.progress) {
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply,
                     [&hooks](qint64 received, qint64 total) { hooks.progress(received, total); });
  }
}

}  // namespace

bool RawResult::transportFailed() const {
  const int e = static_cast<int>(error);
  return timedOut || cancelled || sinkFailed || (e > 0 && e < 200) ||
         error == QNetworkReply::ProtocolFailure;
}

bool RawResult::neverConnected() const {
  return error == QNetworkReply::ConnectionRefusedError ||
         error == QNetworkReply::HostNotFoundError;
}

QString safeUrl(const QUrl& url) {
  return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

RawResult runRequest(const HttpRequest& request, const RunHooks& hooks) {
  const Clock& clock = hooks.clock ? *hooks.clock : *systemClock();
  RawResult result;
  const qint64 started = clock.nowMs();
  if (request.cancellable && hooks.cancelled && hooks.cancelled()) {
    result.cancelled = true;
    return result;
  }
  QBuffer body;
  body.setData(request.body);
  body.open(QIODevice::ReadOnly);
  QNetworkReply* reply = threadManager().sendCustomRequest(
      makeRequest(request, clock), request.method, request.body.isEmpty() ? nullptr : &body);
  connectBody(reply, hooks, result);
  QEventLoop loop;
  QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
  QTimer cancelPoll;
  cancelPoll.setInterval(50);
  QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
    if (request.cancellable && hooks.cancelled && hooks.cancelled() && !reply->isFinished()) {
      result.cancelled = true;
      reply->abort();
    }
  });
  cancelPoll.start();
  if (!reply->isFinished()) loop.exec(QEventLoop::ExcludeUserInputEvents);
  cancelPoll.stop();

  drain(reply, hooks, result);
  result.response.status = statusOf(*reply);
  result.response.headers = replyHeaders(*reply);
  result.response.url = reply->url();
  result.error = reply->error();
  result.errorString = reply->errorString();
  result.timedOut = !result.cancelled && !result.sinkFailed &&
                    (result.error == QNetworkReply::OperationCanceledError ||
                     result.error == QNetworkReply::TimeoutError);
  result.elapsedMs = clock.nowMs() - started;
  delete reply;
  return result;
}

}  // namespace sw::providers::cloud
