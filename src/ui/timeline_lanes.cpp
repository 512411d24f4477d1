#include "ui/timeline_lanes.h"

#include <QCoreApplication>
#include <QMap>
#include <QRegularExpression>

#include "render/timeline_builder.h"

namespace sw::ui {

namespace {

double assetSeconds(model::ProjectStore& store, std::optional<model::Id> assetId, double fallback) {
  if (!assetId) return fallback;
  const auto asset = store.asset(*assetId);
  return asset && asset->duration > 0 ? asset->duration : fallback;
}
}  // namespace

QList<AudioLane> buildAudioLanes(model::ProjectStore& store, model::Id sceneId,
                                 double sceneSeconds) {
  QList<AudioLane> lanes;
  const auto scene = store.scene(sceneId);
  if (!scene) return lanes;
  const QList<model::DialogueLine> lines = store.dialogueLines(sceneId);
  // Speech goes where the render will put it (render::placeSpeech), over equal segments.
  render::TimelineInputs plan;
  const int segments = std::max<int>(1, int(store.chunks(sceneId).size()));
  for (int i = 0; i < segments; ++i) plan.segments.append({QString(), sceneSeconds / segments});
  if (!scene->narration.trimmed().isEmpty())
    plan.narration = render::TimelineClip{
        QString(),
        assetSeconds(store, scene->narrationAssetId, estimatedSpeechSeconds(scene->narration))};
  for (const model::DialogueLine& line : lines)
    plan.dialogue.append(
        {QString(), assetSeconds(store, line.assetId, estimatedSpeechSeconds(line.text))});
  const render::SpeechPlacement placed = render::placeSpeech(plan);
  AudioLane narration{
      AudioLane::Narration, QCoreApplication::translate("sw::ui::TimelineWidget", "Narration"), {}};
  if (!scene->narration.trimmed().isEmpty()) {
    narration.clips.append({placed.narrationStart.value_or(0.0), plan.narration->duration,
                            scene->narration.left(60), scene->narrationAssetId.has_value()});
  }
  lanes.append(narration);

  QMap<model::Id, AudioLane> byCharacter;
  for (int i = 0; i < lines.size(); ++i) {
    const model::DialogueLine& line = lines.at(i);
    if (!byCharacter.contains(line.characterId)) {
      const auto who = store.character(line.characterId);
      byCharacter.insert(
          line.characterId,
          AudioLane{
              AudioLane::Dialogue,
              who ? who->name : QCoreApplication::translate("sw::ui::TimelineWidget", "Dialogue"),
              {}});
    }
    byCharacter[line.characterId].clips.append({placed.dialogueStarts.at(i),
                                                plan.dialogue.at(i).duration, line.text.left(40),
                                                line.assetId.has_value()});
  }
  if (byCharacter.isEmpty())
    lanes.append(AudioLane{AudioLane::Dialogue,
                           QCoreApplication::translate("sw::ui::TimelineWidget", "Dialogue"),
                           {}});
  for (const AudioLane& lane : byCharacter) lanes.append(lane);

  AudioLane music{
      AudioLane::Music, QCoreApplication::translate("sw::ui::TimelineWidget", "Music"), {}};
  if (!scene->musicPrompt.trimmed().isEmpty() || scene->musicAssetId)
    music.clips.append({0.0, sceneSeconds, scene->musicPrompt, scene->musicAssetId.has_value()});
  lanes.append(music);

  AudioLane sfx{AudioLane::Sfx, QCoreApplication::translate("sw::ui::TimelineWidget", "SFX"), {}};
  for (const model::SfxCue& cue : store.sfxCues(sceneId))
    sfx.clips.append({cue.time, assetSeconds(store, cue.assetId, 1.0),
                      cue.description.isEmpty() ? cue.file : cue.description,
                      cue.assetId.has_value() || !cue.file.isEmpty()});
  lanes.append(sfx);
  return lanes;
}

}  // namespace sw::ui
