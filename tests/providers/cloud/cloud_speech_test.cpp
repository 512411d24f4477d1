// ElevenLabs and OpenAI-compatible TTS end to end, and tokens going only to their own service
// and never into the logs.
#include "cloud_fixture.h"

#include "providers/cloud/replicate_backends.h"
#include "providers/cloud/tts_backends.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QUrlQuery>
#include <atomic>
#include <thread>

namespace sw::cloudtest {

using namespace sw::providers;
using namespace sw::providers::cloud;
using sw::fakecloud::Scenario;
using K = ProviderError::Kind;

namespace {

SpeechRequest line(const QString& text) {
  SpeechRequest r;
  r.text = text;
  r.character = "MARA";
  r.voiceSettings = {{"stability", 0.5}, {"similarity_boost", 0.75}};
  return r;
}

QMutex logMutex;
QStringList captured;

void capture(QtMsgType, const QMessageLogContext&, const QString& message) {
  QMutexLocker lock(&logMutex);
  captured << message;
}

}  // namespace

TEST_F(CloudTest, ElevenLabsSendsFormatInQueryAndVoiceSettings) {
  ElevenLabsSpeech eleven(setup(Service::ElevenLabs, {{"outputFormat", "wav_44100"}}));
  const GenerationResult r = eleven.generate(line("Cut to black."), context());
  EXPECT_NEAR(r.duration, 1.0, 0.1);
  EXPECT_EQ(r.provider, "elevenlabs");
  const auto reqs = server->requests("POST", "/v1/text-to-speech/");
  ASSERT_EQ(reqs.size(), 1);
  EXPECT_EQ(reqs[0].path, "/v1/text-to-speech/JBFqnCBsd6RMkjVDRZzb");
  EXPECT_EQ(QUrlQuery(reqs[0].query).queryItemValue("output_format"), "wav_44100");
  EXPECT_EQ(reqs[0].json().value("model_id").toString(), "eleven_multilingual_v2");
  EXPECT_DOUBLE_EQ(reqs[0].json().value("voice_settings").toObject().value("stability").toDouble(),
                   0.5);
  EXPECT_FALSE(reqs[0].json().contains("output_format"));
}

TEST_F(CloudTest, ElevenLabsRetriesWhenBusy) {
  Scenario s;
  s.elevenlabs.busy429 = 2;
  server->setScenario(s);
  ElevenLabsSpeech eleven(setup(Service::ElevenLabs, {{"outputFormat", "wav_44100"}}));
  EXPECT_NO_THROW(eleven.generate(line("Again."), context()));
  EXPECT_EQ(server->count("POST", "/v1/text-to-speech/"), 3);
}

TEST_F(CloudTest, ElevenLabsKeepsWithinItsConcurrencyLimit) {
  Scenario s;
  s.elevenlabs.maxConcurrent = 2;
  s.elevenlabs.slowMs = 3000;
  server->setScenario(s);
  ElevenLabsSpeech eleven(
      setup(Service::ElevenLabs, {{"outputFormat", "wav_44100"}, {"maxConcurrent", 2}}));
  std::vector<std::thread> workers;
  std::atomic<int> failures{0};
  for (int i = 0; i < 4; ++i) {
    workers.emplace_back([&] {
      try {
        eleven.generate(line("Line."), context());
      } catch (const ProviderError&) {
        ++failures;
      }
    });
  }
  for (auto& w : workers) w.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(server->count("POST", "/v1/text-to-speech/"), 4);  // queued locally, never a 429
  EXPECT_LE(server->maxConcurrentSpeech(), 2);
}

TEST_F(CloudTest, OpenAiSplitsLongTextAndJoinsTheAudio) {
  QString text;
  while (text.size() < 5000) text += "The lighthouse keeper climbs the stairs again. ";
  OpenAiSpeech openai(setup(Service::OpenAI, {{"baseUrl", server->url("/v1").toString()}}));
  const GenerationResult r = openai.generate(line(text), context());
  const auto reqs = server->requests("POST", "/v1/audio/speech");
  ASSERT_EQ(reqs.size(), 2);
  for (const auto& req : reqs) EXPECT_LE(req.json().value("input").toString().size(), 4096);
  EXPECT_EQ(reqs[0].json().value("response_format").toString(), "wav");
  EXPECT_NEAR(r.duration, 2.0, 0.1);  // two one-second parts
  EXPECT_EQ(outputFiles(), 1);
}

TEST_F(CloudTest, OpenAiRateLimitHonoursRetryAfter) {
  Scenario s;
  s.openai.busy429 = 1;
  server->setScenario(s);
  OpenAiSpeech openai(setup(Service::OpenAI, {{"baseUrl", server->url("/v1").toString()}}));
  openai.generate(line("Short."), context());
  const auto reqs = server->requests("POST", "/v1/audio/speech");
  ASSERT_EQ(reqs.size(), 2);
  EXPECT_GE(reqs[1].atMs - reqs[0].atMs, 1000);
}

TEST(CloudSpeechText, SplitsAtSentencesWithinTheLimit) {
  const QStringList parts = splitForSpeech("One two three. Four five six. Seven eight nine.", 20);
  ASSERT_EQ(parts.size(), 3);
  EXPECT_EQ(parts[0], "One two three.");
  for (const auto& p : splitForSpeech(QString(10000, 'x'), 4096)) EXPECT_LE(p.size(), 4096);
}

TEST_F(CloudTest, TokensGoOnlyToTheirOwnServiceAndNeverIntoLogs) {
  sw::fakecloud::FakeCloudServer delivery(kScale);
  delivery.setFixture("wav", fixtures().wavBytes);
  sw::fakecloud::FakeCloudServer speech(kScale);
  speech.setFixture("wav", fixtures().wavBytes);
  server->setDeliveryBase(delivery.url());
  QLoggingCategory::setFilterRules("scenewright.*=true");
  {
    QMutexLocker lock(&logMutex);
    captured.clear();
  }
  const QtMessageHandler previous = qInstallMessageHandler(capture);
  ReplicateMusic music(setup(Service::Replicate));
  MusicRequest m;
  m.prompt = "drones";
  music.generate(m, context());
  QJsonObject o = options(&speech);
  o["outputFormat"] = "wav_44100";
  ElevenLabsSpeech(makeCloudSetup(Service::ElevenLabs, o)).generate(line("Hi."), context());
  o["baseUrl"] = speech.url("/v1").toString();
  OpenAiSpeech(makeCloudSetup(Service::OpenAI, o)).generate(line("Hi."), context());
  qInstallMessageHandler(previous);
  QLoggingCategory::setFilterRules({});

  const sw::fakecloud::FakeTokens t;
  for (const auto& r : server->requests()) {
    EXPECT_EQ(r.header("Authorization"), "Bearer " + t.replicate) << r.path.toStdString();
    EXPECT_TRUE(r.header("xi-api-key").isEmpty());
  }
  ASSERT_EQ(delivery.requests().size(), 1);
  EXPECT_TRUE(
      delivery.requests()[0].header("Authorization").isEmpty());  // not a Replicate host here
  for (const auto& r : speech.requests()) {
    const bool eleven = r.path.startsWith("/v1/text-to-speech/");
    EXPECT_EQ(r.header("xi-api-key"), eleven ? t.elevenlabs : QByteArray());
    EXPECT_EQ(r.header("Authorization"), eleven ? QByteArray() : "Bearer " + t.openai);
  }
  QMutexLocker lock(&logMutex);
  EXPECT_FALSE(captured.isEmpty());      // the requests were logged...
  for (const QString& msg : captured) {  // ...without any secret
    for (const QByteArray& token : {t.replicate, t.elevenlabs, t.openai})
      EXPECT_FALSE(msg.contains(QString::fromLatin1(token))) << msg.toStdString();
  }
}

}  // namespace sw::cloudtest
