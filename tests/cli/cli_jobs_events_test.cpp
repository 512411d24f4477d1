// `scenewright-cli jobs DIR --events JOB` (issue 13 part 9): a real local render's job log as
// aligned text (the rows of render::describeJobEvents, as the queue dock's Log dialog shows
// them) and, with --json, as objects with the recorded data.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "model/project_store.h"
#include "support/model_override.h"

namespace {

struct CliRun {
  int code = -1;
  QString out;
  QString err;
};

class CliJobsEvents : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(tmp.isValid());
    // 1 s chunks at 320x180 on the local backend.
    ASSERT_TRUE(
        sw::testsupport::writeModelOverride(sw::testsupport::modelOverridePath(config()),
                                            {{"tiny", sw::testsupport::tinyLocalModel(1.0, 12)}}));
    auto store = sw::model::ProjectStore::create(project(), QStringLiteral("Log"));
    sw::model::Scene scene;
    scene.title = QStringLiteral("Harbour");
    scene.visualPrompt = QStringLiteral("a quiet harbour");
    scene.targetDuration = 1.0;
    scene.modelKey = QStringLiteral("tiny");
    store->addScene(scene);
  }
  QString project() const { return tmp.filePath(QStringLiteral("P.scenewright")); }
  QString config() const { return tmp.filePath(QStringLiteral("config")); }
  CliRun cli(const QStringList& args) const {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config());
    env.insert(QStringLiteral("SCENEWRIGHT_CACHE_DIR"), tmp.filePath(QStringLiteral("cache")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SW_CLI), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
  }
  QTemporaryDir tmp;
};

TEST_F(CliJobsEvents, PrintsTheJobLogOfARender) {
  const CliRun render = cli({"render", project(), "--scene", "1", "--preview", "--tracks", "none"});
  ASSERT_EQ(render.code, 0) << render.err.toStdString();
  const CliRun text = cli({"jobs", project(), "--events", "1"});
  ASSERT_EQ(text.code, 0) << text.err.toStdString();
  const QStringList lines = text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  ASSERT_GE(lines.size(), 5) << text.out.toStdString();
  EXPECT_TRUE(lines.first().startsWith(QStringLiteral("time")));
  const qsizetype what = lines.first().indexOf(QStringLiteral("what"));
  const qsizetype step = lines.first().indexOf(QStringLiteral("step"));
  ASSERT_GT(what, 0);
  // Aligned: every row's step starts under the header's.
  for (const QString& line : lines.mid(1))
    EXPECT_NE(line.at(step), QLatin1Char(' ')) << line.toStdString();
  EXPECT_TRUE(lines.at(1).contains(QStringLiteral("Start")));
  EXPECT_TRUE(text.out.contains(QStringLiteral("Estimate")));
  const auto video = std::find_if(lines.begin(), lines.end(), [](const QString& l) {
    return l.contains(QStringLiteral("Generate video"));
  });
  ASSERT_NE(video, lines.end()) << text.out.toStdString();
  EXPECT_TRUE(video->contains(QStringLiteral("local / tiny")));
  EXPECT_TRUE(video->contains(QStringLiteral("$0.00")));
  EXPECT_TRUE(video->contains(QStringLiteral("\"a quiet harbour\"")));
  EXPECT_TRUE(video->contains(QStringLiteral("seed ")));
  EXPECT_TRUE(lines.last().contains(QStringLiteral("Done")));
  EXPECT_TRUE(lines.last().contains(QStringLiteral("exports/01-harbour.mp4")));

  const CliRun json = cli({"jobs", project(), "--events", "1", "--json"});
  ASSERT_EQ(json.code, 0) << json.err.toStdString();
  const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
  ASSERT_EQ(rows.size(), lines.size() - 1);
  EXPECT_EQ(rows.first().toObject().value("step").toString(), QStringLiteral("Start"));
  EXPECT_EQ(rows.first().toObject().value("kind").toString(), QStringLiteral("started"));
  bool sawVideo = false;
  for (const QJsonValue& v : rows) {
    const QJsonObject r = v.toObject();
    if (r.value("step").toString() != QLatin1String("Generate video")) continue;
    sawVideo = true;
    EXPECT_EQ(r.value("model").toString(), QStringLiteral("local / tiny"));
    EXPECT_TRUE(r.value("costUsd").isDouble());
    EXPECT_TRUE(r.value("seconds").isDouble());
    EXPECT_TRUE(r.value("data").toObject().contains("inputs"));
  }
  EXPECT_TRUE(sawVideo);
}

TEST_F(CliJobsEvents, AnUnknownJobIsAUserError) {
  const CliRun r = cli({"jobs", project(), "--events", "7"});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("no render job 7"))) << r.err.toStdString();
}

}  // namespace
