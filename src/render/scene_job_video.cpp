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

// The chunk's unit of the job's progress (planWork() plans it; added here when it did not).
ProgressPlan::Unit chunkUnit(SceneJob::State& s, const model::Chunk& chunk) {
  if (!s.chunkUnits.contains(chunk.id))
    s.chunkUnits.insert(chunk.id, s.progress.add(QStringLiteral("chunk %1").arg(chunk.position + 1),
                                                 ProgressWeights::videoCall(*s.modelEntry)));
  return s.chunkUnits.value(chunk.id);
}

CachedResult generateOnce(SceneJob::State& s, providers::VideoGenerator& generator,
                          const model::Chunk& chunk, const providers::VideoRequest& request,
                          const QString& what) {
  providers::ModelRegistry::validate(request);
  providers::GenerationContext ctx = s.ctx;
  const ProgressPlan::Unit unit = chunkUnit(s, chunk);
  ctx.progress = [&s, what, unit](double percent, const QString& message) {
    s.unitProgress(unit, percent / 100.0,
                   QStringLiteral("generating %1: %2 (%3%)").arg(what, message).arg(int(percent)));
  };
  return generateResumable(*s.cache, generator, request, what,
                           QJsonObject{{"chunkId", double(chunk.id)}, {"seed", double(chunk.seed)}},
                           ctx, s.spendGuard(), s.remoteLog(cacheKeyOf(generator, request)));
}

QString referenceImage(SceneJob::State& s) {
  const QString what = QStringLiteral("the reference image of scene '%1'").arg(s.scene.title);
  if (auto a = usableAsset(s, s.scene.referenceAssetId, MediaKind::Image, what)) return a->filePath;
  if (!s.modelEntry->supportsImageInput || !s.backends.image) return {};
  const providers::ImageRequest r = referenceImageRequest(s);
  if (s.referenceUnit < 0)
    s.referenceUnit = s.progress.add(QStringLiteral("reference image"),
                                     callWeight(WorkKind::Image, s.backends.image->backendId()));
  s.stage(QStringLiteral("generating the reference image"));
  providers::GenerationContext ctx = s.ctx;
  ctx.progress = [&s](double percent, const QString&) {
    s.unitProgress(s.referenceUnit, percent / 100.0,
                   QStringLiteral("generating the reference image (%1%)").arg(int(percent)));
  };
  try {
    const CachedResult c =
        generateResumable(*s.cache, *s.backends.image, r, QStringLiteral("the reference image"),
                          QJsonObject{{"referenceImage", true}}, ctx, s.spendGuard(),
                          s.remoteLog(cacheKeyOf(*s.backends.image, r)));
    const model::Asset asset = s.recordAsset(
        QStringLiteral("image"), c, QJsonObject{{"prompt", r.prompt}, {"seed", double(r.seed)}});
    s.unitDone(s.referenceUnit, QStringLiteral("generated the reference image"));
    auto scene = s.store->scene(s.scene.id).value_or(s.scene);
    scene.referenceAssetId = asset.id;
    s.store->updateScene(scene);
    s.scene.referenceAssetId = asset.id;
    return checkInputFile(c.path, MediaKind::Image, s.roots(), what).path;
  } catch (const ProviderError& e) {
    if (e.kind() == ProviderError::Kind::Cancelled) throw;
    s.unitDone(s.referenceUnit, QStringLiteral("no reference image"));
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

providers::ImageRequest referenceImageRequest(SceneJob::State& s) {
  providers::ImageRequest r;
  r.prompt = s.scene.visualPrompt.isEmpty() ? s.scene.title : s.scene.visualPrompt;
  r.style = s.scene.directionPrompt;
  r.seed = chunkSeed(s.scene.id, -3);
  // A regenerated reference image records its seed: a missing file is made again as that take.
  if (s.scene.referenceAssetId)
    if (const auto linked = s.store->asset(*s.scene.referenceAssetId))
      if (linked->parameters.contains(QStringLiteral("seed")))
        r.seed = qint64(linked->parameters.value(QStringLiteral("seed")).toDouble());
  if (s.modelEntry->width > 0) {
    r.width = s.modelEntry->width;
    r.height = s.modelEntry->height;
  }
  return r;
}

void generateVideo(SceneJob::State& s) {
  const int count = int(s.chunks.size());
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
      if (s.chunkUnits.contains(chunk.id))  // planned, and found ready after all
        s.unitDone(s.chunkUnits.value(chunk.id),
                   QStringLiteral("chunk %1 of %2 ready").arg(i + 1).arg(count));
      continue;
    }
    const QString what = QStringLiteral("generating chunk %1 of %2").arg(i + 1).arg(count);
    s.stage(what);
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
    s.unitDone(chunkUnit(s, chunk),
               QStringLiteral("chunk %1 of %2 generated").arg(i + 1).arg(count));
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
    seg.useful = chunkUsefulSeconds(s.scene, *s.modelEntry, i, int(chunks.size()));
    seg.crossfade = c.transition == QLatin1String("crossfade") && c.transitionDuration > 0;
    seg.transitionDuration = c.transitionDuration;
    seg.dropFirstFrame = asset->parameters.value(QStringLiteral("continuity")).toBool();
    timeline.segments.append(seg);
  }
}

}  // namespace sw::render
