#include "render/render_request.h"

#include <algorithm>

#include <QJsonArray>

namespace sw::render {

QString toString(JobKind kind) {
  switch (kind) {
    case JobKind::Render:
      return QStringLiteral("render");
    case JobKind::Restitch:
      return QStringLiteral("restitch");
    case JobKind::Regenerate:
      return QStringLiteral("regenerate");
  }
  return {};
}

QString toString(RegenerateTarget::Slot slot) {
  switch (slot) {
    case RegenerateTarget::Slot::Chunk:
      return QStringLiteral("chunk");
    case RegenerateTarget::Slot::StaleChain:
      return QStringLiteral("stale");
    case RegenerateTarget::Slot::ReferenceImage:
      return QStringLiteral("reference-image");
    case RegenerateTarget::Slot::Narration:
      return QStringLiteral("narration");
    case RegenerateTarget::Slot::Dialogue:
      return QStringLiteral("dialogue");
    case RegenerateTarget::Slot::Music:
      return QStringLiteral("music");
    case RegenerateTarget::Slot::Sfx:
      return QStringLiteral("sfx");
  }
  return {};
}

std::optional<RegenerateTarget::Slot> regenerateSlotFromString(const QString& text) {
  using S = RegenerateTarget::Slot;
  for (S slot :
       {S::Chunk, S::StaleChain, S::ReferenceImage, S::Narration, S::Dialogue, S::Music, S::Sfx})
    if (toString(slot) == text) return slot;
  return std::nullopt;
}

namespace {

QJsonArray ids(const QList<model::Id>& list) {
  QJsonArray out;
  for (model::Id id : list) out.append(double(id));
  return out;
}

QList<model::Id> ids(const QJsonValue& value) {
  QList<model::Id> out;
  for (const QJsonValue& v : value.toArray()) out.append(model::Id(v.toDouble()));
  return out;
}

}  // namespace

QJsonObject RenderRequest::toJson() const {
  QJsonObject json{{"kind", toString(kind)},   {"scenes", ids(sceneIds)},
                   {"narration", narration},   {"dialogue", dialogue},
                   {"music", music},           {"sfx", sfx},
                   {"resolution", resolution}, {"aspect", aspect},
                   {"preview", preview},       {"output", outputPath},
                   {"backend", backend},       {"model", modelKey},
                   {"offline", offline},       {"keepDuration", keepDuration}};
  if (budgetUsd) json.insert(QStringLiteral("budgetUsd"), *budgetUsd);
  if (keepStale) json.insert(QStringLiteral("keepStale"), true);
  if (!keepChunks.isEmpty()) json.insert(QStringLiteral("keepChunks"), ids(keepChunks));
  if (!batchId.isEmpty()) json.insert(QStringLiteral("batchId"), batchId);
  if (!bundlePath.isEmpty()) json.insert(QStringLiteral("bundle"), bundlePath);
  if (kind == JobKind::Regenerate) {
    json.insert(QStringLiteral("slot"), toString(regenerate.slot));
    if (regenerate.slot == RegenerateTarget::Slot::Chunk)
      json.insert(QStringLiteral("regenerateChunk"), double(regenerate.chunkId));
    if (regenerate.rowId) json.insert(QStringLiteral("row"), double(regenerate.rowId));
    if (regenerate.prompt) json.insert(QStringLiteral("prompt"), *regenerate.prompt);
    if (regenerate.seed) json.insert(QStringLiteral("seed"), double(*regenerate.seed));
    if (regenerate.text) json.insert(QStringLiteral("text"), *regenerate.text);
    if (regenerate.voice) json.insert(QStringLiteral("voice"), *regenerate.voice);
    if (regenerate.mood) json.insert(QStringLiteral("mood"), *regenerate.mood);
    if (regenerate.tempo) json.insert(QStringLiteral("tempo"), *regenerate.tempo);
    if (regenerate.length) json.insert(QStringLiteral("length"), *regenerate.length);
    if (regenerate.takes != 1) json.insert(QStringLiteral("takes"), regenerate.takes);
  }
  return json;
}

RenderRequest RenderRequest::fromJson(const QJsonObject& json) {
  RenderRequest r;
  r.sceneIds = ids(json.value(QStringLiteral("scenes")));
  r.narration = json.value(QStringLiteral("narration")).toBool(true);
  r.dialogue = json.value(QStringLiteral("dialogue")).toBool(true);
  r.music = json.value(QStringLiteral("music")).toBool(true);
  r.sfx = json.value(QStringLiteral("sfx")).toBool(true);
  r.resolution = json.value(QStringLiteral("resolution")).toString(QStringLiteral("720p"));
  r.aspect = json.value(QStringLiteral("aspect")).toString(QStringLiteral("16:9"));
  r.preview = json.value(QStringLiteral("preview")).toBool(false);
  r.outputPath = json.value(QStringLiteral("output")).toString();
  r.backend = json.value(QStringLiteral("backend")).toString();
  r.modelKey = json.value(QStringLiteral("model")).toString();
  r.offline = json.value(QStringLiteral("offline")).toBool(false);
  r.keepDuration = json.value(QStringLiteral("keepDuration")).toBool(false);
  if (json.contains(QStringLiteral("budgetUsd")))
    r.budgetUsd = json.value(QStringLiteral("budgetUsd")).toDouble();
  r.keepStale = json.value(QStringLiteral("keepStale")).toBool(false);
  r.keepChunks = ids(json.value(QStringLiteral("keepChunks")));
  r.batchId = json.value(QStringLiteral("batchId")).toString();
  r.bundlePath = json.value(QStringLiteral("bundle")).toString();
  // Rows written before job kinds: a regenerate spec named only its chunk.
  const QString kind = json.value(QStringLiteral("kind")).toString();
  if (kind == QLatin1String("regenerate") || json.contains(QStringLiteral("regenerateChunk")))
    r.kind = JobKind::Regenerate;
  else if (kind == QLatin1String("restitch") || r.offline)
    r.kind = JobKind::Restitch;
  r.offline = r.kind == JobKind::Restitch;
  if (r.kind != JobKind::Regenerate) return r;
  r.regenerate.slot =
      regenerateSlotFromString(json.value(QStringLiteral("slot")).toString(QStringLiteral("chunk")))
          .value_or(RegenerateTarget::Slot::Chunk);
  r.regenerate.rowId = model::Id(json.value(QStringLiteral("row")).toDouble());
  r.regenerate.chunkId = model::Id(json.value(QStringLiteral("regenerateChunk")).toDouble());
  if (json.contains(QStringLiteral("prompt")))
    r.regenerate.prompt = json.value(QStringLiteral("prompt")).toString();
  if (json.contains(QStringLiteral("seed")))
    r.regenerate.seed = qint64(json.value(QStringLiteral("seed")).toDouble());
  const auto text = [&json](const char* key) -> std::optional<QString> {
    const QString k = QString::fromLatin1(key);
    return json.contains(k) ? std::optional<QString>(json.value(k).toString()) : std::nullopt;
  };
  r.regenerate.text = text("text");
  r.regenerate.voice = text("voice");
  r.regenerate.mood = text("mood");
  if (json.contains(QStringLiteral("tempo")))
    r.regenerate.tempo = json.value(QStringLiteral("tempo")).toInt();
  if (json.contains(QStringLiteral("length")))
    r.regenerate.length = json.value(QStringLiteral("length")).toDouble();
  r.regenerate.takes = std::max(1, json.value(QStringLiteral("takes")).toInt(1));
  return r;
}

}  // namespace sw::render
