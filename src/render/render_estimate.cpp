#include "render/render_estimate.h"

#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include "providers/model_registry.h"
#include "render/chunk_planner.h"

namespace sw::render {

namespace {

// Chunks the scene will have: the planner's answer (existing chunks kept when they still fit).
void addVideo(model::ProjectStore& store, const model::Scene& scene, const RenderRequest& request,
              const providers::ModelRegistry* registry, const QString& videoBackend,
              RenderEstimate& out) {
  out.duration += scene.targetDuration;
  const providers::ModelEntry* entry = nullptr;
  if (registry) {
    try {
      const QString projectModel =
          store.project().settings.value(QStringLiteral("defaultModel")).toString();
      entry = &registry->resolve(request.modelKey.isEmpty() ? scene.modelKey : request.modelKey,
                                 projectModel);
    } catch (const std::exception& e) {
      out.costNote = QString::fromUtf8(e.what());
    }
  }
  const QList<model::Chunk> existing = store.chunks(scene.id);
  const QList<model::Chunk> chunks = entry ? planChunks(scene, *entry, existing).chunks : existing;
  int missing = 0;
  for (const model::Chunk& c : chunks)
    c.status == model::ChunkStatus::Ready ? ++out.ready : ++missing;
  out.segments += int(chunks.size());
  if (!entry || !out.costToGenerate) return out.costToGenerate.reset();
  const QString backend = request.backend.isEmpty() ? videoBackend : request.backend;
  const bool free = entry->backend == QLatin1String("local") || backend == QLatin1String("local");
  *out.costToGenerate += free ? 0.0 : missing * entry->costPerCall;
}

double assetSeconds(model::ProjectStore& store, std::optional<model::Id> id, double fallback) {
  const auto asset = id ? store.asset(*id) : std::nullopt;
  return asset && asset->duration > 0 ? asset->duration : fallback;
}

void addAudio(model::ProjectStore& store, const model::Scene& scene, const RenderRequest& request,
              RenderEstimate& out) {
  if (!scene.narration.trimmed().isEmpty()) {
    out.narrationSeconds +=
        assetSeconds(store, scene.narrationAssetId, estimatedSpeechSeconds(scene.narration));
    if (!scene.narrationAssetId) {
      out.narrationGenerated = false;
      if (request.narration) ++out.narrationToGenerate;
    }
  }
  QSet<model::Id> speakers;
  for (const model::DialogueLine& line : store.dialogueLines(scene.id)) {
    if (line.text.trimmed().isEmpty()) continue;
    ++out.dialogueLines;
    speakers.insert(line.characterId);
    if (request.dialogue && !line.assetId) ++out.dialogueToGenerate;
  }
  out.dialogueCharacters += int(speakers.size());
  // As the job decides: music needs a prompt or a mood.
  if (!scene.musicPrompt.trimmed().isEmpty() || !scene.musicMood.trimmed().isEmpty()) {
    out.musicSeconds += scene.targetDuration;
    if (request.music && !scene.musicAssetId) ++out.musicToGenerate;
  }
  for (const model::SfxCue& cue : store.sfxCues(scene.id)) {
    if (cue.file.isEmpty() && cue.description.trimmed().isEmpty()) continue;
    ++out.sfxCues;
    if (request.sfx && cue.file.isEmpty() && !cue.assetId) ++out.sfxToGenerate;
  }
}

QString plural(int n, const char* one, const char* many) {
  return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

}  // namespace

double estimatedSpeechSeconds(const QString& text) {
  static const QRegularExpression space(QStringLiteral("\\s+"));
  const int words = int(text.split(space, Qt::SkipEmptyParts).size());
  return words == 0 ? 0.0 : std::max(0.8, words / 2.6);
}

RenderEstimate estimateRender(model::ProjectStore& store, const RenderRequest& request,
                              const providers::ModelRegistry* registry,
                              const QString& videoBackend) {
  RenderEstimate out;
  out.costToGenerate = registry ? std::optional<double>(0.0) : std::nullopt;
  if (!registry) out.costNote = QStringLiteral("The model registry could not be loaded.");
  bool anyNarration = false;
  out.narrationGenerated = true;
  for (model::Id id : request.sceneIds) {
    const auto scene = store.scene(id);
    if (!scene) continue;
    anyNarration = anyNarration || !scene->narration.trimmed().isEmpty();
    addVideo(store, *scene, request, registry, videoBackend, out);
    addAudio(store, *scene, request, out);
  }
  out.narrationGenerated = anyNarration && out.narrationGenerated;
  return out;
}

QString RenderEstimate::summaryLine() const {
  QStringList generate{plural(toGenerate(), "chunk", "chunks")};
  if (narrationToGenerate > 0) generate << QStringLiteral("narration");
  if (dialogueToGenerate > 0) generate << plural(dialogueToGenerate, "line", "lines");
  if (musicToGenerate > 0) generate << QStringLiteral("music");
  if (sfxToGenerate > 0) generate << QStringLiteral("%1 SFX").arg(sfxToGenerate);
  const QString priced = audioToGenerate()
                             ? QStringLiteral("estimated video cost $%1 (audio not priced)")
                             : QStringLiteral("estimated cost $%1");
  const QString cost = costToGenerate ? priced.arg(*costToGenerate, 0, 'f', 2)
                                      : QStringLiteral("cost unknown (%1)").arg(costNote);
  return QStringLiteral("%1 of %2 ready, %3 s; to generate: %4; %5")
      .arg(ready)
      .arg(plural(segments, "segment", "segments"))
      .arg(duration, 0, 'f', 1)
      .arg(generate.join(QStringLiteral(", ")), cost);
}

QJsonObject RenderEstimate::toJson() const {
  return QJsonObject{{"segments", segments},
                     {"ready", ready},
                     {"toGenerate", toGenerate()},
                     {"duration", duration},
                     {"narrationSeconds", narrationSeconds},
                     {"narrationToGenerate", narrationToGenerate},
                     {"dialogueLines", dialogueLines},
                     {"dialogueToGenerate", dialogueToGenerate},
                     {"musicSeconds", musicSeconds},
                     {"musicToGenerate", musicToGenerate},
                     {"sfxCues", sfxCues},
                     {"sfxToGenerate", sfxToGenerate},
                     {"costUsd", costToGenerate ? QJsonValue(*costToGenerate) : QJsonValue()},
                     {"costNote", costNote}};
}

}  // namespace sw::render
