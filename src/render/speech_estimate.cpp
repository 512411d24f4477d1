#include "render/speech_estimate.h"

#include "render/render_estimate.h"

namespace sw::render {

namespace {

SpeechItem item(model::ProjectStore& store, const QString& what, const QString& text,
                std::optional<model::Id> assetId, bool dialogue) {
  if (assetId)
    if (const auto asset = store.asset(*assetId); asset && asset->duration > 0)
      return {what, asset->duration, true, dialogue};
  return {what, estimatedSpeechSeconds(text), false, dialogue};
}

}  // namespace

SpeechTiming speechTimingOf(model::ProjectStore& store, const model::Scene& scene,
                            const RenderRequest& request) {
  SpeechTiming t;
  t.target = scene.targetDuration;
  t.policy = request.keepDuration ? SpeechPolicy::KeepDuration : SpeechPolicy::Lengthen;
  if (request.narration && !scene.narration.trimmed().isEmpty())
    t.items.append(
        item(store, QStringLiteral("narration"), scene.narration, scene.narrationAssetId, false));
  if (request.dialogue) {
    const QList<model::DialogueLine> lines = store.dialogueLines(scene.id);
    for (int i = 0; i < lines.size(); ++i) {
      if (lines[i].text.trimmed().isEmpty()) continue;
      const auto who = store.character(lines[i].characterId);
      t.items.append(item(store, dialogueLineName(i + 1, who ? who->name : QString()),
                          lines[i].text, lines[i].assetId, true));
    }
  }
  return t;
}

SpeechLayout estimateSpeech(model::ProjectStore& store, model::Id sceneId,
                            const RenderRequest& request) {
  const auto scene = store.scene(sceneId);
  if (!scene) return {};
  return layoutSpeech(speechTimingOf(store, *scene, request));
}

}  // namespace sw::render
