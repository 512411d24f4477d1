#include "ui/ui_format.h"

#include <QLocale>
#include <cmath>

namespace sw::ui {

QString formatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
  const qint64 tenths = qint64(std::llround(seconds * 10.0));
  const qint64 totalSeconds = tenths / 10;
  const qint64 h = totalSeconds / 3600;
  const qint64 m = (totalSeconds / 60) % 60;
  const qint64 s = totalSeconds % 60;
  if (h > 0)
    return QStringLiteral("%1:%2:%3")
        .arg(h)
        .arg(m, 2, 10, QLatin1Char('0'))
        .arg(s, 2, 10, QLatin1Char('0'));
  return QStringLiteral("%1:%2.%3").arg(m).arg(s, 2, 10, QLatin1Char('0')).arg(tenths % 10);
}

QString formatCost(double usd) {
  return QStringLiteral("$") + QLocale().toString(usd, 'f', usd < 10 ? 2 : 0);
}

QString formatBytes(qint64 bytes) { return QLocale().formattedDataSize(bytes); }

QString formatTimecode(double seconds, double fps) {
  if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
  const qint64 perSecond = std::max<qint64>(1, std::llround(fps));
  const qint64 frames = std::llround(seconds * fps);
  const qint64 totalSeconds = frames / perSecond;
  const auto two = [](qint64 v) { return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0')); };
  return QStringLiteral("%1:%2:%3:%4")
      .arg(two(totalSeconds / 3600), two((totalSeconds / 60) % 60), two(totalSeconds % 60),
           two(frames % perSecond));
}

}  // namespace sw::ui
