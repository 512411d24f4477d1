#include "render/regenerate.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <algorithm>

#include "model/project_store.h"
#include "providers/backend_factory.h"
#include "providers/model_registry.h"
#include "render/chunk_planner.h"
#include "render/scene_job_state.h"

namespace sw::render {

using Target = RegenerateTarget::Slot;

RenderRequest regenerateRequest(const RegenerateRequest& request) {
  RenderRequest r;
  r.kind = JobKind::Regenerate;
  r.regenerate.slot = Target::Chunk;
  r.regenerate.chunkId = request.chunkId;
  r.regenerate.prompt = request.prompt;
  r.regenerate.seed = request.seed;
  r.regenerate.takes = std::max(1, request.takes);
  r.modelKey = request.modelKey;
  return r;
}

RenderRequest regenerateStaleRequest(model::Id sceneId) {
  RenderRequest r;
  r.kind = JobKind::Regenerate;
  r.regenerate.slot = Target::StaleChain;
  r.sceneIds = {sceneId};
  return r;
}

RenderRequest regenerateReferenceRequest(model::Id sceneId, std::optional<qint64> seed, int takes) {
  RenderRequest r;
  r.kind = JobKind::Regenerate;
  r.regenerate.slot = Target::ReferenceImage;
  r.regenerate.seed = seed;
  r.regenerate.takes = std::max(1, takes);
  r.sceneIds = {sceneId};
  return r;
}

RenderRequest regenerateAudioRequest(RegenerateTarget::Slot slot, model::Id sceneId,
                                     model::Id rowId) {
  RenderRequest r;
  r.kind = JobKind::Regenerate;
  r.regenerate.slot = slot;
  r.regenerate.rowId = rowId;
  r.sceneIds = {sceneId};
  return r;
}

namespace {

AudioWork::Kind audioKind(Target slot) {
  switch (slot) {
    case Target::Dialogue:
      return AudioWork::Kind::Dialogue;
    case Target::Music:
      return AudioWork::Kind::Music;
    case Target::Sfx:
      return AudioWork::Kind::Sfx;
    default:
      return AudioWork::Kind::Narration;
  }
}

bool isAudio(Target slot) {
  return slot == Target::Narration || slot == Target::Dialogue || slot == Target::Music ||
         slot == Target::Sfx;
}

// The variation (speech take or seed) the audio slot's linked asset was made with.
qint64 audioVariation(model::ProjectStore& store, const model::Scene& scene, Target slot,
                      model::Id rowId) {
  std::optional<model::Id> id;
  if (slot == Target::Narration) id = scene.narrationAssetId;
  if (slot == Target::Music) id = scene.musicAssetId;
  if (slot == Target::Dialogue)
    for (const model::DialogueLine& l : store.dialogueLines(scene.id))
      if (l.id == rowId) id = l.assetId;
  if (slot == Target::Sfx)
    for (const model::SfxCue& c : store.sfxCues(scene.id))
      if (c.id == rowId) id = c.assetId;
  const QString key = slot == Target::Narration || slot == Target::Dialogue
                          ? QStringLiteral("take")
                          : QStringLiteral("seed");
  if (id)
    if (const auto asset = store.asset(*id))
      if (asset->parameters.contains(key)) return qint64(asset->parameters.value(key).toDouble());
  return defaultAudioVariation(audioKind(slot), scene.id, rowId);
}

// The seed the scene's reference image was made with (the one a render picks when it has none).
qint64 referenceSeed(model::ProjectStore& store, const model::Scene& scene) {
  if (scene.referenceAssetId)
    if (const auto asset = store.asset(*scene.referenceAssetId))
      if (asset->parameters.contains(QStringLiteral("seed")))
        return qint64(asset->parameters.value(QStringLiteral("seed")).toDouble());
  return chunkSeed(scene.id, -3);
}

}  // namespace

RenderRequest resolveRegenerate(model::ProjectStore& store, RenderRequest request) {
  RegenerateTarget& t = request.regenerate;
  switch (t.slot) {
    case Target::Chunk:
      if (const auto chunk = store.chunk(t.chunkId)) {
        request.sceneIds = {chunk->sceneId};
        if (!t.seed) t.seed = chunk->seed + 1;
      }
      break;
    case Target::StaleChain:  // the job walks the chain from the scene state (nextStale())
      break;
    case Target::ReferenceImage:
      if (!t.seed && !request.sceneIds.isEmpty())
        if (const auto scene = store.scene(request.sceneIds.first()))
          t.seed = referenceSeed(store, *scene) + 1;
      break;
    case Target::Narration:
    case Target::Dialogue:
    case Target::Music:
    case Target::Sfx:
      if (!t.seed && !request.sceneIds.isEmpty())
        if (const auto scene = store.scene(request.sceneIds.first()))
          t.seed = audioVariation(store, *scene, t.slot, t.rowId) + 1;
      break;
  }
  request.sceneIds = request.sceneIds.mid(0, 1);
  return request;
}

TakesEstimate estimateTakes(model::ProjectStore& store, const providers::ModelRegistry* registry,
                            const providers::BackendSettings& backends,
                            const RenderRequest& request) {
  TakesEstimate e;
  const RegenerateTarget& t = request.regenerate;
  e.takes = std::max(1, t.takes);
  if (!registry) {
    e.note = QStringLiteral("the model registry could not be loaded");
    return e;
  }
  try {
    if (t.slot == Target::ReferenceImage) {
      e.perTakeUsd = registry->prices().image(backends.image, &e.note);
    } else if (t.slot == Target::Chunk) {
      const auto chunk = store.chunk(t.chunkId);
      const auto scene = chunk ? store.scene(chunk->sceneId) : std::nullopt;
      if (!scene) {
        e.note = QStringLiteral("chunk %1 does not exist").arg(t.chunkId);
        return e;
      }
      const providers::ModelEntry& sceneEntry =
          sceneModel(store, *registry, *scene, request.modelKey);
      const providers::ModelEntry& entry =
          chunkModel(registry, *chunk, sceneEntry, request.modelKey);
      if (entry.backend == QLatin1String("local") || backends.video == QLatin1String("local"))
        e.perTakeUsd = 0.0;
      else
        e.perTakeUsd =
            registry->prices().videoCall(entry, expectedChunkSeconds(store, entry), &e.note);
    } else {
      e.note = QStringLiteral("only a chunk or a reference image is priced here");
    }
  } catch (const std::exception& ex) {
    e.perTakeUsd.reset();
    e.note = QString::fromStdString(ex.what());
  }
  return e;
}

RegenerateResult regenerateOutcome(model::ProjectStore& store, model::Id jobId) {
  RegenerateResult r;
  const auto job = store.job(jobId);
  if (!job) {
    r.error = QStringLiteral("Job %1 does not exist.").arg(jobId);
    return r;
  }
  r.costUsd = job->cost;
  r.error = job->errorMessage;
  r.ok = job->status == model::JobStatus::Completed;
  for (const model::JobEvent& e : store.jobEvents(jobId))
    if (e.kind == QLatin1String("regenerated")) {
      r.takeId = model::Id(e.data.value(QStringLiteral("takeId")).toDouble());
      r.assetId = model::Id(e.data.value(QStringLiteral("assetId")).toDouble());
      r.staleMarked = e.data.value(QStringLiteral("staleMarked")).toInt();
      r.takes.clear();
      for (const QJsonValue& v : e.data.value(QStringLiteral("takes")).toArray()) {
        const QJsonObject o = v.toObject();
        r.takes.append({model::Id(o.value(QStringLiteral("takeId")).toDouble()),
                        model::Id(o.value(QStringLiteral("assetId")).toDouble()),
                        qint64(o.value(QStringLiteral("seed")).toDouble()),
                        o.value(QStringLiteral("cost")).toDouble()});
      }
    }
  return r;
}

namespace {

// The chunks after `position` whose start frame changed (the scene state's stale slots).
int staleAfter(SceneJob::State& s, int position) {
  const SceneState state = currentState(s);
  int stale = 0;
  for (const Slot* slot : state.chunkSlots())
    if (slot->index > position && slot->index < state.chunksNeeded &&
        slot->state == SlotState::Stale)
      ++stale;
  return stale;
}

// The first stale chunk after `position` in the scene's state that is not kept as it is, or 0.
// Regenerating one makes the next one stale, so the job walks the chain one chunk at a time (and a
// resumed job goes on from where the chain stands then).
model::Id nextStale(SceneJob::State& s, int position) {
  loadScene(s);
  const SceneState state = currentState(s);
  for (const Slot* slot : state.chunkSlots())
    if (slot->index > position && slot->index < state.chunksNeeded &&
        slot->state == SlotState::Stale && !slot->kept && slot->rowId)
      return slot->rowId;
  return 0;
}

// A new take of `chunkId`; the target's prompt and seed when `apply` (one chunk), else the
// chunk's own (a stale chain: only the start frame changed). Returns the chunks marked stale.
int regenerateOne(SceneJob::State& s, model::Id chunkId, bool apply, QJsonArray* takes) {
  auto chunk = s.store->chunk(chunkId);
  if (!chunk) throw JobFailure(QStringLiteral("Chunk %1 does not exist.").arg(chunkId));
  const RegenerateTarget& t = s.request.regenerate;
  if (apply) {
    if (!s.request.modelKey.isEmpty()) chunk->modelKey = s.request.modelKey;
    chunk->prompt = t.prompt.value_or(chunk->prompt);
    chunk->seed = t.seed.value_or(chunk->seed);
  }
  chunk->status = model::ChunkStatus::Pending;  // generateVideo() keeps ready and stale chunks
  s.store->updateChunk(*chunk);
  s.onlyChunk = chunk->id;  // before loadScene: keeps the scene's chunk plan as it is
  s.request.sceneIds = {chunk->sceneId};
  s.request.modelKey = chunk->modelKey;
  loadScene(s);
  planWork(s, false);
  s.madeTakes = {};
  generateVideo(s);
  if (s.takeSeeds.size() > 1) {  // a lottery: makeChunkTakes() listed its takes
    for (const QJsonValue& v : s.madeTakes) takes->append(v);
    return staleAfter(s, chunk->position);
  }
  const auto made = s.store->chunk(chunk->id);
  double cost = 0;
  for (const model::Take& take : s.store->takes(chunk->id))
    if (take.id == s.lastTakeId) cost = take.cost;
  takes->append(QJsonObject{{"chunkId", double(chunk->id)},
                            {"takeId", double(s.lastTakeId)},
                            {"assetId", made && made->assetId ? double(*made->assetId) : 0.0},
                            {"seed", double(chunk->seed)},
                            {"cost", cost}});
  return staleAfter(s, chunk->position);
}

void regenerateReference(SceneJob::State& s, QJsonObject* outcome) {
  loadScene(s);
  if (s.takeSeeds.size() > 1) {  // a lottery: the image in use stays until the user picks
    const QList<model::Asset> made = makeReferenceTakes(s);
    outcome->insert(QStringLiteral("takes"), s.madeTakes);
    outcome->insert(QStringLiteral("assetId"), made.isEmpty() ? 0.0 : double(made.first().id));
    outcome->insert(QStringLiteral("staleMarked"), staleAfter(s, -1));
    return;
  }
  if (!s.backends.image)
    throw JobFailure(QStringLiteral("No image backend is configured; set one in Preferences."));
  providers::ImageRequest r = referenceImageRequest(s);
  r.seed = s.request.regenerate.seed.value_or(r.seed);
  const QString what = QStringLiteral("the reference image");
  const ProgressPlan::Unit unit =
      s.progress.add(what, callWeight(WorkKind::Image, s.backends.image->backendId()));
  providers::GenerationContext ctx = s.ctx;
  ctx.progress = [&s, unit, what](double percent, const QString& message) {
    s.unitProgress(unit, percent / 100.0,
                   QStringLiteral("generating %1: %2 (%3%)").arg(what, message).arg(int(percent)));
  };
  s.stage(QStringLiteral("generating %1").arg(what));
  const CachedResult c =
      generateResumable(*s.cache, *s.backends.image, r, what, QJsonObject{{"referenceImage", true}},
                        ctx, s.spendGuard(), s.remoteLog(cacheKeyOf(*s.backends.image, r)));
  const model::Asset asset = s.recordAsset(
      QStringLiteral("image"), c, QJsonObject{{"prompt", r.prompt}, {"seed", double(r.seed)}});
  outcome->insert(QStringLiteral("takes"), QJsonArray{QJsonObject{{"assetId", double(asset.id)},
                                                                  {"seed", double(r.seed)},
                                                                  {"cost", c.spentUsd}}});
  auto scene = s.store->scene(s.scene.id).value_or(s.scene);
  scene.referenceAssetId = asset.id;  // the old image's asset row stays
  s.store->updateScene(scene);
  s.unitDone(unit, QStringLiteral("generated %1").arg(what));
  // Chunk 1 starts from the reference image when the model takes one: it and its followers.
  const int stale = staleAfter(s, -1);
  outcome->insert(QStringLiteral("assetId"), double(asset.id));
  outcome->insert(QStringLiteral("staleMarked"), stale);
}

// Writes the target's input overrides into the fields the slot's recipe is read from (the
// scene's, the line's, the cue's, the line's character's or the project's narrator voice), so the
// scene state of the new asset is "ready" and a render makes what the console shows. Writing the
// same values again on a resume changes nothing. Returns what changed, for the outcome event.
QJsonObject applyOverrides(SceneJob::State& s) {
  const RegenerateTarget& t = s.request.regenerate;
  QJsonObject changed;
  model::Scene scene = s.store->scene(s.scene.id).value_or(s.scene);
  const model::Scene before = scene;
  if (t.slot == Target::ReferenceImage && t.prompt) scene.visualPrompt = *t.prompt;
  if (t.slot == Target::Narration && t.text) scene.narration = *t.text;
  if (t.slot == Target::Music) {
    if (t.prompt) scene.musicPrompt = *t.prompt;
    if (t.mood) scene.musicMood = *t.mood;
    if (t.tempo) scene.musicTempo = *t.tempo;
  }
  if (scene.visualPrompt != before.visualPrompt || scene.narration != before.narration ||
      scene.musicPrompt != before.musicPrompt || scene.musicMood != before.musicMood ||
      scene.musicTempo != before.musicTempo) {
    s.store->updateScene(scene);
    changed.insert(QStringLiteral("scene"), double(scene.id));
  }
  if (t.slot == Target::Narration && t.voice) {
    QJsonObject settings = s.store->project().settings;
    if (settings.value(QStringLiteral("narratorVoice")).toString() != *t.voice) {
      settings.insert(QStringLiteral("narratorVoice"), *t.voice);
      s.store->setProjectSettings(settings);
      changed.insert(QStringLiteral("narratorVoice"), *t.voice);
    }
  }
  if (t.slot == Target::Dialogue)
    for (model::DialogueLine line : s.store->dialogueLines(s.scene.id)) {
      if (line.id != t.rowId) continue;
      if (t.text && line.text != *t.text) {
        line.text = *t.text;
        s.store->updateDialogueLine(line);
        changed.insert(QStringLiteral("line"), double(line.id));
      }
      if (t.voice)
        for (model::Character c : s.store->characters())
          if (c.id == line.characterId && c.voice != *t.voice) {
            c.voice = *t.voice;
            s.store->updateCharacter(c);
            changed.insert(QStringLiteral("character"), double(c.id));
          }
    }
  if (t.slot == Target::Sfx && t.prompt)
    for (model::SfxCue cue : s.store->sfxCues(s.scene.id))
      if (cue.id == t.rowId && cue.description != *t.prompt) {
        cue.description = *t.prompt;
        s.store->updateSfxCue(cue);
        changed.insert(QStringLiteral("cue"), double(cue.id));
      }
  return changed;
}

}  // namespace

void regenerate(SceneJob::State& s, SceneJobResult& result) {
  const RegenerateTarget& t = s.request.regenerate;
  QJsonObject outcome{{"slot", toString(t.slot)}};
  if (t.takes > 1 && (t.slot == Target::Chunk || t.slot == Target::ReferenceImage))
    for (int k = 0; k < t.takes; ++k) s.takeSeeds.append(t.seed.value_or(1) + k);
  if (t.slot != Target::Chunk && t.slot != Target::StaleChain) {
    loadScene(s);
    const QJsonObject changed = applyOverrides(s);
    if (!changed.isEmpty()) outcome.insert(QStringLiteral("inputsChanged"), changed);
  }
  if (t.slot == Target::ReferenceImage) {
    regenerateReference(s, &outcome);
  } else if (isAudio(t.slot)) {
    loadScene(s);
    const model::Asset asset = regenerateAudio(
        s, audioKind(t.slot),
        t.slot == Target::Narration || t.slot == Target::Music ? s.scene.id : t.rowId,
        t.seed.value_or(1));
    outcome.insert(QStringLiteral("assetId"), double(asset.id));
    outcome.insert(QStringLiteral("staleMarked"), 0);
  } else {
    QJsonArray takes;
    int stale = 0;
    if (t.slot == Target::Chunk) {
      stale = regenerateOne(s, t.chunkId, true, &takes);
    } else {
      int position = -1;
      for (model::Id id = nextStale(s, position); id; id = nextStale(s, position)) {
        s.throwIfCancelled();
        position = s.store->chunk(id)->position;
        stale = regenerateOne(s, id, false, &takes);
      }
    }
    outcome.insert(QStringLiteral("takes"), takes);
    outcome.insert(QStringLiteral("staleMarked"), stale);
    if (!takes.isEmpty()) {
      const QJsonObject last = takes.last().toObject();
      outcome.insert(QStringLiteral("chunkId"), last.value(QStringLiteral("chunkId")));
      outcome.insert(QStringLiteral("takeId"), last.value(QStringLiteral("takeId")));
      outcome.insert(QStringLiteral("assetId"), last.value(QStringLiteral("assetId")));
    }
  }
  outcome.insert(QStringLiteral("cost"), s.spentUsd);
  s.event(QStringLiteral("info"), QStringLiteral("regenerated"),
          QStringLiteral("Regenerated %1").arg(toString(t.slot)), outcome);
  result.outputPath.clear();
}

}  // namespace sw::render
