// The takes of one audio slot of a scene (its narration or music, a dialogue line, an SFX cue):
// every asset made or given for it. A render, a regenerate job and the user's own file each
// record in the asset's parameters which slot it was made for ("for": {slot, scene, row}); the
// slot's linked asset is the active take (one made before the tag existed is still listed).
#pragma once

#include <QJsonObject>
#include <QList>
#include <optional>

#include "model/types.h"
#include "render/render_request.h"

namespace sw::model {
class ProjectStore;
}

namespace sw::render {

struct AudioTake {
  model::Asset asset;
  bool active = false;
  std::optional<qint64> seed;  // music and SFX: the seed; speech: the take number
};

// The "for" tag of an asset made for `slot` (Narration, Dialogue, Music or Sfx); `rowId`: the
// dialogue line or SFX cue (ignored for the scene's narration and music).
QJsonObject audioSlotTag(RegenerateTarget::Slot slot, model::Id sceneId, model::Id rowId);
// speech, music or sfx: the asset kind of an audio slot.
QString audioSlotAssetKind(RegenerateTarget::Slot slot);
// The asset the slot uses now, if any.
std::optional<model::Id> linkedAudioAsset(model::ProjectStore& store, RegenerateTarget::Slot slot,
                                          model::Id sceneId, model::Id rowId);
// Before the slot is pointed at another asset: the one it uses now is tagged as its take when it
// has no tag yet (made before tags, or by an older version), so it stays listed. Store writes:
// call inside the transaction that relinks the slot.
void tagLinkedAudio(model::ProjectStore& store, RegenerateTarget::Slot slot, model::Id sceneId,
                    model::Id rowId);
// The slot's takes, oldest first.
QList<AudioTake> audioTakes(model::ProjectStore& store, RegenerateTarget::Slot slot,
                            model::Id sceneId, model::Id rowId);

}  // namespace sw::render
