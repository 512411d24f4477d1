// Small conversions shared by the ProjectStore implementation files (private to src/model).
#pragma once

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

namespace sw::model::detail {

inline QString nowText() {
  return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}
inline QString timeText(const QDateTime& t) {
  return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}
inline QDateTime parseTime(const QString& text) {
  QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
  if (!t.isValid()) t = QDateTime::fromString(text, Qt::ISODate);
  return t;
}
inline QString jsonText(const QJsonObject& object) {
  return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
inline QJsonObject parseJson(const QString& text) {
  return QJsonDocument::fromJson(text.toUtf8()).object();
}

}  // namespace sw::model::detail
