#include "render/recipe.h"

#include <QFileInfo>
#include <QJsonArray>
#include <cmath>

#include "render/chunk_planner.h"

namespace sw::render {

QString chunkPrompt(const model::Scene& scene, const model::Chunk& chunk) {
  return chunk.prompt.trimmed().isEmpty() ? scene.visualPrompt : chunk.prompt;
}

QString chunkDirection(const model::Scene& scene, const model::Chunk& chunk) {
  return chunk.direction.trimmed().isEmpty() ? scene.directionPrompt : chunk.direction;
}

QJsonObject ChunkRecipe::toJson() const {
  QJsonObject o{{"prompt", prompt},
                {"seed", QString::number(seed)},
                {"model", modelKey},
                {"modelId", modelId},
                {"version", version}};
  if (!engine.isEmpty()) o.insert(QStringLiteral("engine"), engine);
  return o;
}

bool ChunkRecipe::sameAs(const ChunkRecipe& other) const {
  if (prompt != other.prompt || seed != other.seed || modelKey != other.modelKey) return false;
  if (legacy || other.legacy) return true;
  return modelId == other.modelId && version == other.version && engine == other.engine;
}

QString ChunkRecipe::differenceFrom(const ChunkRecipe& made) const {
  if (prompt != made.prompt) return QStringLiteral("the prompt or direction changed");
  if (modelKey != made.modelKey)
    return QStringLiteral("the model changed (%1, was %2)").arg(modelKey, made.modelKey);
  if (seed != made.seed) return QStringLiteral("the seed changed");
  if (!legacy && !made.legacy && (modelId != made.modelId || version != made.version))
    return QStringLiteral("the model's version changed");
  if (!legacy && !made.legacy && engine != made.engine)
    return engine.startsWith(QLatin1String("comfyui-workflow:")) ||
                   made.engine.startsWith(QLatin1String("comfyui-workflow:"))
               ? QStringLiteral("the ComfyUI workflow changed")
               : QStringLiteral("the generator changed");
  return {};
}

ChunkRecipe chunkRecipe(const model::Scene& scene, const model::Chunk& chunk,
                        const providers::ModelEntry& model, const QString& engine) {
  ChunkRecipe r;
  r.prompt = joinPrompt(chunkPrompt(scene, chunk), chunkDirection(scene, chunk));
  r.seed = chunk.seed;
  r.modelKey = model.key;
  r.modelId = model.modelId;
  r.version = model.version;
  r.engine = engine;
  return r;
}

std::optional<ChunkRecipe> recordedChunkRecipe(const model::Asset& asset) {
  const QJsonObject p = asset.parameters;
  const QJsonObject o = p.value(QStringLiteral("recipe")).toObject();
  ChunkRecipe r;
  if (!o.isEmpty()) {
    r.prompt = o.value(QStringLiteral("prompt")).toString();
    r.seed = o.value(QStringLiteral("seed")).toString().toLongLong();
    r.modelKey = o.value(QStringLiteral("model")).toString();
    r.modelId = o.value(QStringLiteral("modelId")).toString();
    r.version = o.value(QStringLiteral("version")).toString();
    r.engine = o.value(QStringLiteral("engine")).toString();
    return r;
  }
  if (!p.contains(QStringLiteral("prompt")) || !p.contains(QStringLiteral("seed"))) return {};
  r.prompt = p.value(QStringLiteral("prompt")).toString();
  r.seed = qint64(p.value(QStringLiteral("seed")).toDouble());
  r.modelKey = p.value(QStringLiteral("model")).toString();
  r.legacy = true;
  return r;
}

QJsonObject StartSource::toJson() const {
  QJsonObject o{{"assetKey", assetKey}, {"at", at}};
  if (fallback) o.insert(QStringLiteral("fallback"), true);
  return o;
}

bool StartSource::sameAs(const StartSource& other, double frameSeconds) const {
  if (fallback || other.fallback) return true;  // a text-to-video fallback is kept as made
  if (assetKey != other.assetKey) return false;
  if (assetKey.isEmpty()) return true;
  if (at < 0 && other.at < 0) return true;
  return std::abs(at - other.at) < 0.5 * frameSeconds + 1e-6;
}

StartSource recordedStartSource(const model::Asset& asset) {
  const QJsonObject p = asset.parameters;
  StartSource s;
  if (p.contains(QStringLiteral("startFrom"))) {
    const QJsonObject o = p.value(QStringLiteral("startFrom")).toObject();
    s.assetKey = o.value(QStringLiteral("assetKey")).toString();
    s.at = o.value(QStringLiteral("at")).toDouble(-1.0);
    s.fallback = o.value(QStringLiteral("fallback")).toBool();
    return s;
  }
  if (!p.value(QStringLiteral("notes")).toArray().isEmpty()) s.fallback = true;
  const QString image = p.value(QStringLiteral("startImage")).toString();
  if (image.isEmpty()) return s;
  QString name = QFileInfo(image).fileName();
  if (name.endsWith(QLatin1String("-last.png"))) {
    name.chop(int(qstrlen("-last.png")));
  } else {
    name = QFileInfo(image).completeBaseName();
  }
  s.assetKey = name;
  return s;
}

QJsonObject speechRecipe(const QString& text, const QString& voice) {
  return QJsonObject{{"text", text.trimmed()}, {"voice", voice}};
}

QJsonObject musicRecipe(const model::Scene& scene) {
  return QJsonObject{{"prompt", scene.musicPrompt.trimmed()},
                     {"mood", scene.musicMood.trimmed()},
                     {"tempo", scene.musicTempo}};
}

QJsonObject sfxRecipe(const model::SfxCue& cue) {
  return QJsonObject{{"description", cue.description.trimmed()}};
}

bool audioMadeFrom(const model::Asset& asset, const QJsonObject& recipe, QString* why) {
  const QJsonObject made = asset.parameters.value(QStringLiteral("recipe")).toObject();
  for (auto it = recipe.begin(); it != recipe.end(); ++it) {
    if (!made.contains(it.key()) || made.value(it.key()) == it.value()) continue;
    if (why) *why = QStringLiteral("the %1 changed").arg(it.key());
    return false;
  }
  return true;
}

}  // namespace sw::render
