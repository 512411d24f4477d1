// Replicate failure paths: throttling, 5xx, no double create, failed/aborted predictions,
// timeouts, truncated downloads, cancel, expiry, auth and validation errors.
#include "cloud_fixture.h"
#include "support/wait.h"

#include "providers/cloud/replicate_backends.h"

#include <QDir>
#include <QElapsedTimer>
#include <QThread>
#include <thread>

namespace sw::cloudtest {

using namespace sw::providers;
using namespace sw::providers::cloud;
using sw::fakecloud::Scenario;
using K = ProviderError::Kind;

namespace {

MusicRequest musicRequest() {
  MusicRequest r;
  r.prompt = "low drones";
  r.duration = 3;
  return r;
}

// Virtual ms between the first two logged requests matching method + path prefix.
qint64 gapMs(const sw::fakecloud::FakeCloudServer& s, const QByteArray& method,
             const QString& prefix) {
  const auto reqs = s.requests(method, prefix);
  return reqs.size() >= 2 ? reqs[1].atMs - reqs[0].atMs : -1;
}

}  // namespace

TEST_F(CloudTest, ThrottledCreateWaitsForRetryAfterAndCreatesOnce) {
  for (bool header : {true, false}) {
    SCOPED_TRACE(header ? "with Retry-After" : "retry_after in the body only");
    server = std::make_unique<sw::fakecloud::FakeCloudServer>(kScale);
    server->setFixture("wav", fixtures().wavBytes);
    Scenario s;
    s.replicate.create429 = 1;
    s.replicate.retryAfterSeconds = 3;
    s.replicate.retryAfterHeader = header;
    server->setScenario(s);
    ReplicateMusic music(setup(Service::Replicate));
    music.generate(musicRequest(), context());
    EXPECT_EQ(server->count("POST", "/v1/predictions"), 2);
    EXPECT_EQ(server->predictionCount(), 1);
    EXPECT_GE(gapMs(*server, "POST", "/v1/predictions"), 3000);  // waited at least the hint
  }
}

TEST_F(CloudTest, ServerErrorsOnPollAreRetried) {
  Scenario s;
  s.replicate.get5xx = 3;  // 502 HTML page, 503 empty, 500 problem+json
  server->setScenario(s);
  ReplicateMusic music(setup(Service::Replicate));
  EXPECT_NO_THROW(music.generate(musicRequest(), context()));
  EXPECT_EQ(server->predictionCount(), 1);
  EXPECT_EQ(server->count("GET", "/v1/predictions/"), 3 + 1 + 2 + 1);
}

TEST_F(CloudTest, ServerErrorOnCreateIsNeverResubmittedBeforeTheListIsChecked) {
  Scenario s;
  s.replicate.create5xx = sw::fakecloud::ReplicateScenario::Create5xx::BeforeCreating;
  server->setScenario(s);
  ReplicateMusic music(setup(Service::Replicate, {{"maxAttempts", 3}}));
  const ProviderError e = expectProviderError([&] { music.generate(musicRequest(), context()); });
  EXPECT_EQ(e.kind(), K::Failed);
  EXPECT_TRUE(e.message().contains("No matching prediction")) << e.message().toStdString();
  EXPECT_TRUE(e.message().contains("502")) << e.message().toStdString();
  // Every create but the first came after a list that showed no prediction (bounded attempts).
  const auto log = server->requests();
  int creates = 0;
  bool listedSinceLastCreate = true;
  for (const auto& r : log) {
    if (r.method == "POST" && r.path == "/v1/predictions") {
      EXPECT_TRUE(listedSinceLastCreate) << "create " << creates << " sent without a lookup";
      ++creates;
      listedSinceLastCreate = false;
    } else if (r.method == "GET" && r.path == "/v1/predictions") {
      listedSinceLastCreate = true;
    }
  }
  EXPECT_EQ(creates, 3);
  EXPECT_EQ(server->predictionCount(), 0);
}

TEST_F(CloudTest, ServerErrorAfterCreatingIsReconciledByInput) {
  Scenario s;
  s.replicate.create5xx = sw::fakecloud::ReplicateScenario::Create5xx::AfterCreating;
  server->setScenario(s);
  ReplicateMusic music(setup(Service::Replicate));
  const GenerationResult r = music.generate(musicRequest(), context());
  EXPECT_EQ(server->count("POST", "/v1/predictions"), 1);
  EXPECT_EQ(server->predictionCount(), 1);
  EXPECT_EQ(r.remoteId, server->predictionIds().first());
  const auto list = server->requests("GET", "/v1/predictions");
  ASSERT_FALSE(list.isEmpty());
  EXPECT_TRUE(list.first().query.contains("created_after="));
}

TEST_F(CloudTest, FailedPredictionSurfacesServiceText) {
  Scenario s;
  s.replicate.outcome = sw::fakecloud::Outcome::Failed;
  server->setScenario(s);
  ReplicateMusic music(setup(Service::Replicate));
  const ProviderError e = expectProviderError([&] { music.generate(musicRequest(), context()); });
  EXPECT_EQ(e.kind(), K::Failed);
  EXPECT_TRUE(e.message().contains("CUDA out of memory. Tried to allocate 2.00 GiB"))
      << e.message().toStdString();
  EXPECT_EQ(server->count("GET", "/delivery/"), 0);
  EXPECT_EQ(outputFiles(), 0);
}

TEST_F(CloudTest, AbortedPredictionIsReported) {
  Scenario s;
  s.replicate.outcome = sw::fakecloud::Outcome::Aborted;
  server->setScenario(s);
  ReplicateMusic music(setup(Service::Replicate));
  const ProviderError e = expectProviderError([&] { music.generate(musicRequest(), context()); });
  EXPECT_TRUE(e.message().contains("aborted")) << e.message().toStdString();
}

TEST_F(CloudTest, HangingServerEndsInTimeoutError) {
  Scenario s;
  s.replicate.hangGets = 100;
  server->setScenario(s);
  ReplicateMusic music(setup(Service::Replicate, {{"maxAttempts", 2}}));
  const ProviderError e = expectProviderError([&] { music.generate(musicRequest(), context()); });
  EXPECT_EQ(e.kind(), K::Timeout) << e.message().toStdString();
  EXPECT_TRUE(e.retryable());
  EXPECT_EQ(server->count("GET", "/v1/predictions/"), 2);
  ASSERT_EQ(server->predictionCount(), 1);
  EXPECT_EQ(server->count("POST", "/v1/predictions/" + server->predictionIds().first() + "/cancel"),
            1)
      << "the prediction was left running";
}

TEST_F(CloudTest, TruncatedDownloadIsRejectedAndLeavesNoFile) {
  Scenario s;
  s.replicate.truncatedDownloads = 100;
  server->setScenario(s);
  ReplicateMusic music(setup(Service::Replicate, {{"maxAttempts", 3}}));
  const ProviderError e = expectProviderError([&] { music.generate(musicRequest(), context()); });
  EXPECT_EQ(e.kind(), K::BadOutput) << e.message().toStdString();
  EXPECT_EQ(server->count("GET", "/delivery/"), 3);
  EXPECT_EQ(outputFiles(), 0);
}

TEST_F(CloudTest, StalledThenTruncatedDownloadRecoversOnRetry) {
  Scenario s;
  s.replicate.truncatedDownloads = 1;
  s.replicate.stalledDownloads = 1;
  server->setScenario(s);
  ReplicateMusic music(setup(Service::Replicate));
  const GenerationResult r = music.generate(musicRequest(), context());
  EXPECT_EQ(QFileInfo(r.filePath).size(), fixtures().wavBytes.size());
  EXPECT_EQ(server->count("GET", "/delivery/"), 3);
  EXPECT_EQ(outputFiles(), 1);
}

TEST_F(CloudTest, CancelStopsPollingAndCancelsRemotePrediction) {
  Scenario s;
  s.replicate.processingPolls = 100000;
  server->setScenario(s);
  ReplicateMusic music(setup(Service::Replicate));
  GenerationContext ctx = context();
  std::optional<ProviderError> error;
  std::thread worker([&] {
    try {
      music.generate(musicRequest(), ctx);
    } catch (const ProviderError& e) {
      error = e;
    }
  });
  EXPECT_TRUE(
      sw::testsupport::waitUntil([&] { return server->count("GET", "/v1/predictions/") >= 3; }));
  ctx.cancel();
  worker.join();
  ASSERT_TRUE(error.has_value());
  EXPECT_EQ(error->kind(), K::Cancelled);
  ASSERT_EQ(server->count("POST", "/v1/predictions/"), 1);  // the cancel
  EXPECT_TRUE(server->requests("POST", "/v1/predictions/")[0].path.endsWith("/cancel"));
  EXPECT_EQ(server->prediction(server->predictionIds().first()).value("status").toString(),
            "canceled");
  const int polls = server->count("GET", "/v1/predictions/");
  QThread::msleep(100);
  EXPECT_EQ(server->count("GET", "/v1/predictions/"), polls);  // nothing more after cancel
  EXPECT_EQ(server->count("GET", "/delivery/"), 0);
}

TEST_F(CloudTest, ExpiredOutputIsReportedAsExpired) {
  ReplicateMusic music(setup(Service::Replicate));
  QString id;
  GenerationContext first = context();
  first.remoteId = [&](const QString& remote) { id = remote; };
  music.generate(musicRequest(), first);
  server->expireAll();
  GenerationContext resume = context();
  resume.resumeRemoteId = id;
  const ProviderError e = expectProviderError([&] { music.generate(musicRequest(), resume); });
  EXPECT_EQ(e.kind(), K::BadOutput);
  EXPECT_TRUE(e.message().contains("expired")) << e.message().toStdString();
}

TEST_F(CloudTest, UnknownResumeIdIsInvalid) {
  ReplicateMusic music(setup(Service::Replicate));
  GenerationContext ctx = context();
  ctx.resumeRemoteId = "doesnotexist00000000000000";
  const ProviderError e = expectProviderError([&] { music.generate(musicRequest(), ctx); });
  EXPECT_EQ(e.kind(), K::Invalid);
  EXPECT_EQ(server->count("GET", "/v1/predictions/"), 1);  // 404 is not retried
  EXPECT_EQ(server->count("POST", ""), 0);
}

TEST_F(CloudTest, WrongTokenIsAPermanentAuthError) {
  QJsonObject o = options();
  qputenv("REPLICATE_API_TOKEN", "r8_wrong");
  ReplicateMusic wrong(makeCloudSetup(Service::Replicate, o));
  qputenv("REPLICATE_API_TOKEN", sw::fakecloud::FakeTokens{}.replicate);
  const ProviderError e = expectProviderError([&] { wrong.generate(musicRequest(), context()); });
  EXPECT_EQ(e.kind(), K::Auth);
  EXPECT_FALSE(e.retryable());
  EXPECT_TRUE(e.message().contains("You did not pass a valid authentication token"))
      << e.message().toStdString();
  EXPECT_FALSE(e.message().contains("r8_wrong"));
  EXPECT_EQ(server->count("POST", ""), 1);
}

TEST_F(CloudTest, InvalidInputIsRefusedWithServiceDetail) {
  ModelEntry m = model("hailuo");
  m.fixedInputs["colour_grading"] = "teal";  // the fake's schema does not know it
  VideoRequest r;
  r.prompt = "x";
  r.model = m;
  ReplicateVideo video(setup(Service::Replicate));
  const ProviderError e = expectProviderError([&] { video.generate(r, context()); });
  EXPECT_EQ(e.kind(), K::Invalid);
  EXPECT_TRUE(e.message().contains("Additional property colour_grading is not allowed"))
      << e.message().toStdString();
  EXPECT_EQ(server->count("POST", ""), 1);
}

}  // namespace sw::cloudtest
