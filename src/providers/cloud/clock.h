// Clock: the time source of the cloud clients. All waits (backoff, polling, transfer timeouts)
// are expressed in "virtual" milliseconds and go through a Clock, so tests can run a "60 s"
// wait in milliseconds by scaling time. The production clock has scale 1.
#pragma once

#include <QElapsedTimer>
#include <QtGlobal>
#include <functional>
#include <memory>

namespace sw::providers::cloud {

// Returns true when the caller wants the current operation to stop.
using CancelCheck = std::function<bool()>;

class Clock {
 public:
  virtual ~Clock() = default;
  // Monotonic virtual milliseconds since the clock was created.
  virtual qint64 nowMs() const = 0;
  // Real milliseconds that correspond to virtualMs (at least 1 for a positive input).
  virtual qint64 toRealMs(qint64 virtualMs) const = 0;
  // Sleeps virtualMs; checks `cancelled` at least every 20 real ms.
  // Returns false when the sleep ended early because of cancellation.
  virtual bool sleepMs(qint64 virtualMs, const CancelCheck& cancelled) const = 0;
};

// Real time multiplied by a factor: realPerVirtual = 0.01 makes one virtual second last 10 ms.
class ScaledClock final : public Clock {
 public:
  explicit ScaledClock(double realPerVirtual = 1.0);
  qint64 nowMs() const override;
  qint64 toRealMs(qint64 virtualMs) const override;
  bool sleepMs(qint64 virtualMs, const CancelCheck& cancelled) const override;
  double scale() const { return scale_; }

 private:
  QElapsedTimer timer_;
  double scale_;
};

// The shared real-time clock (scale 1).
std::shared_ptr<const Clock> systemClock();

}  // namespace sw::providers::cloud
