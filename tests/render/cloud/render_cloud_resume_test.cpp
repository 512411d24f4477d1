// kill -9 a real `scenewright-cli render --backend replicate` while a prediction is in flight,
// then `scenewright-cli resume`: finished assets are not asked for again, and the in-flight
// prediction is found again by its stored id (polled, not created a second time).
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSettings>
#include <QThread>
#include <csignal>

#include "media/probe.h"
#include "render_cloud_fixture.h"

using namespace sw;
using namespace sw::rendercloud;

namespace {

constexpr double kCliScale = 0.05;  // the CLI's Replicate client polls every 50 ms

class RenderCloudResume : public RenderCloudTest {
 protected:
  void SetUp() override {
    RenderCloudTest::SetUp();
    writePreferences(QStringLiteral("{}"));
  }
  // The CLI reads the Preferences the GUI writes (QSettings under XDG_CONFIG_HOME): which backend
  // serves each capability, and a faster clock for the Replicate client. Base URL and key come
  // from the environment.
  void writePreferences(const QString& backendsJson) {
    QSettings settings(configFolder() + QStringLiteral("/Scenewright/Scenewright.conf"),
                       QSettings::IniFormat);
    settings.setValue(QStringLiteral("generation/backends"), backendsJson);
    settings.setValue(QStringLiteral("generation/backendOptions"),
                      QStringLiteral(R"({"replicate":{"timeScale":%1}})").arg(kCliScale));
    settings.sync();
    ASSERT_EQ(settings.status(), QSettings::NoError);
  }
  // Starts `scenewright-cli render`, waits until the job has stored `count` remote ids, kills it
  // with SIGKILL; returns the job id and the stored ids.
  QStringList renderAndKill(const QStringList& args, int count, model::Id* job) {
    QProcess cli;
    cli.setProcessEnvironment(cliEnvironment());
    cli.start(QStringLiteral(SW_CLI), args);
    EXPECT_TRUE(cli.waitForStarted());
    QStringList stored;
    QElapsedTimer waited;
    waited.start();
    std::unique_ptr<model::ProjectStore> store;
    while (cli.state() == QProcess::Running && waited.elapsed() < 60000 && stored.size() < count) {
      cli.waitForFinished(5);  // also lets QProcess notice an early exit
      if (!store) store = openStore();
      if (store->jobs().isEmpty()) continue;
      *job = store->jobs().first().id;
      stored = storedRemoteIds(*store, *job);
    }
    EXPECT_EQ(cli.state(), QProcess::Running) << "finished before the kill";
    ::kill(pid_t(cli.processId()), SIGKILL);
    cli.waitForFinished();
    EXPECT_EQ(stored.size(), count) << cli.readAllStandardError().toStdString();
    return stored;
  }
  void resumeAndExpectCompleted(model::Id job) {
    QProcess resume;
    resume.setProcessEnvironment(cliEnvironment());
    resume.start(QStringLiteral(SW_CLI),
                 {QStringLiteral("resume"), projectFolder(), QString::number(job)});
    ASSERT_TRUE(resume.waitForFinished(120000));
    ASSERT_EQ(resume.exitCode(), 0) << resume.readAllStandardError().toStdString();
    ASSERT_EQ(openStore()->job(job)->status, model::JobStatus::Completed);
  }
  // The remote ids the job stored (kind "remote.started"), in order.
  QStringList storedRemoteIds(model::ProjectStore& store, model::Id job) {
    QStringList ids;
    for (const model::JobEvent& e : store.jobEvents(job))
      if (e.kind == QLatin1String("remote.started"))
        ids << e.data.value(QStringLiteral("remoteId")).toString();
    return ids;
  }
  // The stored id of the reference image's prediction, if any.
  QString storedImageId(model::Id job) {
    for (const model::JobEvent& e : openStore()->jobEvents(job))
      if (e.kind == QLatin1String("remote.started") &&
          e.data.value(QStringLiteral("referenceImage")).toBool())
        return e.data.value(QStringLiteral("remoteId")).toString();
    return {};
  }
  QStringList renderArgs(const QString& tracks) const {
    return {QStringLiteral("render"),
            projectFolder(),
            QStringLiteral("--scene"),
            QStringLiteral("1"),
            QStringLiteral("--preview"),
            QStringLiteral("--backend"),
            QStringLiteral("replicate"),
            QStringLiteral("--tracks"),
            tracks,
            QStringLiteral("-o"),
            outputPath()};
  }
};

}  // namespace

TEST_F(RenderCloudResume, KilledCliResumesTheInFlightPredictionByItsStoredId) {
  // Each video prediction needs 12 polls (about 0.6 s): time enough to kill the CLI mid-way.
  fakecloud::Scenario scenario;
  scenario.replicate.startingPolls = 1;
  scenario.replicate.processingPolls = 10;
  server->setScenario(scenario);

  model::Id job = 0;
  // Killed as soon as chunk 2's prediction is stored (after the reference image's and chunk 1's):
  // the image and chunk 1 are finished, chunk 2 is in flight.
  const QStringList stored = renderAndKill(renderArgs(QStringLiteral("none")), 3, &job);
  ASSERT_EQ(stored.size(), 3);
  ASSERT_EQ(storedImageId(job), stored[0]);
  const QString finished = stored[1];
  const QString inFlight = stored[2];
  ASSERT_NE(server->prediction(inFlight).value(QStringLiteral("status")).toString(),
            QStringLiteral("succeeded"))
      << "chunk 2 finished before the kill";
  const int logAtKill = int(server->requests().size());
  resumeAndExpectCompleted(job);
  auto store = openStore();
  EXPECT_GT(media::probe(outputPath()).duration, 1.5);

  // One create per chunk and one reference image in all: nothing was created again.
  EXPECT_EQ(creates(kHailuo).size(), 2);
  EXPECT_EQ(creates(kFlux).size(), 1);
  EXPECT_EQ(server->predictionCount(), 3);
  const QList<fakecloud::LoggedRequest> all = server->requests();
  int polledAfter = 0;
  for (int i = logAtKill; i < all.size(); ++i) {
    const fakecloud::LoggedRequest& r = all[i];
    EXPECT_NE(r.method, QByteArray("POST")) << "after the kill: POST " << r.path.toStdString();
    EXPECT_FALSE(r.path.contains(finished))
        << "finished chunk asked for again: " << r.path.toStdString();
    EXPECT_FALSE(r.path.contains(stored[0]))
        << "finished image asked for again: " << r.path.toStdString();
    if (r.method == "GET" && r.path == QStringLiteral("/v1/predictions/") + inFlight) ++polledAfter;
  }
  EXPECT_GE(polledAfter, 1) << "the stored prediction was not polled";
  EXPECT_EQ(server->prediction(inFlight).value(QStringLiteral("status")).toString(),
            QStringLiteral("succeeded"));
  // The resumed chunk says where it came from.
  bool noted = false;
  for (const model::JobEvent& e : store->jobEvents(job))
    if (e.kind == QLatin1String("asset.generated"))
      for (const QJsonValue& n : e.data.value(QStringLiteral("notes")).toArray())
        noted = noted || n.toString().contains(QStringLiteral("resumed prediction ") + inFlight);
  EXPECT_TRUE(noted);
}

TEST_F(RenderCloudResume, ChunkAndMusicInFlightAtTheKillAreBothPolledAgain) {
  writePreferences(QStringLiteral(R"({"backends":{"music":"replicate"}})"));
  fakecloud::Scenario scenario;
  scenario.replicate.processingPolls = 12;  // about 1.1 s each: both still running at the kill
  server->setScenario(scenario);
  model::Id job = 0;
  // Music, the reference image (answered at once: Prefer: wait) and chunk 1.
  QStringList stored = renderAndKill(renderArgs(QStringLiteral("music")), 3, &job);
  ASSERT_EQ(stored.size(), 3) << "music, reference image and chunk 1 predictions";
  ASSERT_TRUE(stored.removeOne(storedImageId(job)));
  for (const QString& id : stored)
    ASSERT_NE(server->prediction(id).value(QStringLiteral("status")).toString(),
              QStringLiteral("succeeded"));
  const int logAtKill = int(server->requests().size());
  resumeAndExpectCompleted(job);

  EXPECT_EQ(server->count("POST", QStringLiteral("/v1/predictions")) -
                server->count("POST", QStringLiteral("/v1/predictions/")),
            1)
      << "musicgen created once";
  EXPECT_EQ(creates(kHailuo).size(), 2) << "chunk 1 created once, chunk 2 after the resume";
  const QList<fakecloud::LoggedRequest> all = server->requests();
  for (const QString& id : stored) {
    int polled = 0;
    for (int i = logAtKill; i < all.size(); ++i)
      if (all[i].method == "GET" && all[i].path == QStringLiteral("/v1/predictions/") + id)
        ++polled;
    EXPECT_GE(polled, 1) << "prediction " << id.toStdString() << " was not found again";
    EXPECT_EQ(server->prediction(id).value(QStringLiteral("status")).toString(),
              QStringLiteral("succeeded"));
  }
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("remote.lost")), 0);
}

TEST_F(RenderCloudResume, KillBetweenCreateAndStoredIdIsReconciledNotPaidTwice) {
  // The service makes the reference image's prediction but its answer never arrives: the CLI is
  // killed with no id stored. The resume finds that prediction in the list by its input.
  fakecloud::Scenario scenario;
  scenario.replicate.hangAfterCreating = true;
  server->setScenario(scenario);
  QProcess cli;
  cli.setProcessEnvironment(cliEnvironment());
  cli.start(QStringLiteral(SW_CLI), renderArgs(QStringLiteral("none")));
  ASSERT_TRUE(cli.waitForStarted());
  QElapsedTimer waited;
  waited.start();
  while (cli.state() == QProcess::Running && waited.elapsed() < 60000 &&
         server->predictionCount() < 1)
    cli.waitForFinished(5);
  ASSERT_EQ(cli.state(), QProcess::Running) << cli.readAllStandardError().toStdString();
  ::kill(pid_t(cli.processId()), SIGKILL);
  cli.waitForFinished();
  ASSERT_EQ(server->predictionCount(), 1);
  const QString orphan = server->predictionIds().first();
  auto store = openStore();
  ASSERT_FALSE(store->jobs().isEmpty());
  const model::Id job = store->jobs().first().id;
  ASSERT_TRUE(storedRemoteIds(*store, job).isEmpty()) << "the id was stored before the kill";

  server->setScenario(fakecloud::Scenario{});
  resumeAndExpectCompleted(job);
  EXPECT_EQ(creates(kFlux).size(), 1) << "the reference image was bought twice";
  EXPECT_EQ(storedImageId(job), orphan);
  EXPECT_EQ(server->prediction(orphan).value(QStringLiteral("status")).toString(),
            QStringLiteral("succeeded"));
  EXPECT_EQ(creates(kHailuo).size(), 2);
}
