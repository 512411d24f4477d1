#include "render/resumable_generation.h"

#include "model/project_store.h"
#include "render/scene_job_state.h"

namespace sw::render {

QString storedRemoteId(model::ProjectStore& store, model::Id jobId, const QString& cacheKey) {
  QString id;
  for (const model::JobEvent& e : store.jobEvents(jobId))
    if (e.kind == QLatin1String("remote.started") &&
        e.data.value(QStringLiteral("cacheKey")).toString() == cacheKey)
      id = e.data.value(QStringLiteral("remoteId")).toString();
  return id;
}

QDateTime unconfirmedCreate(model::ProjectStore& store, model::Id jobId, const QString& cacheKey) {
  QDateTime creating;
  for (const model::JobEvent& e : store.jobEvents(jobId)) {
    if (e.data.value(QStringLiteral("cacheKey")).toString() != cacheKey) continue;
    if (e.kind == QLatin1String("remote.creating"))
      creating = e.time.isValid() ? e.time : QDateTime::currentDateTimeUtc();
    else if (e.kind == QLatin1String("remote.started"))
      creating = {};
  }
  // The service's clock may differ from ours: look a few minutes further back.
  return creating.isValid() ? creating.toUTC().addSecs(-300) : QDateTime();
}

RemoteLog remoteLogFor(model::ProjectStore& store, model::Id jobId, const QString& cacheKey) {
  RemoteLog log;
  log.resumeRemoteId = storedRemoteId(store, jobId, cacheKey);
  if (log.resumeRemoteId.isEmpty()) log.reconcileAfter = unconfirmedCreate(store, jobId, cacheKey);
  return log;
}

bool startAfresh(const providers::ProviderError& e, const providers::GenerationContext& ctx) {
  using K = providers::ProviderError::Kind;
  if (ctx.isCancelled()) return false;
  // A retryable BadOutput is a paid result whose download failed: resume it, never replace it.
  return e.kind() == K::Cancelled || e.kind() == K::Failed || e.kind() == K::Invalid ||
         (e.kind() == K::BadOutput && !e.retryable());
}

void throwIfPaid(const providers::ProviderError& e, const QString& paidRemoteId) {
  if (paidRemoteId.isEmpty() || e.kind() == providers::ProviderError::Kind::Cancelled ||
      !e.retryable())
    return;
  throw JobFailure(e.message(), core::ErrorKind::Network);
}

}  // namespace sw::render
