// Small conversions shared by the ProjectStore implementation files (private to src/model).
#pragma once

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>
#include <string>

#include "model/sqlite_db.h"

namespace sw::model::detail {

// Runs `select + tail` with one bound value and reads every row with `read`.
template <class Read, class Value>
auto queryAll(Database& db, const char* select, const char* tail, const Value& value, Read read) {
  Statement st = db.prepare((std::string(select) + tail).c_str());
  st.bind(1, value);
  QList<decltype(read(st))> out;
  while (st.step()) out.append(read(st));
  return out;
}
template <class Read>
auto queryAll(Database& db, const char* select, const char* tail, Read read) {
  Statement st = db.prepare((std::string(select) + tail).c_str());
  QList<decltype(read(st))> out;
  while (st.step()) out.append(read(st));
  return out;
}
// The first row of `select + tail` with one bound value, if any.
template <class Read, class Value>
auto queryOne(Database& db, const char* select, const char* tail, const Value& value, Read read)
    -> std::optional<decltype(read(std::declval<Statement&>()))> {
  Statement st = db.prepare((std::string(select) + tail).c_str());
  st.bind(1, value);
  if (!st.step()) return std::nullopt;
  return read(st);
}

inline QString nowText() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }
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
