#include "model/value_ranges.h"

#include <cmath>

#include "model/store_error.h"
#include "model/types.h"

namespace sw::model::ranges {

void check(double value, double lo, double hi, const QString& field, const QString& unit) {
  if (std::isfinite(value) && value >= lo && value <= hi) return;
  throw StoreError(StoreError::Kind::Invalid,
                   QStringLiteral("%1 (%2) must be between %3 and %4%5.")
                       .arg(field)
                       .arg(value)
                       .arg(lo)
                       .arg(hi)
                       .arg(unit.isEmpty() ? QString() : QLatin1Char(' ') + unit));
}

void checkScene(const Scene& s) {
  const QString name = QStringLiteral("Scene \"%1\"").arg(s.title);
  check(s.targetDuration, kMinSceneSeconds, kMaxSceneSeconds, name + QStringLiteral(": duration"),
        QStringLiteral("seconds"));
  check(s.musicTempo, 0, kMaxTempo, name + QStringLiteral(": music tempo"), QStringLiteral("BPM"));
}

void checkSfxCue(const SfxCue& c) {
  const QString name = QStringLiteral("Sound effect \"%1\"").arg(c.description);
  check(c.time, 0, kMaxSceneSeconds, name + QStringLiteral(": time"), QStringLiteral("seconds"));
  check(c.gainDb, kMinGainDb, kMaxGainDb, name + QStringLiteral(": gain"), QStringLiteral("dB"));
}

void checkChunk(const Chunk& c) {
  const QString name = QStringLiteral("Chunk %1").arg(c.position + 1);
  check(c.trimIn, 0, kMaxMediaSeconds, name + QStringLiteral(": trim in"),
        QStringLiteral("seconds"));
  check(c.trimOut, 0, kMaxMediaSeconds, name + QStringLiteral(": trim out"),
        QStringLiteral("seconds"));
  check(c.transitionDuration, 0, kMaxTransitionSeconds, name + QStringLiteral(": transition"),
        QStringLiteral("seconds"));
  check(c.cost, 0, kMaxCostUsd, name + QStringLiteral(": cost"), QStringLiteral("USD"));
}

void checkTake(const Take& t) {
  check(t.cost, 0, kMaxCostUsd, QStringLiteral("Take cost"), QStringLiteral("USD"));
}

}  // namespace sw::model::ranges
