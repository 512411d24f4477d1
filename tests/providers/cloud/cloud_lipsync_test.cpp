// Lip sync end to end against the loopback fake: the Sync API (create -> poll -> output, its own
// error text, 429 and a refused connection, cancel, the cache, the key in no file) and a Replicate
// lip-sync model whose registry entry names its own input fields.
#include "cloud_fixture.h"

#include "media/probe.h"
#include "providers/asset_cache.h"
#include "providers/backend_factory.h"
#include "providers/cloud/replicate_lipsync.h"
#include "providers/cloud/sync_lipsync.h"
#include "render/cached_generation.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QTcpServer>
#include <thread>

namespace sw::cloudtest {

using namespace sw::providers;
using namespace sw::providers::cloud;
using sw::fakecloud::Scenario;
using sw::fakecloud::SyncScenario;
using K = ProviderError::Kind;

namespace {

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

LipSyncRequest fixtureRequest(const QString& model = {}) {
  LipSyncRequest r;
  r.video = fixtures().mp4;
  r.audio = fixtures().wav;
  r.model = model;
  return r;
}

}  // namespace

class CloudLipSyncTest : public CloudTest {
 protected:
  SyncLipSync sync(QJsonObject extra = {}) const {
    return SyncLipSync(setup(Service::Sync, extra), registry->lipSync());
  }
};

TEST_F(CloudLipSyncTest, SyncApiCreatesPollsAndDeliversTheSyncedVideo) {
  SyncLipSync backend = sync();
  QStringList ids;
  GenerationContext ctx = context();
  ctx.remoteId = [&](const QString& id) { ids << id; };
  const GenerationResult r = backend.generate(fixtureRequest(), ctx);
  ASSERT_EQ(ids.size(), 1);
  EXPECT_EQ(r.remoteId, ids.first());
  EXPECT_EQ(r.provider, "sync");
  EXPECT_EQ(r.model, "lipsync-2");  // the registry's default for the Sync API
  EXPECT_TRUE(r.filePath.startsWith(out.path()));
  const media::ProbeResult in = media::probe(fixtures().mp4);
  const media::ProbeResult got = media::probe(r.filePath);
  ASSERT_TRUE(got.video());
  EXPECT_EQ(got.video()->width, in.video()->width);
  EXPECT_NEAR(got.duration, in.duration, 0.05);
  // $0.05 per second of the video sent (the registry's price), the estimate says the same
  EXPECT_NEAR(r.costUsd, 0.05 * in.duration, 1e-3);
  EXPECT_NEAR(backend.estimateCostUsd(fixtureRequest()), r.costUsd, 1e-9);

  const auto creates = server->requests("POST", "/v2/generate");
  ASSERT_EQ(creates.size(), 1);
  EXPECT_EQ(creates[0].header("x-api-key"), server->tokens().sync);
  EXPECT_TRUE(creates[0].header("Content-Type").startsWith("multipart/form-data; boundary="));
  EXPECT_GE(server->count("GET", "/v2/generate/" + ids.first()), 3);  // pending, processing, done
  const QList<sw::fakecloud::SyncReceived> received = server->syncReceived();
  ASSERT_EQ(received.size(), 1);
  EXPECT_EQ(received[0].model, "lipsync-2");
  EXPECT_EQ(received[0].video, fixtures().mp4Bytes);
  EXPECT_EQ(received[0].audio, fixtures().wavBytes);
  EXPECT_EQ(received[0].options.value("sync_mode").toString(), "cut_off");
  EXPECT_EQ(outputFiles(), 1);
  EXPECT_TRUE(makeBackendFactory(registry).has(Capability::LipSync, "sync"));
  EXPECT_TRUE(makeBackendFactory(registry).has(Capability::LipSync, "replicate"));

  // Another registry model is sent by its own name
  backend.generate(fixtureRequest("lipsync-2-pro"), context());
  EXPECT_EQ(server->syncReceived().last().model, "lipsync-2-pro");
  const ProviderError unknown =
      expectProviderError([&] { backend.generate(fixtureRequest("sync-lipsync-2"), context()); });
  EXPECT_EQ(unknown.kind(), K::Invalid);
  EXPECT_TRUE(unknown.message().contains("lipsync-2-pro")) << unknown.message().toStdString();
}

TEST_F(CloudLipSyncTest, AFailedGenerationCarriesTheServicesOwnText) {
  Scenario s;
  s.sync.end = SyncScenario::End::Failed;
  server->setScenario(s);
  const ProviderError e =
      expectProviderError([&] { sync().generate(fixtureRequest(), context()); });
  EXPECT_EQ(e.kind(), K::Failed);
  EXPECT_TRUE(e.message().contains("No face was detected in the input video."))
      << e.message().toStdString();
  EXPECT_TRUE(e.message().contains("generation_face_not_detected")) << e.message().toStdString();
  EXPECT_EQ(outputFiles(), 0);

  s.sync.end = SyncScenario::End::Rejected;
  s.sync.failureText = "Input video exceeds the plan's length limit";
  server->setScenario(s);
  const ProviderError rejected =
      expectProviderError([&] { sync().generate(fixtureRequest(), context()); });
  EXPECT_TRUE(rejected.message().contains("rejected")) << rejected.message().toStdString();
  EXPECT_TRUE(rejected.message().contains("length limit")) << rejected.message().toStdString();

  LipSyncRequest missing = fixtureRequest();
  missing.audio = out.filePath("nope.wav");
  const ProviderError invalid = expectProviderError([&] { sync().generate(missing, context()); });
  EXPECT_EQ(invalid.kind(), K::Invalid);
  EXPECT_TRUE(invalid.message().contains("nope.wav")) << invalid.message().toStdString();
}

TEST_F(CloudLipSyncTest, RateLimitsAreRetriedThenSaidAndARefusedConnectionNamesTheService) {
  Scenario s;
  s.sync.create429 = 2;
  server->setScenario(s);
  EXPECT_NO_THROW(sync().generate(fixtureRequest(), context()));
  EXPECT_EQ(server->count("POST", "/v2/generate"), 3);
  EXPECT_EQ(server->syncReceived().size(), 1) << "one generation, no double charge";

  s.sync.create429 = 100;
  server->setScenario(s);
  const ProviderError limited = expectProviderError([&] {
    sync({{"maxAttempts", 2}}).generate(fixtureRequest(), context());
  });
  EXPECT_EQ(limited.kind(), K::RateLimited) << limited.message().toStdString();
  EXPECT_TRUE(limited.message().contains("Too many requests")) << limited.message().toStdString();

  QTcpServer probe;  // a free port, closed again so nothing listens there
  ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
  const quint16 port = probe.serverPort();
  probe.close();
  const ProviderError refused = expectProviderError([&] {
    sync({{"baseUrl", QStringLiteral("http://127.0.0.1:%1").arg(port)}, {"maxAttempts", 2}})
        .generate(fixtureRequest(), context());
  });
  EXPECT_EQ(refused.kind(), K::Network);
  EXPECT_TRUE(refused.message().contains("Sync API at")) << refused.message().toStdString();
  EXPECT_TRUE(refused.message().contains(QStringLiteral("127.0.0.1:%1").arg(port)))
      << refused.message().toStdString();

  // No key: said before anything is sent
  qunsetenv("SYNC_API_KEY");
  const ProviderError noKey =
      expectProviderError([&] { sync().generate(fixtureRequest(), context()); });
  qputenv("SYNC_API_KEY", server->tokens().sync);
  EXPECT_EQ(noKey.kind(), K::Auth);
  EXPECT_TRUE(noKey.message().contains("SYNC_API_KEY")) << noKey.message().toStdString();
}

TEST_F(CloudLipSyncTest, CancelStopsWaitingAndSaysTheServiceMayFinish) {
  Scenario s;
  s.sync.pendingPolls = 1000;  // never finishes on its own
  server->setScenario(s);
  SyncLipSync backend = sync();
  GenerationContext ctx = context();
  ctx.remoteId = [ctx](const QString&) {
    std::thread([ctx] {
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
      ctx.cancel();
    }).detach();
  };
  const ProviderError e = expectProviderError([&] { backend.generate(fixtureRequest(), ctx); });
  EXPECT_EQ(e.kind(), K::Cancelled);
  EXPECT_TRUE(e.message().contains("no cancel request")) << e.message().toStdString();
  EXPECT_EQ(outputFiles(), 0);
  EXPECT_LT(server->count("GET", "/v2/generate/"), 100);
}

TEST_F(CloudLipSyncTest, ASecondRunIsACacheHitWithNoRequestAndNoKeyInAnyFile) {
  QTemporaryDir cacheDir;
  AssetCache cache(cacheDir.path());
  SyncLipSync backend = sync();
  render::SpendGuard guard;
  const render::CachedResult first =
      render::generateCached(cache, backend, fixtureRequest(), context(), guard, "the lip sync");
  EXPECT_FALSE(first.fromCache);
  const render::CachedResult second =
      render::generateCached(cache, backend, fixtureRequest(), context(), guard, "the lip sync");
  EXPECT_TRUE(second.fromCache);
  EXPECT_EQ(second.path, first.path);
  EXPECT_EQ(server->count("POST", "/v2/generate"), 1);
  // Other audio is another entry (the file's hash is in the key)
  QTemporaryDir other;
  const QString wav = other.filePath("other.wav");
  QByteArray bytes = fixtures().wavBytes;
  bytes[bytes.size() - 1] = char(bytes[bytes.size() - 1] ^ 0x11);
  QFile f(wav);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(bytes);
  f.close();
  LipSyncRequest changed = fixtureRequest();
  changed.audio = wav;
  EXPECT_FALSE(
      render::generateCached(cache, backend, changed, context(), guard, "the lip sync").fromCache);
  EXPECT_EQ(server->count("POST", "/v2/generate"), 2);

  const QByteArray key = server->tokens().sync;
  int files = 0;
  for (const QString& root : {cacheDir.path(), out.path()}) {
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
      const QString path = it.next();
      EXPECT_FALSE(readAll(path).contains(key)) << path.toStdString();
      ++files;
    }
  }
  EXPECT_GE(files, 4);  // two entries and their sidecars
}

TEST_F(CloudLipSyncTest, AReplicateModelGetsTheFieldNamesItsEntryGives) {
  server->addModel({"acme/face-sync",
                    "",
                    true,
                    "video",
                    {{"input_source", {}}, {"audio", {}}, {"guidance", {}}}});
  const QJsonObject doc = QJsonDocument::fromJson(R"({"lipsync": {"models": {
      "face-sync": {"backend": "replicate", "model_id": "acme/face-sync",
                    "params": {"video": "input_source", "audio": "audio"},
                    "fixed_inputs": {"guidance": 1.5}, "usd_per_call": 0.2}}}})")
                              .object();
  const LipSyncModels models = LipSyncModels::fromJson(doc.value("lipsync").toObject(), "test");
  ReplicateLipSync backend(setup(Service::Replicate), models);
  const GenerationResult r = backend.generate(fixtureRequest("face-sync"), context());
  EXPECT_EQ(r.provider, "replicate");
  EXPECT_EQ(r.model, "face-sync");
  EXPECT_DOUBLE_EQ(r.costUsd, 0.2);
  ASSERT_EQ(server->predictionCount(), 1);
  const QJsonObject input = server->prediction(server->predictionIds().first())["input"].toObject();
  EXPECT_TRUE(input["input_source"].toString().startsWith("data:video/mp4;base64,"))
      << input["input_source"].toString().left(40).toStdString();
  EXPECT_TRUE(input["audio"].toString().startsWith("data:audio/"))
      << input["audio"].toString().left(40).toStdString();
  EXPECT_FALSE(input.contains("video"));
  EXPECT_DOUBLE_EQ(input["guidance"].toDouble(), 1.5);
  EXPECT_EQ(server->requests("POST", "/v1/models/acme/face-sync/predictions").size(), 1);

  // The built-in sync/lipsync-2 entry sends `video` + `audio`
  const LipSyncModel& builtin = registry->lipSync().resolve("replicate", {});
  const QJsonObject in2 =
      lipSyncInput(builtin, "v.mp4", "a.wav", [](const QString& p) { return p; });
  EXPECT_EQ(in2["video"].toString(), "v.mp4");
  EXPECT_EQ(in2["audio"].toString(), "a.wav");
  EXPECT_EQ(in2["sync_mode"].toString(), "cut_off");
}

}  // namespace sw::cloudtest
