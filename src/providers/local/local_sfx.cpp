// Sound-effect recipes of the local backend (see local_music.h).
#include "providers/local/local_drawing.h"
#include "providers/local/local_music.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace sw::providers::local {
namespace {

constexpr int kRate = 48000;
constexpr double kTwoPi = 6.283185307179586;
using Mono = std::vector<double>;

int frames(double seconds) { return static_cast<int>(std::lround(seconds * kRate)); }

// One-pole low-pass with a cutoff that may change over time.
class LowPass {
 public:
  double step(double x, double cutoffHz) {
    const double a = 1.0 - std::exp(-kTwoPi * cutoffHz / kRate);
    y_ += a * (x - y_);
    return y_;
  }

 private:
  double y_ = 0.0;
};

// Adds a filtered noise burst: envelope(t) * lowpass(noise, cutoff(t)).
void noiseBurst(Mono& out, Rng& rng, double start, double length,
                const std::function<double(double)>& env,
                const std::function<double(double)>& cutoff) {
  LowPass lp;
  const int s = frames(start);
  for (int i = 0; i < frames(length) && s + i < static_cast<int>(out.size()); ++i) {
    const double t = static_cast<double>(i) / kRate;
    out[static_cast<size_t>(s) + static_cast<size_t>(i)] +=
        env(t) * lp.step(rng.signedUnit(), cutoff(t));
  }
}

void sineBurst(Mono& out, double start, double length, double hz, double amp, double decay) {
  const int s = frames(start);
  for (int i = 0; i < frames(length) && s + i < static_cast<int>(out.size()); ++i) {
    const double t = static_cast<double>(i) / kRate;
    out[static_cast<size_t>(s) + static_cast<size_t>(i)] +=
        amp * std::sin(kTwoPi * hz * t) * std::exp(-decay * t);
  }
}

void thunder(Mono& o, Rng& r) {
  noiseBurst(
      o, r, 0.0, 0.25, [](double t) { return std::exp(-t * 18); }, [](double) { return 6000.0; });
  noiseBurst(
      o, r, 0.05, 3.2, [](double t) { return std::min(1.0, t * 4) * std::exp(-t * 1.1) * 3; },
      [](double t) { return 300.0 * std::exp(-t * 0.5) + 60.0; });
}
void doorSlam(Mono& o, Rng& r) {
  noiseBurst(
      o, r, 0.0, 0.5, [](double t) { return std::exp(-t * 14) * 2; }, [](double) { return 900.0; });
  sineBurst(o, 0.0, 0.5, 90.0, 0.6, 10.0);
}
void knock(Mono& o, Rng& r) {
  for (int k = 0; k < 3; ++k) {
    noiseBurst(
        o, r, 0.22 * k, 0.12, [](double t) { return std::exp(-t * 45) * 2; },
        [](double) { return 1500.0; });
    sineBurst(o, 0.22 * k, 0.12, 180.0, 0.5, 40.0);
  }
}
void whoosh(Mono& o, Rng& r) {
  noiseBurst(
      o, r, 0.0, 1.2, [](double t) { return std::sin(3.14159 * t / 1.2) * 1.5; },
      [](double t) { return 300.0 + 3500.0 * std::sin(3.14159 * t / 1.2); });
}
void beep(Mono& o, bool alarm) {
  const int count = alarm ? 6 : 1;
  for (int k = 0; k < count; ++k) sineBurst(o, 0.3 * k, 0.18, alarm ? 1400.0 : 1000.0, 0.6, 0.0);
}
void footsteps(Mono& o, Rng& r) {
  for (int k = 0; k < 4; ++k) {
    noiseBurst(
        o, r, 0.5 * k, 0.15, [](double t) { return std::exp(-t * 30) * 1.5; },
        [](double) { return 700.0; });
    sineBurst(o, 0.5 * k, 0.1, 70.0, 0.3, 30.0);
  }
}
void explosion(Mono& o, Rng& r) {
  noiseBurst(
      o, r, 0.0, 2.5, [](double t) { return std::exp(-t * 1.8) * 3; },
      [](double t) { return 2500.0 * std::exp(-t * 2) + 80.0; });
  sineBurst(o, 0.0, 1.5, 45.0, 0.7, 2.5);
}
void bell(Mono& o) {
  for (double ratio : {1.0, 2.0, 2.76, 5.4})
    sineBurst(o, 0.0, 2.5, 660.0 * ratio, 0.3 / ratio, 1.6 + ratio);
}
void glass(Mono& o, Rng& r) {
  for (int k = 0; k < 6; ++k)
    noiseBurst(
        o, r, 0.04 * k + 0.02 * r.uniform(), 0.3, [](double t) { return std::exp(-t * 20); },
        [](double) { return 9000.0; });
  for (int k = 0; k < 4; ++k) sineBurst(o, 0.05 * k, 0.6, 2500.0 + 1500.0 * r.uniform(), 0.12, 8.0);
}
void steadyNoise(Mono& o, Rng& r, double seconds, double cutoff, double wave) {
  noiseBurst(
      o, r, 0.0, seconds,
      [=](double t) { return 0.8 + (wave > 0 ? 0.6 * std::sin(kTwoPi * t / wave) : 0.0); },
      [=](double) { return cutoff; });
}
void impact(Mono& o, Rng& r) {
  noiseBurst(
      o, r, 0.0, 0.5, [](double t) { return std::exp(-t * 12) * 1.5; },
      [](double) { return 2000.0; });
}

bool has(const QString& d, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (d.contains(QLatin1String(w))) return true;
  return false;
}

Mono recipe(const QString& d, Rng& r) {
  Mono o(static_cast<size_t>(frames(4.0)), 0.0);
  double used = 0.6;
  if (has(d, {"thunder", "lightning"})) {
    thunder(o, r);
    used = 3.3;
  } else if (has(d, {"explosion", "boom", "blast", "crash"})) {
    explosion(o, r);
    used = 2.6;
  } else if (has(d, {"knock"})) {
    knock(o, r);
    used = 0.8;
  } else if (has(d, {"door", "slam", "thud"})) {
    doorSlam(o, r);
    used = 0.6;
  } else if (has(d, {"whoosh", "swoosh", "swish", "wind"})) {
    whoosh(o, r);
    used = 1.2;
  } else if (has(d, {"alarm", "siren", "phone", "ring"})) {
    beep(o, true);
    used = 1.8;
  } else if (has(d, {"beep", "ping"})) {
    beep(o, false);
    used = 0.3;
  } else if (has(d, {"footstep", "steps", "walk"})) {
    footsteps(o, r);
    used = 1.8;
  } else if (has(d, {"bell", "chime"})) {
    bell(o);
    used = 2.5;
  } else if (has(d, {"glass", "shatter"})) {
    glass(o, r);
    used = 0.9;
  } else if (has(d, {"rain"})) {
    steadyNoise(o, r, 4.0, 4000.0, 0.0);
    used = 4.0;
  } else if (has(d, {"wave", "sea", "ocean", "surf"})) {
    steadyNoise(o, r, 4.0, 700.0, 2.5);
    used = 4.0;
  } else
    impact(o, r);
  o.resize(static_cast<size_t>(frames(used)));
  return o;
}

}  // namespace

PcmAudio synthesiseEffect(const SoundEffectRequest& request) {
  const QString d = request.description.toLower();
  Rng rng(stableHash(d, request.seed));
  Mono mono = recipe(d, rng);
  if (request.duration > 0.0) {
    const size_t want = static_cast<size_t>(frames(request.duration));
    const size_t fade = std::min<size_t>(want, frames(0.05));
    mono.resize(want, 0.0);
    for (size_t i = 0; i < fade; ++i) mono[want - 1 - i] *= static_cast<double>(i) / fade;
  }
  PcmAudio audio;
  audio.sampleRate = kRate;
  audio.channels = 2;
  audio.samples.resize(mono.size() * 2);
  for (size_t i = 0; i < mono.size(); ++i)
    audio.samples[2 * i] = audio.samples[2 * i + 1] = static_cast<float>(mono[i]);
  normalizePeak(audio.samples, 0.8f);
  return audio;
}

}  // namespace sw::providers::local
