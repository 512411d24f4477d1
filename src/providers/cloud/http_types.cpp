#include "providers/cloud/http_types.h"

#include <QJsonDocument>

namespace sw::providers::cloud {

void HttpRequest::setHeader(const QByteArray& name, const QByteArray& value) {
  for (auto& h : headers) {
    if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
      h.second = value;
      return;
    }
  }
  headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray& name) const {
  for (const auto& h : headers) {
    if (h.first.compare(name, Qt::CaseInsensitive) == 0) return h.second;
  }
  return {};
}

QJsonObject HttpResponse::jsonObject() const {
  const QJsonDocument doc = QJsonDocument::fromJson(body);
  return doc.isObject() ? doc.object() : QJsonObject{};
}

HttpError::HttpError(Kind kind, const QString& message, int status, const QString& serviceText)
    : core::Error(kind == Kind::Network || kind == Kind::Timeout ? core::ErrorKind::Network
                  : kind == Kind::Cancelled                      ? core::ErrorKind::Cancelled
                                                                 : core::ErrorKind::Service,
                  message, QStringLiteral("HTTP")),
      kind_(kind),
      status_(status),
      serviceText_(serviceText) {}

bool HttpError::transient() const {
  switch (kind_) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::CreateUncertain:
      return true;
    case Kind::Status:
      return isTransientStatus(status_);
    case Kind::BadDownload:
      return true;
    default:
      return false;
  }
}

bool isTransientStatus(int status) {
  return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 ||
         status == 504;
}

}  // namespace sw::providers::cloud
