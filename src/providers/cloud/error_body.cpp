#include "providers/cloud/error_body.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace sw::providers::cloud {

namespace {

constexpr int kMaxChars = 300;

QString clip(QString text) {
  text = text.simplified();
  if (text.size() > kMaxChars) text = text.left(kMaxChars - 1) + QChar(0x2026);
  return text;
}

QString textOf(const QJsonValue& v);

QString textOfArray(const QJsonArray& array) {
  QStringList parts;
  for (const auto& item : array) {
    const QString t = textOf(item);
    if (!t.isEmpty()) parts << t;
  }
  return parts.join("; ");
}

// A JSON value to words: strings as they are, objects by their usual message fields.
QString textOf(const QJsonValue& v) {
  if (v.isString()) return v.toString();
  if (v.isArray()) return textOfArray(v.toArray());
  if (!v.isObject()) return {};
  const QJsonObject o = v.toObject();
  for (const char* key : {"message", "msg", "detail", "error", "description"}) {
    const QString t = textOf(o.value(QLatin1String(key)));
    if (!t.isEmpty()) return t;
  }
  return {};
}

QString fromJson(const QJsonObject& o) {
  QString detail;
  for (const char* key : {"detail", "error", "message"}) {
    detail = textOf(o.value(QLatin1String(key)));
    if (!detail.isEmpty()) break;
  }
  const QString title = o.value("title").toString();
  if (!title.isEmpty() && !detail.isEmpty() && !detail.startsWith(title))
    return title + ": " + detail;
  return detail.isEmpty() ? title : detail;
}

QString fromHtml(const QString& html) {
  static const QRegularExpression titleRe(
      "<title[^>]*>(.*?)</title>",
      QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
  const auto m = titleRe.match(html);
  if (m.hasMatch() && !m.captured(1).trimmed().isEmpty()) return m.captured(1);
  static const QRegularExpression tags("<[^>]*>");
  QString text = html;
  text.remove(QRegularExpression(
      "<(script|style)[^>]*>.*?</\\1>",
      QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption));
  return text.replace(tags, " ");
}

}  // namespace

QString serviceErrorText(const QByteArray& body) {
  const QByteArray trimmed = body.trimmed();
  if (trimmed.isEmpty()) return {};
  QJsonParseError err{};
  const QJsonDocument doc = QJsonDocument::fromJson(trimmed, &err);
  if (err.error == QJsonParseError::NoError) {
    if (doc.isObject()) return clip(fromJson(doc.object()));
    if (doc.isArray()) return clip(textOfArray(doc.array()));
  }
  const QString text = QString::fromUtf8(trimmed);
  if (text.startsWith('<')) return clip(fromHtml(text));
  return clip(text);
}

QString serviceErrorCode(const QByteArray& body) {
  const QJsonObject o = QJsonDocument::fromJson(body).object();
  const QJsonValue detail = o.value("detail");
  if (detail.isObject()) return detail.toObject().value("status").toString();
  const QJsonValue error = o.value("error");
  if (error.isObject()) {
    const QJsonObject e = error.toObject();
    const QString code = e.value("code").toString();
    return code.isEmpty() ? e.value("type").toString() : code;
  }
  return {};
}

QString statusReason(int status) {
  switch (status) {
    case 400:
      return QStringLiteral("HTTP 400 Bad Request");
    case 401:
      return QStringLiteral("HTTP 401 Unauthorized");
    case 402:
      return QStringLiteral("HTTP 402 Payment Required");
    case 403:
      return QStringLiteral("HTTP 403 Forbidden");
    case 404:
      return QStringLiteral("HTTP 404 Not Found");
    case 408:
      return QStringLiteral("HTTP 408 Request Timeout");
    case 409:
      return QStringLiteral("HTTP 409 Conflict");
    case 422:
      return QStringLiteral("HTTP 422 Unprocessable Entity");
    case 429:
      return QStringLiteral("HTTP 429 Too Many Requests");
    case 500:
      return QStringLiteral("HTTP 500 Internal Server Error");
    case 502:
      return QStringLiteral("HTTP 502 Bad Gateway");
    case 503:
      return QStringLiteral("HTTP 503 Service Unavailable");
    case 504:
      return QStringLiteral("HTTP 504 Gateway Timeout");
    default:
      return QStringLiteral("HTTP %1").arg(status);
  }
}

}  // namespace sw::providers::cloud
