// The job's progress from weighted work units and the ETA estimator, on synthetic samples.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "providers/model_entry.h"
#include "render/progress_plan.h"

using sw::render::EtaEstimator;
using sw::render::ProgressPlan;
using sw::render::ProgressWeights;

namespace {

struct Sample {
  double time;
  double fraction;
};

// A job whose rate changes: a fast first quarter (cache hits), a slow middle (a paid call that
// takes four times the planned time), then fast again (the stitch). Samples every 0.25 s.
std::vector<Sample> changingRate() {
  std::vector<Sample> out;
  double t = 0;
  double f = 0;
  const auto run = [&](double until, double rate) {
    while (f < until - 1e-12) {
      t += 0.25;
      f = std::min(until, f + rate * 0.25);
      out.push_back({t, f});
    }
  };
  run(0.25, 0.25);   // 1 s
  run(0.75, 0.025);  // 20 s
  run(0.99, 0.12);   // 2 s
  return out;
}

// The ETA the queue computed before (elapsed * (100 - p) / p), for comparison.
double naiveEta(const Sample& s) { return s.time * (1 - s.fraction) / s.fraction; }

}  // namespace

TEST(EtaEstimator, NeverRisesByMoreThanTheTimeBetweenSamples) {
  const std::vector<Sample> samples = changingRate();
  EtaEstimator eta;
  double lastEta = -1;
  double lastTime = 0;
  int known = 0;
  for (const Sample& s : samples) {
    const double now = eta.update(s.time, s.fraction);
    if (now < 0) continue;
    ++known;
    if (lastEta >= 0) {
      EXPECT_LE(now - lastEta, s.time - lastTime + 1e-9)
          << "at " << s.time << " s the ETA rose from " << lastEta << " to " << now;
    }
    lastEta = now;
    lastTime = s.time;
  }
  EXPECT_GT(known, 50);
  // The same samples make the old formula jump up (what the test guards against).
  bool naiveRose = false;
  for (size_t i = 1; i < samples.size(); ++i)
    if (samples[i - 1].fraction >= 0.01 &&
        naiveEta(samples[i]) - naiveEta(samples[i - 1]) > samples[i].time - samples[i - 1].time)
      naiveRose = true;
  EXPECT_TRUE(naiveRose);
}

TEST(EtaEstimator, FallsWithTimeAtASteadyRateAndEndsAtZero) {
  EtaEstimator eta;
  double last = -1;
  for (int i = 1; i <= 100; ++i) {
    const double t = i * 0.2;  // 20 s in all, 5% per second
    const double now = eta.update(t, std::min(1.0, t / 20.0));
    if (i < 100 && t >= 1.0) {
      EXPECT_NEAR(now, 20.0 - t, 1e-6);
      if (last >= 0) {
        EXPECT_LT(now, last);
      }
    }
    last = now;
  }
  EXPECT_EQ(eta.eta(), 0);
}

TEST(EtaEstimator, UnknownUntilSomethingIsMeasured) {
  EtaEstimator eta;
  EXPECT_LT(eta.update(0.1, 0.5), 0);    // too early
  EXPECT_LT(eta.update(2.0, 0.001), 0);  // too little done
  EXPECT_GT(eta.update(2.0, 0.5), 0);
}

TEST(ProgressPlan, WeightsUnitsAndNeverGoesBack) {
  ProgressPlan plan;
  const auto chunk = plan.add(QStringLiteral("chunk 1"), 30);
  const auto speech = plan.add(QStringLiteral("narration"), 10);
  const auto stitch = plan.add(QStringLiteral("stitch"), 10);
  EXPECT_DOUBLE_EQ(plan.fraction(), 0);
  plan.setUnitFraction(chunk, 0.5);  // "frame 60 of 120"
  EXPECT_DOUBLE_EQ(plan.fraction(), 15.0 / 50);
  plan.setUnitFraction(chunk, 0.2);  // a unit never goes back
  EXPECT_DOUBLE_EQ(plan.fraction(), 15.0 / 50);
  plan.finishUnit(speech);
  EXPECT_DOUBLE_EQ(plan.fraction(), 25.0 / 50);
  const auto late = plan.add(QStringLiteral("chunk 2"), 50);  // the reported value stays
  EXPECT_DOUBLE_EQ(plan.fraction(), 25.0 / 50);
  plan.finishUnit(chunk);
  plan.finishUnit(stitch);
  plan.finishUnit(late);
  EXPECT_DOUBLE_EQ(plan.fraction(), ProgressPlan::kBeforeComplete);  // not 100% before the file
  plan.complete();
  EXPECT_DOUBLE_EQ(plan.fraction(), 1.0);
}

TEST(ProgressWeights, VideoCallsWeighTheirExpectedSeconds) {
  sw::providers::ModelEntry local;
  local.backend = QStringLiteral("local");
  local.fps = 24;
  local.actualChunkDuration = 5;
  EXPECT_DOUBLE_EQ(ProgressWeights::videoCall(local),
                   120 * ProgressWeights::kLocalVideoSecondsPerFrame);
  sw::providers::ModelEntry cloud;
  cloud.backend = QStringLiteral("replicate");
  EXPECT_DOUBLE_EQ(ProgressWeights::videoCall(cloud), ProgressWeights::kCloudVideoCallSeconds);
  cloud.raw = QJsonObject{{"expected_seconds", 95.0}};
  EXPECT_DOUBLE_EQ(ProgressWeights::videoCall(cloud), 95.0);
  EXPECT_GT(ProgressWeights::stitch(10, 24), ProgressWeights::stitch(5, 24));
}
