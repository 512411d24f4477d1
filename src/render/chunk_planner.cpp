#include "render/chunk_planner.h"

#include <QCryptographicHash>
#include <algorithm>

namespace sw::render {

QString joinPrompt(const QString& prompt, const QString& direction) {
  const QString p = prompt.trimmed(), d = direction.trimmed();
  if (d.isEmpty()) return p;
  if (p.isEmpty()) return d;
  const bool ends =
      p.endsWith(QLatin1Char('.')) || p.endsWith(QLatin1Char('!')) || p.endsWith(QLatin1Char('?'));
  return p + (ends ? QStringLiteral(" ") : QStringLiteral(". ")) + d;
}

qint64 chunkSeed(model::Id sceneId, int position) {
  const QByteArray h = QCryptographicHash::hash(
      QStringLiteral("scene:%1:chunk:%2").arg(sceneId).arg(position).toUtf8(),
      QCryptographicHash::Sha256);
  quint32 v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | quint8(h[i]);
  return qint64(v & 0x7fffffff);
}

ChunkPlan planChunks(const model::Scene& scene, const providers::ModelEntry& model,
                     const QList<model::Chunk>& existing) {
  const int count = std::max(1, providers::chunkCount(scene.targetDuration, model));
  const bool sameModel = std::all_of(existing.begin(), existing.end(), [&](const model::Chunk& c) {
    return c.modelKey == model.key;
  });
  if (existing.size() == count && sameModel) return {existing, false};
  ChunkPlan plan;
  plan.replaced = true;
  for (int i = 0; i < count; ++i) {
    model::Chunk c;
    c.sceneId = scene.id;
    c.position = i;
    c.prompt = scene.visualPrompt;
    c.direction = scene.directionPrompt;
    c.seed = chunkSeed(scene.id, i);
    c.modelKey = model.key;
    c.status = model::ChunkStatus::Pending;
    plan.chunks.append(c);
  }
  return plan;
}

double chunkUsefulSeconds(const model::Scene& scene, const providers::ModelEntry& model,
                          int position, int count) {
  const double len = model.actualChunkDuration;
  if (position < count - 1) return len;
  const double rest = scene.targetDuration - len * (count - 1);
  return std::clamp(rest, 0.1, len);
}

}  // namespace sw::render
