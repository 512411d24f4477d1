// A result that was paid for is never bought again (issue 9, item 6): a succeeded prediction
// whose download fails verification stops the job (no text-to-video fallback, no second
// prediction) and a resume downloads it; Ctrl-C during that download leaves it resumable.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThread>
#include <algorithm>

#include "render_cloud_fixture.h"

using namespace sw;
using namespace sw::rendercloud;

namespace {

class RenderCloudPaid : public RenderCloudTest {};

QStringList chunkRemoteIds(const QList<model::JobEvent>& started) {
  QStringList ids;
  for (const model::JobEvent& e : started)
    if (e.data.contains(QStringLiteral("chunkId")))
      ids << e.data.value(QStringLiteral("remoteId")).toString();
  return ids;
}

}  // namespace

TEST_F(RenderCloudPaid, BadDownloadOfSucceededChunkStopsWithoutPayingAgainAndResumeDownloadsIt) {
  fakecloud::Scenario garbage;
  garbage.replicate.garbageDownloads = 1000;  // every chunk video arrives as random bytes
  garbage.replicate.downloadKind = QStringLiteral("mp4");
  server->setScenario(garbage);
  auto queue = makeQueue();
  const model::Id job = queue->enqueue(request()).value(0);
  queue->waitForIdle();
  auto row = openStore()->job(job);
  ASSERT_EQ(row->status, model::JobStatus::Failed);
  ASSERT_EQ(creates(kHailuo).size(), 1) << "chunk 1 was bought once, no text-to-video retry";
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("fallback.t2v")), 0);
  const QStringList ids = chunkRemoteIds(events(job, QStringLiteral("remote.started")));
  ASSERT_EQ(ids.size(), 1);
  EXPECT_TRUE(row->errorMessage.contains(ids.first())) << row->errorMessage.toStdString();
  EXPECT_GE(server->count("GET", QStringLiteral("/delivery/%1/").arg(ids.first())), 2)
      << "the download was retried";

  server->setScenario(fakecloud::Scenario{});
  queue->resume(job);
  queue->waitForIdle();
  row = openStore()->job(job);
  ASSERT_EQ(row->status, model::JobStatus::Completed) << row->errorMessage.toStdString();
  EXPECT_EQ(creates(kHailuo).size(), 2) << "chunk 1 downloaded from its prediction, chunk 2 new";
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("remote.lost")), 0);
  EXPECT_TRUE(QFileInfo::exists(outputPath()));
}

TEST_F(RenderCloudPaid, CancelDuringTheDownloadOfASucceededChunkLetsResumeDownloadIt) {
  fakecloud::Scenario stalled;
  stalled.replicate.stalledDownloads = 1000;  // chunk videos send half and stall
  stalled.replicate.downloadKind = QStringLiteral("mp4");
  server->setScenario(stalled);
  auto queue = makeQueue();
  const model::Id job = queue->enqueue(request()).value(0);
  ASSERT_TRUE(spinUntil([&] {
    const auto downloads = server->requests("GET", QStringLiteral("/delivery/"));
    return std::any_of(downloads.begin(), downloads.end(), [](const fakecloud::LoggedRequest& r) {
      return r.path.endsWith(QLatin1String(".mp4"));
    });
  }));
  queue->cancel(job);
  queue->waitForIdle();
  ASSERT_EQ(openStore()->job(job)->status, model::JobStatus::Cancelled);
  const QStringList ids = chunkRemoteIds(events(job, QStringLiteral("remote.started")));
  ASSERT_EQ(ids.size(), 1);
  EXPECT_EQ(server->prediction(ids.first()).value(QStringLiteral("status")).toString(),
            QStringLiteral("succeeded"));

  server->setScenario(fakecloud::Scenario{});
  queue->resume(job);
  queue->waitForIdle();
  const auto row = openStore()->job(job);
  ASSERT_EQ(row->status, model::JobStatus::Completed) << row->errorMessage.toStdString();
  EXPECT_EQ(creates(kHailuo).size(), 2) << "the paid chunk was downloaded, not bought again";
  for (const model::JobEvent& e : events(job, QStringLiteral("remote.lost")))
    EXPECT_NE(e.data.value(QStringLiteral("remoteId")).toString(), ids.first())
        << "the chunk's paid prediction was replaced";
}

TEST_F(RenderCloudPaid, PollingThatGivesUpDoesNotBuyATextToVideoPrediction) {
  fakecloud::Scenario hanging;
  hanging.replicate.hangGets = 100000;  // every poll hangs: the chunk's fate is unknown
  server->setScenario(hanging);
  auto queue = makeQueue();
  const model::Id job = queue->enqueue(request()).value(0);
  queue->waitForIdle();
  ASSERT_EQ(openStore()->job(job)->status, model::JobStatus::Failed);
  EXPECT_EQ(creates(kHailuo).size(), 1) << "a second prediction was bought for chunk 1";
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("fallback.t2v")), 0);
}
