// sceneState(): the reference image and the chunk chain.
#include <QHash>
#include <algorithm>

#include "providers/asset_cache.h"
#include "providers/model_registry.h"
#include "providers/price_list.h"
#include "render/asset_files.h"
#include "render/chunk_planner.h"
#include "render/recipe.h"
#include "render/scene_state_chunks.h"

namespace sw::render {

double usefulSeconds(const model::Asset& asset, const model::Chunk& chunk, bool dropsFirstFrame,
                     double frameSeconds) {
  return std::max(
      0.0, asset.duration - chunk.trimIn - chunk.trimOut - (dropsFirstFrame ? frameSeconds : 0.0));
}

QString chunkEngine(const StateOptions& options, const providers::ModelEntry& model) {
  return model.backend == QLatin1String("local") ? QString() : options.videoEngine;
}

namespace {

bool freeVideo(const providers::ModelEntry& model, const StateOptions& options) {
  return model.backend == QLatin1String("local") ||
         options.backends.video == QLatin1String("local");
}

// What the reference image of a scene is made from (see referenceImage() in the job).
QString referencePrompt(const model::Scene& scene) {
  return scene.visualPrompt.isEmpty() ? scene.title : scene.visualPrompt;
}

class ChunkJudge {
 public:
  ChunkJudge(model::ProjectStore& store, const providers::AssetCache& cache,
             const providers::ModelRegistry* registry, const StateOptions& options, SceneState& out)
      : store_(store), cache_(cache), registry_(registry), options_(options), out_(out) {}

  void run() {
    const providers::ModelEntry& model = *out_.model;
    frame_ = 1.0 / std::max(1, model.fps);
    const QList<model::Chunk> chunks = store_.chunks(out_.scene.id);
    Slot reference = referenceSlot(model);
    QList<Slot> items;
    QList<double> lengths;
    for (int i = 0; i < chunks.size(); ++i) {
      Slot slot = judge(chunks[i], i, model);
      // The start source the next chunk should have come from.
      upstreamChanges_ = !slot.usable();
      const auto asset = slot.assetId ? store_.asset(*slot.assetId) : std::nullopt;
      upstream_ =
          asset ? StartSource{asset->cacheKey,
                              chunks[i].trimOut > 0 ? asset->duration - chunks[i].trimOut : -1.0}
                : StartSource{};
      // A chunk made again with the same model will last about as long as it does now.
      const auto made = asset ? recordedChunkRecipe(*asset) : std::nullopt;
      const bool measured = asset && (slot.usable() || (made && made->modelKey == model.key));
      lengths.append(measured ? usefulSeconds(*asset, chunks[i], i > 0 && imageInput_, frame_)
                              : expectedUseful(model, i));
      if (i == 0 && referencePending_) reference.willGenerate = slot.willGenerate;
      items.append(slot);
    }
    if (chunks.isEmpty()) lengths.append(expectedUseful(model, 0));  // the first drops nothing
    const double expected = expectedUseful(model, std::max(1, int(chunks.size())));
    const int needed = chunksToCover(lengths, expected, out_.duration, 0.5 * frame_,
                                     imageInput_ && !out_.exactDuration ? frame_ : 0.0);
    for (int i = int(chunks.size()); i < needed; ++i) {
      Slot slot{SlotKind::Chunk, 0, i, QStringLiteral("chunk %1").arg(i + 1)};
      slot.state = SlotState::Pending;
      slot.why = QStringLiteral("the scene needs it to last %1 s").arg(out_.duration, 0, 'f', 1);
      slot.willGenerate = true;
      priceChunk(slot, model, expected);
      if (i == 0 && referencePending_) reference.willGenerate = true;
      items.append(slot);
    }
    const QList<double> used = usedSeconds(lengths, expected, out_.duration, needed);
    for (int i = 0; i < items.size(); ++i) {
      if (i < needed) {
        items[i].seconds = used[i];
        continue;
      }
      items[i].state = SlotState::Unused;
      items[i].why = QStringLiteral("past the scene's end (kept with its takes)");
      items[i].willGenerate = false;
      items[i].kept = false;
      items[i].cost = 0.0;
    }
    if (imageInput_) {
      if (!reference.willGenerate && reference.state == SlotState::Pending) reference.cost = 0.0;
      out_.items.append(reference);
    }
    out_.items.append(items);
    out_.chunksNeeded = needed;
    out_.chunksToAdd = std::max(0, needed - int(chunks.size()));
  }

 private:
  void priceChunk(Slot& slot, const providers::ModelEntry& model, double seconds) const {
    if (freeVideo(model, options_)) {
      slot.cost = 0.0;
    } else if (!registry_) {
      slot.cost.reset();
      slot.costNote = QStringLiteral("the model registry could not be loaded");
    } else {
      slot.cost = registry_->prices().videoCall(model, seconds, &slot.costNote);
    }
  }

  void priceImage(Slot& slot) const {
    if (!registry_) {
      slot.cost.reset();
      slot.costNote = QStringLiteral("the model registry could not be loaded");
    } else {
      slot.cost = registry_->prices().image(options_.backends.image, &slot.costNote);
    }
  }

  double expectedUseful(const providers::ModelEntry& model, int position) {
    return expected(model) - (position > 0 && imageInput_ ? frame_ : 0.0);
  }

  Slot referenceSlot(const providers::ModelEntry& model) {
    imageInput_ = model.supportsImageInput;
    Slot slot{SlotKind::Reference, out_.scene.id, 0, QStringLiteral("reference image")};
    if (!imageInput_) return slot;
    const auto row =
        out_.scene.referenceAssetId ? store_.asset(*out_.scene.referenceAssetId) : std::nullopt;
    slot.assetId = out_.scene.referenceAssetId;
    const QString made =
        row ? row->parameters.value(QStringLiteral("prompt")).toString() : QString();
    if (!row) {
      slot.state = SlotState::Pending;
      slot.why = QStringLiteral("made when chunk 1 is generated");
      referencePending_ = true;
      priceImage(slot);
      return slot;
    }
    if (!made.isEmpty() && made != referencePrompt(out_.scene)) {
      slot.state = SlotState::OutOfDate;
      slot.why = QStringLiteral("the visual prompt changed");
    } else if (row->provider == options_.backends.image &&
               row->parameters.value(QStringLiteral("engine")).toString() != options_.imageEngine) {
      slot.state = SlotState::OutOfDate;
      slot.why = QStringLiteral("the ComfyUI workflow changed");
    } else if (!locateAsset(store_, cache_, row->id)) {
      slot.state = SlotState::Missing;
      slot.why = QStringLiteral("its file is no longer in the cache");
    } else {
      slot.state = SlotState::Ready;
    }
    slot.willGenerate = !slot.usable();
    if (slot.willGenerate)
      priceImage(slot);
    else
      slot.cost = 0.0;
    upstream_ = StartSource{row->cacheKey, -1.0};
    upstreamChanges_ = slot.willGenerate;
    return slot;
  }

  // What `model` delivered before in this project (read once per model and state).
  double expected(const providers::ModelEntry& model) {
    auto it = expected_.find(model.key);
    if (it == expected_.end())
      it = expected_.insert(model.key, expectedChunkSeconds(store_, model));
    return *it;
  }

  Slot judge(const model::Chunk& chunk, int i, const providers::ModelEntry& sceneEntry) {
    const providers::ModelEntry& model =
        chunkModel(registry_, chunk, sceneEntry, options_.modelOverride);
    Slot slot{SlotKind::Chunk, chunk.id, i, QStringLiteral("chunk %1").arg(i + 1)};
    slot.assetId = chunk.assetId;
    const auto row = chunk.assetId ? store_.asset(*chunk.assetId) : std::nullopt;
    ChunkRecipe now = chunkRecipe(out_.scene, chunk, model, chunkEngine(options_, model));
    const auto made = row ? recordedChunkRecipe(*row) : std::nullopt;
    // The engine is compared for takes of the backend that runs now (an edited workflow); a
    // take of another backend is judged by its inputs, as before engines were recorded.
    if (made && row->provider != options_.backends.video) now.engine = made->engine;
    const QString previous =
        i == 0 ? QStringLiteral("the reference image") : QStringLiteral("chunk %1").arg(i);
    if (chunk.status == model::ChunkStatus::Generating) {
      slot.state = SlotState::Generating;
      slot.why = QStringLiteral("a job is generating it");
    } else if (chunk.status == model::ChunkStatus::Failed) {
      slot.state = SlotState::Failed;
      slot.why = chunk.error;
    } else if (!row) {
      slot.state = SlotState::Pending;
      slot.why = QStringLiteral("not generated yet");
    } else if (made && !now.sameAs(*made)) {
      slot.state = SlotState::OutOfDate;
      slot.why = now.differenceFrom(*made);
    } else if (!locateAsset(store_, cache_, row->id)) {
      slot.state = SlotState::Missing;
      slot.why = QStringLiteral("its file is no longer in the cache");
    } else if (row->provider == QLatin1String("user")) {
      slot.state = SlotState::Ready;  // the user's own file: used as it is, never regenerated
    } else if (imageInput_ && model.supportsImageInput && upstreamChanges_ &&
               !(i == 0 && referencePending_)) {
      slot.state = SlotState::Stale;
      slot.why = QStringLiteral("%1 will be regenerated").arg(previous);
    } else if (imageInput_ && model.supportsImageInput && !(i == 0 && referencePending_) &&
               !recordedStartSource(*row).sameAs(upstream_, frame_)) {
      slot.state = SlotState::Stale;
      slot.why =
          recordedStartSource(*row).assetKey == upstream_.assetKey
              ? QStringLiteral("its start frame changed (%1 is trimmed now)").arg(previous)
              : QStringLiteral("its start frame changed (%1 is another take now)").arg(previous);
    } else {
      slot.state = SlotState::Ready;
    }
    const bool keepable = slot.state == SlotState::Stale || slot.state == SlotState::OutOfDate;
    const bool asked = chunk.keptAsIs() || options_.keepChunks.contains(chunk.id) ||
                       (options_.keepAllStale && slot.state == SlotState::Stale);
    slot.kept = keepable && asked && locateAsset(store_, cache_, row->id).has_value();
    slot.willGenerate = !slot.usable();
    if (slot.willGenerate)
      priceChunk(slot, model, expected(model));
    else
      slot.cost = 0.0;
    return slot;
  }

  model::ProjectStore& store_;
  const providers::AssetCache& cache_;
  const providers::ModelRegistry* registry_;
  const StateOptions& options_;
  SceneState& out_;
  double frame_ = 1.0 / 24;
  QHash<QString, double> expected_;  // expected chunk seconds by model key
  bool imageInput_ = false;
  bool referencePending_ = false;
  StartSource upstream_;
  bool upstreamChanges_ = false;
};

}  // namespace

void addChunkSlots(model::ProjectStore& store, const providers::AssetCache& cache,
                   const providers::ModelRegistry* registry, const StateOptions& options,
                   SceneState& out) {
  ChunkJudge(store, cache, registry, options, out).run();
}

}  // namespace sw::render
