#include "provider_test_util.h"

#include "providers/backend_factory.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <optional>

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

namespace {

// What the render job does with a generate() call on its pool: the result, or the error's kind,
// travels back in the future's value (an exception must not cross the QtConcurrent boundary).
template <class T>
struct Outcome {
  std::optional<T> value;
  std::optional<ProviderError::Kind> error;
};

template <class F>
auto onWorker(QThreadPool& pool, F call) {
  using T = decltype(call());
  return QtConcurrent::run(&pool, [call] {
    Outcome<T> o;
    try {
      o.value = call();
    } catch (const ProviderError& e) {
      o.error = e.kind();
    }
    return o;
  });
}

}  // namespace

// Backends run on worker threads, several at once: a result, a refusal and a cancellation each
// come back with the right value or kind.
TEST(ProvidersAsync, WorkerThreadsGetResultsAndProviderErrors) {
  QTemporaryDir dir;
  const Backends b = makeBackendFactory(registry()).create(BackendSettings{});
  QThreadPool pool;
  pool.setMaxThreadCount(2);
  MusicRequest music;
  music.duration = 0.5;
  const GenerationContext ctx = sw::providers::test::contextFor(dir.path());
  auto ok = onWorker(pool, [&] { return b.music->generate(music, ctx); });
  VideoRequest bad;  // no model: refused before any work
  auto failed = onWorker(pool, [&] { return b.video->generate(bad, ctx); });
  GenerationContext cancelled = sw::providers::test::contextFor(dir.path());
  cancelled.cancel();
  auto parse = onWorker(pool, [&] {
    return b.script->parse(ScriptRequest{"INT. A - DAY", "fountain"}, cancelled);
  });

  ASSERT_TRUE(ok.result().value.has_value());
  EXPECT_NEAR(ok.result().value->duration, 0.5, 1e-6);
  EXPECT_EQ(failed.result().error, ProviderError::Kind::Invalid);
  EXPECT_EQ(parse.result().error, ProviderError::Kind::Cancelled);
}
