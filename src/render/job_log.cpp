#include "render/job_log.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace sw::render {

namespace {

// What each generated kind is called in the Step column ("video generated" -> "video").
QString assetNoun(const QString& message) {
  const QString kind = message.section(QLatin1Char(' '), 0, 0);
  if (kind == QLatin1String("sfx")) return QStringLiteral("sound effect");
  return kind.isEmpty() ? QStringLiteral("asset") : kind;
}

QString stepOf(const model::JobEvent& e) {
  static const QHash<QString, QString> steps{
      {QStringLiteral("started"), QStringLiteral("Start")},
      {QStringLiteral("estimate"), QStringLiteral("Estimate")},
      {QStringLiteral("plan"), QStringLiteral("Plan")},
      {QStringLiteral("speech.timing"), QStringLiteral("Speech timing")},
      {QStringLiteral("speech.cut"), QStringLiteral("Speech cut")},
      {QStringLiteral("reference.failed"), QStringLiteral("Reference image")},
      {QStringLiteral("fallback.t2v"), QStringLiteral("Fallback")},
      {QStringLiteral("take.reused"), QStringLiteral("Take reused")},
      {QStringLiteral("piece.encoded"), QStringLiteral("Encode ahead")},
      {QStringLiteral("piece.skipped"), QStringLiteral("Encode ahead")},
      {QStringLiteral("picture.reused"), QStringLiteral("Picture")},
      {QStringLiteral("picture.new"), QStringLiteral("Picture")},
      {QStringLiteral("stitch"), QStringLiteral("Stitch")},
      {QStringLiteral("seams"), QStringLiteral("Seam QA")},
      {QStringLiteral("seam.bad"), QStringLiteral("Seam QA")},
      {QStringLiteral("seams.failed"), QStringLiteral("Seam QA")},
      {QStringLiteral("completed"), QStringLiteral("Done")},
      {QStringLiteral("spend"), QStringLiteral("Spend")},
      {QStringLiteral("waiting"), QStringLiteral("Waiting")},
      {QStringLiteral("refused"), QStringLiteral("Refused")},
      {QStringLiteral("lease.reclaimed"), QStringLiteral("Scene lease")},
  };
  if (e.kind == QLatin1String("asset.generated"))
    return QStringLiteral("Generate %1").arg(assetNoun(e.message));
  if (e.kind == QLatin1String("asset.cached"))
    return QStringLiteral("Cached %1").arg(assetNoun(e.message));
  if (e.kind == QLatin1String("stopped"))
    return e.level == QLatin1String("error") ? QStringLiteral("Failed")
                                             : QStringLiteral("Cancelled");
  return steps.value(e.kind, e.kind);
}

QString elide(const QString& text, int length) {
  const QString simple = text.simplified();
  return simple.size() <= length ? simple : simple.left(length - 1) + QChar(0x2026);
}

// "dialogue line 1 (MARA): "The barometer is falling fast." (voice en-us+f3)".
QString describeAsset(const model::JobEvent& e) {
  const QJsonObject inputs = e.data.value(QStringLiteral("inputs")).toObject();
  const QJsonObject recipe = inputs.value(QStringLiteral("recipe")).toObject();
  const auto field = [&](const char* key) {
    const QString k = QString::fromLatin1(key);
    const QJsonValue v = inputs.contains(k) ? inputs.value(k) : recipe.value(k);
    return v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toString();
  };
  QString label = inputs.value(QStringLiteral("what")).toString();
  if (label.isEmpty()) label = assetNoun(e.message);
  QStringList parts;
  for (const char* key : {"text", "prompt", "description"}) {
    const QString text = field(key);
    if (!text.isEmpty()) {
      parts << QStringLiteral("\"%1\"").arg(elide(text, 90));
      break;
    }
  }
  QStringList details;
  if (const QString voice = field("voice"); !voice.isEmpty())
    details << QStringLiteral("voice ") + voice;
  if (const QString mood = field("mood"); !mood.isEmpty())
    details << QStringLiteral("mood ") + mood;
  if (const QString tempo = field("tempo"); !tempo.isEmpty())
    details << QStringLiteral("%1 bpm").arg(tempo);
  if (const QString seed = field("seed"); !seed.isEmpty())
    details << QStringLiteral("seed ") + seed;
  if (inputs.value(QStringLiteral("continuity")).toBool())
    details << QStringLiteral("from the previous chunk's last frame");
  if (!details.isEmpty()) parts << QStringLiteral("(%1)").arg(details.join(QStringLiteral(", ")));
  QString what =
      parts.isEmpty() ? label : label + QStringLiteral(": ") + parts.join(QLatin1Char(' '));
  if (e.kind == QLatin1String("asset.cached")) what += QStringLiteral(", from the cache");
  QStringList notes;
  for (const QJsonValue& n : e.data.value(QStringLiteral("notes")).toArray()) notes << n.toString();
  if (!notes.isEmpty()) what += QStringLiteral("; note: ") + notes.join(QStringLiteral("; "));
  return what;
}

QString padded(const QString& text, int width) { return text.leftJustified(width); }

}  // namespace

JobLogRow describeJobEvent(const model::JobEvent& e, const QDateTime& first) {
  JobLogRow row;
  row.time = e.time;
  row.elapsed = first.isValid() && e.time.isValid() ? first.msecsTo(e.time) / 1000.0 : 0.0;
  row.level = e.level;
  row.step = stepOf(e);
  const bool asset = e.kind.startsWith(QLatin1String("asset."));
  row.what = asset ? describeAsset(e) : e.message;
  if (asset) {
    const QString provider = e.data.value(QStringLiteral("provider")).toString();
    const QString model = e.data.value(QStringLiteral("model")).toString();
    row.model = provider.isEmpty() || model.isEmpty()
                    ? provider + model
                    : QStringLiteral("%1 / %2").arg(provider, model);
  }
  const bool costs = asset || e.kind == QLatin1String("completed");
  if (costs && e.data.value(QStringLiteral("cost")).isDouble())
    row.cost = e.data.value(QStringLiteral("cost")).toDouble();
  if (e.data.value(QStringLiteral("seconds")).isDouble())
    row.seconds = e.data.value(QStringLiteral("seconds")).toDouble();
  return row;
}

QList<JobLogRow> describeJobEvents(const QList<model::JobEvent>& events) {
  QList<JobLogRow> rows;
  rows.reserve(events.size());
  const QDateTime first = events.isEmpty() ? QDateTime() : events.first().time;
  for (const model::JobEvent& e : events) rows.append(describeJobEvent(e, first));
  return rows;
}

QString formatElapsed(double seconds) { return QStringLiteral("+%1 s").arg(seconds, 0, 'f', 1); }

QString formatLogCost(const std::optional<double>& usd) {
  return usd ? QStringLiteral("$%1").arg(*usd, 0, 'f', 2) : QString();
}

QString formatLogSeconds(const std::optional<double>& seconds) {
  return seconds ? QStringLiteral("%1 s").arg(*seconds, 0, 'f', 1) : QString();
}

QString jobLogText(const QList<JobLogRow>& rows) {
  const QStringList header{QStringLiteral("time"), QStringLiteral("at"),    QStringLiteral("level"),
                           QStringLiteral("step"), QStringLiteral("model"), QStringLiteral("cost"),
                           QStringLiteral("took"), QStringLiteral("what")};
  QList<QStringList> table{header};
  for (const JobLogRow& r : rows)
    table.append({r.time.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                  formatElapsed(r.elapsed), r.level == QLatin1String("info") ? QString() : r.level,
                  r.step, r.model, formatLogCost(r.cost), formatLogSeconds(r.seconds), r.what});
  QList<int> widths(header.size() - 1, 0);
  for (const QStringList& cells : std::as_const(table))
    for (int c = 0; c < widths.size(); ++c) widths[c] = std::max(widths[c], int(cells[c].size()));
  QString out;
  for (const QStringList& cells : std::as_const(table)) {
    QString line;
    for (int c = 0; c < widths.size(); ++c)
      line += padded(cells[c], widths[c]) + QStringLiteral("  ");
    out += line + cells.last() + QLatin1Char('\n');
  }
  return out;
}

}  // namespace sw::render
