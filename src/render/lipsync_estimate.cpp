// The lip-sync part of the render estimate (render_estimate.h): a marked line is synced when a
// "lipsync" asset records it with the line's current speech asset, the scene's current chunk
// takes, the backend and the model that will run; otherwise it costs the model's price for the
// line and its margins (the speech's measured length, else the text's estimated one).
#include "providers/model_registry.h"
#include "providers/provider_error.h"
#include "render/lipsync_span.h"
#include "render/render_estimate.h"

#include <QJsonArray>

namespace sw::render {

QJsonArray lipSyncChunkAssets(model::ProjectStore& store, model::Id sceneId) {
  QJsonArray ids;
  for (const model::Chunk& c : store.chunks(sceneId))
    ids.append(c.assetId ? QJsonValue(double(*c.assetId)) : QJsonValue());
  return ids;
}

void addLipSyncEstimate(model::ProjectStore& store, model::Id sceneId,
                        const providers::ModelRegistry* registry,
                        const providers::BackendSettings& settings, const RenderRequest& request,
                        RenderEstimate& out) {
  if (settings.lipSync.isEmpty() || !request.dialogue || request.offline) return;
  QList<model::DialogueLine> marked;
  for (const model::DialogueLine& line : store.dialogueLines(sceneId))
    if (line.lipSync) marked.append(line);
  if (marked.isEmpty()) return;
  const providers::LipSyncModel* entry = nullptr;
  QString why;
  if (registry) {
    try {
      entry = &registry->lipSync().resolve(settings.lipSync, {});
    } catch (const providers::ProviderError& e) {
      why = e.message();
    }
  } else {
    why = QStringLiteral("the model registry could not be loaded");
  }
  const QJsonArray chunks = lipSyncChunkAssets(store, sceneId);
  QList<model::Asset> done;
  for (const model::Asset& a : store.assets())
    if (a.kind == QLatin1String("video") && a.parameters.value("lipsync").toBool()) done.append(a);
  for (const model::DialogueLine& line : marked) {
    ++out.lipSyncLines;
    bool synced = false;
    for (const model::Asset& a : done) {
      const QJsonObject p = a.parameters;
      if (qint64(p.value("line").toDouble()) == line.id && line.assetId &&
          qint64(p.value("lineAsset").toDouble()) == *line.assetId &&
          p.value("backend").toString() == settings.lipSync &&
          p.value("model").toString() == (entry ? entry->key : QString()) &&
          p.value("chunkAssets").toArray() == chunks) {
        synced = true;
        break;
      }
    }
    if (synced) continue;
    ++out.lipSyncToGenerate;
    double seconds = estimatedSpeechSeconds(line.text);
    if (line.assetId)
      if (const auto speech = store.asset(*line.assetId); speech && speech->duration > 0)
        seconds = speech->duration;
    seconds += 2 * kLipSyncMargin;
    if (!entry) {
      out.lipSync.add(std::nullopt, why);
      continue;
    }
    const std::optional<double> price = entry->price(seconds);
    out.lipSync.add(
        price,
        QStringLiteral("lip-sync model %1 has no price in the model registry").arg(entry->key));
  }
}

}  // namespace sw::render
