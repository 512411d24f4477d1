#include "provider_test_util.h"

#include "providers/async_runner.h"
#include "providers/backend_factory.h"

#include <gtest/gtest.h>
#include <QTemporaryDir>

using namespace sw::providers;

namespace {
std::shared_ptr<const ModelRegistry> registry() {
  return std::make_shared<const ModelRegistry>(sw::providers::test::builtinRegistry());
}
}  // namespace

TEST(ProvidersFactory, LocalBackendServesEveryCapabilityByDefault) {
  const BackendFactory factory = makeBackendFactory(registry());
  for (Capability c : {Capability::Script, Capability::Image, Capability::Video, Capability::Speech,
                       Capability::Music, Capability::SoundEffect})
    EXPECT_TRUE(factory.has(c, "local")) << toString(c).toStdString();
  const Backends b = factory.create(BackendSettings{});
  ASSERT_TRUE(b.script && b.image && b.video && b.speech && b.music && b.soundEffect);
  EXPECT_FALSE(b.lipSync);
  EXPECT_EQ(b.video->backendId(), QStringLiteral("local"));
  EXPECT_EQ(b.defaultModel, QStringLiteral("hailuo"));
  EXPECT_EQ(b.videoFor(b.models->model("local")), b.localVideo);
}

TEST(ProvidersFactory, SettingsRoundTripAndUnknownBackendIsNamed) {
  BackendSettings s = BackendSettings::fromJson(
      QJsonObject{{"backends", QJsonObject{{"video", "nowhere"}}}, {"defaultModel", "wan"}});
  EXPECT_EQ(s.video, QStringLiteral("nowhere"));
  EXPECT_EQ(s.speech, QStringLiteral("local"));
  EXPECT_EQ(BackendSettings::fromJson(s.toJson()).defaultModel, QStringLiteral("wan"));
  const BackendFactory factory = makeBackendFactory(registry());
  try {
    factory.create(s);
    FAIL() << "unknown backend accepted";
  } catch (const ProviderError& e) {
    EXPECT_NE(std::string(e.what()).find("nowhere"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("local"), std::string::npos);
  }
  s.video = "local";
  EXPECT_EQ(factory.create(s).defaultModel, QStringLiteral("wan"));
}

TEST(ProvidersFactory, RegistrationIsAPlainCallAndReplaces) {
  BackendFactory factory(BackendEnvironment{registry(), {}});
  EXPECT_TRUE(factory.ids(Capability::Video).isEmpty());
  int made = 0;
  factory.addSpeech("fake", [&](const BackendEnvironment&) {
    ++made;
    return std::shared_ptr<SpeechGenerator>();
  });
  EXPECT_EQ(factory.ids(Capability::Speech), QStringList{"fake"});
  factory.speech("fake");
  EXPECT_EQ(made, 1);
}

TEST(ProvidersAsync, FutureCarriesResultAndProviderError) {
  QTemporaryDir dir;
  const Backends b = makeBackendFactory(registry()).create(BackendSettings{});
  AsyncRunner runner(2);
  MusicRequest music;
  music.duration = 0.5;
  QFuture<GenerationResult> ok =
      runner.generate(b.music, music, sw::providers::test::contextFor(dir.path()));
  EXPECT_NEAR(ok.result().duration, 0.5, 1e-6);

  VideoRequest bad;  // no model: refused before any work
  QFuture<GenerationResult> failed =
      runner.generate(b.video, bad, sw::providers::test::contextFor(dir.path()));
  try {
    failed.waitForFinished();
    FAIL() << "error not propagated";
  } catch (const ProviderError& e) {
    EXPECT_EQ(e.kind(), ProviderError::Kind::Invalid);
  }

  GenerationContext cancelled = sw::providers::test::contextFor(dir.path());
  cancelled.cancel();
  QFuture<ParsedScript> parse =
      runner.parse(b.script, ScriptRequest{"INT. A - DAY", "fountain"}, cancelled);
  try {
    parse.waitForFinished();
    FAIL() << "cancel ignored";
  } catch (const ProviderError& e) {
    EXPECT_EQ(e.kind(), ProviderError::Kind::Cancelled);
  }
}
