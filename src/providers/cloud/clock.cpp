#include "providers/cloud/clock.h"

#include <QThread>
#include <algorithm>
#include <cmath>

namespace sw::providers::cloud {

ScaledClock::ScaledClock(double realPerVirtual)
    : scale_(realPerVirtual > 0 ? realPerVirtual : 1.0) {
  timer_.start();
}

qint64 ScaledClock::nowMs() const {
  return static_cast<qint64>(
      std::llround(static_cast<double>(timer_.nsecsElapsed()) / 1e6 / scale_));
}

qint64 ScaledClock::toRealMs(qint64 virtualMs) const {
  if (virtualMs <= 0) return 0;
  return std::max<qint64>(
      1, static_cast<qint64>(std::llround(static_cast<double>(virtualMs) * scale_)));
}

bool ScaledClock::sleepMs(qint64 virtualMs, const CancelCheck& cancelled) const {
  QElapsedTimer real;
  real.start();
  const qint64 total = toRealMs(virtualMs);
  while (real.elapsed() < total) {
    if (cancelled && cancelled()) return false;
    const qint64 left = total - real.elapsed();
    QThread::msleep(static_cast<unsigned long>(std::clamp<qint64>(left, 1, 20)));
  }
  return !(cancelled && cancelled());
}

std::shared_ptr<const Clock> systemClock() {
  static const auto clock = std::make_shared<const ScaledClock>(1.0);
  return clock;
}

}  // namespace sw::providers::cloud
