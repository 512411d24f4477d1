// The HTTP layer's rules: retry hints, backoff, defensive error bodies, tqdm progress,
// cancellation of a running request.
#include "cloud_fixture.h"
#include "support/wait.h"

#include "providers/cloud/error_body.h"
#include "providers/cloud/http_client.h"
#include "providers/cloud/replicate_client.h"
#include "providers/cloud/replicate_run.h"
#include "providers/cloud/retry_policy.h"

#include <QElapsedTimer>
#include <atomic>
#include <thread>

namespace sw::cloudtest {

using namespace sw::providers::cloud;

TEST(CloudRetry, ServerHintsInPriorityOrder) {
  const QDateTime now = QDateTime::fromString("2026-03-02T10:00:00Z", Qt::ISODate);
  HttpResponse r;
  r.status = 429;
  r.headers = {{"Retry-After", "7"}, {"retry-after-ms", "1500"}};
  EXPECT_EQ(retryHintMs(r, now), 1500);
  r.headers = {{"Retry-After", "Mon, 02 Mar 2026 10:00:12 GMT"}};
  EXPECT_EQ(retryHintMs(r, now), 12000);
  r.headers = {{"Retry-After", "7"}};
  EXPECT_EQ(retryHintMs(r, now), 7000);
  r.headers.clear();
  r.body = R"({"detail":"Request was throttled. Your rate limit resets in ~30s."})";
  EXPECT_EQ(retryHintMs(r, now), 30000);
  r.body = R"({"detail":"throttled","retry_after":5})";
  EXPECT_EQ(retryHintMs(r, now), 5000);
  r.body = "<html>busy</html>";
  EXPECT_FALSE(retryHintMs(r, now).has_value());
}

TEST(CloudRetry, BackoffDoublesWithJitterAndCap) {
  RetryPolicy p;
  QRandomGenerator rng(1);
  for (int i = 0; i < 10; ++i) {
    const double base = std::min(60000.0, 1000.0 * (1 << i));
    const qint64 d = backoffDelayMs(p, i, rng);
    EXPECT_GE(d, base * 0.8 - 1) << i;
    EXPECT_LE(d, base * 1.2 + 1) << i;
  }
}

TEST(CloudErrorBody, ReadsJsonHtmlAndEmptyBodies) {
  EXPECT_EQ(
      serviceErrorText(
          R"({"title":"Unauthenticated","detail":"You did not pass a valid authentication token","status":401})"),
      "Unauthenticated: You did not pass a valid authentication token");
  EXPECT_EQ(
      serviceErrorText(R"({"detail":{"status":"invalid_api_key","message":"Invalid API key"}})"),
      "Invalid API key");
  EXPECT_EQ(
      serviceErrorCode(R"({"detail":{"status":"too_many_concurrent_requests","message":"x"}})"),
      "too_many_concurrent_requests");
  EXPECT_EQ(serviceErrorText(R"({"error":{"message":"Bad voice","type":"invalid_request_error"}})"),
            "Bad voice");
  EXPECT_EQ(serviceErrorText(R"({"error":"model \"x\" not found, try pulling it first"})"),
            "model \"x\" not found, try pulling it first");
  EXPECT_EQ(
      serviceErrorText("<html><head><title>502 Bad Gateway</title></head><body>x</body></html>"),
      "502 Bad Gateway");
  EXPECT_EQ(serviceErrorText(""), "");
  EXPECT_EQ(serviceErrorText("{broken"), "{broken");
}

TEST(CloudTqdm, LastBarWins) {
  const auto p = parseTqdm(
      "Using seed: 1\n 40%|████      | 12/30 [00:21<00:32]\n 76%|███████▌  | 7568/10000 "
      "[00:33<00:10, 229.00it/s]\nsaving\n");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->percent, 76);
  EXPECT_EQ(p->current, 7568);
  EXPECT_EQ(p->total, 10000);
  EXPECT_FALSE(parseTqdm("no bar here").has_value());
}

TEST(CloudPolling, OneSecondThenThree) {
  EXPECT_EQ(pollIntervalMs(0), 1000);
  EXPECT_EQ(pollIntervalMs(9999), 1000);
  EXPECT_EQ(pollIntervalMs(10000), 3000);
}

TEST_F(CloudTest, CancelAbortsARunningRequestQuickly) {
  sw::fakecloud::Scenario s;
  s.replicate.hangGets = 1;
  server->setScenario(s);
  std::atomic<bool> cancel{false};
  HttpClient::Options o;  // real time: the abort must not wait for any timeout
  o.cancelled = [&] { return cancel.load(); };
  HttpClient http(o);
  HttpRequest r;
  r.url = server->url("/v1/predictions/abc");
  r.headers = {{"Authorization", "Bearer " + server->tokens().replicate}};
  std::thread canceller([&] {
    sw::testsupport::waitUntil([&] { return server->count("GET", "/v1/predictions/") > 0; });
    cancel = true;
  });
  HttpError::Kind kind = HttpError::Kind::Status;
  try {
    http.send(r);
  } catch (const HttpError& e) {
    kind = e.kind();
  }
  canceller.join();
  // Ignoring the cancel would end in the 30 s transfer timeout, with Kind::Timeout.
  EXPECT_EQ(kind, HttpError::Kind::Cancelled);
  EXPECT_EQ(server->count("GET", "/v1/predictions/"), 1);
}

TEST_F(CloudTest, HtmlGatewayErrorsDoNotBreakTheClient) {
  sw::fakecloud::Scenario s;
  s.replicate.get5xx = 10;
  server->setScenario(s);
  HttpClient::Options o;
  o.clock = std::make_shared<ScaledClock>(kScale);
  o.retry.maxAttempts = 2;
  HttpClient http(o);
  HttpRequest r;
  r.url = server->url("/v1/predictions/abc");
  r.headers = {{"Authorization", "Bearer " + server->tokens().replicate}};
  try {
    http.send(r);
    ADD_FAILURE() << "expected an error";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 503);
    EXPECT_TRUE(e.message().contains("after 2 attempts")) << e.message().toStdString();
    EXPECT_TRUE(e.transient());
  }
  EXPECT_EQ(server->count("GET", "/v1/predictions/"), 2);
}

}  // namespace sw::cloudtest
