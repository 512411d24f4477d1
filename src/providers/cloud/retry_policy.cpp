#include "providers/cloud/retry_policy.h"

#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace sw::providers::cloud {

namespace {

// Seconds (or ms) from a server as milliseconds, saturated: 1e30 must not overflow into a
// negative (or tiny) wait.
qint64 toMs(double value, double perUnit) {
  constexpr double kMax = 1e15;  // ~31,000 years
  return static_cast<qint64>(std::min(value * perUnit, kMax));
}

std::optional<QDateTime> parseHttpDate(const QString& text) {
  QDateTime t = QDateTime::fromString(text, Qt::RFC2822Date);
  if (t.isValid()) return t.toUTC();
  const QLocale c = QLocale::c();
  for (const char* fmt : {"ddd, dd MMM yyyy hh:mm:ss 'GMT'", "dddd, dd-MMM-yy hh:mm:ss 'GMT'",
                          "ddd MMM d hh:mm:ss yyyy"}) {
    t = c.toDateTime(text.simplified(), QLatin1String(fmt));
    if (t.isValid()) {
      if (t.date().year() < 1970) t = t.addYears(100);
      t.setTimeZone(QTimeZone::utc());
      return t;
    }
  }
  return std::nullopt;
}

std::optional<qint64> hintFromBody(const HttpResponse& response) {
  const QJsonObject o = response.jsonObject();
  const QJsonValue ra = o.value("retry_after");
  if (ra.isDouble() && ra.toDouble() >= 0) return toMs(ra.toDouble(), 1000.0);
  static const QRegularExpression approx("~\\s*(\\d+(?:\\.\\d+)?)\\s*s");
  const auto m = approx.match(o.value("detail").toString());
  if (m.hasMatch()) return toMs(m.captured(1).toDouble(), 1000.0);
  return std::nullopt;
}

}  // namespace

std::optional<qint64> parseRetryAfter(const QByteArray& value, const QDateTime& nowUtc) {
  const QString text = QString::fromLatin1(value).trimmed();
  if (text.isEmpty()) return std::nullopt;
  bool ok = false;
  const double seconds = text.toDouble(&ok);
  if (ok) return seconds >= 0 ? std::optional<qint64>(toMs(seconds, 1000.0)) : std::nullopt;
  const auto date = parseHttpDate(text);
  if (!date) return std::nullopt;
  return std::max<qint64>(0, nowUtc.msecsTo(*date));
}

std::optional<qint64> retryHintMs(const HttpResponse& response, const QDateTime& nowUtc) {
  bool ok = false;
  const double ms = QString::fromLatin1(response.header("retry-after-ms")).trimmed().toDouble(&ok);
  if (ok && ms >= 0) return toMs(ms, 1.0);
  if (auto ra = parseRetryAfter(response.header("retry-after"), nowUtc)) return ra;
  return hintFromBody(response);
}

qint64 backoffDelayMs(const RetryPolicy& policy, int retryIndex, QRandomGenerator& random) {
  const double exp = std::ldexp(1.0, std::clamp(retryIndex, 0, 30));
  const double base = std::min(static_cast<double>(policy.maxDelayMs),
                               static_cast<double>(policy.baseDelayMs) * exp);
  const double factor = 1.0 + policy.jitter * (2.0 * random.generateDouble() - 1.0);
  return std::max<qint64>(1, static_cast<qint64>(std::llround(base * factor)));
}

}  // namespace sw::providers::cloud
