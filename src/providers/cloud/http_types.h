// Plain data of the HTTP layer: a request, a response and the one error type (HttpError).
#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <stdexcept>

namespace sw::providers::cloud {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// How a failed attempt may be repeated.
enum class RetryMode {
  Safe,         // GET, poll, cancel, download: retry network errors, 408, 429, 5xx
  CreateOn429,  // starts paid work: retry only after 429; other transient failures are "uncertain"
  Never         // one attempt
};

struct HttpRequest {
  QByteArray method = "GET";
  QUrl url;
  HeaderList headers;  // secrets go here; they are never logged
  QByteArray body;
  int timeoutSeconds = 30;  // inactivity (transfer) timeout, virtual seconds
  RetryMode retry = RetryMode::Safe;
  bool cancellable = true;  // false for the cancel request sent after the user cancelled
  QString label;            // "Replicate: create prediction", used in messages and logs

  void setHeader(const QByteArray& name, const QByteArray& value);
};

struct HttpResponse {
  int status = 0;
  HeaderList headers;
  QByteArray body;
  QUrl url;

  QByteArray header(const QByteArray& name) const;  // case-insensitive, empty when absent
  // Body as a JSON object; an empty object for anything else (HTML, empty, arrays).
  QJsonObject jsonObject() const;
};

class HttpError : public core::Error {
 public:
  enum class Kind {
    Network,          // connection refused/reset, DNS, TLS
    Timeout,          // no bytes moved for the transfer timeout
    Cancelled,        // the caller cancelled
    Status,           // the service answered with a non-2xx status (see status())
    CreateUncertain,  // a create got a timeout/5xx/network error: the job may exist remotely
    BadResponse,      // a 2xx whose body is not what the protocol promises
    BadDownload       // empty, truncated or unreadable download
  };

  HttpError(Kind kind, const QString& message, int status = 0, const QString& serviceText = {});
  Kind kind() const { return kind_; }
  int status() const { return status_; }
  // The service's own error text (detail/message/error field), empty when none.
  QString serviceText() const { return serviceText_; }
  // True when trying again later may succeed (network, timeout, 408/429/5xx).
  bool transient() const;

 private:
  Kind kind_;
  int status_;
  QString serviceText_;
};

// 408, 429, 500, 502, 503, 504.
bool isTransientStatus(int status);

}  // namespace sw::providers::cloud
