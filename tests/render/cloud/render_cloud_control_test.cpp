// Stopping a cloud render: cancel (the remote prediction is cancelled too), the budget stop, and
// API keys kept out of everything the project writes.
#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QThread>

#include "render_cloud_fixture.h"

using namespace sw;
using namespace sw::rendercloud;

namespace {

QByteArray fileBytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class RenderCloudControl : public RenderCloudTest {};
class RenderCloudSecrets : public RenderCloudTest {};

}  // namespace

TEST_F(RenderCloudControl, CancelCancelsTheRunningPredictionAndLeavesNoOutput) {
  fakecloud::Scenario scenario;
  scenario.replicate.processingPolls = 1000000;  // async predictions run until cancelled
  server->setScenario(scenario);
  auto queue = makeQueue();
  const model::Id job = queue->enqueue(request()).value(0);

  QString videoId;
  ASSERT_TRUE(spinUntil([&] {
    for (const QString& id : server->predictionIds())
      if (server->prediction(id).value(QStringLiteral("model")).toString() == kHailuo) videoId = id;
    return !videoId.isEmpty() &&
           server->count("GET", QStringLiteral("/v1/predictions/") + videoId) >= 2;
  })) << "no video prediction got under way";
  ASSERT_EQ(server->prediction(videoId).value(QStringLiteral("status")).toString(),
            QStringLiteral("processing"));
  queue->cancel(job);
  queue->waitForIdle();

  auto store = openStore();
  EXPECT_EQ(store->job(job)->status, model::JobStatus::Cancelled);
  EXPECT_EQ(server->count("POST", QStringLiteral("/v1/predictions/%1/cancel").arg(videoId)), 1);
  EXPECT_EQ(server->prediction(videoId).value(QStringLiteral("status")).toString(),
            QStringLiteral("canceled"));
  for (const QString& id :
       server->predictionIds())  // music too: nothing is left running (and billed)
    EXPECT_NE(server->prediction(id).value(QStringLiteral("status")).toString(),
              QStringLiteral("processing"))
        << id.toStdString();
  EXPECT_EQ(creates(kHailuo).size(), 1) << "nothing was started after the cancel";
  EXPECT_FALSE(QFileInfo::exists(outputPath()));
  EXPECT_FALSE(QFileInfo::exists(outputPath() + QStringLiteral(".json")));
  const QList<model::Chunk> chunks = store->chunks(sceneId);
  ASSERT_FALSE(chunks.isEmpty());
  EXPECT_EQ(chunks.first().status, model::ChunkStatus::Pending)
      << "a cancelled chunk is not a failed one";
}

TEST_F(RenderCloudControl, PauseLeavesThePredictionRunningAndContinuePollsIt) {
  // Pausing stops the job but does not cancel the remote prediction (which would be paid again);
  // continuing polls the stored prediction id instead of creating a new one.
  fakecloud::Scenario slow;
  slow.replicate.processingPolls = 60;
  server->setScenario(slow);
  auto queue = makeQueue();
  const model::Id job = queue->enqueue(request()).value(0);
  QString paused;  // chunk 1's prediction
  ASSERT_TRUE(spinUntil([&] {
    for (const model::JobEvent& e : events(job, QStringLiteral("remote.started")))
      if (e.data.contains(QStringLiteral("chunkId")))
        paused = e.data.value(QStringLiteral("remoteId")).toString();
    return !paused.isEmpty();
  }));
  queue->pause(job);
  queue->waitForIdle();
  ASSERT_EQ(openStore()->job(job)->status, model::JobStatus::Interrupted);
  EXPECT_NE(server->prediction(paused).value(QStringLiteral("status")).toString(),
            QStringLiteral("canceled"));
  EXPECT_EQ(server->count("POST", QStringLiteral("/v1/predictions/%1/cancel").arg(paused)), 0);

  server->setScenario(fakecloud::Scenario{});
  queue->unpause(job);
  queue->waitForIdle();
  const auto row = openStore()->job(job);
  ASSERT_EQ(row->status, model::JobStatus::Completed) << row->errorMessage.toStdString();
  EXPECT_TRUE(QFileInfo::exists(outputPath()));
  EXPECT_EQ(server->prediction(paused).value(QStringLiteral("status")).toString(),
            QStringLiteral("succeeded"));
  EXPECT_EQ(creates(kHailuo).size(), 2)
      << "one prediction per chunk: the paused one was polled, not recreated";
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("remote.lost")), 0);
}

TEST_F(RenderCloudControl, BudgetStopsBeforeTheChunkThatWouldExceedIt) {
  writeModels(QJsonObject{{"cloudtiny", tinyCloudModel(kHailuo, 0.10)}});
  {
    auto store = openStore();
    model::Scene scene = *store->scene(sceneId);
    scene.targetDuration = 3.0;  // 3 chunks: $0.30 of video, more than the budget
    store->updateScene(scene);
  }
  render::RenderRequest r = request();
  r.narration = r.dialogue = r.music = false;  // video only: the spending order is the chunk chain
  r.budgetUsd = 0.25;
  const model::Id job = renderAndWait(r);

  const auto row = openStore()->job(job);
  ASSERT_EQ(row->status, model::JobStatus::Failed);
  EXPECT_TRUE(row->errorMessage.contains(QStringLiteral("Budget")))
      << row->errorMessage.toStdString();
  EXPECT_EQ(creates(kFlux).size(), 1);
  EXPECT_EQ(creates(kHailuo).size(), 2)
      << "image $0.003 + 2 x $0.10 fit in $0.25; the third chunk does not";
  EXPECT_NEAR(row->cost, 0.203, 1e-6);
  EXPECT_FALSE(QFileInfo::exists(outputPath()));
  const QList<model::Chunk> chunks = openStore()->chunks(sceneId);
  ASSERT_EQ(chunks.size(), 3);
  EXPECT_EQ(chunks[2].status, model::ChunkStatus::Pending);
}

TEST_F(RenderCloudSecrets, ApiKeysNeverReachTheProjectEventsManifestOrExport) {
  auto queue = makeQueue();  // kept open so the database's -wal file is still there to read
  const model::Id job = queue->enqueue(request()).value(0);
  queue->waitForIdle();
  auto store = openStore();
  ASSERT_EQ(store->job(job)->status, model::JobStatus::Completed)
      << store->job(job)->errorMessage.toStdString();

  const QList<QByteArray> keys{server->tokens().replicate, server->tokens().openai};
  // The keys were really sent, so the render below is one that had them in hand.
  int authorised = 0;
  for (const auto& r : server->requests())
    if (r.header("Authorization") == "Bearer " + keys[0] ||
        r.header("Authorization") == "Bearer " + keys[1])
      ++authorised;
  EXPECT_GT(authorised, 5);

  // Every file the render left (the database with its -wal, the cache and its sidecars, the
  // manifest), read while the project is still open, then the export-json output.
  QStringList files{outputPath() + QStringLiteral(".json")};
  for (const QString& root : {projectFolder(), cacheFolder()}) {
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) files << it.next();
  }
  EXPECT_TRUE(files.contains(projectFolder() + QStringLiteral("/project.db-wal")))
      << "no -wal file to check";
  QList<QByteArray> contents;
  for (const QString& path : files) contents.append(fileBytes(path));
  const QString exported = tmp.filePath(QStringLiteral("export.json"));
  QProcess cli;
  cli.setProcessEnvironment(cliEnvironment());
  cli.start(QStringLiteral(SW_CLI), {QStringLiteral("export-json"), projectFolder(), exported});
  ASSERT_TRUE(cli.waitForFinished(60000));
  ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
  files << exported;
  contents << fileBytes(exported);
  ASSERT_GT(contents.last().size(), 100);
  for (int i = 0; i < files.size(); ++i) {
    for (const QByteArray& key : keys) {
      EXPECT_FALSE(contents[i].contains(key)) << "key found in " << files[i].toStdString();
      EXPECT_FALSE(contents[i].contains(key.mid(4, 16)))
          << "part of a key found in " << files[i].toStdString();
    }
  }
  for (const model::JobEvent& e : store->jobEvents(job)) {
    const QByteArray text = e.message.toUtf8() + QJsonDocument(e.data).toJson();
    for (const QByteArray& key : keys) EXPECT_FALSE(text.contains(key)) << e.kind.toStdString();
  }
}
