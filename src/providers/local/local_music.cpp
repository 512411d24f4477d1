#include "providers/local/local_music.h"

#include "providers/asset_cache.h"
#include "providers/local/fluid_music.h"
#include "providers/local/local_drawing.h"
#include "providers/local/local_video.h"

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>

namespace sw::providers::local {
namespace {

using Kind = ProviderError::Kind;
constexpr int kRate = 48000;
constexpr double kTwoPi = 6.283185307179586;
// The soundfont take's level: RMS 0.1 (about -18 LUFS, near the oscillator takes), its sample
// peak at most 0.8 (measured in fluid_music_test.cpp).
constexpr double kSoundfontRms = 0.1;
constexpr double kSoundfontPeak = 0.8;

double noteHz(double semitonesFromA2) { return 110.0 * std::pow(2.0, semitonesFromA2 / 12.0); }

bool hasAny(const QString& text, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (text.contains(QLatin1String(w))) return true;
  return false;
}

// Soft saw: sum of harmonics weighted by brightness.
double tone(double phase, double brightness) {
  double v = std::sin(phase);
  v += brightness * 0.5 * std::sin(2 * phase) + brightness * 0.33 * std::sin(3 * phase);
  return v / (1.0 + brightness * 0.83);
}

struct Chord {
  int root;  // semitones from the key root
  bool minor;
};

std::vector<Chord> progression(bool minor) {
  if (minor) return {{0, true}, {8, false}, {3, false}, {10, false}};  // i VI III VII
  return {{0, false}, {7, false}, {9, true}, {5, false}};              // I V vi IV
}

struct Track {
  PcmAudio audio;
  int frames = 0;
  void add(int frame, double left, double right) {
    if (frame < 0 || frame >= frames) return;
    audio.samples[2 * static_cast<size_t>(frame)] += static_cast<float>(left);
    audio.samples[2 * static_cast<size_t>(frame) + 1] += static_cast<float>(right);
  }
};

void renderPadAndBass(Track& t, const MusicStyle& s) {
  const std::vector<Chord> chords = progression(s.minor);
  const double beat = 60.0 / s.tempo, bar = 4 * beat;
  const double bass = s.brightness > 0.6 ? 0.0 : -12.0;
  for (int i = 0; i < t.frames; ++i) {
    const double time = static_cast<double>(i) / kRate;
    const int barIndex = static_cast<int>(time / bar);
    const Chord c = chords[static_cast<size_t>(barIndex) % chords.size()];
    const double inBar = time - barIndex * bar;
    const double padEnv =
        std::min(1.0, inBar / (0.25 * bar)) * (0.75 + 0.25 * std::cos(kTwoPi * inBar / bar));
    const int third = c.minor ? 3 : 4;
    double left = 0, right = 0;
    for (int k = 0; k < 3; ++k) {
      const double semis = s.root + c.root + 12 + (k == 0 ? 0 : k == 1 ? third : 7);
      const double f = noteHz(semis);
      left += tone(kTwoPi * f * 1.002 * time, s.brightness) * 0.12 * padEnv;
      right += tone(kTwoPi * f * 0.998 * time, s.brightness) * 0.12 * padEnv;
    }
    const double inBeat = std::fmod(time, beat);
    const double bassV = std::sin(kTwoPi * noteHz(s.root + c.root + bass) * time) *
                         std::exp(-3.0 * inBeat / beat) * 0.35;
    t.add(i, left + bassV, right + bassV);
  }
}

void renderDrums(Track& t, const MusicStyle& s, Rng& rng) {
  const double beat = 60.0 / s.tempo;
  const int beats = static_cast<int>(t.frames / (beat * kRate)) + 1;
  for (int b = 0; b < beats; ++b) {
    const int start = static_cast<int>(std::lround(b * beat * kRate));
    const bool kick = s.backbeat ? (b % 2 == 0) : true;
    const bool snare = s.backbeat && (b % 2 == 1);
    for (int j = 0; j < static_cast<int>(0.25 * kRate); ++j) {
      const double x = static_cast<double>(j) / kRate;
      double v = 0;
      if (kick)
        v += std::sin(kTwoPi * (45.0 * x + 75.0 * (1 - std::exp(-x * 25)) / 25)) *
             std::exp(-x * 14) * 0.5;
      if (snare) v += rng.signedUnit() * std::exp(-x * 22) * 0.18;
      t.add(start + j, v, v);
    }
    for (int h = 0; h < 2; ++h) {  // hi-hat on eighths
      const int hs = start + static_cast<int>(h * beat * kRate / 2);
      double prev = 0;
      for (int j = 0; j < static_cast<int>(0.04 * kRate); ++j) {
        const double n = rng.signedUnit();
        const double v = (n - prev) * std::exp(-j / (0.008 * kRate)) * 0.05;
        prev = n;
        t.add(hs + j, v * 0.7, v);
      }
    }
  }
}

void fadeEdges(PcmAudio& a, double fadeIn, double fadeOut) {
  const size_t frames = a.samples.size() / 2;
  const size_t in = std::min(frames, static_cast<size_t>(fadeIn * kRate));
  const size_t out = std::min(frames, static_cast<size_t>(fadeOut * kRate));
  for (size_t i = 0; i < frames; ++i) {
    double g = 1.0;
    if (i < in) g = static_cast<double>(i) / in;
    if (i + out >= frames && out > 0) g = std::min(g, static_cast<double>(frames - i) / out);
    a.samples[2 * i] *= static_cast<float>(g);
    a.samples[2 * i + 1] *= static_cast<float>(g);
  }
}

void normalizeLevel(std::vector<float>& samples) {
  double sum = 0.0, peak = 0.0;
  for (float v : samples) {
    sum += double(v) * v;
    peak = std::max(peak, double(std::abs(v)));
  }
  if (samples.empty() || peak <= 0.0) return;
  const double rms = std::sqrt(sum / double(samples.size()));
  const float gain = float(std::min(kSoundfontRms / rms, kSoundfontPeak / peak));
  for (float& v : samples) v *= gain;
}

GenerationResult wavResult(const QString& path, const PcmAudio& audio, const QString& model,
                           qint64 ms) {
  GenerationResult r;
  r.filePath = path;
  r.mime = QStringLiteral("audio/wav");
  r.duration = audio.duration();
  r.provider = QStringLiteral("local");
  r.model = model;
  r.seconds = ms / 1000.0;
  return r;
}

}  // namespace

MusicStyle musicStyle(const MusicRequest& r) {
  const QString text = (r.mood + ' ' + r.prompt).toLower();
  MusicStyle s;
  s.minor = hasAny(text, {"sad", "tense", "dark", "myster", "melanchol", "scary", "suspense",
                          "ominous", "minor", "eerie"});
  const bool calm =
      hasAny(text, {"calm", "gentle", "peaceful", "ambient", "soft", "dream", "sad", "melanchol"});
  const bool energetic =
      hasAny(text, {"happy", "upbeat", "epic", "action", "energetic", "chase", "dance", "heroic"});
  const bool sad = hasAny(text, {"sad", "melanchol", "grief", "lonely"});
  s.feel = sad         ? MusicFeel::Sad
           : s.minor   ? MusicFeel::Tense
           : energetic ? (hasAny(text, {"epic", "heroic", "action", "chase"}) ? MusicFeel::Epic
                                                                              : MusicFeel::Bright)
           : calm      ? MusicFeel::Calm
                       : MusicFeel::Neutral;
  if (s.feel == MusicFeel::Epic) s.minor = true;
  s.drums = !calm || energetic;
  s.backbeat = energetic;
  s.brightness = energetic ? 0.8 : calm ? 0.15 : s.minor ? 0.35 : 0.5;
  const int moodTempo = energetic ? 124 : calm ? 72 : s.minor ? 92 : 100;
  s.tempo = std::clamp(r.tempo > 0 ? r.tempo : moodTempo, 40, 220);
  s.root = static_cast<int>(stableHash(text, r.seed) % 12);
  return s;
}

static int64_t musicFrames(const MusicRequest& r) {
  if (r.duration <= 0.0 || r.duration > 3600.0)
    throw ProviderError(
        Kind::Invalid,
        QStringLiteral("Music of %1 s cannot be made; ask for 0-3600 s.").arg(r.duration));
  return std::llround(r.duration * kRate);
}

PcmAudio synthesiseMusic(const MusicRequest& r, const GenerationContext& ctx) {
  const int64_t frames = musicFrames(r);
  const MusicStyle s = musicStyle(r);
  Track t;
  t.frames = static_cast<int>(frames);
  t.audio.sampleRate = kRate;
  t.audio.channels = 2;
  t.audio.samples.assign(static_cast<size_t>(t.frames) * 2, 0.0f);
  renderPadAndBass(t, s);
  ctx.throwIfCancelled(QStringLiteral("Music synthesis"));
  Rng rng(stableHash(r.prompt + r.mood, r.seed));
  if (s.drums) renderDrums(t, s, rng);
  normalizePeak(t.audio.samples, 0.6f);
  fadeEdges(t.audio, 0.05, std::min(1.5, r.duration / 4));
  return t.audio;
}

static PcmAudio playMusic(const MusicRequest& r, const QString& soundfont,
                          const GenerationContext& ctx) {
  const int64_t frames = musicFrames(r);
  PcmAudio audio =
      playOnSoundfont(musicStyle(r), stableHash(r.prompt + r.mood, r.seed), frames, soundfont, ctx);
  normalizeLevel(audio.samples);
  fadeEdges(audio, 0.01, std::min(1.5, r.duration / 4));
  return audio;
}

LocalMusicGenerator::LocalMusicGenerator(const QJsonObject& options)
    : soundfont_(soundfontPath(options)) {}

QString LocalMusicGenerator::engineIdentity() const { return soundfontIdentity(soundfont_); }

GenerationResult LocalMusicGenerator::generate(const MusicRequest& request,
                                               const GenerationContext& ctx) {
  QElapsedTimer timer;
  timer.start();
  ctx.throwIfCancelled(QStringLiteral("Music synthesis"));
  const QString key = AssetCache::key(cacheRequestFor(request, *this));
  const QString output = localOutputPath(ctx, QStringLiteral("music"), key, QStringLiteral("wav"));
  const bool instruments = !soundfontIdentity(soundfont_).isEmpty();
  QString note;
  if (!instruments) {
    note = QStringLiteral(
               "no General MIDI soundfont at %1 (install fluid-soundfont-gm or set "
               "SCENEWRIGHT_SOUNDFONT): played on the built-in oscillators, not "
               "instruments")
               .arg(soundfont_);
    ctx.reportProgress(0.0, QStringLiteral("music: ") + note);
  }
  const PcmAudio audio =
      instruments ? playMusic(request, soundfont_, ctx) : synthesiseMusic(request, ctx);
  writeWav(output, audio);
  ctx.reportProgress(100.0, QStringLiteral("music ready"));
  GenerationResult result = wavResult(
      output, audio, instruments ? QStringLiteral("fluidsynth") : QStringLiteral("local-synth"),
      timer.elapsed());
  if (!note.isEmpty()) result.notes << note;
  return result;
}

GenerationResult LocalSoundEffectGenerator::generate(const SoundEffectRequest& request,
                                                     const GenerationContext& ctx) {
  QElapsedTimer timer;
  timer.start();
  if (request.description.trimmed().isEmpty())
    throw ProviderError(
        Kind::Invalid,
        QStringLiteral("A sound effect needs a description (e.g. thunder, door slam)."));
  ctx.throwIfCancelled(QStringLiteral("Sound effect synthesis"));
  const QString key = AssetCache::key(cacheRequest(request, backendId()));
  const QString output = localOutputPath(ctx, QStringLiteral("sfx"), key, QStringLiteral("wav"));
  const PcmAudio audio = synthesiseEffect(request);
  writeWav(output, audio);
  return wavResult(output, audio, QStringLiteral("local-sfx"), timer.elapsed());
}

}  // namespace sw::providers::local
