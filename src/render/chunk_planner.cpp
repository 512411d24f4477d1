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

model::Chunk newChunk(model::Id sceneId, int position) {
  model::Chunk c;
  c.sceneId = sceneId;
  c.position = position;
  c.seed = chunkSeed(sceneId, position);
  c.status = model::ChunkStatus::Pending;
  return c;
}

namespace {
double lengthAt(const QList<double>& lengths, double expected, int i) {
  return i < lengths.size() ? lengths[i] : expected;
}
}  // namespace

int chunksToCover(const QList<double>& lengths, double expected, double sceneSeconds,
                  double tolerance, double perJoin) {
  double left = sceneSeconds;
  int count = 0;
  while (count < kMaxChunks && (count == 0 || left > tolerance + (count - 1) * perJoin)) {
    const double length = lengthAt(lengths, expected, count);
    // A chunk that adds nothing (measured as empty) cannot cover the scene: plan past it.
    left -= std::max(0.0, length);
    ++count;
    if (expected <= 0 && count >= lengths.size() && left > tolerance) break;
  }
  return count;
}

QList<double> usedSeconds(const QList<double>& lengths, double expected, double sceneSeconds,
                          int count) {
  QList<double> out;
  double left = sceneSeconds;
  for (int i = 0; i < count; ++i) {
    const double used = std::clamp(lengthAt(lengths, expected, i), 0.0, std::max(0.0, left));
    out.append(used);
    left -= used;
  }
  return out;
}

}  // namespace sw::render
