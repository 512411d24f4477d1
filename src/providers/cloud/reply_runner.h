// One HTTP exchange on the calling thread: a per-thread QNetworkAccessManager, a local
// QEventLoop, the transfer (inactivity) timeout, and cancellation polled every 50 ms.
// No retries and no interpretation of the status here (see HttpClient).
#pragma once

#include "providers/cloud/clock.h"
#include "providers/cloud/http_types.h"

#include <QNetworkReply>
#include <functional>

class QIODevice;

namespace sw::providers::cloud {

struct RunHooks {
  const Clock* clock = nullptr;
  CancelCheck cancelled;
  // When set, a 2xx body is streamed here instead of being kept in memory.
  QIODevice* sink = nullptr;
  std::function<void(qint64 received, qint64 total)> progress;
};

struct RawResult {
  HttpResponse response;  // status 0 when no HTTP answer arrived
  QNetworkReply::NetworkError error = QNetworkReply::NoError;
  QString errorString;
  bool timedOut = false;
  bool cancelled = false;
  bool sinkFailed = false;  // writing the body to `sink` failed (disk full...)
  qint64 sinkBytes = 0;
  qint64 elapsedMs = 0;  // virtual

  // The exchange broke below HTTP (refused, reset, truncated body, timeout, cancel): the
  // status, if any, does not describe a complete answer.
  bool transportFailed() const;
  // No TCP connection was made, so the server cannot have started anything.
  bool neverConnected() const;
};

RawResult runRequest(const HttpRequest& request, const RunHooks& hooks);

// URL for messages and logs: no user info, no query.
QString safeUrl(const QUrl& url);

}  // namespace sw::providers::cloud
