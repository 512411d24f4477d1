// The local music on a General MIDI soundfont (FluidSynth): deterministic for a seed, the mood
// and seed change it, exactly the asked length, loud like the mix expects, and without a
// soundfont the oscillators play it and the result says so.
#include "provider_test_util.h"

#include "media/loudness.h"
#include "providers/asset_cache.h"
#include "providers/local/fluid_music.h"
#include "providers/local/local_music.h"
#include "providers/local/wav_file.h"

#include <gtest/gtest.h>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>

using namespace sw::providers;
using namespace sw::providers::local;
using sw::providers::test::contextFor;

namespace {

// SCENEWRIGHT_SOUNDFONT cleared for the test's length (it wins over the option).
struct NoSoundfontEnvironment {
  QByteArray saved = qgetenv("SCENEWRIGHT_SOUNDFONT");
  NoSoundfontEnvironment() { qunsetenv("SCENEWRIGHT_SOUNDFONT"); }
  ~NoSoundfontEnvironment() {
    if (!saved.isEmpty()) qputenv("SCENEWRIGHT_SOUNDFONT", saved);
  }
};

MusicRequest request(const QString& mood, qint64 seed, double duration) {
  MusicRequest r;
  r.prompt = QStringLiteral("a theme for the lighthouse");
  r.mood = mood;
  r.duration = duration;
  r.seed = seed;
  return r;
}

struct Take {
  GenerationResult result;
  PcmAudio audio;
};

Take make(LocalMusicGenerator& gen, const MusicRequest& r, const QString& dir,
          QStringList* progress = nullptr) {
  GenerationContext ctx = contextFor(dir);
  if (progress) ctx.progress = [progress](double, const QString& m) { progress->append(m); };
  Take t;
  t.result = gen.generate(r, ctx);
  t.audio = readWav(t.result.filePath);
  return t;
}

void requireSoundfont() {
  ASSERT_TRUE(QFileInfo::exists(defaultSoundfontPath()))
      << "install fluid-soundfont-gm (scripts/deps.txt): " << defaultSoundfontPath().toStdString();
}

}  // namespace

TEST(ProvidersFluidMusic, SameSeedIsBitIdenticalAndSeedOrMoodChangeIt) {
  requireSoundfont();
  NoSoundfontEnvironment env;
  QTemporaryDir a, b;
  LocalMusicGenerator gen;
  QElapsedTimer timer;
  timer.start();
  const Take first = make(gen, request("happy", 7, 10.0), a.path());
  const qint64 tenSecondsMs = timer.elapsed();
  const Take again = make(gen, request("happy", 7, 10.0), b.path());
  EXPECT_EQ(first.result.model, QStringLiteral("fluidsynth"));
  EXPECT_TRUE(first.result.notes.isEmpty()) << first.result.notes.join("; ").toStdString();
  ASSERT_EQ(first.audio.samples.size(), again.audio.samples.size());
  EXPECT_TRUE(first.audio.samples == again.audio.samples) << "same seed, different samples";
  const Take otherSeed = make(gen, request("happy", 8, 10.0), a.path());
  EXPECT_FALSE(otherSeed.audio.samples == first.audio.samples);
  const Take otherMood = make(gen, request("sad", 7, 10.0), a.path());
  EXPECT_FALSE(otherMood.audio.samples == first.audio.samples);
  RecordProperty("render_ms_10s", int(tenSecondsMs));
  std::printf("10 s FluidSynth take rendered in %lld ms\n", static_cast<long long>(tenSecondsMs));
}

TEST(ProvidersFluidMusic, LengthIsSampleExactForEveryFeel) {
  requireSoundfont();
  NoSoundfontEnvironment env;
  QTemporaryDir dir;
  LocalMusicGenerator gen;
  for (const char* mood : {"happy", "calm", "sad", "tense", "epic", ""}) {
    MusicRequest r = request(QString::fromLatin1(mood), 3, 3.3337);
    r.tempo = mood[0] == 'e' ? 150 : 0;
    const Take t = make(gen, r, dir.path());
    EXPECT_EQ(t.audio.sampleRate, 48000) << mood;
    EXPECT_EQ(t.audio.channels, 2) << mood;
    EXPECT_EQ(t.audio.samples.size(), size_t(2 * 160018)) << mood;  // lround(3.3337 * 48000)
    EXPECT_DOUBLE_EQ(t.result.duration, 160018.0 / 48000) << mood;
    double sum = 0;
    for (float v : t.audio.samples) sum += double(v) * v;
    EXPECT_GT(std::sqrt(sum / double(t.audio.samples.size())), 0.05)
        << mood << ": the instruments played";
  }
}

TEST(ProvidersFluidMusic, LoudnessIsWhatTheMixExpects) {
  requireSoundfont();
  NoSoundfontEnvironment env;
  QTemporaryDir dir;
  LocalMusicGenerator fluid;
  LocalMusicGenerator oscillators(QJsonObject{{"soundfont", dir.filePath("none.sf2")}});
  for (const char* mood : {"happy", "calm", "tense"}) {
    const MusicRequest r = request(QString::fromLatin1(mood), 11, 8.0);
    const sw::media::LoudnessStats f =
        sw::media::measureLoudness(make(fluid, r, dir.path()).result.filePath);
    const sw::media::LoudnessStats o =
        sw::media::measureLoudness(make(oscillators, r, dir.path()).result.filePath);
    std::printf("%s: FluidSynth %.1f LUFS %.1f dBTP, oscillators %.1f LUFS %.1f dBTP\n", mood,
                f.integrated, f.truePeak, o.integrated, o.truePeak);
    EXPECT_GT(f.integrated, -26.0) << mood;
    EXPECT_LT(f.integrated, -12.0) << mood;
    EXPECT_LT(f.truePeak, -0.5) << mood;
    EXPECT_NEAR(f.integrated, o.integrated, 6.0) << mood << ": as loud as the oscillator take";
  }
}

TEST(ProvidersFluidMusic, WithoutASoundfontTheOscillatorsPlayAndSaySo) {
  NoSoundfontEnvironment env;
  QTemporaryDir dir;
  const QString missing = dir.filePath("missing/FluidR3_GM.sf2");
  LocalMusicGenerator gen(QJsonObject{{"soundfont", missing}});
  EXPECT_EQ(gen.soundfont(), missing);
  EXPECT_TRUE(gen.engineIdentity().isEmpty());
  QStringList progress;
  const Take t = make(gen, request("happy", 7, 2.0), dir.path(), &progress);
  EXPECT_EQ(t.result.model, QStringLiteral("local-synth"));
  ASSERT_EQ(t.result.notes.size(), 1);
  EXPECT_TRUE(t.result.notes[0].contains(missing)) << t.result.notes[0].toStdString();
  EXPECT_TRUE(t.result.notes[0].contains("SCENEWRIGHT_SOUNDFONT"));
  EXPECT_TRUE(progress.join('\n').contains("built-in oscillators"))
      << progress.join('\n').toStdString();
  EXPECT_EQ(t.audio.samples.size(), size_t(2 * 96000));
  // The oscillator synthesiser's samples (16-bit in the file)
  const PcmAudio oscillators = synthesiseMusic(request("happy", 7, 2.0), contextFor(dir.path()));
  ASSERT_EQ(oscillators.samples.size(), t.audio.samples.size());
  double worst = 0;
  for (size_t i = 0; i < t.audio.samples.size(); ++i)
    worst = std::max(worst, double(std::abs(t.audio.samples[i] - oscillators.samples[i])));
  EXPECT_LT(worst, 2.0 / 32768);

  // A file that is not a soundfont is not one either
  sw::providers::test::writeFile(dir.filePath("fake.sf2"), "not a soundfont");
  EXPECT_TRUE(LocalMusicGenerator(QJsonObject{{"soundfont", dir.filePath("fake.sf2")}})
                  .engineIdentity()
                  .isEmpty());
}

TEST(ProvidersFluidMusic, TheEnvironmentPicksTheSoundfontAndTheRecipeNamesIt) {
  requireSoundfont();
  NoSoundfontEnvironment env;
  QTemporaryDir dir;
  const QJsonObject missing{{"soundfont", dir.filePath("none.sf2")}};
  EXPECT_EQ(soundfontPath({}), defaultSoundfontPath());
  EXPECT_EQ(soundfontPath(missing), dir.filePath("none.sf2"));
  qputenv("SCENEWRIGHT_SOUNDFONT", defaultSoundfontPath().toUtf8());
  EXPECT_EQ(soundfontPath(missing), defaultSoundfontPath()) << "the environment wins";
  EXPECT_FALSE(LocalMusicGenerator(missing).engineIdentity().isEmpty());
  qunsetenv("SCENEWRIGHT_SOUNDFONT");

  // A take made on the oscillators is never found as a soundfont take, nor the other way round.
  const LocalMusicGenerator fluid, oscillators(missing);
  const QString identity = fluid.engineIdentity();
  EXPECT_TRUE(identity.contains("FluidR3_GM.sf2")) << identity.toStdString();
  EXPECT_TRUE(identity.contains("fluidsynth-")) << identity.toStdString();
  const MusicRequest r = request("calm", 5, 4.0);
  const QString fluidKey = AssetCache::key(cacheRequestFor(r, fluid));
  EXPECT_NE(fluidKey, AssetCache::key(cacheRequestFor(r, oscillators)));
  EXPECT_EQ(AssetCache::key(cacheRequestFor(r, oscillators)),
            AssetCache::key(cacheRequest(r, QStringLiteral("local"))))
      << "oscillator takes keep the keys they had";
  EXPECT_TRUE(QString::fromUtf8(AssetCache::canonicalJson(cacheRequestFor(r, fluid)))
                  .contains("FluidR3_GM.sf2"));
}
