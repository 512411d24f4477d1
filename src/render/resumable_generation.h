// One way for every job to make a paid call: through the asset cache, resuming the remote
// prediction an earlier run of the job started for the same request, or starting afresh when
// that prediction cannot be continued. Serves video chunks, the reference image and audio.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <functional>

#include "model/types.h"
#include "providers/asset_cache.h"
#include "providers/provider_error.h"
#include "render/cached_generation.h"

namespace sw::model {
class ProjectStore;
}

namespace sw::render {

// How a call records its remote prediction on its job. `event` writes a job event (level, kind,
// message, data) from the thread the call runs on; `resumeRemoteId` and `reconcileAfter` come
// from the job's earlier events for the call's cache key (remoteLogFor).
struct RemoteLog {
  std::function<void(const QString& level, const QString& kind, const QString& message,
                     const QJsonObject& data)>
      event;
  QString resumeRemoteId;
  QDateTime reconcileAfter;
};

// The remote prediction job `jobId` started for exactly this cache key (event "remote.started"),
// if any: a resumed job polls it instead of paying for it again.
QString storedRemoteId(model::ProjectStore& store, model::Id jobId, const QString& cacheKey);
// When the job announced a create for the cache key (kind "remote.creating") whose id never came
// back, the time to look for it from (the service's list); else invalid.
QDateTime unconfirmedCreate(model::ProjectStore& store, model::Id jobId, const QString& cacheKey);
// The log of `jobId` for `cacheKey` (reads the store now, on the caller's thread).
RemoteLog remoteLogFor(model::ProjectStore& store, model::Id jobId, const QString& cacheKey);
// A stored prediction that cannot be continued (cancelled by a pause, failed, expired, unknown) is
// replaced by a new one; network trouble and the user's own cancel are not.
bool startAfresh(const providers::ProviderError& e, const providers::GenerationContext& ctx);
// Throws JobFailure (no fallback, no new prediction) when `e` ends a call whose prediction
// `paidRemoteId` succeeded: the result is paid for and a resume downloads it.
void throwIfPaid(const providers::ProviderError& e, const QString& paidRemoteId);

template <class Generator, class Request>
QString cacheKeyOf(const Generator& generator, const Request& request) {
  return providers::AssetCache::key(providers::cacheRequestFor(generator, request));
}

// Generates through the cache: the prediction id is logged (event "remote.started" with `data`
// and the cache key) as soon as the service returns it, a resumed job polls that prediction
// instead of paying for a new one, a create whose id never came back (a crash) is looked up
// before a new one goes out, and one that cannot be continued is started afresh. A prediction
// that succeeded (paid for) is never replaced: when its download fails the job stops and a
// resume downloads it.
template <class Generator, class Request>
CachedResult generateResumable(providers::AssetCache& cache, Generator& generator,
                               const Request& request, const QString& what, QJsonObject data,
                               providers::GenerationContext ctx, const SpendGuard& guard,
                               const RemoteLog& log) {
  const QString key = cacheKeyOf(generator, request);
  data.insert(QStringLiteral("cacheKey"), key);
  ctx.resumeRemoteId = log.resumeRemoteId;
  if (ctx.resumeRemoteId.isEmpty()) ctx.reconcileAfter = log.reconcileAfter;
  const auto event = log.event;
  ctx.remoteId = [event, data, what](const QString& remote) {
    QJsonObject d = data;
    d.insert(QStringLiteral("remoteId"), remote);
    event(QStringLiteral("info"), QStringLiteral("remote.started"),
          QStringLiteral("prediction %1 (%2)").arg(remote, what), d);
  };
  ctx.remoteCreating = [event, data, what] {
    event(QStringLiteral("info"), QStringLiteral("remote.creating"),
          QStringLiteral("creating a prediction (%1)").arg(what), data);
  };
  auto paid = std::make_shared<QString>();
  ctx.remoteSucceeded = [event, data, paid, what](const QString& remote) {
    *paid = remote;
    QJsonObject d = data;
    d.insert(QStringLiteral("remoteId"), remote);
    event(QStringLiteral("info"), QStringLiteral("remote.succeeded"),
          QStringLiteral("prediction %1 succeeded (%2)").arg(remote, what), d);
  };
  const auto attempt = [&] {
    try {
      return generateCached(cache, generator, request, ctx, guard, what);
    } catch (const providers::ProviderError& e) {
      throwIfPaid(e, *paid);
      throw;
    }
  };
  if (ctx.resumeRemoteId.isEmpty()) return attempt();
  try {
    return attempt();
  } catch (const providers::ProviderError& e) {
    if (!startAfresh(e, ctx)) throw;
    event(QStringLiteral("warning"), QStringLiteral("remote.lost"),
          QStringLiteral("Prediction %1 for %2 cannot be continued (%3); starting a new one.")
              .arg(ctx.resumeRemoteId, what, e.message()),
          QJsonObject{{"remoteId", ctx.resumeRemoteId}, {"cacheKey", key}});
    ctx.resumeRemoteId.clear();
    return attempt();
  }
}

}  // namespace sw::render
