#include "render/progress_plan.h"

#include <QMutexLocker>
#include <algorithm>
#include <cmath>

#include "providers/model_entry.h"

namespace sw::render {

double ProgressWeights::videoCall(const providers::ModelEntry& model) {
  const double expected = model.raw.value(QStringLiteral("expected_seconds")).toDouble(0);
  if (expected > 0) return expected;
  if (model.backend != QLatin1String("local")) return kCloudVideoCallSeconds;
  const double frames = std::max(1.0, model.actualChunkDuration * std::max(1, model.fps));
  return frames * kLocalVideoSecondsPerFrame;
}

double ProgressWeights::stitch(double seconds, double fps) {
  return kStitchFixedSeconds + std::max(0.0, seconds * fps) * kStitchSecondsPerFrame;
}

double callWeight(WorkKind kind, const QString& backendId) {
  const bool local = backendId.isEmpty() || backendId == QLatin1String("local");
  using W = ProgressWeights;
  switch (kind) {
    case WorkKind::Image:
      return local ? W::kLocalImageSeconds : W::kCloudImageSeconds;
    case WorkKind::Speech:
      return local ? W::kLocalSpeechSeconds : W::kCloudSpeechSeconds;
    case WorkKind::Music:
      return local ? W::kLocalMusicSeconds : W::kCloudMusicSeconds;
    case WorkKind::Sfx:
      return local ? W::kLocalSfxSeconds : W::kCloudSfxSeconds;
  }
  return 1.0;
}

ProgressPlan::Unit ProgressPlan::add(const QString& name, double weight) {
  QMutexLocker lock(&mutex_);
  units_.append({name, std::max(0.0, weight), 0.0});
  return Unit(units_.size() - 1);
}

void ProgressPlan::setUnitFraction(Unit unit, double fraction) {
  QMutexLocker lock(&mutex_);
  if (unit < 0 || unit >= units_.size() || !std::isfinite(fraction)) return;
  Entry& e = units_[unit];
  e.done = std::max(e.done, std::clamp(fraction, 0.0, 1.0));
}

void ProgressPlan::finishUnit(Unit unit) { setUnitFraction(unit, 1.0); }

void ProgressPlan::dropUnit(Unit unit) {
  QMutexLocker lock(&mutex_);
  if (unit >= 0 && unit < units_.size()) units_[unit].weight = 0;
}

void ProgressPlan::complete() {
  QMutexLocker lock(&mutex_);
  complete_ = true;
}

double ProgressPlan::fraction() {
  QMutexLocker lock(&mutex_);
  if (complete_) return reported_ = 1.0;
  double total = 0;
  double done = 0;
  for (const Entry& e : std::as_const(units_)) {
    total += e.weight;
    done += e.weight * e.done;
  }
  const double now = total > 0 ? std::min(kBeforeComplete, done / total) : 0.0;
  reported_ = std::max(reported_, now);
  return reported_;
}

double ProgressPlan::unitFraction(Unit unit) const {
  QMutexLocker lock(&mutex_);
  return unit >= 0 && unit < units_.size() ? units_[unit].done : 0.0;
}

double EtaEstimator::update(double elapsedSeconds, double fraction) {
  if (!std::isfinite(elapsedSeconds) || !std::isfinite(fraction)) return eta_;
  if (fraction >= 1.0) {
    lastTime_ = elapsedSeconds;
    return eta_ = 0;
  }
  if (fraction < kMinFraction || elapsedSeconds < kMinSeconds) return eta_;
  const double raw = elapsedSeconds * (1.0 - fraction) / fraction;
  if (eta_ < 0) {
    lastTime_ = elapsedSeconds;
    return eta_ = raw;
  }
  const double dt = std::max(0.0, elapsedSeconds - lastTime_);
  lastTime_ = std::max(lastTime_, elapsedSeconds);
  const double projected = std::max(0.0, eta_ - dt);  // where the last ETA says we are now
  const double follow = 1.0 - std::exp(-dt / kSmoothingSeconds);
  const double next = projected + follow * (raw - projected);
  eta_ = std::max(0.0, std::min(next, eta_ + kMaxRisePerSecond * dt));
  return eta_;
}

}  // namespace sw::render
