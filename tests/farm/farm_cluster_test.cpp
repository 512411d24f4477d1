// `scenewright-cli farm` on a real Slurm (issue 14 parts 3 and 4): a private single-node
// cluster (slurm_cluster.h) runs the array job; scenes are submitted, waited for, fetched into
// exports/ and measured; a task whose bundle lost an asset is reported failed with its log; a
// pending job is cancelled. The daemons not starting fails the test with their logs.
#include <gtest/gtest.h>

extern "C" {
#include <libavformat/avformat.h>
}

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include "media/probe.h"
#include "model/project_store.h"
#include "slurm_cluster.h"
#include "support/model_override.h"
#include "support/wait.h"

namespace sw::farm::test {
namespace {

QStringList chapterTitles(const QString& path) {
  AVFormatContext* ctx = nullptr;
  QStringList out;
  if (avformat_open_input(&ctx, path.toUtf8().constData(), nullptr, nullptr) < 0) return out;
  for (unsigned i = 0; i < ctx->nb_chapters; ++i) {
    const AVDictionaryEntry* t = av_dict_get(ctx->chapters[i]->metadata, "title", nullptr, 0);
    out << (t ? QString::fromUtf8(t->value) : QString());
  }
  avformat_close_input(&ctx);
  return out;
}

struct CliRun {
  int code = -1;
  QString out;
  QString err;
};

class FarmCluster : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(tmp.isValid());
    QString error;
    ASSERT_TRUE(cluster.start(&error)) << error.toStdString();
    ASSERT_TRUE(
        sw::testsupport::writeModelOverride(sw::testsupport::modelOverridePath(config()),
                                            {{"tiny", sw::testsupport::tinyLocalModel(1.0, 12)}}));
    auto store = sw::model::ProjectStore::create(project(), QStringLiteral("Farm Film"));
    const QList<std::pair<const char*, double>> scenes{
        {"Harbour", 1.0}, {"Lighthouse", 2.0}, {"Storm", 1.0}};
    for (const auto& [title, seconds] : scenes) {
      sw::model::Scene scene;
      scene.title = QString::fromUtf8(title);
      scene.visualPrompt = QStringLiteral("a quiet harbour");
      scene.targetDuration = seconds;
      scene.modelKey = QStringLiteral("tiny");
      store->addScene(scene);
    }
    QDir().mkpath(spool());
  }
  void TearDown() override {
    if (!blocker.isEmpty()) slurm(QStringLiteral("scancel"), {blocker});
    cluster.stop();
  }
  QString project() const { return tmp.filePath(QStringLiteral("P.scenewright")); }
  QString config() const { return tmp.filePath(QStringLiteral("config")); }
  QString spool() const { return tmp.filePath(QStringLiteral("spool")); }
  CliRun cli(const QStringList& args) const {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();  // SLURM_CONF too
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config());
    env.insert(QStringLiteral("SCENEWRIGHT_CACHE_DIR"), tmp.filePath(QStringLiteral("cache")));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SW_CLI), args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
  }
  QJsonArray status() const {
    const CliRun r = cli({"farm", "status", project(), "--json"});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    return QJsonDocument::fromJson(r.out.toUtf8()).array();
  }
  // Until every farm task of the project has finished on the cluster (bounded by the test's
  // TIMEOUT, the wait's limit only a net).
  bool waitForTasks() const {
    return sw::testsupport::waitUntil(
        [&] {
          const QJsonArray rows = status();
          for (const QJsonValue& v : rows) {
            const QString state = v.toObject().value("state").toString();
            if (state == QLatin1String("PENDING") || state == QLatin1String("RUNNING") ||
                state == QLatin1String("COMPLETING") || state == QLatin1String("CONFIGURING"))
              return false;
          }
          return !rows.isEmpty();
        },
        std::chrono::minutes(8), std::chrono::milliseconds(500));
  }
  // Waits for every task, then expects each to have completed.
  void expectEveryTaskCompleted() const {
    ASSERT_TRUE(waitForTasks()) << QJsonDocument(status()).toJson().toStdString();
    for (const QJsonValue& v : status())
      EXPECT_EQ(v.toObject().value("state").toString(), QStringLiteral("COMPLETED"))
          << QJsonDocument(v.toObject()).toJson().toStdString();
  }
  QJsonArray jobs() const {
    return QJsonDocument::fromJson(cli({"jobs", project(), "--json"}).out.toUtf8()).array();
  }

  QTemporaryDir tmp;
  SlurmCluster cluster;
  QString blocker;  // a job holding the node, cancelled at the end
};

TEST_F(FarmCluster, ScenesRenderOnTheClusterAndLandInExports) {
  const CliRun submit =
      cli({"farm", "submit", project(), "--scene", "1", "--scene", "2", "--scene", "3", "--preview",
           "--tracks", "none", "--spool", spool(), "--cpus-per-task", "1", "--time", "30"});
  ASSERT_EQ(submit.code, 0) << submit.err.toStdString();
  const QString arrayJob = submit.out.trimmed();
  ASSERT_FALSE(arrayJob.isEmpty());
  const QJsonArray first = status();
  ASSERT_EQ(first.size(), 3) << submit.err.toStdString();
  EXPECT_EQ(first[0].toObject().value("slurmJob").toString(), arrayJob + QStringLiteral("_0"));
  ASSERT_NO_FATAL_FAILURE(expectEveryTaskCompleted());

  const CliRun fetch = cli({"farm", "fetch", project()});
  ASSERT_EQ(fetch.code, 0) << fetch.out.toStdString() << fetch.err.toStdString();
  EXPECT_TRUE(fetch.out.contains(QStringLiteral("fetched 3"))) << fetch.out.toStdString();
  const QString exports = tmp.filePath(QStringLiteral("P.scenewright/exports/"));
  const QList<std::pair<const char*, double>> expected{
      {"01-harbour.mp4", 1.0}, {"02-lighthouse.mp4", 2.0}, {"03-storm.mp4", 1.0}};
  for (const auto& [name, seconds] : expected) {
    const QString file = exports + QString::fromUtf8(name);
    ASSERT_TRUE(QFileInfo::exists(file)) << name;
    EXPECT_NEAR(sw::media::probe(file).duration, seconds, 0.2) << name;
    QFile m(file + QStringLiteral(".json"));
    ASSERT_TRUE(m.open(QIODevice::ReadOnly)) << name;
    const QJsonObject manifest = QJsonDocument::fromJson(m.readAll()).object();
    EXPECT_TRUE(manifest.value("stitch").toObject().contains("path")) << name;
    EXPECT_TRUE(
        manifest.value("farm").toObject().value("slurmJob").toString().startsWith(arrayJob));
  }
  int completed = 0;
  for (const QJsonValue& v : jobs()) {
    const QJsonObject j = v.toObject();
    if (!j.value("output").toString().startsWith(exports)) continue;
    EXPECT_EQ(j.value("status").toString(), QStringLiteral("completed"));
    ++completed;
  }
  EXPECT_EQ(completed, 3);
  EXPECT_TRUE(status().isEmpty());  // nothing left on the cluster
}

TEST_F(FarmCluster, AFilmRendersAsAnArrayThenItsAssemblyJob) {
  const CliRun submit =
      cli({"farm", "submit", project(), "--film", "--transition", "crossfade:0.5", "--preview",
           "--tracks", "none", "--spool", spool(), "--cpus-per-task", "1", "--time", "30"});
  ASSERT_EQ(submit.code, 0) << submit.err.toStdString();
  const QStringList ids = submit.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  ASSERT_EQ(ids.size(), 2) << submit.out.toStdString();
  const QJsonArray first = status();
  ASSERT_EQ(first.size(), 4);
  const QJsonObject assembly = first.last().toObject();
  EXPECT_TRUE(assembly.value("film").toBool());
  EXPECT_EQ(assembly.value("slurmJob").toString(), ids.at(1) + QStringLiteral("_0"));
  ASSERT_NO_FATAL_FAILURE(expectEveryTaskCompleted());

  const CliRun fetch = cli({"farm", "fetch", project()});
  ASSERT_EQ(fetch.code, 0) << fetch.out.toStdString() << fetch.err.toStdString();
  EXPECT_TRUE(fetch.out.contains(QStringLiteral("fetched 4"))) << fetch.out.toStdString();
  // Named after its batch, so a second film does not replace it.
  const QStringList films = QDir(tmp.filePath(QStringLiteral("P.scenewright/exports")))
                                .entryList({QStringLiteral("*-film.mp4")}, QDir::Files);
  ASSERT_EQ(films.size(), 1) << films.join(' ').toStdString();
  const QString film = tmp.filePath(QStringLiteral("P.scenewright/exports/") + films.first());
  ASSERT_TRUE(QFileInfo::exists(film));
  // 1 + 2 + 1 s with two crossfades of 0.5 s.
  EXPECT_NEAR(sw::media::probe(film).duration, 3.0, 0.2);
  EXPECT_EQ(chapterTitles(film),
            (QStringList{QStringLiteral("Harbour"), QStringLiteral("Lighthouse"),
                         QStringLiteral("Storm")}));
  QFile m(film + QStringLiteral(".json"));
  ASSERT_TRUE(m.open(QIODevice::ReadOnly));
  const QJsonObject manifest = QJsonDocument::fromJson(m.readAll()).object();
  EXPECT_EQ(manifest.value("format").toString(), QStringLiteral("scenewright-film-manifest"));
  const QJsonArray scenes = manifest.value("scenes").toArray();
  ASSERT_EQ(scenes.size(), 3);
  EXPECT_EQ(scenes[0].toObject().value("transitionOut").toString(),
            QStringLiteral("crossfade:0.5"));
  EXPECT_TRUE(QFileInfo::exists(scenes[1].toObject().value("manifest").toString()));
  EXPECT_NEAR(manifest.value("stitch").toObject().value("duration").toDouble(), 3.0, 0.2);
  EXPECT_TRUE(status().isEmpty());
}

TEST_F(FarmCluster, AFailedSceneTaskLeavesTheFilmUnassembledAndReported) {
  // The nodes' CLI fails scene task 1 (a node without its codecs, say); the rest is real.
  const QString wrapper = tmp.filePath(QStringLiteral("cli.sh"));
  QFile w(wrapper);
  ASSERT_TRUE(w.open(QIODevice::WriteOnly));
  w.write(QStringLiteral(
              "#!/bin/sh\n"
              "if [ \"$SLURM_JOB_NAME\" = scenewright ] && [ \"$SLURM_ARRAY_TASK_ID\" = 1 ]; "
              "then echo 'this node cannot render' >&2; exit 3; fi\n"
              "exec '%1' \"$@\"\n")
              .arg(QStringLiteral(SW_CLI))
              .toUtf8());
  w.close();
  w.setPermissions(w.permissions() | QFile::ExeOwner);
  const CliRun submit = cli({"farm", "submit", project(), "--film", "--preview", "--tracks", "none",
                             "--spool", spool(), "--cli", wrapper});
  ASSERT_EQ(submit.code, 0) << submit.err.toStdString();
  const QString assemblyJob = submit.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).value(1);
  ASSERT_TRUE(sw::testsupport::waitUntil(
      [&] {
        const QJsonArray rows = status();
        if (rows.size() != 4) return false;
        for (int i = 0; i < 3; ++i) {
          const QString state = rows[i].toObject().value("state").toString();
          if (state != QLatin1String("COMPLETED") && state != QLatin1String("FAILED")) return false;
        }
        return rows.last().toObject().value("reason").toString().contains(
            QStringLiteral("DependencyNeverSatisfied"));
      },
      std::chrono::minutes(5), std::chrono::milliseconds(500)))
      << QJsonDocument(status()).toJson().toStdString();
  const CliRun fetch = cli({"farm", "fetch", project()});
  EXPECT_EQ(fetch.code, 1);
  EXPECT_TRUE(fetch.out.contains(QStringLiteral("fetched 2, failed 2"))) << fetch.out.toStdString();
  const QJsonObject last = jobs().last().toObject();
  EXPECT_EQ(last.value("status").toString(), QStringLiteral("failed"));
  EXPECT_TRUE(last.value("error").toString().contains(QStringLiteral("can never be satisfied")))
      << last.value("error").toString().toStdString();
  const QString state =
      slurm(QStringLiteral("scontrol"), {"show", "job", "-o", assemblyJob}).section("JobState=", 1);
  EXPECT_TRUE(state.startsWith(QStringLiteral("CANCELLED"))) << state.toStdString();
  EXPECT_TRUE(QDir(tmp.filePath(QStringLiteral("P.scenewright/exports")))
                  .entryList({QStringLiteral("*-film.mp4")}, QDir::Files)
                  .isEmpty());
  EXPECT_TRUE(status().isEmpty());
}

TEST_F(FarmCluster, ATaskWithAMissingAssetIsReportedFailedWithItsLog) {
  const QString bundle = spool() + QStringLiteral("/broken.swjob");
  const CliRun b =
      cli({"bundle", project(), "--scene", "1", "--preview", "--tracks", "none", "-o", bundle});
  ASSERT_EQ(b.code, 0) << b.err.toStdString();
  const QStringList assets = QDir(bundle + QStringLiteral("/assets")).entryList(QDir::Files);
  ASSERT_FALSE(assets.isEmpty());
  ASSERT_TRUE(QFile::remove(bundle + QStringLiteral("/assets/") + assets.first()));

  const CliRun submit = cli({"farm", "submit", project(), "--bundle", bundle, "--spool", spool()});
  ASSERT_EQ(submit.code, 0) << submit.err.toStdString();
  ASSERT_TRUE(waitForTasks()) << QJsonDocument(status()).toJson().toStdString();
  EXPECT_EQ(status().first().toObject().value("state").toString(), QStringLiteral("FAILED"));
  const CliRun fetch = cli({"farm", "fetch", project()});
  EXPECT_EQ(fetch.code, 1);
  EXPECT_TRUE(fetch.out.contains(QStringLiteral("failed 1"))) << fetch.out.toStdString();
  const QJsonArray rows = jobs();
  const QJsonObject last = rows.last().toObject();
  EXPECT_EQ(last.value("status").toString(), QStringLiteral("failed"));
  const QString error = last.value("error").toString();
  EXPECT_TRUE(error.contains(QStringLiteral("FAILED"))) << error.toStdString();
  EXPECT_TRUE(error.contains(assets.first())) << error.toStdString();  // the log's own line
}

TEST_F(FarmCluster, CancelStopsAPendingJob) {
  // The node busy with another user's job: ours waits (PENDING, Resources).
  int code = -1;
  blocker = slurm(QStringLiteral("sbatch"),
                  {"--parsable", "--exclusive", "--output=/dev/null", "--wrap", "sleep 600"}, &code)
                .trimmed();
  ASSERT_EQ(code, 0) << blocker.toStdString();
  ASSERT_TRUE(sw::testsupport::waitUntil(
      [&] {
        return slurm(QStringLiteral("squeue"), {"-h", "-j", blocker, "-o", "%T"}).trimmed() ==
               QLatin1String("RUNNING");
      },
      std::chrono::minutes(2), std::chrono::milliseconds(200)));
  const CliRun submit = cli({"farm", "submit", project(), "--scene", "1", "--preview", "--tracks",
                             "none", "--spool", spool()});
  ASSERT_EQ(submit.code, 0) << submit.err.toStdString();
  const QString arrayJob = submit.out.trimmed();
  EXPECT_EQ(status().first().toObject().value("state").toString(), QStringLiteral("PENDING"));

  const CliRun cancel = cli({"farm", "cancel", project()});
  ASSERT_EQ(cancel.code, 0) << cancel.err.toStdString();
  EXPECT_TRUE(cancel.out.contains(QStringLiteral("cancelled 1"))) << cancel.out.toStdString();
  const QString state =
      slurm(QStringLiteral("scontrol"), {"show", "job", "-o", arrayJob}).section("JobState=", 1);
  EXPECT_TRUE(state.startsWith(QStringLiteral("CANCELLED"))) << state.toStdString();
  EXPECT_EQ(jobs().last().toObject().value("status").toString(), QStringLiteral("cancelled"));
  EXPECT_TRUE(status().isEmpty());
}

}  // namespace
}  // namespace sw::farm::test
