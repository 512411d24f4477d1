// A lottery (regenerate --takes K): K takes of one chunk or of the reference image, generated at
// once. Each call runs on a pool of K threads and goes through generateCached(), whose
// BackendLimiter gate lets no more calls than the backend's limit run at a time; the store is
// only touched on the job thread (before the calls start and after they end).
#include <QJsonArray>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include "providers/model_registry.h"
#include "render/scene_job_state.h"

namespace sw::render {

namespace {

struct TakeCall {
  qint64 seed = 0;
  ProgressPlan::Unit unit = -1;
  QFuture<CachedResult> future;
};

// Starts one take's call on `pool`. Its remote-prediction events go through a store connection
// of its own; an error travels in the result (an exception must not cross QtConcurrent).
template <class Generator, class Request>
QFuture<CachedResult> launchTake(SceneJob::State& s, QThreadPool& pool,
                                 std::shared_ptr<Generator> generator, const Request& request,
                                 const QString& what, const QJsonObject& data,
                                 ProgressPlan::Unit unit) {
  auto cache = s.cache;
  const SpendGuard guard = s.spendGuard();
  const RemoteLog log = workerRemoteLog(s, cacheKeyOf(*generator, request));
  ProgressPlan* plan = &s.progress;  // outlives the future: the job waits for every one
  providers::GenerationContext ctx = s.ctx;
  ctx.progress = [plan, unit](double percent, const QString&) {
    plan->setUnitFraction(unit, percent / 100.0);
  };
  return QtConcurrent::run(&pool, [=] {
    CachedResult result;
    try {
      result = generateResumable(*cache, *generator, request, what, data, ctx, guard, log);
    } catch (const std::exception& e) {
      result.error = QString::fromStdString(e.what());
    }
    plan->finishUnit(unit);
    return result;
  });
}

// Waits for every call, publishing how many are done (job row and callbacks) as they finish.
void waitForTakes(SceneJob::State& s, const QList<TakeCall>& calls, const QString& what) {
  int published = -1;
  for (;;) {
    int done = 0;
    for (const TakeCall& c : calls) done += c.future.isFinished() ? 1 : 0;
    if (done != published) {
      s.stage(QStringLiteral("generating %1 takes of %2 (%3 done)")
                  .arg(calls.size())
                  .arg(what)
                  .arg(done));
      published = done;
    }
    if (done == int(calls.size())) return;
    QThread::msleep(50);
  }
}

// After the made takes are recorded: a cancel ends the job as cancelled, a failed take fails
// it naming the first error (the takes made are kept either way).
void throwIfAnyFailed(SceneJob::State& s, const QStringList& errors, int made, int asked,
                      const QString& what) {
  s.throwIfCancelled();
  if (errors.isEmpty()) return;
  throw JobFailure(QStringLiteral("%1 of %2 takes of %3 failed (%4); the %5 made are kept.")
                       .arg(errors.size())
                       .arg(asked)
                       .arg(what, errors.first())
                       .arg(made));
}

}  // namespace

void makeChunkTakes(SceneJob::State& s, const model::Chunk& chunk, int count,
                    const QString& startImage, const StartSource& start) {
  const QString what = QStringLiteral("chunk %1 of %2").arg(chunk.position + 1).arg(count);
  std::optional<model::Id> active;
  if (chunk.assetId)
    for (const model::Take& t : s.store->takes(chunk.id))
      if (t.assetId == *chunk.assetId) active = t.id;
  s.store->setChunkStatus(chunk.id, model::ChunkStatus::Generating);
  if (s.callbacks.chunkChanged) s.callbacks.chunkChanged(s.scene.id, chunk.id);

  QThreadPool pool;
  pool.setMaxThreadCount(int(s.takeSeeds.size()));
  QList<TakeCall> calls;
  QList<providers::VideoRequest> requests;
  for (int i = 0; i < s.takeSeeds.size(); ++i) {
    model::Chunk variant = chunk;
    variant.seed = s.takeSeeds[i];
    const providers::VideoRequest request = chunkVideoRequest(s, variant, startImage);
    providers::ModelRegistry::validate(request);
    auto generator = s.backends.videoFor(request.model);
    if (!generator)
      throw JobFailure(
          QStringLiteral("No video backend is configured for model %1.").arg(request.model.key));
    // The chunk's planned unit is the first take's; each other take weighs one call more.
    const ProgressPlan::Unit unit =
        i == 0 && s.chunkUnits.contains(chunk.position)
            ? s.chunkUnits.value(chunk.position)
            : s.progress.add(QStringLiteral("take %1 of %2").arg(i + 1).arg(what),
                             ProgressWeights::videoCall(*s.modelEntry));
    const QString call = QStringLiteral("take %1 (seed %2) of %3").arg(i + 1).arg(variant.seed);
    calls.append(
        {variant.seed, unit,
         launchTake(s, pool, generator, request, call.arg(what),
                    QJsonObject{{"chunkId", double(chunk.id)}, {"seed", double(variant.seed)}},
                    unit)});
    requests.append(request);
  }
  waitForTakes(s, calls, what);

  QStringList errors;
  std::optional<model::Id> first;
  for (int i = 0; i < calls.size(); ++i) {
    const CachedResult result = calls[i].future.result();
    if (!result.error.isEmpty()) {
      errors.append(result.error);
      continue;
    }
    model::Chunk variant = chunk;
    variant.seed = calls[i].seed;
    try {
      const model::Asset asset = recordChunkVideo(s, variant, requests[i], result, {}, start);
      if (!first) first = s.lastTakeId;
      s.madeTakes.append(QJsonObject{{"chunkId", double(chunk.id)},
                                     {"takeId", double(s.lastTakeId)},
                                     {"assetId", double(asset.id)},
                                     {"seed", double(variant.seed)},
                                     {"cost", result.spentUsd}});
    } catch (const std::exception& e) {  // a file that is not the video it claims to be
      errors.append(QString::fromStdString(e.what()));
    }
  }
  // The user picks the take: the one active before stays active.
  if (active)
    s.store->setActiveTake(chunk.id, *active);
  else if (first)
    s.store->setActiveTake(chunk.id, *first);
  else
    s.store->setChunkStatus(
        chunk.id, s.ctx.isCancelled() ? model::ChunkStatus::Pending : model::ChunkStatus::Failed,
        errors.value(0));
  if (s.callbacks.chunkChanged) s.callbacks.chunkChanged(s.scene.id, chunk.id);
  throwIfAnyFailed(s, errors, int(s.madeTakes.size()), int(calls.size()), what);
}

QList<model::Asset> makeReferenceTakes(SceneJob::State& s) {
  if (!s.backends.image)
    throw JobFailure(QStringLiteral("No image backend is configured; set one in Preferences."));
  const providers::ImageRequest base = referenceImageRequest(s);
  const QString what = QStringLiteral("the reference image");
  QThreadPool pool;
  pool.setMaxThreadCount(int(s.takeSeeds.size()));
  QList<TakeCall> calls;
  QList<providers::ImageRequest> requests;
  for (int i = 0; i < s.takeSeeds.size(); ++i) {
    providers::ImageRequest request = base;
    request.seed = s.takeSeeds[i];
    const ProgressPlan::Unit unit =
        s.progress.add(QStringLiteral("take %1 of %2").arg(i + 1).arg(what),
                       callWeight(WorkKind::Image, s.backends.image->backendId()));
    calls.append(
        {request.seed, unit,
         launchTake(
             s, pool, s.backends.image, request,
             QStringLiteral("take %1 (seed %2) of %3").arg(i + 1).arg(request.seed).arg(what),
             QJsonObject{{"referenceImage", true}, {"seed", double(request.seed)}}, unit)});
    requests.append(request);
  }
  waitForTakes(s, calls, what);

  QStringList errors;
  QList<model::Asset> made;
  for (int i = 0; i < calls.size(); ++i) {
    const CachedResult result = calls[i].future.result();
    if (!result.error.isEmpty()) {
      errors.append(result.error);
      continue;
    }
    try {
      checkInputFile(result.path, MediaKind::Image, s.roots(), what);
      const model::Asset asset = s.recordAsset(
          QStringLiteral("image"), result,
          QJsonObject{{"prompt", requests[i].prompt}, {"seed", double(calls[i].seed)}});
      made.append(asset);
      s.madeTakes.append(QJsonObject{{"assetId", double(asset.id)},
                                     {"seed", double(calls[i].seed)},
                                     {"cost", result.spentUsd}});
    } catch (const std::exception& e) {
      errors.append(QString::fromStdString(e.what()));
    }
  }
  // The user picks the image: the one in use stays (a scene without one gets the first).
  auto scene = s.store->scene(s.scene.id).value_or(s.scene);
  if (!scene.referenceAssetId && !made.isEmpty()) {
    scene.referenceAssetId = made.first().id;
    s.store->updateScene(scene);
    s.scene.referenceAssetId = scene.referenceAssetId;
  }
  throwIfAnyFailed(s, errors, int(made.size()), int(calls.size()), what);
  return made;
}

}  // namespace sw::render
