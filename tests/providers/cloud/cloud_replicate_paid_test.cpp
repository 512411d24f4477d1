// Never pay twice for one result (issue 9, item 6) and the cloud edge cases of item 7: downloads
// are verified as the kind they claim, a paid result whose download fails names its prediction
// (a resume downloads it), an unconfirmed create is looked up before a new one, a 5xx create is
// reconciled and retried, absurd Retry-After hints are capped, stalled polling is bounded.
#include "cloud_fixture.h"

#include "providers/cloud/replicate_backends.h"

#include <QDir>
#include <QFileInfo>

namespace sw::cloudtest {

using namespace sw::providers;
using namespace sw::providers::cloud;
using sw::fakecloud::Scenario;
using K = ProviderError::Kind;

namespace {

ImageRequest imageRequest() {
  ImageRequest r;
  r.prompt = "lighthouse at dusk";
  return r;
}

MusicRequest musicRequest() {
  MusicRequest r;
  r.prompt = "low drones";
  r.duration = 3;
  return r;
}

}  // namespace

TEST_F(CloudTest, GarbageImageDownloadIsRejectedAndLeavesNoFile) {
  Scenario s;
  s.replicate.jobDurationMs = 2000;
  s.replicate.garbageDownloads = 100;  // random bytes served as image/png
  server->setScenario(s);
  ReplicateImage image(setup(Service::Replicate, {{"maxAttempts", 2}}));
  const ProviderError e = expectProviderError([&] { image.generate(imageRequest(), context()); });
  EXPECT_EQ(e.kind(), K::BadOutput) << e.message().toStdString();
  EXPECT_TRUE(e.message().contains("not a readable image")) << e.message().toStdString();
  EXPECT_EQ(server->count("GET", "/delivery/"), 2);  // verified and retried, bounded
  EXPECT_EQ(outputFiles(), 0);
}

TEST_F(CloudTest, GarbageImageDownloadRecoversOnRetry) {
  Scenario s;
  s.replicate.jobDurationMs = 2000;
  s.replicate.garbageDownloads = 1;
  server->setScenario(s);
  ReplicateImage image(setup(Service::Replicate));
  const GenerationResult r = image.generate(imageRequest(), context());
  EXPECT_EQ(r.width, 320);
  EXPECT_EQ(server->count("GET", "/delivery/"), 2);
  EXPECT_EQ(server->predictionCount(), 1);
}

TEST_F(CloudTest, FailedDownloadOfPaidResultNamesPredictionAndResumeDownloadsIt) {
  Scenario s;
  s.replicate.garbageDownloads = 2;
  server->setScenario(s);
  ReplicateMusic music(setup(Service::Replicate, {{"maxAttempts", 2}}));
  GenerationContext first = context();
  QString id, paid;
  first.remoteId = [&](const QString& remote) { id = remote; };
  first.remoteSucceeded = [&](const QString& remote) { paid = remote; };
  const ProviderError e = expectProviderError([&] { music.generate(musicRequest(), first); });
  ASSERT_FALSE(id.isEmpty());
  EXPECT_EQ(paid, id);
  EXPECT_EQ(e.kind(), K::BadOutput);
  EXPECT_TRUE(e.retryable());
  EXPECT_TRUE(e.message().contains(id)) << e.message().toStdString();
  EXPECT_TRUE(e.message().contains("resume")) << e.message().toStdString();
  GenerationContext resume = context();
  resume.resumeRemoteId = id;
  const GenerationResult r = music.generate(musicRequest(), resume);
  EXPECT_EQ(r.remoteId, id);
  EXPECT_EQ(server->predictionCount(), 1);
  EXPECT_EQ(server->count("POST", "/v1/"), 1);
}

TEST_F(CloudTest, UnconfirmedCreateIsFoundInTheListInsteadOfPayingAgain) {
  ReplicateMusic music(setup(Service::Replicate));
  music.generate(musicRequest(), context());  // "crashed" before its id was stored
  ASSERT_EQ(server->predictionCount(), 1);
  server->clearLog();
  GenerationContext resume = context();
  resume.reconcileAfter = QDateTime::currentDateTimeUtc().addSecs(-600);
  bool creating = false;
  resume.remoteCreating = [&] { creating = true; };
  QString id;
  resume.remoteId = [&](const QString& remote) { id = remote; };
  const GenerationResult r = music.generate(musicRequest(), resume);
  EXPECT_EQ(server->predictionCount(), 1);
  EXPECT_EQ(server->count("POST", "/v1/"), 0);
  EXPECT_FALSE(creating);
  EXPECT_EQ(id, server->predictionIds().first());
  EXPECT_EQ(r.remoteId, id);
  EXPECT_GE(server->requests("GET", "/v1/predictions").size(), 1);
}

TEST_F(CloudTest, UnconfirmedCreateWithoutMatchCreatesOnce) {
  ReplicateMusic music(setup(Service::Replicate));
  GenerationContext resume = context();
  resume.reconcileAfter = QDateTime::currentDateTimeUtc().addSecs(-600);
  bool creating = false;
  resume.remoteCreating = [&] { creating = true; };
  music.generate(musicRequest(), resume);
  EXPECT_TRUE(creating);
  EXPECT_EQ(server->predictionCount(), 1);
  EXPECT_EQ(server->count("POST", "/v1/predictions"), 1);
}

TEST_F(CloudTest, OneServerErrorOnCreateIsReconciledThenRetried) {
  Scenario s;
  s.replicate.create5xx = sw::fakecloud::ReplicateScenario::Create5xx::BeforeCreating;
  s.replicate.create5xxCount = 1;
  server->setScenario(s);
  ReplicateMusic music(setup(Service::Replicate));
  const GenerationResult r = music.generate(musicRequest(), context());
  EXPECT_EQ(server->count("POST", "/v1/predictions"), 2);
  EXPECT_EQ(server->predictionCount(), 1);
  EXPECT_EQ(r.remoteId, server->predictionIds().first());
  // The list was read between the failed create and the one that worked.
  const auto log = server->requests();
  int firstPost = -1, list = -1, secondPost = -1;
  for (int i = 0; i < log.size(); ++i) {
    const bool post = log[i].method == "POST" && log[i].path == "/v1/predictions";
    if (post && firstPost < 0)
      firstPost = i;
    else if (post && secondPost < 0)
      secondPost = i;
    if (log[i].method == "GET" && log[i].path == "/v1/predictions" && list < 0) list = i;
  }
  EXPECT_LT(firstPost, list);
  EXPECT_LT(list, secondPost);
}

TEST_F(CloudTest, AbsurdRetryAfterIsCappedAndTheWaitIsBounded) {
  Scenario s;
  s.replicate.create429 = 100;
  s.replicate.retryAfterValue = "1e30";
  server->setScenario(s);
  ReplicateMusic music(setup(Service::Replicate, {{"maxAttempts", 3}}));
  const ProviderError e = expectProviderError([&] { music.generate(musicRequest(), context()); });
  EXPECT_EQ(e.kind(), K::RateLimited) << e.message().toStdString();
  EXPECT_TRUE(e.message().contains("Replicate")) << e.message().toStdString();
  EXPECT_TRUE(e.message().contains("asked to wait")) << e.message().toStdString();
  const auto posts = server->requests("POST", "/v1/predictions");
  ASSERT_EQ(posts.size(), 3);
  for (int i = 1; i < posts.size(); ++i) {
    const qint64 gap = posts[i].atMs - posts[i - 1].atMs;
    EXPECT_GE(gap, 55000) << "retry " << i << " came too soon";  // virtual ms, capped at 60 s
    EXPECT_LE(gap, 90000) << "retry " << i;
  }
}

TEST_F(CloudTest, RetryAfterWaitsStopAtTheTotalBound) {
  Scenario s;
  s.replicate.create429 = 100;
  s.replicate.retryAfterValue = "50";
  server->setScenario(s);
  // 9 attempts at 50 s would wait 400 s: the bound (300 s) stops it after 7 creates.
  ReplicateMusic music(setup(Service::Replicate, {{"maxAttempts", 9}}));
  const ProviderError e = expectProviderError([&] { music.generate(musicRequest(), context()); });
  EXPECT_TRUE(e.message().contains("gave up")) << e.message().toStdString();
  EXPECT_EQ(server->count("POST", "/v1/predictions"), 7);
}

}  // namespace sw::cloudtest

namespace sw::cloudtest {

TEST_F(CloudTest, StalledPredictionIsCancelledRemotelyAtItsDeadline) {
  Scenario s;
  s.replicate.processingPolls = 1000000;  // "processing" forever
  server->setScenario(s);
  ReplicateVideo video(setup(Service::Replicate, {{"videoDeadlineSeconds", 120}}));
  VideoRequest r;
  r.prompt = "harbour";
  r.model = model("hailuo");
  const ProviderError e = expectProviderError([&] { video.generate(r, context()); });
  EXPECT_EQ(e.kind(), K::Timeout) << e.message().toStdString();
  ASSERT_EQ(server->predictionCount(), 1);
  const QString id = server->predictionIds().first();
  EXPECT_TRUE(e.message().contains(id)) << e.message().toStdString();
  EXPECT_EQ(server->count("POST", "/v1/predictions/" + id + "/cancel"), 1);
  EXPECT_EQ(server->prediction(id).value("status").toString(), "canceled");
  const auto gets = server->requests("GET", "/v1/predictions/" + id);
  ASSERT_FALSE(gets.isEmpty());
  EXPECT_LE(gets.last().atMs - server->requests("POST", "/v1/models/").first().atMs, 125000);
}

}  // namespace sw::cloudtest

namespace sw::cloudtest {

TEST_F(CloudTest, StalledPredictionStopsAtTheModelsMaxSeconds) {
  Scenario s;
  s.replicate.processingPolls = 1000000;  // "processing" forever
  server->setScenario(s);
  // The registry's per-model bound wins over the backend's video default.
  ReplicateVideo video(setup(Service::Replicate, {{"videoDeadlineSeconds", 3600}}));
  VideoRequest r;
  r.prompt = "harbour";
  r.model = model("hailuo");
  r.model.maxSeconds = 90;
  const ProviderError e = expectProviderError([&] { video.generate(r, context()); });
  EXPECT_EQ(e.kind(), K::Timeout) << e.message().toStdString();
  EXPECT_TRUE(e.message().contains("max_seconds of model hailuo")) << e.message().toStdString();
  ASSERT_EQ(server->predictionCount(), 1);
  const QString id = server->predictionIds().first();
  EXPECT_EQ(server->count("POST", "/v1/predictions/" + id + "/cancel"), 1);
  EXPECT_EQ(server->prediction(id).value("status").toString(), "canceled");
  const auto gets = server->requests("GET", "/v1/predictions/" + id);
  ASSERT_FALSE(gets.isEmpty());
  const qint64 created = server->requests("POST", "/v1/models/").first().atMs;
  EXPECT_LE(gets.last().atMs - created, 95000);  // virtual ms
  EXPECT_GE(gets.last().atMs - created, 85000);
}

}  // namespace sw::cloudtest
