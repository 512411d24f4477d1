// Money you can trust (issue 11, item 5), against the fake cloud with a paid model: a budget is
// one for the whole batch and for every run of a job, the job's cost is the sum of every paid
// call of all its runs, and once any part fails no new paid call starts.
#include <QJsonArray>
#include <algorithm>

#include "render/spend_ledger.h"
#include "render_cloud_fixture.h"
#include "support/sample_project.h"

using namespace sw;
using namespace sw::rendercloud;

namespace {

constexpr double kChunkUsd = 0.10;

class RenderCloudBudget : public RenderCloudTest {
 protected:
  void usePaidModel(double sceneSeconds) {
    writeModels(QJsonObject{{"cloudtiny", tinyCloudModel(kHailuo, kChunkUsd)}});
    auto store = openStore();
    auto scene = *store->scene(sceneId);
    scene.targetDuration = sceneSeconds;
    store->updateScene(scene);
  }
  // What the fake was asked to make, priced as the registry prices it.
  double paidAtTheFake() const {
    const providers::PriceList& prices = registry->prices();
    double usd = creates(kHailuo).size() * kChunkUsd;
    usd += creates(kFlux).size() * *prices.image(QStringLiteral("replicate"));
    return usd;
  }
  double sumOfJobCosts(const QList<model::Id>& jobs) const {
    double usd = 0;
    auto store = openStore();
    for (model::Id id : jobs) usd += store->job(id)->cost;
    return usd;
  }
};

}  // namespace

TEST_F(RenderCloudBudget, ABatchOfThreeScenesNeverSpendsMoreThanItsOneBudget) {
  usePaidModel(2.0);  // two 1 s chunks a scene: $0.20 of video each, $0.60 for the batch
  QList<model::Id> scenes{sceneId};
  {
    auto store = openStore();
    for (int i = 2; i <= 3; ++i) {
      testsupport::HarbourScene harbour;
      harbour.title = QStringLiteral("Harbour %1").arg(i);
      harbour.seconds = 2.0;
      harbour.modelKey = QStringLiteral("cloudtiny");
      harbour.namesPerScene = true;
      scenes.append(testsupport::addHarbourScene(*store, harbour));
    }
  }
  render::RenderRequest r = request();
  r.sceneIds = scenes;
  r.outputPath.clear();
  r.budgetUsd = 0.35;
  auto queue = makeQueue();
  const QList<model::Id> jobs = queue->enqueue(r);
  queue->waitForIdle();
  ASSERT_EQ(jobs.size(), 3);

  auto store = openStore();
  int stopped = 0;
  for (model::Id id : jobs) {
    const auto row = store->job(id);
    if (row->status == model::JobStatus::Failed &&
        row->errorMessage.contains(QStringLiteral("Budget reached")))
      ++stopped;
  }
  EXPECT_GE(stopped, 1) << "$0.60 of chunks cannot fit in $0.35";
  EXPECT_LE(int(creates(kHailuo).size()), 3) << "paid chunks: at most 3 x $0.10 fit";
  EXPECT_LE(paidAtTheFake(), 0.35 + 1e-9);
  const double total = sumOfJobCosts(jobs);
  EXPECT_LE(total, 0.35 + 1e-9);
  EXPECT_GE(total, creates(kHailuo).size() * kChunkUsd - 1e-9) << "every paid chunk is counted";
  EXPECT_NEAR(render::projectSpentUsd(*store), total, 1e-9);
  const QString batch = render::RenderRequest::fromJson(store->job(jobs.first())->spec).batchId;
  ASSERT_FALSE(batch.isEmpty());
  EXPECT_NEAR(render::batchSpending(*store, batch, jobs.first()).committedUsd(), total, 1e-9)
      << "no reservation is left open";
}

TEST_F(RenderCloudBudget, AResumedJobCountsItsEarlierRunsAgainstTheBudgetAndInItsCost) {
  usePaidModel(4.0);  // four $0.10 chunks; the budget fits two
  fakecloud::Scenario slow;
  slow.replicate.processingPolls = 10;  // chunk 2 is still running when the job is paused
  server->setScenario(slow);
  render::RenderRequest r = request();
  r.budgetUsd = 0.25;
  auto queue = makeQueue();
  const model::Id job = queue->enqueue(r).value(0);
  ASSERT_TRUE(spinUntil([&] { return creates(kHailuo).size() >= 2; }));
  queue->pause(job);
  queue->waitForIdle();
  ASSERT_EQ(openStore()->job(job)->status, model::JobStatus::Interrupted);
  const double firstRun = render::jobSpending(*openStore(), job).costUsd;
  EXPECT_GE(firstRun, kChunkUsd - 1e-9) << "chunk 1 was paid in the first run";

  queue->resume(job);
  queue->waitForIdle();
  const auto row = openStore()->job(job);
  EXPECT_EQ(row->status, model::JobStatus::Failed) << row->errorMessage.toStdString();
  EXPECT_TRUE(row->errorMessage.contains(QStringLiteral("Budget reached")))
      << row->errorMessage.toStdString();
  EXPECT_EQ(creates(kHailuo).size(), 2) << "chunk 2 was polled on resume, chunk 3 not bought";
  EXPECT_LE(paidAtTheFake(), 0.25 + 1e-9);
  EXPECT_LE(row->cost, 0.25 + 1e-9);
  // The row's cost is both runs: both chunks, not only the one the resume finished.
  EXPECT_GE(row->cost, 2 * kChunkUsd - 1e-9) << row->cost;
  EXPECT_GT(row->cost, firstRun);
  EXPECT_NEAR(row->cost, render::jobSpending(*openStore(), job).costUsd, 1e-12);
}

TEST_F(RenderCloudBudget, ASpeechFailureStopsTheVideoChainBeforeItsNextPaidChunk) {
  usePaidModel(4.0);
  fakecloud::Scenario scenario;
  scenario.openai.unprocessable = true;  // every speech request: 422, known in milliseconds
  scenario.replicate.processingPolls = 6;
  server->setScenario(scenario);
  const model::Id job = renderAndWait(request());
  const auto row = openStore()->job(job);
  ASSERT_EQ(row->status, model::JobStatus::Failed);
  EXPECT_LE(creates(kHailuo).size(), 1) << "chunks were bought after the speech had failed";
  EXPECT_TRUE(row->errorMessage.contains(QStringLiteral("failed")))
      << row->errorMessage.toStdString();
}
