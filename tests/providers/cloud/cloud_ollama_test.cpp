// Ollama script parsing: request shape, schema validation, one stricter retry, length
// truncation, missing model, and "not running" when nothing listens.
#include "cloud_fixture.h"

#include "providers/cloud/ollama_script.h"

#include <QJsonArray>
#include <QTcpServer>

namespace sw::cloudtest {

using namespace sw::providers;
using namespace sw::providers::cloud;
using sw::fakecloud::OllamaScenario;
using sw::fakecloud::Scenario;
using K = ProviderError::Kind;

namespace {

ScriptRequest prose() {
  ScriptRequest r;
  r.text = "Mara climbs the lighthouse stairs at night. \"Almost there,\" she says.";
  r.format = "prose";
  return r;
}

}  // namespace

TEST_F(CloudTest, OllamaParsesStructuredAnswer) {
  OllamaScriptParser ollama(setup(Service::Ollama));
  const ParsedScript script = ollama.parse(prose(), context());
  ASSERT_EQ(script.scenes.size(), 1);
  const ParsedScene& s = script.scenes[0];
  EXPECT_EQ(s.heading, "INT. LIGHTHOUSE - NIGHT");
  EXPECT_TRUE(s.visualPrompt.contains("spiral staircase"));
  EXPECT_EQ(s.duration.value_or(0), 6.0);
  ASSERT_EQ(s.lines.size(), 1);
  EXPECT_EQ(s.lines[0].character, "MARA");
  EXPECT_EQ(s.musicPrompt, "low drones");
  EXPECT_EQ(script.characters, QStringList{"MARA"});
  const auto chats = server->requests("POST", "/api/chat");
  ASSERT_EQ(chats.size(), 1);
  const QJsonObject body = chats[0].json();
  EXPECT_FALSE(body.value("stream").toBool(true));
  EXPECT_EQ(body.value("options").toObject().value("temperature").toInt(-1), 0);
  EXPECT_EQ(body.value("format").toObject().value("required").toArray().first().toString(),
            "scenes");
}

TEST_F(CloudTest, OllamaRetriesOnceWithStricterInstructionsOnMalformedJson) {
  Scenario s;
  s.ollama.content = OllamaScenario::Content::InvalidOnce;
  server->setScenario(s);
  OllamaScriptParser ollama(setup(Service::Ollama));
  EXPECT_EQ(ollama.parse(prose(), context()).scenes.size(), 1);
  const auto chats = server->requests("POST", "/api/chat");
  ASSERT_EQ(chats.size(), 2);
  const QString system2 =
      chats[1].json().value("messages").toArray()[0].toObject().value("content").toString();
  EXPECT_TRUE(system2.contains("ONLY one complete JSON object")) << system2.toStdString();
}

TEST_F(CloudTest, OllamaGivesUpAfterSecondMalformedAnswer) {
  Scenario s;
  s.ollama.content = OllamaScenario::Content::InvalidJson;
  server->setScenario(s);
  OllamaScriptParser ollama(setup(Service::Ollama));
  const ProviderError e = expectProviderError([&] { ollama.parse(prose(), context()); });
  EXPECT_EQ(e.kind(), K::Failed);
  EXPECT_EQ(server->count("POST", "/api/chat"), 2);
}

TEST_F(CloudTest, OllamaLengthCutRetriesWithLargerBudget) {
  Scenario s;
  s.ollama.content = OllamaScenario::Content::Truncated;
  server->setScenario(s);
  OllamaScriptParser ollama(setup(Service::Ollama));
  const ProviderError e = expectProviderError([&] { ollama.parse(prose(), context()); });
  EXPECT_TRUE(e.message().contains("cut off")) << e.message().toStdString();
  const auto chats = server->requests("POST", "/api/chat");
  ASSERT_EQ(chats.size(), 2);
  EXPECT_GT(chats[1].json().value("options").toObject().value("num_predict").toInt(),
            chats[0].json().value("options").toObject().value("num_predict").toInt());
}

TEST_F(CloudTest, OllamaMissingModelSaysHowToPullIt) {
  Scenario s;
  s.ollama.modelMissing = true;
  server->setScenario(s);
  OllamaScriptParser ollama(setup(Service::Ollama, {{"model", "llama9"}}));
  const ProviderError e = expectProviderError([&] { ollama.parse(prose(), context()); });
  EXPECT_EQ(e.kind(), K::Invalid);
  EXPECT_TRUE(e.message().contains("ollama pull llama9")) << e.message().toStdString();
  EXPECT_EQ(server->count("POST", "/api/chat"), 1);
}

TEST_F(CloudTest, OllamaBusyIsRetried) {
  Scenario s;
  s.ollama.busy503 = 1;
  server->setScenario(s);
  OllamaScriptParser ollama(setup(Service::Ollama));
  EXPECT_EQ(ollama.parse(prose(), context()).scenes.size(), 1);
  EXPECT_EQ(server->count("POST", "/api/chat"), 2);
}

TEST_F(CloudTest, ConnectionRefusedSaysOllamaIsNotRunning) {
  QTcpServer probe;  // find a free port, then close it so nothing listens there
  ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
  const quint16 port = probe.serverPort();
  probe.close();
  const QString host = QStringLiteral("127.0.0.1:%1").arg(port);
  OllamaScriptParser ollama(setup(Service::Ollama, {{"baseUrl", host}, {"maxAttempts", 2}}));
  const ProviderError e = expectProviderError([&] { ollama.parse(prose(), context()); });
  EXPECT_EQ(e.kind(), K::Network);
  EXPECT_TRUE(
      e.message().startsWith(QStringLiteral("Ollama is not running at http://%1").arg(host)))
      << e.message().toStdString();
}

}  // namespace sw::cloudtest
