// The progress of a job, computed from its planned work units: each paid call weighs the seconds
// it is expected to take (per model), the stitch weighs the frames it encodes. Progress is the
// done weight over the total weight; a generation's own progress callback moves it inside its
// unit. What is reported never goes back and never reaches 100% before complete(), which a job
// calls only once its output file exists. The ETA comes from the measured rate (EtaEstimator).
#pragma once

#include <QList>
#include <QMutex>
#include <QString>

namespace sw::providers {
struct ModelEntry;
}

namespace sw::render {

// Every weight of a job's progress, named once. A unit's weight is the seconds it is expected to
// take; only their ratios matter.
struct ProgressWeights {
  // A cloud video call when the model's registry entry gives no "expected_seconds".
  static constexpr double kCloudVideoCallSeconds = 60.0;
  // Local video generation per frame it draws.
  static constexpr double kLocalVideoSecondsPerFrame = 0.02;
  static constexpr double kLocalImageSeconds = 0.5;
  static constexpr double kCloudImageSeconds = 10.0;
  static constexpr double kLocalSpeechSeconds = 0.5;
  static constexpr double kCloudSpeechSeconds = 5.0;
  static constexpr double kLocalMusicSeconds = 1.0;
  static constexpr double kCloudMusicSeconds = 30.0;
  static constexpr double kLocalSfxSeconds = 0.5;
  static constexpr double kCloudSfxSeconds = 8.0;
  // The stitch: a fixed part (probing, the audio mix, the manifest) and each frame it encodes.
  static constexpr double kStitchFixedSeconds = 0.5;
  static constexpr double kStitchSecondsPerFrame = 0.01;

  // One call of `model` (its entry's "expected_seconds" when the registry has it).
  static double videoCall(const providers::ModelEntry& model);
  static double stitch(double seconds, double fps);
};

// Calls other than video (ProgressWeights::videoCall weighs those per model).
enum class WorkKind { Image, Speech, Music, Sfx };
// The weight of one call of `kind` on `backendId` ("local" or a cloud service).
double callWeight(WorkKind kind, const QString& backendId);

// Thread-safe: audio generated beside the job thread moves its own units.
class ProgressPlan {
 public:
  using Unit = int;
  // The largest fraction reported before complete() (shown as 99%).
  static constexpr double kBeforeComplete = 0.99;

  Unit add(const QString& name, double weight);
  // Progress inside a unit, 0..1 (as its generation reports it); never lowers the unit.
  void setUnitFraction(Unit unit, double fraction);
  void finishUnit(Unit unit);
  // A planned unit the job will not do after all (a re-plan needs fewer chunks): it weighs
  // nothing from now on, so what is left of the plan is what the fraction measures.
  void dropUnit(Unit unit);
  // The job's output exists: from now on fraction() is 1.
  void complete();

  // Done weight over total weight, never below a value it returned before, below 1 until
  // complete(). An empty plan is at 0.
  double fraction();
  double percent() { return 100.0 * fraction(); }
  double unitFraction(Unit unit) const;

 private:
  struct Entry {
    QString name;
    double weight = 0;
    double done = 0;  // 0..1
  };
  mutable QMutex mutex_;
  QList<Entry> units_;
  double reported_ = 0;
  bool complete_ = false;
};

// Seconds left from samples (elapsed seconds since the job started, fraction done). The raw
// estimate is the measured rate's: elapsed * (1 - f) / f. The reported ETA follows it smoothly:
// between two samples it first falls by the time that passed, then moves toward the raw estimate
// by 1 - exp(-dt / kSmoothingSeconds) of the gap, and it never rises by more than
// kMaxRisePerSecond times the time that passed (so a wrong early estimate is corrected slowly and
// never jumps up). Unknown (-1) until kMinFraction is done and kMinSeconds have passed.
class EtaEstimator {
 public:
  static constexpr double kSmoothingSeconds = 4.0;
  static constexpr double kMaxRisePerSecond = 0.5;
  static constexpr double kMinFraction = 0.01;
  static constexpr double kMinSeconds = 0.5;

  // Returns the ETA in seconds after this sample, or -1 while unknown; 0 once fraction >= 1.
  double update(double elapsedSeconds, double fraction);
  double eta() const { return eta_; }

 private:
  double eta_ = -1;
  double lastTime_ = 0;
};

}  // namespace sw::render
