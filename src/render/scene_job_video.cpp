// SceneJob: the reference image and the chunk chain (chunk n starts from chunk n-1's last frame).
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include "media/thumbnails.h"
#include "providers/asset_cache.h"
#include "providers/model_registry.h"
#include "render/chunk_planner.h"
#include "render/scene_job_state.h"

namespace sw::render {

namespace {

using providers::ProviderError;

QString chunkWhat(const model::Chunk& chunk, int count) {
  return QStringLiteral("the video of chunk %1 of %2").arg(chunk.position + 1).arg(count);
}

// The exact last frame of a chunk as PNG, kept in the cache next to the chunk it came from.
QString lastFrameOf(SceneJob::State& s, const model::Asset& previous) {
  const QString dir = QDir(s.cache->directory()).absoluteFilePath(QStringLiteral("frames"));
  QDir().mkpath(dir);
  const QString png = QDir(dir).absoluteFilePath(previous.cacheKey + QStringLiteral("-last.png"));
  if (!QFileInfo::exists(png)) media::saveLastFrame(previous.filePath, png);
  return checkInputFile(png, MediaKind::Image, s.roots(),
                        QStringLiteral("the last frame of a chunk"))
      .path;
}

// Generates through the cache with the job's bookkeeping of remote predictions: the id is logged
// (event "remote.started" with `data`) as soon as the service returns it, a resumed job polls that
// prediction instead of paying for a new one, a create whose id never came back (a crash) is
// looked up before a new one goes out, and one that cannot be continued is started afresh. A
// prediction that succeeded (paid for) is never replaced: when its download fails the job stops
// and a resume downloads it.
template <class Generator, class Request>
CachedResult generateResumable(SceneJob::State& s, Generator& generator, const Request& request,
                               const QString& what, QJsonObject data,
                               providers::GenerationContext ctx) {
  const QString key =
      providers::AssetCache::key(providers::cacheRequest(request, generator.backendId()));
  data.insert(QStringLiteral("cacheKey"), key);
  ctx.resumeRemoteId = storedRemoteId(s, key);
  if (ctx.resumeRemoteId.isEmpty()) ctx.reconcileAfter = unconfirmedCreate(s, key);
  ctx.remoteId = [&s, data](const QString& remote) {
    QJsonObject d = data;
    d.insert(QStringLiteral("remoteId"), remote);
    s.event(QStringLiteral("info"), QStringLiteral("remote.started"),
            QStringLiteral("prediction %1").arg(remote), d);
  };
  ctx.remoteCreating = [&s, data] {
    s.event(QStringLiteral("info"), QStringLiteral("remote.creating"),
            QStringLiteral("creating a prediction"), data);
  };
  auto paid = std::make_shared<QString>();
  ctx.remoteSucceeded = [&s, data, paid](const QString& remote) {
    *paid = remote;
    QJsonObject d = data;
    d.insert(QStringLiteral("remoteId"), remote);
    s.event(QStringLiteral("info"), QStringLiteral("remote.succeeded"),
            QStringLiteral("prediction %1 succeeded").arg(remote), d);
  };
  const auto attempt = [&] {
    try {
      return generateCached(*s.cache, generator, request, ctx, s.spendGuard(), what);
    } catch (const ProviderError& e) {
      throwIfPaid(e, *paid);
      throw;
    }
  };
  if (ctx.resumeRemoteId.isEmpty()) return attempt();
  try {
    return attempt();
  } catch (const ProviderError& e) {
    if (!startAfresh(e, s.ctx)) throw;
    s.event(QStringLiteral("warning"), QStringLiteral("remote.lost"),
            QStringLiteral("Prediction %1 for %2 cannot be continued (%3); starting a new one.")
                .arg(ctx.resumeRemoteId, what, e.message()),
            QJsonObject{{"remoteId", ctx.resumeRemoteId}, {"cacheKey", key}});
    ctx.resumeRemoteId.clear();
    return attempt();
  }
}

CachedResult generateOnce(SceneJob::State& s, providers::VideoGenerator& generator,
                          const model::Chunk& chunk, const providers::VideoRequest& request,
                          const QString& what) {
  providers::ModelRegistry::validate(request);
  providers::GenerationContext ctx = s.ctx;
  ctx.progress = [&s, what](double percent, const QString& message) {
    s.stage(QStringLiteral("generating %1: %2 (%3%)").arg(what, message).arg(int(percent)),
            75.0 * s.unitsDone / s.unitsTotal);
  };
  return generateResumable(s, generator, request, what,
                           QJsonObject{{"chunkId", double(chunk.id)}, {"seed", double(chunk.seed)}},
                           ctx);
}

QString referenceImage(SceneJob::State& s) {
  const QString what = QStringLiteral("the reference image of scene '%1'").arg(s.scene.title);
  if (auto a = usableAsset(s, s.scene.referenceAssetId, MediaKind::Image, what)) return a->filePath;
  if (!s.modelEntry->supportsImageInput || !s.backends.image) return {};
  providers::ImageRequest r;
  r.prompt = s.scene.visualPrompt.isEmpty() ? s.scene.title : s.scene.visualPrompt;
  r.style = s.scene.directionPrompt;
  r.seed = chunkSeed(s.scene.id, -3);
  if (s.modelEntry->width > 0) {
    r.width = s.modelEntry->width;
    r.height = s.modelEntry->height;
  }
  s.stage(QStringLiteral("generating the reference image"), 75.0 * s.unitsDone / s.unitsTotal);
  try {
    const CachedResult c =
        generateResumable(s, *s.backends.image, r, QStringLiteral("the reference image"),
                          QJsonObject{{"referenceImage", true}}, s.ctx);
    const model::Asset asset =
        s.recordAsset(QStringLiteral("image"), c, QJsonObject{{"prompt", r.prompt}});
    auto scene = s.store->scene(s.scene.id).value_or(s.scene);
    scene.referenceAssetId = asset.id;
    s.store->updateScene(scene);
    s.scene.referenceAssetId = asset.id;
    return checkInputFile(c.path, MediaKind::Image, s.roots(), what).path;
  } catch (const ProviderError& e) {
    if (e.kind() == ProviderError::Kind::Cancelled) throw;
    s.event(QStringLiteral("warning"), QStringLiteral("reference.failed"),
            QStringLiteral("No reference image (%1); chunk 1 is generated from text.")
                .arg(e.message()));
    return {};
  }
}

CachedResult generateChunk(SceneJob::State& s, const model::Chunk& chunk,
                           providers::VideoRequest request, int count, QStringList* notes) {
  auto generator = s.backends.videoFor(request.model);
  if (!generator)
    throw JobFailure(
        QStringLiteral("No video backend is configured for model %1.").arg(request.model.key));
  const QString what = QStringLiteral("chunk %1 of %2").arg(chunk.position + 1).arg(count);
  try {
    return generateOnce(s, *generator, chunk, request, what);
  } catch (const ProviderError& e) {
    // Not after a timeout or a network failure: the prediction may exist (and be billed).
    using K = ProviderError::Kind;
    const bool canFallBack = !request.startImage.isEmpty() && !request.model.requiresImageInput &&
                             e.kind() != K::Cancelled && e.kind() != K::Timeout &&
                             e.kind() != K::Network;
    if (!canFallBack) throw;
    s.event(QStringLiteral("warning"), QStringLiteral("fallback.t2v"),
            QStringLiteral("Image-to-video failed for %1 (%2); retrying as text-to-video.")
                .arg(what, e.message()));
    notes->append(QStringLiteral("fell back to text-to-video: %1").arg(e.message()));
    request.startImage.clear();
    return generateOnce(s, *generator, chunk, request, what);
  }
}

model::Id recordTake(SceneJob::State& s, const model::Chunk& chunk, const model::Asset& asset,
                     double spent) {
  for (const model::Take& t : s.store->takes(chunk.id))
    if (t.assetId == asset.id) {
      s.store->setActiveTake(chunk.id, t.id);
      return t.id;
    }
  return s.store->addTake(
      {0, chunk.id, asset.id, chunk.prompt, chunk.seed, chunk.modelKey, spent, {}});
}

}  // namespace

QString storedRemoteId(SceneJob::State& s, const QString& cacheKey) {
  QString id;
  for (const model::JobEvent& e : s.store->jobEvents(s.jobId))
    if (e.kind == QLatin1String("remote.started") &&
        e.data.value(QStringLiteral("cacheKey")).toString() == cacheKey)
      id = e.data.value(QStringLiteral("remoteId")).toString();
  return id;
}

bool startAfresh(const providers::ProviderError& e, const providers::GenerationContext& ctx) {
  using K = providers::ProviderError::Kind;
  if (ctx.isCancelled()) return false;
  // A retryable BadOutput is a paid result whose download failed: resume it, never replace it.
  return e.kind() == K::Cancelled || e.kind() == K::Failed || e.kind() == K::Invalid ||
         (e.kind() == K::BadOutput && !e.retryable());
}

QDateTime unconfirmedCreate(SceneJob::State& s, const QString& cacheKey) {
  QDateTime creating;
  for (const model::JobEvent& e : s.store->jobEvents(s.jobId)) {
    if (e.data.value(QStringLiteral("cacheKey")).toString() != cacheKey) continue;
    if (e.kind == QLatin1String("remote.creating"))
      creating = e.time.isValid() ? e.time : QDateTime::currentDateTimeUtc();
    else if (e.kind == QLatin1String("remote.started"))
      creating = {};
  }
  // The service's clock may differ from ours: look a few minutes further back.
  return creating.isValid() ? creating.toUTC().addSecs(-300) : QDateTime();
}

void throwIfPaid(const providers::ProviderError& e, const QString& paidRemoteId) {
  if (paidRemoteId.isEmpty() || e.kind() == providers::ProviderError::Kind::Cancelled ||
      !e.retryable())
    return;
  throw JobFailure(e.message(), core::ErrorKind::Network);
}

void generateVideo(SceneJob::State& s) {
  const int count = int(s.chunks.size());
  s.unitsTotal += 3 * count;
  QString start = referenceImage(s);
  for (int i = 0; i < count; ++i) {
    s.throwIfCancelled();
    model::Chunk chunk = s.store->chunk(s.chunks[i].id).value_or(s.chunks[i]);
    const bool usable =
        chunk.status == model::ChunkStatus::Ready || chunk.status == model::ChunkStatus::Stale;
    const bool wanted = !s.onlyChunk || *s.onlyChunk == chunk.id;
    const std::optional<model::Asset> ready =
        usable ? usableAsset(s, chunk.assetId, MediaKind::Video, chunkWhat(chunk, count))
               : std::nullopt;
    if (!wanted || ready) {
      if (!ready) {  // not asked for and not ready: no start frame
        start.clear();
        continue;
      }
      if (s.modelEntry->supportsImageInput) start = lastFrameOf(s, *ready);
      s.unitDone(3, QStringLiteral("chunk %1 of %2 ready").arg(i + 1).arg(count));
      continue;
    }
    const QString what = QStringLiteral("generating chunk %1 of %2").arg(i + 1).arg(count);
    s.stage(what, 75.0 * s.unitsDone / s.unitsTotal);
    if (!s.request.offline) {  // a re-stitch leaves chunk states alone
      s.store->setChunkStatus(chunk.id, model::ChunkStatus::Generating);
      if (s.callbacks.chunkChanged) s.callbacks.chunkChanged(s.scene.id, chunk.id);
    }
    providers::VideoRequest request;
    request.prompt = chunk.prompt.isEmpty() ? s.scene.visualPrompt : chunk.prompt;
    request.direction = chunk.direction;
    request.seed = chunk.seed;
    request.model = *s.modelEntry;
    if (s.modelEntry->supportsImageInput) request.startImage = start;
    QStringList notes;
    CachedResult result;
    try {
      result = generateChunk(s, chunk, request, count, &notes);
    } catch (const JobFailure&) {  // budget stop or offline miss: nothing was generated
      if (!s.request.offline) s.store->setChunkStatus(chunk.id, model::ChunkStatus::Pending);
      throw;
    } catch (const std::exception& e) {
      const QString message = QString::fromStdString(e.what());
      s.store->setChunkStatus(
          chunk.id, s.ctx.isCancelled() ? model::ChunkStatus::Pending : model::ChunkStatus::Failed,
          message);
      if (s.callbacks.chunkChanged) s.callbacks.chunkChanged(s.scene.id, chunk.id);
      throw JobFailure(QStringLiteral("Generating chunk %1 of %2 failed: %3")
                           .arg(i + 1)
                           .arg(count)
                           .arg(message));
    }
    const bool continuity = i > 0 && !request.startImage.isEmpty() && notes.isEmpty();
    const model::Asset asset =
        s.recordAsset(QStringLiteral("video"), result,
                      QJsonObject{{"prompt", request.fullPrompt()},
                                  {"seed", double(request.seed)},
                                  {"model", request.model.key},
                                  {"startImage", notes.isEmpty() ? request.startImage : QString()},
                                  {"continuity", continuity},
                                  {"notes", QJsonArray::fromStringList(notes)}});
    s.lastTakeId = recordTake(s, chunk, asset, result.spentUsd);
    if (s.callbacks.chunkChanged) s.callbacks.chunkChanged(s.scene.id, chunk.id);
    if (s.modelEntry->supportsImageInput) start = lastFrameOf(s, asset);
    s.unitDone(3, QStringLiteral("chunk %1 of %2 generated").arg(i + 1).arg(count));
  }
}

void addSegments(SceneJob::State& s, TimelineInputs& timeline) {
  const QList<model::Chunk> chunks = s.store->chunks(s.scene.id);
  for (int i = 0; i < chunks.size(); ++i) {
    const model::Chunk& c = chunks[i];
    const auto asset =
        usableAsset(s, c.assetId, MediaKind::Video, chunkWhat(c, int(chunks.size())));
    if (!asset)
      throw JobFailure(QStringLiteral("Chunk %1 has no video file; regenerate it.").arg(i + 1));
    TimelineSegment seg;
    seg.file = asset->filePath;
    seg.fileDuration = asset->duration;
    seg.trimIn = c.trimIn;
    seg.trimOut = c.trimOut;
    seg.useful = chunkUsefulSeconds(s.timedScene(), *s.modelEntry, i, int(chunks.size()));
    seg.crossfade = c.transition == QLatin1String("crossfade") && c.transitionDuration > 0;
    seg.transitionDuration = c.transitionDuration;
    seg.dropFirstFrame = asset->parameters.value(QStringLiteral("continuity")).toBool();
    timeline.segments.append(seg);
  }
}

}  // namespace sw::render
