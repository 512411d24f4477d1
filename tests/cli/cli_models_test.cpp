// `scenewright-cli models refresh` (issue 15 part 5) through the real binary against the fake
// Replicate (tests/fakecloud): a matching schema is "ok", a renamed field is a warning naming the
// entry and the field, a newer pinned version is reported and written into the user's
// models.json only with --write, an unknown model is a 404 naming it (exit 1), and the API key
// appears in no output and no file.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "fakecloud/fake_cloud_server.h"

namespace {

using sw::fakecloud::FakeCloudServer;
using sw::fakecloud::FakeModel;

struct CliRun {
  int code = -1;
  QString out;
  QString err;
};

class CliModels : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!QCoreApplication::instance()) {  // the fake server's thread wants an application
      static int argc = 1;
      static char name[] = "cli_tests";
      static char* argv[] = {name, nullptr};
      new QCoreApplication(argc, argv);
    }
  }
  void SetUp() override {
    ASSERT_TRUE(tmp.isValid());
    server = std::make_unique<FakeCloudServer>(0.01);
  }

  QString config() const { return tmp.filePath(QStringLiteral("config")); }
  QString userModels() const {
    return config() + QStringLiteral("/Scenewright/Scenewright/models.json");
  }
  void writeUserModels(const QJsonObject& document) const {
    QDir().mkpath(QFileInfo(userModels()).absolutePath());
    QFile f(userModels());
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(document).toJson());
  }
  QJsonObject readUserModels() const {
    QFile f(userModels());
    if (!f.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(f.readAll()).object();
  }

  CliRun cli(const QStringList& args) const {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config());
    env.insert(QStringLiteral("REPLICATE_BASE_URL"), server->url().toString());
    env.insert(QStringLiteral("REPLICATE_API_TOKEN"),
               QString::fromLatin1(server->tokens().replicate));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SW_CLI), QStringList{"models", "refresh"} + args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
  }

  // No file under the config folder holds the token.
  void expectNoKeyInFiles() const {
    QDirIterator it(config(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
      QFile f(it.next());
      ASSERT_TRUE(f.open(QIODevice::ReadOnly));
      EXPECT_FALSE(f.readAll().contains(server->tokens().replicate)) << f.fileName().toStdString();
    }
  }

  QTemporaryDir tmp;
  std::unique_ptr<FakeCloudServer> server;
};

TEST_F(CliModels, AMatchingSchemaIsOkForEveryReplicateEntryAndTheKeyIsInNoOutput) {
  const CliRun run = cli({});
  ASSERT_EQ(run.code, 0) << run.err.toStdString() << run.out.toStdString();
  for (const char* line : {"hailuo (minimax/hailuo-2.3-fast): ok", "wan (", "zeroscope (",
                           "animatediff (", "runway ("})
    EXPECT_TRUE(run.out.contains(QLatin1String(line))) << line << "\n" << run.out.toStdString();
  EXPECT_FALSE(run.out.contains("warning")) << run.out.toStdString();
  EXPECT_FALSE(run.out.contains("local")) << run.out.toStdString();  // not a Replicate entry
  EXPECT_FALSE(run.out.contains(QString::fromLatin1(server->tokens().replicate)));
  EXPECT_FALSE(run.err.contains(QString::fromLatin1(server->tokens().replicate)));

  const CliRun json = cli({"--json"});
  ASSERT_EQ(json.code, 0) << json.err.toStdString();
  const QJsonArray models = QJsonDocument::fromJson(json.out.toUtf8())["models"].toArray();
  EXPECT_GE(models.size(), 5);
  for (const QJsonValue& m : models)
    EXPECT_EQ(m["status"].toString(), "ok") << m["key"].toString().toStdString();
  EXPECT_FALSE(json.out.contains(QString::fromLatin1(server->tokens().replicate)));
  EXPECT_FALSE(QFileInfo::exists(userModels()));  // nothing was written
  expectNoKeyInFiles();
}

TEST_F(CliModels, ARenamedFieldIsAWarningNamingTheEntryAndTheField) {
  FakeModel m = server->model("minimax/hailuo-2.3-fast");
  for (auto& f : m.fields)
    if (f.first == "first_frame_image") f.first = "start_image";
  server->addModel(m);
  const CliRun run = cli({"hailuo"});
  ASSERT_EQ(run.code, 0) << run.err.toStdString();
  EXPECT_TRUE(run.out.contains("hailuo (minimax/hailuo-2.3-fast): 1 warning(s)"))
      << run.out.toStdString();
  EXPECT_TRUE(
      run.out.contains("warning: hailuo: field \"first_frame_image\" (params.image) is "
                       "no longer an input"))
      << run.out.toStdString();
  EXPECT_EQ(server->count("GET", "/v1/models/"), 1);  // only the key asked for
  EXPECT_FALSE(QFileInfo::exists(userModels()));
}

TEST_F(CliModels, ANewerPinnedVersionIsWrittenIntoTheUserOverrideOnlyWithWrite) {
  writeUserModels({{"models", QJsonObject{{"wan", QJsonObject{{"cost_per_call", 0.5}}}}}});
  FakeModel m = server->model("anotherjesse/zeroscope-v2-xl");
  const QString pinned = m.version;
  m.version = QString(64, 'b');
  server->addModel(m);

  const CliRun look = cli({"zeroscope"});
  ASSERT_EQ(look.code, 0) << look.err.toStdString();
  EXPECT_TRUE(
      look.out.contains("zeroscope (anotherjesse/zeroscope-v2-xl): newer version "
                        "bbbbbbbbbbbb… (the entry pins " +
                        pinned.left(12) + "…)"))
      << look.out.toStdString();
  EXPECT_TRUE(look.out.contains("nothing was changed; run with --write")) << look.out.toStdString();
  EXPECT_FALSE(readUserModels()["models"].toObject().contains("zeroscope"));

  const CliRun write = cli({"--write", "zeroscope"});
  ASSERT_EQ(write.code, 0) << write.err.toStdString();
  EXPECT_TRUE(write.out.contains("zeroscope: version " + pinned + " -> " + QString(64, 'b')))
      << write.out.toStdString();
  EXPECT_TRUE(write.out.contains("wrote ")) << write.out.toStdString();
  const QJsonObject models = readUserModels()["models"].toObject();
  EXPECT_EQ(models["zeroscope"]["version"].toString(), QString(64, 'b'));
  EXPECT_EQ(models["wan"]["cost_per_call"].toDouble(), 0.5);  // the user's own entry is kept

  const CliRun after = cli({"zeroscope"});
  ASSERT_EQ(after.code, 0) << after.err.toStdString();
  EXPECT_TRUE(after.out.contains("zeroscope (anotherjesse/zeroscope-v2-xl): ok"))
      << after.out.toStdString();
  expectNoKeyInFiles();
}

TEST_F(CliModels, AnUnknownModelIsA404NamingItAndExitsWithOne) {
  QJsonObject entry{{"backend", "replicate"},
                    {"model_id", "nobody/vanished"},
                    {"endpoint", "model"},
                    {"fps", 24},
                    {"width", 640},
                    {"height", 360},
                    {"actual_chunk_duration", 5},
                    {"params", QJsonObject{{"prompt", "prompt"}}}};
  writeUserModels({{"models", QJsonObject{{"gone", entry}}}});
  const CliRun run = cli({"gone", "wan"});
  EXPECT_EQ(run.code, 1) << run.out.toStdString();
  EXPECT_TRUE(
      run.out.contains("gone (nobody/vanished): error: Replicate model nobody/vanished "
                       "(registry entry \"gone\"): Replicate has no such model (HTTP 404)"))
      << run.out.toStdString();
  EXPECT_TRUE(run.out.contains("wan (wavespeedai/wan-2.1-i2v-480p): ok")) << run.out.toStdString();

  const CliRun local = cli({"local"});
  EXPECT_EQ(local.code, 1);
  EXPECT_TRUE(local.err.contains("\"local\" is not a Replicate model")) << local.err.toStdString();
}

}  // namespace
