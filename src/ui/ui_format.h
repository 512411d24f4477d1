// Small display helpers shared by the widgets (durations, money, sizes), translated.
#pragma once

#include <QString>

namespace sw::ui {

QString formatDuration(double seconds);  // "0:08.5", "1:02:03"
QString formatCost(double usd);          // "$0.42"
QString formatBytes(qint64 bytes);       // "12.3 MB"

}  // namespace sw::ui
