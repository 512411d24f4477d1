#include "render/job/cached_generation.h"

#include <QThread>

namespace sw::render {

BackendLimiter& BackendLimiter::instance() {
  static BackendLimiter limiter;
  return limiter;
}

QSemaphore& BackendLimiter::forBackend(const QString& backendId) {
  QMutexLocker lock(&mutex_);
  auto& slot = semaphores_[backendId];
  if (!slot) {
    const int local = std::max(1, QThread::idealThreadCount());
    slot = std::make_unique<QSemaphore>(backendId == QLatin1String("local") ? local : 4);
  }
  return *slot;
}

}  // namespace sw::render
