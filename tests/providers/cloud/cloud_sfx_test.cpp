// ElevenLabs sound effects end to end against the loopback fake: the request the service
// documents, its own error text, busy and refused connections, the cache (one request, one
// charge) and the key in no file written.
#include "cloud_fixture.h"

#include "providers/asset_cache.h"
#include "providers/backend_factory.h"
#include "providers/cloud/sfx_backends.h"
#include "render/cached_generation.h"

#include <QDirIterator>
#include <QFile>
#include <QTcpServer>
#include <QUrlQuery>

namespace sw::cloudtest {

using namespace sw::providers;
using namespace sw::providers::cloud;
using sw::fakecloud::Scenario;
using K = ProviderError::Kind;

namespace {

SoundEffectRequest thunder(double duration = 2.5) {
  SoundEffectRequest r;
  r.description = QStringLiteral("distant thunder over the sea");
  r.duration = duration;
  r.seed = 4;
  return r;
}

}  // namespace

class CloudSfxTest : public CloudTest {
 protected:
  ElevenLabsSoundEffects backend(QJsonObject extra = {}) const {
    extra["outputFormat"] = "wav_44100";
    CloudSetup s = setup(Service::ElevenLabs, extra);
    s.prices = registry->prices();
    return ElevenLabsSoundEffects(std::move(s));
  }
};

TEST_F(CloudSfxTest, CreatesTheEffectFromTheDescription) {
  ElevenLabsSoundEffects sfx = backend({{"promptInfluence", 0.6}});
  const GenerationResult r = sfx.generate(thunder(), context());
  EXPECT_TRUE(QFile::exists(r.filePath));
  EXPECT_TRUE(r.filePath.startsWith(out.path()));
  EXPECT_EQ(r.mime, "audio/wav");
  EXPECT_NEAR(r.duration, 1.0, 0.1);  // the fake's WAV fixture
  EXPECT_EQ(r.provider, "elevenlabs");
  EXPECT_EQ(r.model, "eleven_text_to_sound_v2");
  EXPECT_DOUBLE_EQ(r.costUsd, 0.12);  // the registry's sfx price for elevenlabs
  EXPECT_DOUBLE_EQ(sfx.estimateCostUsd(thunder()), 0.12);
  const auto reqs = server->requests("POST", "/v1/sound-generation");
  ASSERT_EQ(reqs.size(), 1);
  EXPECT_EQ(QUrlQuery(reqs[0].query).queryItemValue("output_format"), "wav_44100");
  const QJsonObject body = reqs[0].json();
  EXPECT_EQ(body.value("text").toString(), "distant thunder over the sea");
  EXPECT_DOUBLE_EQ(body.value("duration_seconds").toDouble(), 2.5);
  EXPECT_DOUBLE_EQ(body.value("prompt_influence").toDouble(), 0.6);
  EXPECT_EQ(body.value("model_id").toString(), "eleven_text_to_sound_v2");
  EXPECT_EQ(outputFiles(), 1);
  EXPECT_TRUE(makeBackendFactory(registry).has(Capability::SoundEffect, "elevenlabs"));

  // The natural length: no duration sent (the service picks it); a too long one is clamped
  sfx.generate(thunder(0.0), context());
  sfx.generate(thunder(90.0), context());
  const auto more = server->requests("POST", "/v1/sound-generation");
  ASSERT_EQ(more.size(), 3);
  EXPECT_FALSE(more[1].json().contains("duration_seconds"));
  EXPECT_DOUBLE_EQ(more[2].json().value("duration_seconds").toDouble(), 30.0);
}

TEST_F(CloudSfxTest, TheServicesOwnErrorTextReachesTheUser) {
  Scenario s;
  s.elevenlabs.quotaExceeded = true;
  server->setScenario(s);
  ElevenLabsSoundEffects sfx = backend();
  const ProviderError e = expectProviderError([&] { sfx.generate(thunder(), context()); });
  EXPECT_TRUE(e.message().contains("This request exceeds your quota")) << e.message().toStdString();
  EXPECT_EQ(server->count("POST", "/v1/sound-generation"), 1) << "a quota error is not retried";
  EXPECT_EQ(outputFiles(), 0);

  s.elevenlabs.quotaExceeded = false;
  s.elevenlabs.unprocessable = true;
  server->setScenario(s);
  const ProviderError invalid = expectProviderError([&] { sfx.generate(thunder(), context()); });
  EXPECT_TRUE(invalid.message().contains("could not be turned into a sound"))
      << invalid.message().toStdString();

  const ProviderError empty = expectProviderError([&] {
    SoundEffectRequest r;
    r.description = "  ";
    sfx.generate(r, context());
  });
  EXPECT_EQ(empty.kind(), K::Invalid);
}

TEST_F(CloudSfxTest, BusyIsRetriedAndThenSaidClearly) {
  Scenario s;
  s.elevenlabs.busy429 = 2;
  server->setScenario(s);
  EXPECT_NO_THROW(backend().generate(thunder(), context()));
  EXPECT_EQ(server->count("POST", "/v1/sound-generation"), 3);

  s.elevenlabs.busy429 = 100;
  server->setScenario(s);
  const ProviderError e = expectProviderError([&] {
    backend({{"maxAttempts", 2}}).generate(thunder(), context());
  });
  EXPECT_EQ(e.kind(), K::RateLimited) << e.message().toStdString();
  EXPECT_TRUE(e.message().contains("ElevenLabs")) << e.message().toStdString();
  EXPECT_TRUE(e.message().contains("heavy traffic")) << e.message().toStdString();
}

TEST_F(CloudSfxTest, ARefusedConnectionNamesTheService) {
  QTcpServer probe;  // a free port, closed again so nothing listens there
  ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
  const quint16 port = probe.serverPort();
  probe.close();
  const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
  const ProviderError e = expectProviderError([&] {
    backend({{"baseUrl", base}, {"maxAttempts", 2}}).generate(thunder(), context());
  });
  EXPECT_TRUE(e.message().contains("Connection refused")) << e.message().toStdString();
  EXPECT_TRUE(e.message().contains("ElevenLabs at")) << e.message().toStdString();
  EXPECT_TRUE(e.message().contains(QStringLiteral("127.0.0.1:%1").arg(port)))
      << e.message().toStdString();
}

TEST_F(CloudSfxTest, ASecondRunIsACacheHitWithNoRequestNorChargeAndNoKeyInAnyFile) {
  QTemporaryDir cacheDir;
  AssetCache cache(cacheDir.path());
  ElevenLabsSoundEffects sfx = backend();
  double charged = 0;
  int settled = 0;
  render::SpendGuard guard{{}, [&](double, double actual) {
                             charged += actual;
                             ++settled;
                           }};
  const render::CachedResult first =
      render::generateCached(cache, sfx, thunder(), context(), guard, "the thunder");
  EXPECT_FALSE(first.fromCache);
  EXPECT_DOUBLE_EQ(first.spentUsd, 0.12);
  const render::CachedResult second =
      render::generateCached(cache, sfx, thunder(), context(), guard, "the thunder");
  EXPECT_TRUE(second.fromCache);
  EXPECT_EQ(second.path, first.path);
  EXPECT_DOUBLE_EQ(second.spentUsd, 0.0);
  EXPECT_EQ(server->count("POST", "/v1/sound-generation"), 1);
  EXPECT_EQ(settled, 1);
  EXPECT_DOUBLE_EQ(charged, 0.12);
  // Another description is another entry
  SoundEffectRequest door = thunder();
  door.description = "a heavy door slams";
  EXPECT_FALSE(render::generateCached(cache, sfx, door, context(), guard, "the door").fromCache);

  const QByteArray key = sw::fakecloud::FakeTokens().elevenlabs;
  int files = 0;
  for (const QString& root : {cacheDir.path(), out.path()}) {
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
      QFile f(it.next());
      ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << f.fileName().toStdString();
      EXPECT_FALSE(f.readAll().contains(key)) << f.fileName().toStdString();
      ++files;
    }
  }
  EXPECT_GE(files, 4);  // two entries and their sidecars
}

}  // namespace sw::cloudtest
