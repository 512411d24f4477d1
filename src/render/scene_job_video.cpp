// SceneJob: the reference image and the chunk chain (chunk n starts from the frame chunk n-1 is
// cut at).
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

#include "media/thumbnails.h"
#include "providers/asset_cache.h"
#include "providers/model_registry.h"
#include "render/chunk_planner.h"
#include "render/model_observations.h"
#include "render/recipe.h"
#include "render/scene_job_state.h"

namespace sw::render {

namespace {

using providers::ProviderError;

// The chunk's unit of the job's progress (planWork() plans it; added here when it did not).
ProgressPlan::Unit chunkUnit(SceneJob::State& s, const model::Chunk& chunk) {
  if (!s.chunkUnits.contains(chunk.position))
    s.chunkUnits.insert(chunk.position,
                        s.progress.add(QStringLiteral("chunk %1").arg(chunk.position + 1),
                                       ProgressWeights::videoCall(*s.modelEntry)));
  return s.chunkUnits.value(chunk.position);
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

// The scene's reference image: the one it has while that is current (`current`), else a new one.
QString referenceImage(SceneJob::State& s, bool current) {
  const QString what = QStringLiteral("the reference image of scene '%1'").arg(s.scene.title);
  if (current)
    if (auto a = usableAsset(s, s.scene.referenceAssetId, MediaKind::Image, what))
      return a->filePath;
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
    QJsonObject parameters{{"prompt", r.prompt}, {"seed", double(r.seed)}};
    const QString engine = s.backends.image->engineIdentity();  // a ComfyUI workflow's hash
    if (!engine.isEmpty()) parameters.insert(QStringLiteral("engine"), engine);
    const model::Asset asset = s.recordAsset(QStringLiteral("image"), c, parameters);
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
  return s.store->addTake({0,
                           chunk.id,
                           asset.id,
                           chunk.prompt,
                           chunk.seed,
                           chunk.modelKey,
                           spent,
                           {},
                           chunk.direction});
}

}  // namespace

providers::VideoRequest chunkVideoRequest(SceneJob::State& s, const model::Chunk& chunk,
                                          const QString& startImage) {
  providers::VideoRequest request;
  request.prompt = chunkPrompt(s.scene, chunk);
  request.direction = chunkDirection(s.scene, chunk);
  request.seed = chunk.seed;
  request.model =
      render::chunkModel(s.backends.models.get(), chunk, *s.modelEntry, s.request.modelKey);
  if (request.model.supportsImageInput) request.startImage = startImage;
  return request;
}

model::Asset recordChunkVideo(SceneJob::State& s, const model::Chunk& chunk,
                              const providers::VideoRequest& request, CachedResult result,
                              const QStringList& notes, const StartSource& start) {
  const int i = chunk.position;
  // Measured, never the duration the service claims.
  const CheckedFile file = checkInputFile(result.path, MediaKind::Video, s.roots(),
                                          QStringLiteral("the video of chunk %1").arg(i + 1));
  result.result.duration = file.probe.duration;
  const bool continuity = i > 0 && !request.startImage.isEmpty() && notes.isEmpty();
  // Made from text although the model takes a start image (none there, or image-to-video
  // failed): recorded as a fallback, so the chunk is not stale for the want of one.
  StartSource source = start;
  if (!request.model.supportsImageInput)
    source = {};
  else if (request.startImage.isEmpty() || !notes.isEmpty())
    source = StartSource{{}, -1.0, true};
  const ChunkRecipe recipe = chunkRecipe(s.scene, chunk, request.model,
                                         s.backends.videoFor(request.model)->engineIdentity());
  const model::Asset asset =
      s.recordAsset(QStringLiteral("video"), result,
                    QJsonObject{{"recipe", recipe.toJson()},
                                {"startFrom", source.toJson()},
                                {"prompt", request.fullPrompt()},
                                {"seed", double(request.seed)},
                                {"model", request.model.key},
                                {"startImage", notes.isEmpty() ? request.startImage : QString()},
                                {"continuity", continuity},
                                {"notes", QJsonArray::fromStringList(notes)}});
  recordChunkObservation(*s.store, request.model.key, asset);  // estimates follow the service
  s.lastTakeId = recordTake(s, chunk, asset, result.spentUsd);
  if (s.callbacks.chunkChanged) s.callbacks.chunkChanged(s.scene.id, chunk.id);
  return asset;
}

QString continuationFrame(SceneJob::State& s, const model::Asset& previous, double cutSeconds) {
  const double cut = cutSeconds < 0 ? previous.duration : cutSeconds;  // < 0: the file's end
  const QString dir = QDir(s.cache->directory()).absoluteFilePath(QStringLiteral("frames"));
  QDir().mkpath(dir);
  const QString png = QDir(dir).absoluteFilePath(
      QStringLiteral("%1-cut-%2ms.png").arg(previous.cacheKey).arg(qRound64(cut * 1000)));
  if (!QFileInfo::exists(png)) media::saveFrameBeforeCut(previous.filePath, cut, png);
  return checkInputFile(png, MediaKind::Image, s.roots(),
                        QStringLiteral("the frame a chunk is cut at"))
      .path;
}

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

namespace {

// The chunk at `position`, added to the store when the plan needs it and it is not there yet.
model::Chunk chunkAt(SceneJob::State& s, const Slot& slot, int position) {
  if (slot.rowId)
    if (auto c = s.store->chunk(slot.rowId)) return *c;
  model::Chunk c = newChunk(s.scene.id, position);
  c.id = s.store->addChunk(c);
  if (s.callbacks.chunkChanged) s.callbacks.chunkChanged(s.scene.id, c.id);
  return c;
}

// Where the next chunk starts from: this chunk's frame at its cut, and that source's record.
struct Start {
  QString image;
  StartSource source;
};

Start startAfter(SceneJob::State& s, const model::Chunk& chunk, const model::Asset& asset) {
  if (!s.modelEntry->supportsImageInput) return {};
  const double cut = chunk.trimOut > 0 ? asset.duration - chunk.trimOut : -1.0;
  return {continuationFrame(s, asset, cut), StartSource{asset.cacheKey, cut}};
}

const providers::ModelEntry& chunkModel(SceneJob::State& s, const model::Chunk& chunk) {
  return render::chunkModel(s.backends.models.get(), chunk, *s.modelEntry, s.request.modelKey);
}

// Generates chunk `i` from `start` and records the take; returns the new asset.
model::Asset makeChunk(SceneJob::State& s, model::Chunk chunk, int count, const Start& start) {
  const int i = chunk.position;
  s.stage(QStringLiteral("generating chunk %1 of %2").arg(i + 1).arg(count));
  if (!s.request.offline) {  // a re-stitch leaves chunk states alone
    s.store->setChunkStatus(chunk.id, model::ChunkStatus::Generating);
    if (s.callbacks.chunkChanged) s.callbacks.chunkChanged(s.scene.id, chunk.id);
  }
  const providers::VideoRequest request = chunkVideoRequest(s, chunk, start.image);
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
    throw JobFailure(
        QStringLiteral("Generating chunk %1 of %2 failed: %3").arg(i + 1).arg(count).arg(message));
  }
  return recordChunkVideo(s, chunk, request, result, notes, start.source);
}

// An earlier take of the chunk made from exactly its current recipe and start (say, after a
// render with another --model): made active instead of paying for the same again.
std::optional<model::Asset> reusableTake(SceneJob::State& s, const model::Chunk& chunk,
                                         const Start& start) {
  const providers::ModelEntry& entry = chunkModel(s, chunk);
  const ChunkRecipe now = chunkRecipe(s.scene, chunk, entry, chunkEngine(s.stateOptions, entry));
  const double frame = 1.0 / std::max(1, s.modelEntry->fps);
  for (const model::Take& take : s.store->takes(chunk.id)) {
    const auto row = s.store->asset(take.assetId);
    const auto made = row ? recordedChunkRecipe(*row) : std::nullopt;
    if (!made || made->legacy || !now.sameAs(*made)) continue;
    if (s.modelEntry->supportsImageInput && !recordedStartSource(*row).sameAs(start.source, frame))
      continue;
    const QString what = QStringLiteral("take %1 of chunk %2").arg(take.id).arg(chunk.position + 1);
    if (auto asset = usableAsset(s, take.assetId, MediaKind::Video, what)) {
      s.store->setActiveTake(chunk.id, take.id);
      s.event(QStringLiteral("info"), QStringLiteral("take.reused"),
              QStringLiteral("Chunk %1: take %2 already has this recipe; no new generation.")
                  .arg(chunk.position + 1)
                  .arg(take.id),
              QJsonObject{{"chunkId", double(chunk.id)}, {"takeId", double(take.id)}});
      return asset;
    }
  }
  return std::nullopt;
}

// Pending chunks past the scene's end that never had a take: nothing to keep, nothing to pay.
void dropUnneededChunks(SceneJob::State& s, const SceneState& state) {
  for (const Slot* slot : state.chunkSlots())
    if (slot->state == SlotState::Unused && slot->rowId && s.store->takes(slot->rowId).isEmpty())
      s.store->removeChunk(slot->rowId);
}

}  // namespace

void generateVideo(SceneJob::State& s) {
  SceneState state = currentState(s);
  // A copy: `state` is recomputed before each chunk, which would leave a pointer dangling.
  std::optional<Slot> reference;
  for (const Slot& slot : state.items)
    if (slot.kind == SlotKind::Reference) reference = slot;
  // Chunk 1 starts from the reference image (made now when the scene needs a new one).
  const auto referenceStart = [&s](bool current) {
    Start start;
    start.image = referenceImage(s, current);
    if (auto asset =
            s.scene.referenceAssetId ? s.store->asset(*s.scene.referenceAssetId) : std::nullopt;
        asset && !start.image.isEmpty())
      start.source = StartSource{asset->cacheKey, -1.0};
    return start;
  };
  Start start;
  if (reference && (reference->usable() || reference->willGenerate) && !s.onlyChunk)
    start = referenceStart(reference->usable());
  for (int i = 0;; ++i) {
    s.throwIfCancelled();
    reportPieces(s);
    state = currentState(s);  // measured lengths of the chunks made so far decide the count
    const QList<const Slot*> items = state.chunkSlots();
    if (i >= state.chunksNeeded || i >= items.size()) break;
    const Slot& slot = *items[i];
    if (s.onlyChunk && !slot.rowId) break;
    model::Chunk chunk = chunkAt(s, slot, i);
    const bool wanted = s.onlyChunk ? *s.onlyChunk == chunk.id : slot.willGenerate;
    const QString what = QStringLiteral("the video of chunk %1 of %2").arg(i + 1).arg(items.size());
    if (!wanted) {
      const auto ready = usableAsset(s, chunk.assetId, MediaKind::Video, what);
      if (!ready) {  // not asked for and not there: no start frame for the next
        start = {};
        continue;
      }
      start = startAfter(s, chunk, *ready);
      encodeAhead(s, state, i, chunk.id);
      if (s.chunkUnits.contains(chunk.position))  // planned, and found ready after all
        s.unitDone(s.chunkUnits.value(chunk.position),
                   QStringLiteral("chunk %1 of %2 ready").arg(i + 1).arg(state.chunksNeeded));
      continue;
    }
    if (s.onlyChunk && i == 0 && reference && reference->usable()) start = referenceStart(true);
    if (!s.onlyChunk)
      if (const auto reused = reusableTake(s, chunk, start)) {
        start = startAfter(s, *s.store->chunk(chunk.id), *reused);
        encodeAhead(s, state, i, chunk.id);
        s.unitDone(chunkUnit(s, chunk),
                   QStringLiteral("chunk %1 of %2 ready").arg(i + 1).arg(state.chunksNeeded));
        continue;
      }
    if (s.takeSeeds.size() > 1) {  // a lottery: its takes, all from the same start
      makeChunkTakes(s, chunk, state.chunksNeeded, start.image, start.source);
      break;
    }
    const model::Asset asset = makeChunk(s, chunk, state.chunksNeeded, start);
    start = startAfter(s, chunk, asset);
    encodeAhead(s, state, i, chunk.id);
    s.unitDone(chunkUnit(s, chunk),
               QStringLiteral("chunk %1 of %2 generated").arg(i + 1).arg(state.chunksNeeded));
    if (s.onlyChunk) break;
  }
  if (!s.onlyChunk) dropUnneededChunks(s, currentState(s));
}

TimelineSegment chunkSegment(SceneJob::State& s, const model::Chunk& chunk,
                             const model::Asset& asset, bool last, double seconds) {
  TimelineSegment seg;
  seg.file = asset.filePath;
  seg.fileDuration = asset.duration;
  seg.trimIn = chunk.trimIn;
  seg.trimOut = chunk.trimOut;
  seg.dropFirstFrame = asset.parameters.value(QStringLiteral("continuity")).toBool();
  const auto measured = measuredOf(asset);
  if (measured) {
    seg.fpsNum = measured->fpsNum;
    seg.fpsDen = measured->fpsDen;
  }
  const double fps = measured && measured->fps() > 0 ? measured->fps() : s.modelEntry->fps;
  // Every chunk but the last is used whole: its cut is the frame the next one starts from.
  if (last) seg.useful = seconds + (seg.dropFirstFrame && fps > 0 ? 1.0 / fps : 0.0);
  seg.crossfade =
      !last && chunk.transition == QLatin1String("crossfade") && chunk.transitionDuration > 0;
  seg.transitionDuration = chunk.transitionDuration;
  return seg;
}

void addSegments(SceneJob::State& s, TimelineInputs& timeline) {
  const SceneState state = currentState(s);
  const QList<const Slot*> items = state.chunkSlots();
  for (int i = 0; i < state.chunksNeeded && i < items.size(); ++i) {
    const Slot& slot = *items[i];
    const auto chunk = slot.rowId ? s.store->chunk(slot.rowId) : std::nullopt;
    if (!chunk || !slot.usable())
      throw JobFailure(QStringLiteral("Chunk %1 is %2 (%3); render the scene again to generate it.")
                           .arg(i + 1)
                           .arg(toString(slot.state), slot.why));
    const QString what = QStringLiteral("the video of chunk %1 of %2").arg(i + 1).arg(items.size());
    const auto asset = usableAsset(s, chunk->assetId, MediaKind::Video, what);
    if (!asset)
      throw JobFailure(QStringLiteral("Chunk %1 has no video file; regenerate it.").arg(i + 1));
    TimelineSegment seg =
        chunkSegment(s, *chunk, *asset, i + 1 == state.chunksNeeded, slot.seconds);
    timeline.segments.append(seg);
  }
}

}  // namespace sw::render
