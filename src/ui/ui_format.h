// Small display helpers shared by the widgets (durations, money, sizes), translated.
#pragma once

#include <QString>

namespace sw::ui {

QString formatDuration(double seconds);  // "0:08.5", "1:02:03"
QString formatCost(double usd);          // "$0.42"
QString formatBytes(qint64 bytes);       // "12.3 MB"
// Hours:minutes:seconds:frames at `fps` (rounded to a whole number of frames per second):
// 7.5 s at 24 fps is "00:00:07:12".
QString formatTimecode(double seconds, double fps);

}  // namespace sw::ui
