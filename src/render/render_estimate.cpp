#include "render/render_estimate.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include "providers/asset_cache.h"
#include "providers/model_registry.h"
#include "render/scene_state.h"

namespace sw::render {

namespace {

StateOptions stateOptions(const RenderRequest& request, const QString& videoBackend) {
  StateOptions o;
  o.modelOverride = request.modelKey;
  o.videoBackend = request.backend.isEmpty() ? videoBackend : request.backend;
  o.narration = request.narration;
  o.dialogue = request.dialogue;
  o.music = request.music;
  o.sfx = request.sfx;
  o.keepAllStale = request.keepStale;
  for (model::Id id : request.keepChunks) o.keepChunks.insert(id);
  return o;
}

// Adds one scene's state: chunks, audio, what will be generated and what it costs.
void addScene(const SceneState& state, RenderEstimate& out) {
  out.duration += state.duration;
  out.segments += state.chunksNeeded;
  out.ready += state.readyChunks();
  if (!state.cost) {
    out.costToGenerate.reset();
    if (out.costNote.isEmpty()) out.costNote = state.note;
  } else if (out.costToGenerate) {
    *out.costToGenerate += *state.cost;
  }
  QSet<QString> speakers;
  for (const Slot& slot : state.items) {
    if (slot.kept)
      out.kept << QStringLiteral("%1 (%2: %3)").arg(slot.label, toString(slot.state), slot.why);
    switch (slot.kind) {
      case SlotKind::Narration:
        out.narrationSeconds += slot.seconds;
        out.narrationGenerated = out.narrationGenerated && slot.state == SlotState::Ready;
        out.narrationToGenerate += slot.willGenerate ? 1 : 0;
        break;
      case SlotKind::Dialogue:
        ++out.dialogueLines;
        speakers.insert(slot.label.section(QLatin1Char('('), 1));
        out.dialogueToGenerate += slot.willGenerate ? 1 : 0;
        break;
      case SlotKind::Music:
        out.musicSeconds += state.duration;
        out.musicToGenerate += slot.willGenerate ? 1 : 0;
        break;
      case SlotKind::Sfx:
        ++out.sfxCues;
        out.sfxToGenerate += slot.willGenerate ? 1 : 0;
        break;
      case SlotKind::Chunk:
        if (slot.state == SlotState::Missing && slot.willGenerate) ++out.missing;
        break;
      case SlotKind::Reference:
        break;
    }
  }
  out.dialogueCharacters += int(speakers.size());
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
                              const providers::ModelRegistry* registry, const QString& videoBackend,
                              const QString& cacheDirectory) {
  RenderEstimate out;
  out.costToGenerate = registry ? std::optional<double>(0.0) : std::nullopt;
  if (!registry) out.costNote = QStringLiteral("The model registry could not be loaded.");
  const providers::AssetCache cache(
      cacheDirectory.isEmpty() ? providers::AssetCache::defaultDirectory() : cacheDirectory);
  const StateOptions options = stateOptions(request, videoBackend);
  bool anyNarration = false;
  out.narrationGenerated = true;
  for (model::Id id : request.sceneIds) {
    const auto scene = store.scene(id);
    if (!scene) continue;
    anyNarration = anyNarration || !scene->narration.trimmed().isEmpty();
    addScene(sceneState(store, id, registry, cache, options), out);
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
  QString line = QStringLiteral("%1 of %2 ready, %3 s; to generate: %4; %5")
                     .arg(ready)
                     .arg(plural(segments, "segment", "segments"))
                     .arg(duration, 0, 'f', 1)
                     .arg(generate.join(QStringLiteral(", ")), cost);
  if (missing > 0)
    line += QStringLiteral("; %1 missing from the cache").arg(plural(missing, "chunk", "chunks"));
  if (!kept.isEmpty()) line += QStringLiteral("; kept as they are: %1").arg(kept.join(", "));
  return line;
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
                     {"costNote", costNote},
                     {"missing", missing},
                     {"kept", QJsonArray::fromStringList(kept)}};
}

}  // namespace sw::render
