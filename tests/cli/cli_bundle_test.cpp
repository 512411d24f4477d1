// Portable plans and job bundles (issue 14 part 2): a plan's relative paths name files beside
// the plan, not in the current directory, and `bundle` writes a folder that renders with only
// `stitch --plan JOB.swjob/plan.json` after it was moved somewhere else.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "media/probe.h"
#include "model/project_store.h"
#include "support/media_fixtures.h"
#include "support/model_override.h"

namespace {

struct CliRun {
  int code = -1;
  QString out;
  QString err;
};

QJsonObject readJson(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object()
                                     : QJsonObject();
}

class CliBundle : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(tmp.isValid());
    ASSERT_TRUE(
        sw::testsupport::writeModelOverride(sw::testsupport::modelOverridePath(config()),
                                            {{"tiny", sw::testsupport::tinyLocalModel(1.0, 12)}}));
  }
  QString project() const { return tmp.filePath(QStringLiteral("P.scenewright")); }
  QString config() const { return tmp.filePath(QStringLiteral("config")); }
  void addScene(const QString& title, double seconds) {
    auto store = sw::model::ProjectStore::open(project());
    sw::model::Scene scene;
    scene.title = title;
    scene.visualPrompt = QStringLiteral("a quiet harbour");
    scene.targetDuration = seconds;
    scene.modelKey = QStringLiteral("tiny");
    store->addScene(scene);
  }
  CliRun cli(const QStringList& args, const QString& cwd = {}) const {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config());
    env.insert(QStringLiteral("SCENEWRIGHT_CACHE_DIR"), tmp.filePath(QStringLiteral("cache")));
    p.setProcessEnvironment(env);
    if (!cwd.isEmpty()) p.setWorkingDirectory(cwd);
    p.start(QStringLiteral(SW_CLI), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
  }
  QTemporaryDir tmp;
};

TEST_F(CliBundle, APlansRelativePathsNameFilesBesideThePlan) {
  const QString media = tmp.filePath(QStringLiteral("media"));
  QDir().mkpath(media);
  sw::testsupport::ClipSpec spec;
  spec.seconds = 1.0;
  sw::testsupport::makeClip(media + QStringLiteral("/a.mp4"), spec);
  sw::testsupport::makeClip(media + QStringLiteral("/b.mp4"), spec);
  QFile plan(media + QStringLiteral("/plan.json"));
  ASSERT_TRUE(plan.open(QIODevice::WriteOnly));
  plan.write(QJsonDocument(QJsonObject{{"version", 1},
                                       {"segments", QJsonArray{QJsonObject{{"file", "a.mp4"}},
                                                               QJsonObject{{"file", "b.mp4"}}}},
                                       {"output", QJsonObject{{"path", "joined.mp4"}}}})
                 .toJson());
  plan.close();
  // Run from another folder: the old code looked for a.mp4 there.
  const QString elsewhere = tmp.filePath(QStringLiteral("elsewhere"));
  QDir().mkpath(elsewhere);
  const CliRun r = cli({"stitch", "--plan", media + QStringLiteral("/plan.json")}, elsewhere);
  ASSERT_EQ(r.code, 0) << r.err.toStdString();
  const QString joined = media + QStringLiteral("/joined.mp4");
  ASSERT_TRUE(QFileInfo::exists(joined));
  EXPECT_FALSE(QFileInfo::exists(elsewhere + QStringLiteral("/joined.mp4")));
  EXPECT_NEAR(sw::media::probe(joined).duration, 2.0, 0.15);
}

TEST_F(CliBundle, AMovedBundleRendersWithOnlyStitch) {
  ASSERT_TRUE(sw::model::ProjectStore::create(project(), QStringLiteral("Bundles")));
  addScene(QStringLiteral("Harbour"), 2.0);
  const QString bundle = tmp.filePath(QStringLiteral("out/harbour.swjob"));
  const CliRun b =
      cli({"bundle", project(), "--scene", "1", "--preview", "--tracks", "none", "-o", bundle});
  ASSERT_EQ(b.code, 0) << b.err.toStdString();
  ASSERT_TRUE(QFileInfo(bundle + QStringLiteral("/plan.json")).isFile()) << b.err.toStdString();

  const QJsonObject job = readJson(bundle + QStringLiteral("/job.json"));
  EXPECT_EQ(job.value("format").toString(), QStringLiteral("scenewright-job"));
  EXPECT_EQ(job.value("output").toString(), QStringLiteral("01-harbour.mp4"));
  EXPECT_EQ(job.value("scene").toObject().value("title").toString(), QStringLiteral("Harbour"));
  EXPECT_EQ(job.value("project").toObject().value("name").toString(), QStringLiteral("Bundles"));
  EXPECT_TRUE(job.value("app").toString().contains(QStringLiteral("Scenewright")))
      << job.value("app").toString().toStdString();
  EXPECT_TRUE(job.value("settings").toObject().value("preview").toBool());
  EXPECT_TRUE(QFileInfo(bundle + QStringLiteral("/manifest.json")).isFile());

  // Every path in the plan is relative and inside the bundle.
  const QJsonObject plan = readJson(bundle + QStringLiteral("/plan.json"));
  const QJsonArray segments = plan.value("segments").toArray();
  ASSERT_FALSE(segments.isEmpty());
  for (const QJsonValue& s : segments) {
    const QString file = s.toObject().value("file").toString();
    EXPECT_TRUE(QFileInfo(file).isRelative()) << file.toStdString();
    EXPECT_TRUE(file.startsWith(QStringLiteral("assets/"))) << file.toStdString();
    EXPECT_TRUE(QFileInfo::exists(bundle + QLatin1Char('/') + file)) << file.toStdString();
  }
  EXPECT_EQ(plan.value("output").toObject().value("path").toString(),
            QStringLiteral("01-harbour.mp4"));

  // Moved to another machine's folder, the cache gone: it renders from what it holds.
  const QString moved = tmp.filePath(QStringLiteral("node/job.swjob"));
  QDir().mkpath(tmp.filePath(QStringLiteral("node")));
  ASSERT_TRUE(QDir().rename(bundle, moved));
  ASSERT_TRUE(QDir(tmp.filePath(QStringLiteral("cache"))).removeRecursively());
  const CliRun s = cli({"stitch", "--plan", moved + QStringLiteral("/plan.json")}, tmp.path());
  ASSERT_EQ(s.code, 0) << s.err.toStdString();
  const QString out = moved + QStringLiteral("/01-harbour.mp4");
  ASSERT_TRUE(QFileInfo::exists(out)) << s.out.toStdString();
  EXPECT_NEAR(sw::media::probe(out).duration, 2.0, 0.2);
}

TEST_F(CliBundle, RefusesABundleThatExists) {
  ASSERT_TRUE(sw::model::ProjectStore::create(project(), QStringLiteral("Bundles")));
  addScene(QStringLiteral("Harbour"), 1.0);
  const QString bundle = tmp.filePath(QStringLiteral("taken.swjob"));
  QDir().mkpath(bundle + QStringLiteral("/assets"));
  const CliRun b = cli({"bundle", project(), "--scene", "1", "--preview", "-o", bundle});
  EXPECT_EQ(b.code, 1);
  EXPECT_TRUE(b.err.contains(QStringLiteral("already exists"))) << b.err.toStdString();
}

}  // namespace
