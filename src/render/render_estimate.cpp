#include "render/render_estimate.h"

#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <cmath>

#include "providers/model_registry.h"
#include "render/chunk_planner.h"

namespace sw::render {

namespace {

const QString kLocal = QStringLiteral("local");

struct Pricing {
  const providers::ModelRegistry* registry;
  providers::BackendSettings backends;
  bool offline;  // a re-stitch generates nothing
};

std::optional<double> unknownRegistry(QString* why) {
  *why = QStringLiteral("the model registry could not be loaded");
  return std::nullopt;
}

// Chunks the scene will have: the planner's answer (existing chunks kept when they still fit).
// Priced with the backend that generates them: the local one for a local model, else the
// configured video backend (providers::Backends::videoFor).
void addVideo(model::ProjectStore& store, const model::Scene& scene, const RenderRequest& request,
              const Pricing& p, RenderEstimate& out) {
  out.duration += scene.targetDuration;
  const providers::ModelEntry* entry = nullptr;
  QString why;
  if (p.registry) {
    try {
      const QString projectModel =
          store.project().settings.value(QStringLiteral("defaultModel")).toString();
      entry = &p.registry->resolve(request.modelKey.isEmpty() ? scene.modelKey : request.modelKey,
                                   projectModel);
    } catch (const std::exception& e) {
      why = QString::fromUtf8(e.what());
    }
  } else {
    unknownRegistry(&why);
  }
  const QList<model::Chunk> existing = store.chunks(scene.id);
  const QList<model::Chunk> chunks = entry ? planChunks(scene, *entry, existing).chunks : existing;
  int missing = 0;
  for (const model::Chunk& c : chunks)
    c.status == model::ChunkStatus::Ready ? ++out.ready : ++missing;
  out.segments += int(chunks.size());
  if (!entry) return out.video.add(std::nullopt, why);
  if (p.offline) return;
  const bool local = entry->backend == kLocal || p.backends.video == kLocal;
  for (int i = 0; i < missing; ++i)
    out.video.add(
        local ? 0.0 : p.registry->prices().videoCall(*entry, entry->actualChunkDuration, &why),
        why);
  // The job makes a reference image first when the model starts from one and the scene has none.
  if (!scene.referenceAssetId && entry->supportsImageInput && !p.backends.image.isEmpty()) {
    ++out.imagesToGenerate;
    out.image.add(p.registry->prices().image(p.backends.image, &why), why);
  }
}

double assetSeconds(model::ProjectStore& store, std::optional<model::Id> id, double fallback) {
  const auto asset = id ? store.asset(*id) : std::nullopt;
  return asset && asset->duration > 0 ? asset->duration : fallback;
}

void addAudio(model::ProjectStore& store, const model::Scene& scene, const RenderRequest& request,
              const Pricing& p, RenderEstimate& out) {
  const providers::PriceList* prices = p.registry ? &p.registry->prices() : nullptr;
  QString why;
  const auto speech = [&](const QString& text) {
    return prices ? prices->speech(p.backends.speech, int(text.size()), &why)
                  : unknownRegistry(&why);
  };
  if (!scene.narration.trimmed().isEmpty()) {
    out.narrationSeconds +=
        assetSeconds(store, scene.narrationAssetId, estimatedSpeechSeconds(scene.narration));
    if (!scene.narrationAssetId) {
      out.narrationGenerated = false;
      if (request.narration && !p.offline) {
        ++out.narrationToGenerate;
        out.narration.add(speech(scene.narration), why);
      }
    }
  }
  QSet<model::Id> speakers;
  for (const model::DialogueLine& line : store.dialogueLines(scene.id)) {
    if (line.text.trimmed().isEmpty()) continue;
    ++out.dialogueLines;
    speakers.insert(line.characterId);
    if (request.dialogue && !line.assetId && !p.offline) {
      ++out.dialogueToGenerate;
      out.dialogue.add(speech(line.text), why);
    }
  }
  out.dialogueCharacters += int(speakers.size());
  // As the job decides: music needs a prompt or a mood, and is asked a second longer than the
  // scene (scene_job_audio.cpp).
  if (!scene.musicPrompt.trimmed().isEmpty() || !scene.musicMood.trimmed().isEmpty()) {
    out.musicSeconds += scene.targetDuration;
    if (request.music && !scene.musicAssetId && !p.offline) {
      ++out.musicToGenerate;
      const double seconds = std::ceil(scene.targetDuration + 1.0);
      out.music.add(prices ? prices->music(p.backends.music, seconds, &why) : unknownRegistry(&why),
                    why);
    }
  }
  for (const model::SfxCue& cue : store.sfxCues(scene.id)) {
    if (cue.file.isEmpty() && cue.description.trimmed().isEmpty()) continue;
    ++out.sfxCues;
    if (request.sfx && cue.file.isEmpty() && !cue.assetId && !p.offline) {
      ++out.sfxToGenerate;
      out.sfx.add(prices ? prices->sfx(p.backends.soundEffect, 0.0, &why) : unknownRegistry(&why),
                  why);
    }
  }
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

RenderEstimate estimateRender(model::ProjectStore& store, const RenderRequest& request,
                              const providers::ModelRegistry* registry,
                              const providers::BackendSettings& settings) {
  RenderEstimate out;
  const Pricing pricing{registry, renderBackends(settings, request), request.offline};
  bool anyNarration = false;
  out.narrationGenerated = true;
  for (model::Id id : request.sceneIds) {
    const auto scene = store.scene(id);
    if (!scene) continue;
    anyNarration = anyNarration || !scene->narration.trimmed().isEmpty();
    addVideo(store, *scene, request, pricing, out);
    addAudio(store, *scene, request, pricing, out);
  }
  out.narrationGenerated = anyNarration && out.narrationGenerated;
  out.costToGenerate = 0.0;
  for (const PartCost* part :
       {&out.video, &out.image, &out.narration, &out.dialogue, &out.music, &out.sfx}) {
    if (part->usd && out.costToGenerate) {
      *out.costToGenerate += *part->usd;
    } else if (!part->usd && out.costToGenerate) {
      out.costToGenerate.reset();
      out.costNote = part->note;
    }
  }
  if (!registry && out.costNote.isEmpty()) unknownRegistry(&out.costNote);
  if (!registry) out.costToGenerate.reset();
  return out;
}

RenderEstimate estimateScene(model::ProjectStore& store, model::Id sceneId,
                             const providers::ModelRegistry* registry,
                             const providers::BackendSettings& settings) {
  RenderRequest request;
  request.sceneIds = {sceneId};
  return estimateRender(store, request, registry, settings);
}

QString RenderEstimate::summaryLine() const {
  QStringList generate{plural(toGenerate(), "chunk", "chunks")};
  if (imagesToGenerate > 0)
    generate << plural(imagesToGenerate, "reference image", "reference images");
  if (narrationToGenerate > 0) generate << QStringLiteral("narration");
  if (dialogueToGenerate > 0) generate << plural(dialogueToGenerate, "line", "lines");
  if (musicToGenerate > 0) generate << QStringLiteral("music");
  if (sfxToGenerate > 0) generate << QStringLiteral("%1 SFX").arg(sfxToGenerate);
  const QString cost = costToGenerate
                           ? QStringLiteral("estimated cost $%1").arg(*costToGenerate, 0, 'f', 2)
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
                     {"imagesToGenerate", imagesToGenerate},
                     {"narrationSeconds", narrationSeconds},
                     {"narrationToGenerate", narrationToGenerate},
                     {"dialogueLines", dialogueLines},
                     {"dialogueToGenerate", dialogueToGenerate},
                     {"musicSeconds", musicSeconds},
                     {"musicToGenerate", musicToGenerate},
                     {"sfxCues", sfxCues},
                     {"sfxToGenerate", sfxToGenerate},
                     {"costUsd", costToGenerate ? QJsonValue(*costToGenerate) : QJsonValue()},
                     {"costs", QJsonObject{{"video", usd(video)},
                                           {"image", usd(image)},
                                           {"narration", usd(narration)},
                                           {"dialogue", usd(dialogue)},
                                           {"music", usd(music)},
                                           {"sfx", usd(sfx)}}},
                     {"costNote", costNote}};
}

}  // namespace sw::render
