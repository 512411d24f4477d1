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

// The asset's file and cache key on the clip (the key of the waveform).
void attach(model::ProjectStore& store, std::optional<model::Id> assetId, LaneClip& clip) {
  if (!assetId) return;
  if (const auto asset = store.asset(*assetId)) {
    clip.file = asset->filePath;
    clip.cacheKey = asset->cacheKey.isEmpty() ? asset->filePath : asset->cacheKey;
  }
}

QString tr(const char* text) { return QCoreApplication::translate("sw::ui::TimelineWidget", text); }
}  // namespace

QString LaneClip::toolTip() const {
  QString tip = text.isEmpty() ? label : text;
  tip +=
      QLatin1Char('\n') + tr("%1 s to %2 s").arg(start, 0, 'f', 2).arg(start + duration, 0, 'f', 2);
  if (!generated) tip += QLatin1Char('\n') + tr("Not generated yet (length estimated)");
  if (cutAt >= 0)
    tip += QLatin1Char('\n') +
           (cutAt <= start ? tr("Not played: the scene ends at %1 s") : tr("cut at %1 s"))
               .arg(cutAt, 0, 'f', 2);
  return tip;
}

QList<AudioLane> buildAudioLanes(model::ProjectStore& store, model::Id sceneId, double sceneSeconds,
                                 double renderSeconds) {
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
    LaneClip clip{placed.narrationStart.value_or(0.0), plan.narration->duration,
                  scene->narration.left(60), scene->narrationAssetId.has_value(), scene->narration};
    attach(store, scene->narrationAssetId, clip);
    narration.clips.append(clip);
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
    LaneClip clip{placed.dialogueStarts.at(i), plan.dialogue.at(i).duration, line.text.left(40),
                  line.assetId.has_value(), line.text};
    clip.rowId = line.id;
    attach(store, line.assetId, clip);
    byCharacter[line.characterId].clips.append(clip);
  }
  if (byCharacter.isEmpty())
    lanes.append(AudioLane{AudioLane::Dialogue,
                           QCoreApplication::translate("sw::ui::TimelineWidget", "Dialogue"),
                           {}});
  for (const AudioLane& lane : byCharacter) lanes.append(lane);

  AudioLane music{
      AudioLane::Music, QCoreApplication::translate("sw::ui::TimelineWidget", "Music"), {}};
  if (!scene->musicPrompt.trimmed().isEmpty() || scene->musicAssetId) {
    LaneClip clip{0.0, sceneSeconds, scene->musicPrompt, scene->musicAssetId.has_value(),
                  scene->musicPrompt};
    attach(store, scene->musicAssetId, clip);
    music.clips.append(clip);
  }
  lanes.append(music);

  AudioLane sfx{AudioLane::Sfx, QCoreApplication::translate("sw::ui::TimelineWidget", "SFX"), {}};
  for (const model::SfxCue& cue : store.sfxCues(sceneId)) {
    const QString label = cue.description.isEmpty() ? cue.file : cue.description;
    LaneClip clip{cue.time, assetSeconds(store, cue.assetId, 1.0), label,
                  cue.assetId.has_value() || !cue.file.isEmpty(), label};
    clip.rowId = cue.id;
    attach(store, cue.assetId, clip);
    sfx.clips.append(clip);
  }
  lanes.append(sfx);
  const double end = renderSeconds > 0 ? renderSeconds : sceneSeconds;
  for (AudioLane& lane : lanes) {
    if (lane.kind == AudioLane::Music) continue;  // music is fitted to the scene, not cut
    for (LaneClip& clip : lane.clips)
      if (clip.start + clip.duration > end + 1e-3) clip.cutAt = end;
  }
  return lanes;
}

}  // namespace sw::ui
