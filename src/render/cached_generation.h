// Generation through the asset cache: the same request never goes out twice.
// Thread-safe (no store access), so audio can be generated on other threads while the job
// thread generates chunks; the job thread records the results in the project store.
#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMutex>
#include <QSemaphore>

#include "providers/asset_cache.h"
#include "providers/capabilities.h"

namespace sw::render {

struct CachedResult {
  QString key;
  QString path;
  providers::GenerationResult result;  // as generated (from the sidecar on a cache hit)
  bool fromCache = false;
  double spentUsd = 0.0;  // what this call cost now (0 on a cache hit)
  QString error;          // set by callers that run generateCached() on another thread
};

// Limits concurrent calls per backend (local: the machine's cores; Replicate: 8; other cloud
// services: 4, below their usual concurrency quotas).
class BackendLimiter {
 public:
  static BackendLimiter& instance();
  QSemaphore& forBackend(const QString& backendId);

 private:
  QMutex mutex_;
  std::map<QString, std::unique_ptr<QSemaphore>> semaphores_;
};

// Budget hooks around a paid call: reserve() before it (throws to refuse), settle() after it
// with the real cost (0 when the call failed).
struct SpendGuard {
  std::function<void(double estimateUsd, const QString& what)> reserve;
  std::function<void(double estimateUsd, double actualUsd)> settle;
};

template <class Generator, class Request>
CachedResult generateCached(providers::AssetCache& cache, Generator& generator,
                            const Request& request, const providers::GenerationContext& ctx,
                            const SpendGuard& guard, const QString& what) {
  CachedResult out;
  out.key = providers::AssetCache::key(providers::cacheRequestFor(generator, request));
  if (auto hit = cache.lookup(out.key)) {
    out.path = *hit;
    out.fromCache = true;
    out.result = providers::resultFromJson(cache.metadata(out.key));
    out.result.filePath = *hit;
    return out;
  }
  const double estimate = generator.estimateCostUsd(request);
  if (guard.reserve) guard.reserve(estimate, what);
  QSemaphore& gate = BackendLimiter::instance().forBackend(generator.backendId());
  while (!gate.tryAcquire(1, 100)) ctx.throwIfCancelled(what);
  struct Release {
    QSemaphore& s;
    ~Release() { s.release(); }
  } release{gate};
  providers::GenerationContext call = ctx;
  call.outputDir = QDir(cache.directory()).absoluteFilePath(QStringLiteral("incoming"));
  QDir().mkpath(call.outputDir);
  try {
    out.result = generator.generate(request, call);
  } catch (...) {
    if (guard.settle) guard.settle(estimate, 0.0);
    throw;
  }
  if (guard.settle) guard.settle(estimate, out.result.costUsd);
  out.spentUsd = out.result.costUsd;
  out.path = cache.store(out.key, out.result.filePath, providers::resultToJson(out.result));
  out.result.filePath = out.path;
  return out;
}

}  // namespace sw::render
