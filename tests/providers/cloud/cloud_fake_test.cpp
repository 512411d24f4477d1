// The fake server's own protocol behaviours that the clients never trigger on purpose
// (a client that forgot stream:false, named scenarios, unknown ids, limits).
#include "cloud_fixture.h"

#include "providers/cloud/http_client.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sw::cloudtest {

using namespace sw::providers::cloud;

namespace {

struct Raw {
  int status = 0;
  QByteArray body;
  QJsonObject json;
};

Raw call(const sw::fakecloud::FakeCloudServer& s, const QByteArray& method, const QString& path,
         const QByteArray& body = {}, HeaderList headers = {}) {
  HttpClient::Options o;
  o.retry.maxAttempts = 1;
  HttpClient http(o);
  HttpRequest r;
  r.method = method;
  r.url = s.url(path);
  r.body = body;
  r.headers = headers;
  r.retry = RetryMode::Never;
  try {
    const HttpResponse resp = http.send(r);
    return {resp.status, resp.body, resp.jsonObject()};
  } catch (const HttpError& e) {
    return {e.status(), e.message().toUtf8(), {}};
  }
}

HeaderList replicateAuth(const sw::fakecloud::FakeCloudServer& s) {
  return {{"Authorization", "Bearer " + s.tokens().replicate},
          {"Content-Type", "application/json"}};
}

}  // namespace

TEST_F(CloudTest, FakeOllamaStreamsNdjsonUnlessStreamIsFalse) {
  const QByteArray body = R"({"model":"llama3.1:8b","messages":[{"role":"user","content":"hi"}]})";
  const Raw streamed = call(*server, "POST", "/api/chat", body);
  const QList<QByteArray> lines = streamed.body.trimmed().split('\n');
  ASSERT_GT(lines.size(), 2);
  EXPECT_TRUE(QJsonDocument::fromJson(lines.last()).object().value("done").toBool());
  const Raw single =
      call(*server, "POST", "/api/generate", R"({"model":"m","prompt":"p","stream":false})");
  EXPECT_TRUE(single.json.value("done").toBool());
  EXPECT_FALSE(single.json.value("response").toString().isEmpty());
  EXPECT_EQ(call(*server, "GET", "/api/version").json.value("version").toString(), "0.5.1");
}

TEST_F(CloudTest, FakeNamedScenarioByHeaderAndControlEndpoint) {
  sw::fakecloud::Scenario busy;
  busy.ollama.busy503 = 100;
  server->defineScenario("busy", busy);
  const QByteArray body = R"({"model":"m","stream":false,"messages":[]})";
  EXPECT_EQ(call(*server, "POST", "/api/chat", body, {{"X-Fake-Scenario", "busy"}}).status, 503);
  EXPECT_EQ(call(*server, "POST", "/api/chat", body).status, 200);
  EXPECT_EQ(call(*server, "POST", "/__fake/scenario", R"({"name":"busy"})").status, 200);
  EXPECT_EQ(call(*server, "POST", "/api/chat", body).status, 503);
}

TEST_F(CloudTest, FakeReplicateRejectsUnknownIdsVersionsAndTokens) {
  const auto auth = replicateAuth(*server);
  EXPECT_EQ(call(*server, "GET", "/v1/predictions/nosuchid", {}, auth).status, 404);
  EXPECT_EQ(call(*server, "POST", "/v1/predictions/nosuchid/cancel", {}, auth).status, 404);
  EXPECT_EQ(
      call(*server, "POST", "/v1/predictions", R"({"version":"abc","input":{}})", auth).status,
      422);
  EXPECT_EQ(call(*server, "POST", "/v1/models/nobody/nothing/predictions", R"({"input":{}})", auth)
                .status,
            404);
  EXPECT_EQ(
      call(*server, "GET", "/v1/predictions/x", {}, {{"Authorization", "Bearer nope"}}).status,
      401);
  const Raw created = call(*server, "POST", "/v1/models/minimax/hailuo-02/predictions",
                           R"({"input":{"prompt":"x"}})", auth);
  EXPECT_EQ(created.status, 201);
  const QString id = created.json.value("id").toString();
  EXPECT_EQ(id.size(), 26);
  const Raw cancelled = call(*server, "POST", "/v1/predictions/" + id + "/cancel", {}, auth);
  EXPECT_EQ(cancelled.json.value("status").toString(), "canceled");
  EXPECT_EQ(call(*server, "POST", "/v1/predictions/" + id + "/cancel", {}, auth)
                .json.value("status")
                .toString(),
            "canceled");
}

TEST_F(CloudTest, FakeSpeechLimitsAndTimestamps) {
  const QByteArray key = server->tokens().elevenlabs;
  const Raw ts = call(
      *server, "POST", "/v1/text-to-speech/v1/with-timestamps?output_format=wav_44100",
      R"({"text":"Cut to black.","model_id":"eleven_multilingual_v2"})", {{"xi-api-key", key}});
  const QJsonObject align = ts.json.value("alignment").toObject();
  EXPECT_EQ(align.value("characters").toArray().size(), 13);
  EXPECT_EQ(align.value("character_start_times_seconds").toArray().size(), 13);
  EXPECT_EQ(align.value("character_end_times_seconds").toArray().size(), 13);
  EXPECT_EQ(QByteArray::fromBase64(ts.json.value("audio_base64").toString().toLatin1()),
            fixtures().wavBytes);
  EXPECT_EQ(
      call(*server, "POST", "/v1/text-to-speech/v1", R"({"text":"x"})", {{"xi-api-key", "bad"}})
          .status,
      401);
  const QByteArray longInput =
      QJsonDocument(
          QJsonObject{{"model", "tts-1"}, {"voice", "alloy"}, {"input", QString(4097, 'a')}})
          .toJson();
  EXPECT_EQ(call(*server, "POST", "/v1/audio/speech", longInput,
                 {{"Authorization", "Bearer " + server->tokens().openai}})
                .status,
            400);
}

}  // namespace sw::cloudtest
