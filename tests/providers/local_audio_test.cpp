#include "provider_test_util.h"

#include "providers/local/local_music.h"
#include "providers/local/local_speech.h"
#include "providers/local/wav_file.h"

#include <gtest/gtest.h>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <optional>

using namespace sw::providers;
using namespace sw::providers::local;
using sw::providers::test::contextFor;

namespace {

// Median fundamental frequency (autocorrelation over 40 ms voiced frames, 70-400 Hz).
double medianPitch(const PcmAudio& a) {
  const int n = a.sampleRate / 25, minLag = a.sampleRate / 400, maxLag = a.sampleRate / 70;
  std::vector<double> pitches;
  for (size_t start = 0; start + n + maxLag < a.samples.size(); start += n) {
    double energy = 0;
    for (int i = 0; i < n; ++i) energy += a.samples[start + i] * a.samples[start + i];
    if (energy / n < 1e-3) continue;
    int best = 0;
    double bestValue = 0;
    for (int lag = minLag; lag <= maxLag; ++lag) {
      double c = 0;
      for (int i = 0; i < n; ++i) c += a.samples[start + i] * a.samples[start + i + lag];
      if (c > bestValue) bestValue = c, best = lag;
    }
    if (best > 0 && bestValue > 0.3 * energy) pitches.push_back(double(a.sampleRate) / best);
  }
  if (pitches.empty()) return 0;
  std::nth_element(pitches.begin(), pitches.begin() + pitches.size() / 2, pitches.end());
  return pitches[pitches.size() / 2];
}

double rms(const PcmAudio& a) {
  double s = 0;
  for (float v : a.samples) s += double(v) * v;
  return a.samples.empty() ? 0 : std::sqrt(s / a.samples.size());
}

}  // namespace

TEST(ProvidersLocalSpeech, WavHasPlausibleDuration) {
  QTemporaryDir dir;
  LocalSpeechGenerator gen;
  SpeechRequest r;
  r.text =
      QStringLiteral("For forty years, Mara kept the light burning on the cliff.");  // 11 words
  r.character = QStringLiteral("NARRATOR");
  r.voice = LocalSpeechGenerator::narratorVoice();
  const GenerationResult out = gen.generate(r, contextFor(dir.path()));
  const PcmAudio audio = readWav(out.filePath);
  EXPECT_EQ(out.mime, QStringLiteral("audio/wav"));
  EXPECT_NEAR(audio.duration(), out.duration, 1e-6);
  // 11 words at ~175 words/min = ~3.8 s; allow a wide margin for pauses
  EXPECT_GT(audio.duration(), 2.0);
  EXPECT_LT(audio.duration(), 7.0);
  EXPECT_GT(rms(audio), 0.01);

  SpeechRequest slow = r;
  slow.voiceSettings = QJsonObject{{"rate", 100}};
  EXPECT_GT(gen.generate(slow, contextFor(dir.path())).duration, out.duration * 1.3);
}

// espeak-ng cuts a voice file path at about 60 characters: a long TMPDIR (CI runners, Flatpak,
// per-user temp folders) must not break speech, nor be blamed on the voice.
TEST(ProvidersLocalSpeech, LongTempFolderStillSpeaks) {
  QTemporaryDir dir;
  // Lower case, as espeak-ng needs (it lower-cases paths), and long.
  const QString longTemp = QStringLiteral("/tmp/sw-a-rather-long-temporary-folder-%1/second-level")
                               .arg(QCoreApplication::applicationPid());
  ASSERT_TRUE(QDir().mkpath(longTemp));
  struct Cleanup {
    QString path;
    ~Cleanup() { QDir(path).removeRecursively(); }
  } cleanup{QFileInfo(longTemp).absolutePath()};
  const QByteArray saved = qgetenv("TMPDIR");
  qputenv("TMPDIR", longTemp.toUtf8());
  SpeechRequest r;
  r.text = QStringLiteral("The lamp is lit.");
  r.voice = LocalSpeechGenerator::narratorVoice();
  std::optional<GenerationResult> out;
  QString error;
  try {
    out = LocalSpeechGenerator().generate(r, contextFor(dir.path()));
  } catch (const ProviderError& e) {
    error = e.message();
  }
  qputenv("TMPDIR", saved);
  ASSERT_TRUE(out.has_value()) << error.toStdString();
  EXPECT_GT(out->duration, 0.3);
}

TEST(ProvidersLocalSpeech, TwoCharactersSoundDifferent) {
  QTemporaryDir dir;
  LocalSpeechGenerator gen;
  EXPECT_NE(gen.defaultVoice(0), gen.defaultVoice(1));
  SpeechRequest tom{
      QStringLiteral("There is a boat out there."), "TOM", gen.defaultVoice(0), {}, {}};
  SpeechRequest mara = tom;
  mara.character = "MARA";
  mara.voice = gen.defaultVoice(1);
  const PcmAudio a = readWav(gen.generate(tom, contextFor(dir.path())).filePath);
  const PcmAudio b = readWav(gen.generate(mara, contextFor(dir.path())).filePath);
  const double pa = medianPitch(a), pb = medianPitch(b);
  EXPECT_GT(pa, 60);
  EXPECT_GT(pb, pa * 1.25) << "a female variant speaks higher: " << pa << " Hz vs " << pb << " Hz";
  // repeatable: same voice, same length and pitch (espeak-ng keeps some state between lines, so
  // samples can differ slightly after another voice spoke; see local_speech.cpp)
  const PcmAudio again = readWav(gen.generate(tom, contextFor(dir.path())).filePath);
  EXPECT_NEAR(again.duration(), a.duration(), a.duration() * 0.02);
  EXPECT_NEAR(medianPitch(again), pa, pa * 0.05);
}

TEST(ProvidersLocalSpeech, UnknownVoiceAndEmptyTextAreRefused) {
  QTemporaryDir dir;
  LocalSpeechGenerator gen;
  SpeechRequest r{QStringLiteral("Hello"), "TOM", QStringLiteral("xx-nonexistent"), {}, {}};
  EXPECT_THROW(gen.generate(r, contextFor(dir.path())), ProviderError);
  r.voice.clear();
  r.text = QStringLiteral("   ");
  EXPECT_THROW(gen.generate(r, contextFor(dir.path())), ProviderError);
}

TEST(ProvidersLocalMusic, DurationIsExactAndMoodPicksTheStyle) {
  QTemporaryDir dir;
  LocalMusicGenerator gen;
  MusicRequest r;
  r.prompt = QStringLiteral("low cello drones");
  r.mood = QStringLiteral("tense");
  r.tempo = 90;
  r.duration = 2.5;
  const GenerationResult out = gen.generate(r, contextFor(dir.path()));
  const PcmAudio audio = readWav(out.filePath);
  EXPECT_EQ(audio.sampleRate, 48000);
  EXPECT_EQ(audio.channels, 2);
  EXPECT_EQ(audio.samples.size(), size_t(2 * 120000));
  EXPECT_DOUBLE_EQ(out.duration, 2.5);
  EXPECT_GT(rms(audio), 0.02);

  EXPECT_TRUE(musicStyle(r).minor);
  EXPECT_EQ(musicStyle(r).tempo, 90);
  MusicRequest happy{QStringLiteral("bright ukulele"), QStringLiteral("happy"), 0, 2.0, 0, {}};
  EXPECT_FALSE(musicStyle(happy).minor);
  EXPECT_TRUE(musicStyle(happy).backbeat);
  EXPECT_GT(musicStyle(happy).tempo, 110);
  MusicRequest calm{QStringLiteral("ambient pads"), QStringLiteral("calm"), 0, 2.0, 0, {}};
  EXPECT_FALSE(musicStyle(calm).drums);

  r.duration = 0;
  EXPECT_THROW(gen.generate(r, contextFor(dir.path())), ProviderError);
}

TEST(ProvidersLocalSfx, KeywordsPickRecipesAndDurationIsHonoured) {
  QTemporaryDir dir;
  LocalSoundEffectGenerator gen;
  const auto length = [&](const QString& d, double seconds = 0) {
    SoundEffectRequest r{d, seconds, 1, {}};
    const PcmAudio a = readWav(gen.generate(r, contextFor(dir.path())).filePath);
    EXPECT_GT(rms(a), 0.005) << d.toStdString();
    return a.duration();
  };
  const double thunder = length("distant thunder");
  const double beep = length("a phone beep");
  EXPECT_GT(thunder, 3.0);
  EXPECT_LT(length("single beep"), 0.5);
  EXPECT_GT(beep, 1.0);  // "phone" rings several times
  EXPECT_NEAR(length("door slam", 2.0), 2.0, 1e-4);
  EXPECT_THROW(gen.generate(SoundEffectRequest{"", 0, 0, {}}, contextFor(dir.path())),
               ProviderError);
}
