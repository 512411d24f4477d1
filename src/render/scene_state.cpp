#include "render/scene_state.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <functional>

#include "providers/asset_cache.h"
#include "providers/model_registry.h"
#include "providers/price_list.h"
#include "render/asset_files.h"
#include "render/model_observations.h"
#include "render/recipe.h"
#include "render/render_estimate.h"
#include "render/scene_state_chunks.h"
#include "render/speech_estimate.h"

namespace sw::render {

QString toString(SlotKind kind) {
  switch (kind) {
    case SlotKind::Reference:
      return QStringLiteral("reference");
    case SlotKind::Chunk:
      return QStringLiteral("chunk");
    case SlotKind::Narration:
      return QStringLiteral("narration");
    case SlotKind::Dialogue:
      return QStringLiteral("dialogue");
    case SlotKind::Music:
      return QStringLiteral("music");
    case SlotKind::Sfx:
      return QStringLiteral("sfx");
  }
  return {};
}

QString toString(SlotState state) {
  switch (state) {
    case SlotState::Ready:
      return QStringLiteral("ready");
    case SlotState::OutOfDate:
      return QStringLiteral("out of date");
    case SlotState::Stale:
      return QStringLiteral("stale");
    case SlotState::Missing:
      return QStringLiteral("missing");
    case SlotState::Failed:
      return QStringLiteral("failed");
    case SlotState::Pending:
      return QStringLiteral("pending");
    case SlotState::Generating:
      return QStringLiteral("generating");
    case SlotState::Unused:
      return QStringLiteral("unused");
  }
  return {};
}

bool Slot::usable() const { return state == SlotState::Ready || kept; }

QList<const Slot*> SceneState::chunkSlots() const {
  QList<const Slot*> out;
  for (const Slot& s : items)
    if (s.kind == SlotKind::Chunk) out.append(&s);
  return out;
}

const Slot* SceneState::slotOfChunk(model::Id chunkId) const {
  for (const Slot& s : items)
    if (s.kind == SlotKind::Chunk && s.rowId == chunkId) return &s;
  return nullptr;
}

int SceneState::count(SlotKind kind, SlotState state) const {
  return int(std::count_if(items.begin(), items.end(),
                           [&](const Slot& s) { return s.kind == kind && s.state == state; }));
}

int SceneState::toGenerate(SlotKind kind) const {
  return int(std::count_if(items.begin(), items.end(),
                           [&](const Slot& s) { return s.kind == kind && s.willGenerate; }));
}

int SceneState::toGenerate() const {
  return int(
      std::count_if(items.begin(), items.end(), [](const Slot& s) { return s.willGenerate; }));
}

int SceneState::readyChunks() const {
  return int(std::count_if(items.begin(), items.end(), [](const Slot& s) {
    return s.kind == SlotKind::Chunk && s.state != SlotState::Unused && s.usable();
  }));
}

QJsonObject SceneState::toJson() const {
  QJsonArray list;
  for (const Slot& s : items) {
    QJsonObject o{{"kind", toString(s.kind)},   {"index", s.index}, {"label", s.label},
                  {"state", toString(s.state)}, {"why", s.why},     {"generate", s.willGenerate},
                  {"seconds", s.seconds}};
    if (s.rowId) o.insert(QStringLiteral("id"), double(s.rowId));
    if (s.assetId) o.insert(QStringLiteral("assetId"), double(*s.assetId));
    if (s.kept) o.insert(QStringLiteral("kept"), true);
    o.insert(QStringLiteral("cost"), s.cost ? QJsonValue(*s.cost) : QJsonValue());
    list.append(o);
  }
  return QJsonObject{{"sceneId", double(scene.id)},
                     {"title", scene.title},
                     {"model", model ? model->key : QString()},
                     {"note", note},
                     {"duration", duration},
                     {"chunksNeeded", chunksNeeded},
                     {"chunksToAdd", chunksToAdd},
                     {"toGenerate", toGenerate()},
                     {"cost", cost ? QJsonValue(*cost) : QJsonValue()},
                     {"slots", list}};
}

double expectedChunkSeconds(model::ProjectStore& store, const providers::ModelEntry& model) {
  return observedChunkSeconds(store, model.key).value_or(model.actualChunkDuration);
}

const providers::ModelEntry& sceneModel(model::ProjectStore& store,
                                        const providers::ModelRegistry& registry,
                                        const model::Scene& scene, const QString& override) {
  const QString projectDefault =
      store.project().settings.value(QStringLiteral("defaultModel")).toString();
  return registry.resolve(override.isEmpty() ? scene.modelKey : override, projectDefault);
}

const providers::ModelEntry& chunkModel(const providers::ModelRegistry* registry,
                                        const model::Chunk& chunk,
                                        const providers::ModelEntry& sceneEntry,
                                        const QString& renderOverride) {
  if (!renderOverride.isEmpty() || chunk.modelKey.isEmpty() || !registry) return sceneEntry;
  try {
    return registry->model(chunk.modelKey);
  } catch (const std::exception&) {
    return sceneEntry;
  }
}

namespace {

struct Builder {
  model::ProjectStore& store;
  const providers::AssetCache& cache;
  const providers::ModelRegistry* registry;
  const StateOptions& options;
  SceneState& out;

  // The price of generating the slot with the backend that will run it.
  void price(
      Slot& slot,
      const std::function<std::optional<double>(const providers::PriceList&, QString*)>& of) const {
    if (!registry) {
      slot.cost.reset();
      slot.costNote = QStringLiteral("the model registry could not be loaded");
      return;
    }
    slot.cost = of(registry->prices(), &slot.costNote);
  }

  std::optional<model::Asset> located(std::optional<model::Id> id) {
    return id ? locateAsset(store, cache, *id) : std::nullopt;
  }

  // Slot state of an asset that has no upstream: pending, missing, out of date or ready.
  void judgeAudio(
      Slot& slot, std::optional<model::Id> assetId, const QJsonObject& recipe, bool track,
      double estimate,
      const std::function<std::optional<double>(const providers::PriceList&, QString*)>& cost) {
    slot.assetId = assetId;
    slot.seconds = estimate;
    const auto row = assetId ? store.asset(*assetId) : std::nullopt;
    QString why;
    if (!row) {
      slot.state = SlotState::Pending;
    } else if (!audioMadeFrom(*row, recipe, &why)) {
      slot.state = SlotState::OutOfDate;
      slot.why = why;
    } else if (!located(assetId)) {
      slot.state = SlotState::Missing;
      slot.why = QStringLiteral("its file is no longer in the cache");
    } else {
      slot.state = SlotState::Ready;
      if (row->duration > 0) slot.seconds = row->duration;
    }
    slot.willGenerate = track && !slot.usable();
    if (slot.willGenerate)
      price(slot, cost);
    else
      slot.cost = 0.0;
  }

  void addAudio() {
    const model::Scene& scene = out.scene;
    if (!scene.narration.trimmed().isEmpty()) {
      Slot slot{SlotKind::Narration, scene.id, 0, QStringLiteral("narration")};
      const QString voice =
          store.project().settings.value(QStringLiteral("narratorVoice")).toString();
      judgeAudio(slot, scene.narrationAssetId, speechRecipe(scene.narration, voice),
                 options.narration, estimatedSpeechSeconds(scene.narration),
                 [&](const providers::PriceList& p, QString* why) {
                   return p.speech(options.backends.speech, int(scene.narration.size()), why);
                 });
      out.items.append(slot);
    }
    const QList<model::Character> characters = store.characters();
    int index = 0;
    for (const model::DialogueLine& line : store.dialogueLines(scene.id)) {
      if (line.text.trimmed().isEmpty()) continue;
      model::Character who;
      for (const model::Character& c : characters)
        if (c.id == line.characterId) who = c;
      Slot slot{SlotKind::Dialogue, line.id, index,
                QStringLiteral("dialogue line %1 (%2)").arg(line.position + 1).arg(who.name)};
      judgeAudio(slot, line.assetId, speechRecipe(line.text, who.voice), options.dialogue,
                 estimatedSpeechSeconds(line.text),
                 [&](const providers::PriceList& p, QString* why) {
                   return p.speech(options.backends.speech, int(line.text.size()), why);
                 });
      out.items.append(slot);
      ++index;
    }
    if (!scene.musicPrompt.trimmed().isEmpty() || !scene.musicMood.trimmed().isEmpty()) {
      Slot slot{SlotKind::Music, scene.id, 0, QStringLiteral("music")};
      // Asked a second longer than the scene (scene_job_audio.cpp).
      const double seconds = std::ceil(out.duration + 1.0);
      judgeAudio(slot, scene.musicAssetId, musicRecipe(scene), options.music, out.duration,
                 [&](const providers::PriceList& p, QString* why) {
                   return p.music(options.backends.music, seconds, why);
                 });
      out.items.append(slot);
    }
    index = 0;
    for (const model::SfxCue& cue : store.sfxCues(scene.id)) {
      if (cue.file.isEmpty() && cue.description.trimmed().isEmpty()) continue;
      Slot slot{SlotKind::Sfx, cue.id, index++,
                QStringLiteral("sound effect '%1'")
                    .arg(cue.description.isEmpty() ? cue.file : cue.description)};
      if (!cue.file.isEmpty()) {  // the user's own file: never generated
        slot.state = SlotState::Ready;
        slot.cost = 0.0;
      } else {
        judgeAudio(slot, cue.assetId, sfxRecipe(cue), options.sfx, 0.0,
                   [&](const providers::PriceList& p, QString* why) {
                     return p.sfx(options.backends.soundEffect, 0.0, why);
                   });
      }
      out.items.append(slot);
    }
  }
};

}  // namespace

SceneState sceneState(model::ProjectStore& store, model::Id sceneId,
                      const providers::ModelRegistry* registry, const providers::AssetCache& cache,
                      const StateOptions& options) {
  SceneState out;
  const auto scene = store.scene(sceneId);
  if (!scene) return out;
  out.scene = *scene;
  out.duration = options.sceneSeconds;
  out.exactDuration = options.exactDuration;
  if (out.duration <= 0) {  // as long as the job will make it: speech may lengthen the scene
    RenderRequest speech;
    speech.sceneIds = {sceneId};
    speech.narration = options.narration;
    speech.dialogue = options.dialogue;
    speech.keepDuration = options.keepDuration;
    const double needed = estimateSpeech(store, sceneId, speech).duration;
    out.duration = needed > 0 ? needed : scene->targetDuration;
    out.exactDuration = needed > scene->targetDuration + 1e-9;
  }
  if (!registry) {
    out.note = QStringLiteral("The model registry could not be loaded.");
  } else {
    try {
      out.model = sceneModel(store, *registry, *scene, options.modelOverride);
    } catch (const std::exception& e) {
      out.note = QString::fromUtf8(e.what());
    }
  }
  Builder b{store, cache, registry, options, out};
  if (out.model) {
    addChunkSlots(store, cache, registry, options, out);
  }
  b.addAudio();
  // The total: unknown when any slot to generate has no price.
  out.cost = out.model ? std::optional<double>(0.0) : std::nullopt;
  for (const Slot& s : out.items) {
    if (!s.willGenerate || !out.cost) continue;
    if (!s.cost) {
      out.cost.reset();
      if (out.note.isEmpty())
        out.note = s.costNote.isEmpty()
                       ? QStringLiteral("%1 has no price in the registry").arg(s.label)
                       : s.costNote;
    } else {
      *out.cost += *s.cost;
    }
  }
  return out;
}

}  // namespace sw::render
