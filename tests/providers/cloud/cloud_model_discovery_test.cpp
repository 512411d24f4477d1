// Model discovery (providers/cloud/model_discovery.h) against the fake's GET
// /v1/models/{owner}/{name}: a matching schema is ok, a renamed field or a dropped enum value is a
// warning naming the entry and the field, a newer version of a pinned model is reported (and
// written only on request), and 401 / 404 / 429 / a timeout / a refused connection give a
// message naming the model.
#include "cloud_fixture.h"

#include "providers/cloud/model_discovery.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>

namespace sw::cloudtest {

using namespace sw::providers;
using namespace sw::providers::cloud;
using sw::fakecloud::FakeModel;
using sw::fakecloud::Scenario;
using K = ProviderError::Kind;

namespace {

class ModelDiscoveryTest : public CloudTest {
 protected:
  ModelRefresh refresh(const QString& key, QJsonObject extra = {}) {
    const CloudSetup s = setup(Service::Replicate, extra);
    HttpClient::Options o;
    o.clock = s.clock;
    o.retry = s.retry;
    HttpClient http(o);
    return refreshModel(http, s.endpoint, model(key), 30);
  }
  // The fake's model with one field renamed.
  void renameField(const QString& modelId, const QString& from, const QString& to) {
    FakeModel m = server->model(modelId);
    ASSERT_FALSE(m.name.isEmpty());
    for (auto& f : m.fields)
      if (f.first == from) f.first = to;
    server->addModel(m);
  }
};

QString warningsText(const ModelRefresh& r) {
  QStringList lines;
  for (const RefreshFinding& f : r.warnings) lines << f.message;
  return lines.join('\n');
}

}  // namespace

TEST_F(ModelDiscoveryTest, EveryBuiltInReplicateEntryMatchesTheFakesSchema) {
  int checked = 0;
  for (const QString& key : registry->keys()) {
    const ModelEntry& entry = registry->model(key);
    if (entry.backend != "replicate") continue;
    SCOPED_TRACE(key.toStdString());
    const ModelRefresh r = refresh(key);
    EXPECT_EQ(r.status(), "ok") << r.error.toStdString() << warningsText(r).toStdString();
    EXPECT_FALSE(r.latestVersion.isEmpty());
    ++checked;
  }
  EXPECT_GE(checked, 5);
  const auto gets = server->requests("GET", "/v1/models/");
  EXPECT_EQ(gets.size(), checked);
  for (const auto& g : gets)
    EXPECT_EQ(g.header("Authorization"), "Bearer " + server->tokens().replicate);
}

TEST_F(ModelDiscoveryTest, ARenamedFieldIsAWarningNamingTheEntryAndTheField) {
  renameField("minimax/hailuo-2.3-fast", "first_frame_image", "start_image");
  const ModelRefresh r = refresh("hailuo");
  EXPECT_EQ(r.status(), "changed");
  ASSERT_EQ(r.warnings.size(), 1) << warningsText(r).toStdString();
  EXPECT_EQ(r.warnings[0].kind, "missing_field");
  EXPECT_EQ(r.warnings[0].field, "first_frame_image");
  const QString m = r.warnings[0].message;
  EXPECT_TRUE(m.startsWith("hailuo:")) << m.toStdString();
  EXPECT_TRUE(m.contains("\"first_frame_image\" (params.image)")) << m.toStdString();
  EXPECT_TRUE(m.contains("start_image")) << m.toStdString();  // the inputs it has now
  // A field the entry only fixes counts too.
  renameField("minimax/hailuo-2.3-fast", "prompt_optimizer", "optimize_prompt");
  const ModelRefresh again = refresh("hailuo");
  ASSERT_EQ(again.warnings.size(), 2) << warningsText(again).toStdString();
  EXPECT_TRUE(warningsText(again).contains("\"prompt_optimizer\" (fixed_inputs)"));
}

TEST_F(ModelDiscoveryTest, AnEnumValueTheModelNoLongerTakesIsAWarning) {
  FakeModel m = server->model("minimax/hailuo-2.3-fast");
  for (auto& f : m.fields)
    if (f.first == "resolution") f.second = {"720p", "1080p"};  // 768p dropped
  server->addModel(m);
  const ModelRefresh r = refresh("hailuo");
  ASSERT_EQ(r.warnings.size(), 1) << warningsText(r).toStdString();
  EXPECT_EQ(r.warnings[0].kind, "enum_value");
  EXPECT_TRUE(r.warnings[0].message.contains("\"768p\" (resolutions)"))
      << r.warnings[0].message.toStdString();
  EXPECT_TRUE(r.warnings[0].message.contains("720p, 1080p"));
}

TEST_F(ModelDiscoveryTest, ARequiredInputTheEntryDoesNotSendIsAWarning) {
  FakeModel m = server->model("lucataco/animate-diff");
  m.fields.append(QPair<QString, QStringList>("motion_module", {}));
  m.required = {"prompt", "motion_module"};
  server->addModel(m);
  const ModelRefresh r = refresh("animatediff");
  ASSERT_EQ(r.warnings.size(), 1) << warningsText(r).toStdString();
  EXPECT_EQ(r.warnings[0].kind, "required_input");
  EXPECT_EQ(r.warnings[0].field, "motion_module");
}

TEST_F(ModelDiscoveryTest, ANewerVersionOfAPinnedModelIsReportedAndWrittenOnlyWhenAsked) {
  const QString pinned = model("zeroscope").version;
  FakeModel m = server->model("anotherjesse/zeroscope-v2-xl");
  m.version = QString(64, 'a');
  server->addModel(m);
  const ModelRefresh r = refresh("zeroscope");
  EXPECT_EQ(r.status(), "changed");
  EXPECT_TRUE(r.newerVersion);
  EXPECT_EQ(r.pinnedVersion, pinned);
  EXPECT_EQ(r.latestVersion, QString(64, 'a'));
  EXPECT_TRUE(r.warnings.isEmpty()) << warningsText(r).toStdString();
  // An official model is run by name: its latest version is information, not a change.
  EXPECT_FALSE(refresh("hailuo").newerVersion);

  const QJsonObject user{{"models", QJsonObject{{"wan", QJsonObject{{"cost_per_call", 0.5}}}}}};
  QStringList changes;
  const QJsonObject written = versionOverride(user, {r}, &changes);
  const QJsonObject models = written.value("models").toObject();
  EXPECT_EQ(models.value("zeroscope").toObject().value("version").toString(), QString(64, 'a'));
  EXPECT_EQ(models.value("wan").toObject().value("cost_per_call").toDouble(), 0.5);  // kept
  ASSERT_EQ(changes.size(), 1);
  EXPECT_TRUE(changes[0].startsWith("zeroscope: version " + pinned)) << changes[0].toStdString();
  // The merged registry uses the new version.
  QFile builtin(ModelRegistry::kBuiltinPath);
  ASSERT_TRUE(builtin.open(QIODevice::ReadOnly));
  const ModelRegistry merged = ModelRegistry::fromJson(
      mergeJson(QJsonDocument::fromJson(builtin.readAll()).object(), written), "test");
  EXPECT_EQ(merged.model("zeroscope").version, QString(64, 'a'));

  // With a field warning the version is left alone and the change says why.
  ModelRefresh broken = r;
  broken.warnings.append({"missing_field", "fps", "zeroscope: field \"fps\" ..."});
  changes.clear();
  const QJsonObject kept = versionOverride(user, {broken}, &changes);
  EXPECT_FALSE(kept.value("models").toObject().contains("zeroscope"));
  ASSERT_EQ(changes.size(), 1);
  EXPECT_TRUE(changes[0].contains("edit the entry by hand"));
}

TEST_F(ModelDiscoveryTest, AnUnknownModelIsA404NamingTheModelAndTheEntry) {
  ModelEntry entry = model("hailuo");
  entry.key = "mine";
  entry.modelId = "nobody/vanished";
  const CloudSetup s = setup(Service::Replicate);
  HttpClient http(HttpClient::Options{s.clock, s.retry, {}, 0});
  const ModelRefresh r = refreshModel(http, s.endpoint, entry, 30);
  EXPECT_EQ(r.status(), "error");
  EXPECT_TRUE(r.error.contains("nobody/vanished")) << r.error.toStdString();
  EXPECT_TRUE(r.error.contains("\"mine\"")) << r.error.toStdString();
  EXPECT_TRUE(r.error.contains("HTTP 404")) << r.error.toStdString();
  EXPECT_EQ(server->count("GET", "/v1/models/nobody/vanished"), 1);  // 404 is not retried
}

TEST_F(ModelDiscoveryTest, AWrongKeyIsA401NamingTheModelWithoutTheKey) {
  qputenv("REPLICATE_API_TOKEN", "r8_WRONGtoken");
  const ModelRefresh r = refresh("wan");
  qputenv("REPLICATE_API_TOKEN", server->tokens().replicate);
  EXPECT_EQ(r.status(), "error");
  EXPECT_TRUE(r.error.contains("wavespeedai/wan-2.1-i2v-480p")) << r.error.toStdString();
  EXPECT_TRUE(r.error.contains("HTTP 401")) << r.error.toStdString();
  EXPECT_TRUE(r.error.contains("REPLICATE_API_TOKEN")) << r.error.toStdString();
  EXPECT_FALSE(r.error.contains("r8_WRONGtoken"));
  EXPECT_FALSE(QString::fromUtf8(QJsonDocument(r.toJson()).toJson()).contains("r8_"));
}

TEST_F(ModelDiscoveryTest, ThrottlingIsRetriedThenReportedNamingTheModel) {
  Scenario sc;
  sc.replicate.modelGet429 = 1;
  server->setScenario(sc);
  EXPECT_EQ(refresh("wan").status(), "ok");  // one 429, then the answer
  EXPECT_EQ(server->count("GET", "/v1/models/"), 2);

  sc.replicate.modelGet429 = 100;
  server->setScenario(sc);
  const ModelRefresh r = refresh("runway", {{"maxAttempts", 2}});
  EXPECT_EQ(r.status(), "error");
  EXPECT_TRUE(r.error.contains("runwayml/gen4-turbo")) << r.error.toStdString();
  EXPECT_TRUE(r.error.contains("429")) << r.error.toStdString();
}

TEST_F(ModelDiscoveryTest, NoAnswerIsATimeoutNamingTheModel) {
  Scenario sc;
  sc.replicate.modelGetHangs = 100;
  server->setScenario(sc);
  const CloudSetup s = setup(Service::Replicate, {{"maxAttempts", 1}});
  HttpClient http(HttpClient::Options{s.clock, s.retry, {}, 0});
  const ModelRefresh r = refreshModel(http, s.endpoint, model("wan"), 5);
  EXPECT_EQ(r.status(), "error");
  EXPECT_TRUE(r.error.contains("wavespeedai/wan-2.1-i2v-480p")) << r.error.toStdString();
  EXPECT_TRUE(r.error.contains("within 5 s")) << r.error.toStdString();
}

TEST_F(ModelDiscoveryTest, ARefusedConnectionNamesTheModelAndTheServer) {
  QTcpServer probe;  // a free port, closed again so nothing listens there
  ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
  const quint16 port = probe.serverPort();
  probe.close();
  const QString base = QStringLiteral("http://127.0.0.1:%1").arg(port);
  const ModelRefresh r = refresh("wan", {{"baseUrl", base}, {"maxAttempts", 2}});
  EXPECT_EQ(r.status(), "error");
  EXPECT_TRUE(r.error.contains("wavespeedai/wan-2.1-i2v-480p")) << r.error.toStdString();
  EXPECT_TRUE(r.error.contains("not reachable")) << r.error.toStdString();
  EXPECT_TRUE(r.error.contains(QStringLiteral("127.0.0.1:%1").arg(port))) << r.error.toStdString();
}

TEST(ModelSchemaParse, EnumsThroughRefsAndInlineAreResolved) {
  const QJsonObject model{
      {"name", "x"},
      {"latest_version",
       QJsonObject{
           {"id", "v1"},
           {"openapi_schema",
            QJsonObject{
                {"components",
                 QJsonObject{
                     {"schemas",
                      QJsonObject{
                          {"Input",
                           QJsonObject{
                               {"required", QJsonArray{"prompt"}},
                               {"properties",
                                QJsonObject{
                                    {"prompt", QJsonObject{{"type", "string"}}},
                                    {"duration",
                                     QJsonObject{
                                         {"allOf",
                                          QJsonArray{QJsonObject{
                                              {"$ref", "#/components/schemas/duration"}}}}}},
                                    {"mode", QJsonObject{{"enum", QJsonArray{"a", "b"}}}}}}}},
                          {"duration", QJsonObject{{"enum", QJsonArray{5, 10}}}}}}}}}}}}};
  const ModelSchema s = ModelSchema::fromJson(model, "o/x");
  EXPECT_TRUE(s.hasSchema);
  EXPECT_EQ(s.latestVersion, "v1");
  EXPECT_EQ(s.enumValues("duration"), (QStringList{"5", "10"}));
  EXPECT_EQ(s.enumValues("mode"), (QStringList{"a", "b"}));
  EXPECT_TRUE(s.enumValues("prompt").isEmpty());
  EXPECT_EQ(s.required, QStringList{"prompt"});
  // No version (a model never pushed): nothing to check, said so.
  const ModelSchema none = ModelSchema::fromJson({{"name", "x"}, {"latest_version", {}}}, "o/x");
  EXPECT_FALSE(none.hasSchema);
}

}  // namespace sw::cloudtest
