#include "render/cached_generation.h"

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
    // Local: the machine's cores. Replicate limits the rate of creates, not how many predictions
    // run at once, so a batch of scenes may keep 8 in flight (chunks, images and music of several
    // scenes together); other services (ElevenLabs plans allow 2-15 concurrent requests) get 4.
    int limit = 4;
    if (backendId == QLatin1String("local"))
      limit = std::max(1, QThread::idealThreadCount());
    else if (backendId == QLatin1String("replicate"))
      limit = 8;
    slot = std::make_unique<QSemaphore>(limit);
  }
  return *slot;
}

}  // namespace sw::render
