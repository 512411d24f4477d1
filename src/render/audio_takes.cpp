#include "render/audio_takes.h"

#include "model/project_store.h"

namespace sw::render {

using Slot = RegenerateTarget::Slot;

namespace {

bool perScene(Slot slot) { return slot == Slot::Narration || slot == Slot::Music; }

}  // namespace

QJsonObject audioSlotTag(Slot slot, model::Id sceneId, model::Id rowId) {
  return QJsonObject{{"slot", toString(slot)},
                     {"scene", double(sceneId)},
                     {"row", perScene(slot) ? 0.0 : double(rowId)}};
}

QString audioSlotAssetKind(Slot slot) {
  return slot == Slot::Music ? QStringLiteral("music")
         : slot == Slot::Sfx ? QStringLiteral("sfx")
                             : QStringLiteral("speech");
}

std::optional<model::Id> linkedAudioAsset(model::ProjectStore& store, Slot slot, model::Id sceneId,
                                          model::Id rowId) {
  if (slot == Slot::Narration || slot == Slot::Music) {
    const auto scene = store.scene(sceneId);
    if (!scene) return std::nullopt;
    return slot == Slot::Music ? scene->musicAssetId : scene->narrationAssetId;
  }
  if (slot == Slot::Dialogue)
    for (const model::DialogueLine& l : store.dialogueLines(sceneId))
      if (l.id == rowId) return l.assetId;
  if (slot == Slot::Sfx)
    for (const model::SfxCue& c : store.sfxCues(sceneId))
      if (c.id == rowId) return c.assetId;
  return std::nullopt;
}

void tagLinkedAudio(model::ProjectStore& store, Slot slot, model::Id sceneId, model::Id rowId) {
  const auto linked = linkedAudioAsset(store, slot, sceneId, rowId);
  const auto asset = linked ? store.asset(*linked) : std::nullopt;
  if (!asset || asset->parameters.contains(QStringLiteral("for"))) return;
  QJsonObject parameters = asset->parameters;
  parameters.insert(QStringLiteral("for"), audioSlotTag(slot, sceneId, rowId));
  store.setAssetParameters(asset->id, parameters);
}

QList<AudioTake> audioTakes(model::ProjectStore& store, Slot slot, model::Id sceneId,
                            model::Id rowId) {
  const std::optional<model::Id> linked = linkedAudioAsset(store, slot, sceneId, rowId);
  const QJsonObject tag = audioSlotTag(slot, sceneId, rowId);
  const QString key = slot == Slot::Narration || slot == Slot::Dialogue ? QStringLiteral("take")
                                                                        : QStringLiteral("seed");
  QList<AudioTake> out;
  bool sawLinked = false;
  for (const model::Asset& a : store.assets(audioSlotAssetKind(slot))) {
    const bool active = linked && a.id == *linked;
    if (!active && a.parameters.value(QStringLiteral("for")).toObject() != tag) continue;
    AudioTake t{a, active, std::nullopt};
    if (a.parameters.contains(key)) t.seed = qint64(a.parameters.value(key).toDouble());
    sawLinked = sawLinked || active;
    out.append(t);
  }
  if (linked && !sawLinked)  // linked to an asset of another kind: still the one in use
    if (const auto a = store.asset(*linked)) out.append({*a, true, std::nullopt});
  return out;
}

}  // namespace sw::render
