#include "ui/render_summary.h"

#include <QCoreApplication>
#include <QSet>

#include "providers/model_registry.h"
#include "ui/timeline_lanes.h"

namespace sw::ui {

namespace {

// Chunks the scene needs: the existing plan, or the registry's plan for its duration.
void addVideo(model::ProjectStore& store, const model::Scene& scene,
              const providers::ModelRegistry* registry, const QString& projectModel,
              RenderSummary& out) {
  const QList<model::Chunk> chunks = store.chunks(scene.id);
  const providers::ModelEntry* entry = nullptr;
  if (registry) {
    try {
      entry = &registry->resolve(scene.modelKey, projectModel);
    } catch (const std::exception& e) {
      out.costNote = QString::fromUtf8(e.what());
    }
  }
  int missing = 0;
  if (!chunks.isEmpty()) {
    out.segments += int(chunks.size());
    for (const model::Chunk& c : chunks)
      c.status == model::ChunkStatus::Ready ? ++out.ready : ++missing;
  } else if (entry) {
    missing = providers::chunkCount(scene.targetDuration, *entry);
    out.segments += missing;
  }
  out.duration += scene.targetDuration;
  if (entry && out.costToGenerate) *out.costToGenerate += missing * entry->costPerCall;
  else out.costToGenerate.reset();
}

void addAudio(model::ProjectStore& store, const model::Scene& scene, RenderSummary& out) {
  if (!scene.narration.trimmed().isEmpty()) {
    const auto asset = scene.narrationAssetId ? store.asset(*scene.narrationAssetId) : std::nullopt;
    out.narrationGenerated = asset.has_value();
    out.narrationSeconds += asset ? asset->duration : estimatedSpeechSeconds(scene.narration);
  }
  QSet<model::Id> speakers;
  for (const model::DialogueLine& line : store.dialogueLines(scene.id)) {
    if (line.text.trimmed().isEmpty()) continue;
    ++out.dialogueLines;
    speakers.insert(line.characterId);
  }
  out.dialogueCharacters += int(speakers.size());
  if (!scene.musicPrompt.trimmed().isEmpty() || scene.musicAssetId) out.musicSeconds += scene.targetDuration;
  out.sfxCues += int(store.sfxCues(scene.id).size());
}

}  // namespace

RenderSummary summarizeRender(model::ProjectStore& store, const QList<model::Id>& sceneIds,
                              const providers::ModelRegistry* registry) {
  RenderSummary out;
  out.costToGenerate = registry ? std::optional<double>(0.0) : std::nullopt;
  if (!registry)
    out.costNote = QCoreApplication::translate("sw::ui::RenderSceneDialog",
                                               "The model registry could not be loaded.");
  const QString projectModel =
      store.project().settings.value(QStringLiteral("defaultModel")).toString();
  for (model::Id id : sceneIds) {
    const auto scene = store.scene(id);
    if (!scene) continue;
    addVideo(store, *scene, registry, projectModel, out);
    addAudio(store, *scene, out);
  }
  return out;
}

}  // namespace sw::ui
