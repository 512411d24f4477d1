#include "render/render_estimate.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include "providers/asset_cache.h"
#include "providers/comfyui/comfyui_backends.h"
#include "providers/model_registry.h"

namespace sw::render {

namespace {

PartCost* partOf(RenderEstimate& out, SlotKind kind) {
  switch (kind) {
    case SlotKind::Reference:
      return &out.image;
    case SlotKind::Chunk:
      return &out.video;
    case SlotKind::Narration:
      return &out.narration;
    case SlotKind::Dialogue:
      return &out.dialogue;
    case SlotKind::Music:
      return &out.music;
    case SlotKind::Sfx:
      return &out.sfx;
  }
  return &out.video;
}

// Adds one scene's state: chunks, audio, what will be generated and what it costs.
void addScene(const SceneState& state, RenderEstimate& out) {
  out.duration += state.duration;
  out.segments += state.chunksNeeded;
  out.ready += state.readyChunks();
  if (!state.model) out.video.add(std::nullopt, state.note);
  QSet<QString> speakers;
  for (const Slot& slot : state.items) {
    if (slot.kept)
      out.kept << QStringLiteral("%1 (%2: %3)").arg(slot.label, toString(slot.state), slot.why);
    if (slot.willGenerate) partOf(out, slot.kind)->add(slot.cost, slot.costNote);
    const int generate = slot.willGenerate ? 1 : 0;
    switch (slot.kind) {
      case SlotKind::Narration:
        out.narrationSeconds += slot.seconds;
        out.narrationGenerated = out.narrationGenerated && slot.state == SlotState::Ready;
        out.narrationToGenerate += generate;
        break;
      case SlotKind::Dialogue:
        ++out.dialogueLines;
        speakers.insert(slot.label.section(QLatin1Char('('), 1));
        out.dialogueToGenerate += generate;
        break;
      case SlotKind::Music:
        out.musicSeconds += state.duration;
        out.musicToGenerate += generate;
        break;
      case SlotKind::Sfx:
        ++out.sfxCues;
        out.sfxToGenerate += generate;
        break;
      case SlotKind::Chunk:
        if (slot.state == SlotState::Missing && slot.willGenerate) ++out.missing;
        break;
      case SlotKind::Reference:
        out.imagesToGenerate += generate;
        break;
    }
  }
  out.dialogueCharacters += int(speakers.size());
}

QString plural(int n, const char* one, const char* many) {
  return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

QJsonValue usd(const PartCost& c) { return c.usd ? QJsonValue(*c.usd) : QJsonValue(); }

}  // namespace

void PartCost::add(std::optional<double> price, const QString& why) {
  if (!usd) return;
  if (!price) {
    usd.reset();
    note = why;
    return;
  }
  *usd += *price;
}

double estimatedSpeechSeconds(const QString& text) {
  static const QRegularExpression space(QStringLiteral("\\s+"));
  const int words = int(text.split(space, Qt::SkipEmptyParts).size());
  return words == 0 ? 0.0 : std::max(0.8, words / 2.6);
}

providers::BackendSettings renderBackends(const providers::BackendSettings& settings,
                                          const RenderRequest& request) {
  providers::BackendSettings out = settings;
  if (!request.backend.isEmpty()) {
    out.video = request.backend;
    out.image = request.backend;
  }
  return out;
}

QString videoEngineIdentity(const providers::BackendSettings& settings,
                            const QJsonObject& backendOptions) {
  if (settings.video != QLatin1String("comfyui")) return {};
  return providers::comfyui::ComfyUIVideo(
             backendOptions.value(QStringLiteral("comfyui")).toObject())
      .engineIdentity();
}

QString imageEngineIdentity(const providers::BackendSettings& settings,
                            const QJsonObject& backendOptions) {
  if (settings.image != QLatin1String("comfyui")) return {};
  return providers::comfyui::ComfyUIImage(
             backendOptions.value(QStringLiteral("comfyui")).toObject())
      .engineIdentity();
}

void setEngineIdentities(StateOptions& options, const QJsonObject& backendOptions) {
  options.videoEngine = videoEngineIdentity(options.backends, backendOptions);
  options.imageEngine = imageEngineIdentity(options.backends, backendOptions);
}

StateOptions stateOptions(const RenderRequest& request,
                          const providers::BackendSettings& settings) {
  StateOptions o;
  o.modelOverride = request.modelKey;
  o.backends = renderBackends(settings, request);
  o.narration = request.narration && !request.offline;
  o.dialogue = request.dialogue && !request.offline;
  o.music = request.music && !request.offline;
  o.sfx = request.sfx && !request.offline;
  o.keepAllStale = request.keepStale || request.offline;
  o.keepDuration = request.keepDuration;
  for (model::Id id : request.keepChunks) o.keepChunks.insert(id);
  return o;
}

RenderEstimate estimateRender(model::ProjectStore& store, const RenderRequest& request,
                              const providers::ModelRegistry* registry,
                              const providers::BackendSettings& settings,
                              const QString& cacheDirectory) {
  RenderEstimate out;
  const providers::AssetCache cache(
      cacheDirectory.isEmpty() ? providers::AssetCache::defaultDirectory() : cacheDirectory);
  StateOptions options = stateOptions(request, settings);
  bool anyNarration = false;
  out.narrationGenerated = true;
  for (model::Id id : request.sceneIds) {
    const auto scene = store.scene(id);
    if (!scene) continue;
    anyNarration = anyNarration || !scene->narration.trimmed().isEmpty();
    if (request.offline)  // a re-stitch renders what is there
      for (const model::Chunk& c : store.chunks(id)) options.keepChunks.insert(c.id);
    addScene(sceneState(store, id, registry, cache, options), out);
    addLipSyncEstimate(store, id, registry, options.backends, request, out);
  }
  out.narrationGenerated = anyNarration && out.narrationGenerated;
  out.costToGenerate = 0.0;
  for (const PartCost* part : {&out.video, &out.image, &out.narration, &out.dialogue, &out.music,
                               &out.sfx, &out.lipSync}) {
    if (part->usd && out.costToGenerate) {
      *out.costToGenerate += *part->usd;
    } else if (!part->usd && out.costToGenerate) {
      out.costToGenerate.reset();
      out.costNote = part->note;
    }
  }
  if (!registry) {
    out.costToGenerate.reset();
    if (out.costNote.isEmpty())
      out.costNote = QStringLiteral("the model registry could not be loaded");
  }
  return out;
}

RenderEstimate estimateScene(model::ProjectStore& store, model::Id sceneId,
                             const providers::ModelRegistry* registry,
                             const providers::BackendSettings& settings,
                             const QString& cacheDirectory) {
  RenderRequest request;
  request.sceneIds = {sceneId};
  return estimateRender(store, request, registry, settings, cacheDirectory);
}

QString RenderEstimate::summaryLine() const {
  QStringList generate{plural(toGenerate(), "chunk", "chunks")};
  if (imagesToGenerate > 0)
    generate << plural(imagesToGenerate, "reference image", "reference images");
  if (narrationToGenerate > 0) generate << QStringLiteral("narration");
  if (dialogueToGenerate > 0) generate << plural(dialogueToGenerate, "line", "lines");
  if (musicToGenerate > 0) generate << QStringLiteral("music");
  if (sfxToGenerate > 0) generate << QStringLiteral("%1 SFX").arg(sfxToGenerate);
  if (lipSyncToGenerate > 0)
    generate << QStringLiteral("lip sync of %1").arg(plural(lipSyncToGenerate, "line", "lines"));
  const QString cost = costToGenerate
                           ? QStringLiteral("estimated cost $%1").arg(*costToGenerate, 0, 'f', 2)
                           : QStringLiteral("cost unknown (%1)").arg(costNote);
  QString line = QStringLiteral("%1 of %2 ready, %3 s; to generate: %4; %5")
                     .arg(ready)
                     .arg(plural(segments, "segment", "segments"))
                     .arg(duration, 0, 'f', 1)
                     .arg(generate.join(QStringLiteral(", ")), cost);
  if (missing > 0)
    line += QStringLiteral("; %1 missing from the cache").arg(plural(missing, "chunk", "chunks"));
  if (!kept.isEmpty())
    line += QStringLiteral("; kept as they are: %1").arg(kept.join(QStringLiteral(", ")));
  return line;
}

QJsonObject RenderEstimate::toJson() const {
  return QJsonObject{{"segments", segments},
                     {"ready", ready},
                     {"toGenerate", toGenerate()},
                     {"duration", duration},
                     {"imagesToGenerate", imagesToGenerate},
                     {"narrationSeconds", narrationSeconds},
                     {"narrationToGenerate", narrationToGenerate},
                     {"dialogueLines", dialogueLines},
                     {"dialogueToGenerate", dialogueToGenerate},
                     {"musicSeconds", musicSeconds},
                     {"musicToGenerate", musicToGenerate},
                     {"sfxCues", sfxCues},
                     {"sfxToGenerate", sfxToGenerate},
                     {"lipSyncLines", lipSyncLines},
                     {"lipSyncToGenerate", lipSyncToGenerate},
                     {"missing", missing},
                     {"kept", QJsonArray::fromStringList(kept)},
                     {"costUsd", costToGenerate ? QJsonValue(*costToGenerate) : QJsonValue()},
                     {"costs", QJsonObject{{"video", usd(video)},
                                           {"image", usd(image)},
                                           {"narration", usd(narration)},
                                           {"dialogue", usd(dialogue)},
                                           {"music", usd(music)},
                                           {"sfx", usd(sfx)},
                                           {"lipSync", usd(lipSync)}}},
                     {"costNote", costNote}};
}

}  // namespace sw::render
