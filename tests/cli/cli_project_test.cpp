// Runs the real scenewright-cli binary and checks output and exit codes.
#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "model/schema.h"
#include "support/user_folders.h"

namespace {

struct CliRun {
  int code = -1;
  QString out;
  QString err;
};

CliRun cli(const QStringList& args) {
  QProcess p;
  p.setProcessEnvironment(sw::testsupport::isolatedEnvironment());  // never the user's settings
  p.start(QStringLiteral(SW_CLI), args);
  p.waitForFinished(120000);
  return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
          QString::fromUtf8(p.readAllStandardOutput()),
          QString::fromUtf8(p.readAllStandardError())};
}

const QString kSample = QStringLiteral(SW_SOURCE_DIR "/resources/sample/sample_project.json");

}  // namespace

TEST(CliProject, NewThenInfoJson) {
  QTemporaryDir tmp;
  const QString dir = tmp.filePath(QStringLiteral("p"));
  ASSERT_EQ(cli({"new", dir, "--name", "Demo"}).code, 0);
  const CliRun info = cli({"info", dir, "--json"});
  ASSERT_EQ(info.code, 0) << info.err.toStdString();
  const QJsonObject json = QJsonDocument::fromJson(info.out.toUtf8()).object();
  EXPECT_EQ(json["name"].toString(), QStringLiteral("Demo"));
  EXPECT_EQ(json["scenes"].toInt(), 0);
  EXPECT_EQ(json["schemaVersion"].toInt(),
            sw::model::schema::kCurrentVersion);  // the one it writes
}

TEST(CliProject, ImportExportRoundTripsTheSample) {
  QTemporaryDir tmp;
  const QString a = tmp.filePath(QStringLiteral("a")), b = tmp.filePath(QStringLiteral("b"));
  ASSERT_EQ(cli({"import-json", kSample, a}).code, 0);
  ASSERT_EQ(cli({"export-json", a, tmp.filePath(QStringLiteral("a.json"))}).code, 0);
  ASSERT_EQ(cli({"import-json", tmp.filePath(QStringLiteral("a.json")), b}).code, 0);
  ASSERT_EQ(cli({"export-json", b, tmp.filePath(QStringLiteral("b.json"))}).code, 0);
  QFile fa(tmp.filePath(QStringLiteral("a.json"))), fb(tmp.filePath(QStringLiteral("b.json")));
  ASSERT_TRUE(fa.open(QIODevice::ReadOnly) && fb.open(QIODevice::ReadOnly));
  EXPECT_EQ(fa.readAll(), fb.readAll());
  const CliRun scenes = cli({"scenes", a, "--json"});
  ASSERT_EQ(scenes.code, 0);
  const QJsonArray rows = QJsonDocument::fromJson(scenes.out.toUtf8()).array();
  ASSERT_EQ(rows.size(), 3);
  EXPECT_EQ(rows[0].toObject()["title"].toString(), QStringLiteral("Storm Warning"));
}

TEST(CliProject, BadArgumentsAreUserErrorsWithOneLine) {
  QTemporaryDir tmp;
  const struct {
    QStringList args;
    const char* needle;
  } cases[] = {
      {{}, "Usage"},
      {{"frobnicate"}, "unknown command"},
      {{"info"}, "missing argument"},
      {{"info", tmp.path(), "--bogus"}, "Unknown option"},
      {{"info", tmp.filePath(QStringLiteral("missing"))}, "no project here"},
      {{"new", tmp.path(), "--name"}, "Missing value"},
      {{"import-json", tmp.filePath(QStringLiteral("nope.json")),
        tmp.filePath(QStringLiteral("x"))},
       "no such file"},
      {{"scenes", tmp.path(), "extra"}, "unexpected argument"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.args.join(' ').toStdString());
    const CliRun r = cli(c.args);
    EXPECT_EQ(r.code, 1);
    const QString all = r.out + r.err;
    EXPECT_TRUE(all.contains(QLatin1String(c.needle), Qt::CaseInsensitive)) << all.toStdString();
    if (!c.args.isEmpty()) {
      EXPECT_EQ(r.err.count(QLatin1Char(QChar::LineFeed)), 1) << r.err.toStdString();
    }
  }
}

TEST(CliProject, NotAProjectIsRefusedAndUntouched) {
  QTemporaryDir tmp;
  QFile f(tmp.filePath(QStringLiteral("project.db")));
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write("this is a text file, not a database, padded to be long enough...........");
  f.close();
  const CliRun r = cli({"info", tmp.path()});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("not a Scenewright project")));
}

TEST(CliProject, EveryCommandHasHelp) {
  const CliRun overview = cli({"--help"});
  ASSERT_EQ(overview.code, 0);
  for (const char* name : {"new", "info", "scenes", "export-json", "import-json"}) {
    SCOPED_TRACE(name);
    EXPECT_TRUE(overview.out.contains(QLatin1String(name)));
    const CliRun help = cli({QString::fromLatin1(name), "--help"});
    EXPECT_EQ(help.code, 0);
    EXPECT_TRUE(
        help.out.startsWith(QStringLiteral("Usage: scenewright-cli ") + QLatin1String(name)));
  }
}
