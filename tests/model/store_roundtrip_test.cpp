#include <gtest/gtest.h>

#include <QTemporaryDir>

#include "model/project_store.h"

using namespace sw::model;

namespace {

class StoreRoundTrip : public ::testing::Test {
 protected:
  QTemporaryDir tmp;
  QString folder() const { return tmp.filePath(QStringLiteral("Demo.scenewright")); }
};

Scene sampleScene(const QString& title) {
  Scene s;
  s.title = title;
  s.script = QStringLiteral("INT. ROOM - DAY");
  s.narration = QStringLiteral("It began quietly.");
  s.visualPrompt = QStringLiteral("a quiet room");
  s.directionPrompt = QStringLiteral("slow pan");
  s.targetDuration = 12.5;
  s.modelKey = QStringLiteral("hailuo");
  s.musicPrompt = QStringLiteral("soft piano");
  s.musicMood = QStringLiteral("calm");
  s.musicTempo = 80;
  return s;
}

}  // namespace

TEST_F(StoreRoundTrip, CreateThenReopenKeepsEveryField) {
  Id sceneId = 0, chunkId = 0, marta = 0, assetId = 0;
  {
    auto store = ProjectStore::create(folder(), QStringLiteral("Demo"));
    marta = store->addCharacter(
        {0, QStringLiteral("MARTA"), QStringLiteral("en-us+f3"), QJsonObject{{"rate", 160}}});
    sceneId = store->addScene(sampleScene(QStringLiteral("Opening")));
    store->addDialogueLine({0, sceneId, 0, marta, QStringLiteral("Hello."), std::nullopt});
    store->addSfxCue({0, sceneId, 3.5, QStringLiteral("door slam"), {}, -6.0, std::nullopt});
    Asset a;
    a.kind = QStringLiteral("video");
    a.cacheKey = QStringLiteral("abc123");
    a.filePath = QStringLiteral("/cache/abc123.mp4");
    a.duration = 5.0;
    a.width = 1280;
    a.height = 720;
    a.cost = 0.19;
    assetId = store->addAsset(a);
    Chunk c;
    c.sceneId = sceneId;
    c.prompt = QStringLiteral("the door opens");
    c.seed = 42;
    c.trimIn = 0.4;
    c.transition = QStringLiteral("crossfade");
    c.transitionDuration = 0.5;
    chunkId = store->addChunk(c);
    store->addTake({0, chunkId, assetId, c.prompt, 42, QStringLiteral("hailuo"), 0.19, {}});
  }
  auto store = ProjectStore::open(folder());
  EXPECT_EQ(store->project().name, QStringLiteral("Demo"));
  ASSERT_EQ(store->characters().size(), 1);
  EXPECT_EQ(store->characters()[0].voiceSettings["rate"].toInt(), 160);
  const auto scene = store->scene(sceneId);
  ASSERT_TRUE(scene.has_value());
  EXPECT_EQ(scene->title, QStringLiteral("Opening"));
  EXPECT_DOUBLE_EQ(scene->targetDuration, 12.5);
  EXPECT_EQ(scene->musicTempo, 80);
  EXPECT_EQ(store->dialogueLines(sceneId).at(0).characterId, marta);
  EXPECT_DOUBLE_EQ(store->sfxCues(sceneId).at(0).gainDb, -6.0);
  const auto chunk = store->chunk(chunkId);
  ASSERT_TRUE(chunk.has_value());
  EXPECT_EQ(chunk->status, ChunkStatus::Ready);  // adding a take makes it active
  EXPECT_EQ(chunk->assetId, assetId);
  EXPECT_DOUBLE_EQ(chunk->trimIn, 0.4);
  EXPECT_EQ(chunk->transition, QStringLiteral("crossfade"));
  EXPECT_EQ(store->asset(assetId)->width, 1280);
  EXPECT_EQ(store->integrityCheck(), QStringLiteral("ok"));
}

TEST_F(StoreRoundTrip, ScenePositionsStayDenseThroughInsertMoveRemove) {
  auto store = ProjectStore::create(folder(), QStringLiteral("Demo"));
  const Id a = store->addScene(sampleScene(QStringLiteral("A")));
  const Id b = store->addScene(sampleScene(QStringLiteral("B")));
  const Id c = store->addScene(sampleScene(QStringLiteral("C")));
  store->addScene(sampleScene(QStringLiteral("First")), 0);
  store->moveScene(a, 3);
  QStringList order;
  for (const Scene& s : store->scenes()) order << s.title;
  EXPECT_EQ(order, (QStringList{"First", "B", "C", "A"}));
  store->removeScene(b);
  order.clear();
  QList<int> positions;
  for (const Scene& s : store->scenes()) {
    order << s.title;
    positions << s.position;
  }
  EXPECT_EQ(order, (QStringList{"First", "C", "A"}));
  EXPECT_EQ(positions, (QList<int>{0, 1, 2}));
  EXPECT_EQ(store->sceneAt(1)->id, c);
}

TEST_F(StoreRoundTrip, TakesAreKeptAndSwitchingIsFree) {
  auto store = ProjectStore::create(folder(), QStringLiteral("Demo"));
  const Id scene = store->addScene(sampleScene(QStringLiteral("S")));
  Chunk c;
  c.sceneId = scene;
  const Id chunkId = store->addChunk(c);
  auto asset = [&](const char* key) {
    Asset a;
    a.kind = QStringLiteral("video");
    a.cacheKey = QString::fromLatin1(key);
    a.filePath = QStringLiteral("/x/%1.mp4").arg(QLatin1String(key));
    return store->addAsset(a);
  };
  const Id t1 = store->addTake({0, chunkId, asset("k1"), {}, 1, {}, 0.1, {}});
  const Id t2 = store->addTake({0, chunkId, asset("k2"), {}, 2, {}, 0.2, {}});
  EXPECT_EQ(store->takes(chunkId).size(), 2);
  EXPECT_EQ(store->chunk(chunkId)->seed, 2);
  store->setActiveTake(chunkId, t1);
  EXPECT_EQ(store->chunk(chunkId)->seed, 1);
  EXPECT_EQ(store->takes(chunkId).size(), 2);
  EXPECT_NE(t1, t2);
  EXPECT_THROW(store->setActiveTake(chunkId + 99, t1), StoreError);
}

TEST_F(StoreRoundTrip, JobsAndEventsAreRecorded) {
  auto store = ProjectStore::create(folder(), QStringLiteral("Demo"));
  RenderJob job;
  job.spec = QJsonObject{{"resolution", "720p"}};
  const Id id = store->createJob(job);
  store->setJobStatus(id, JobStatus::Processing);
  store->updateJobProgress(id, QStringLiteral("stitching"), 55.0);
  store->addJobEvent({0,
                      id,
                      {},
                      QStringLiteral("info"),
                      QStringLiteral("stage"),
                      QStringLiteral("stitching"),
                      QJsonObject{{"chunks", 3}}});
  store->setJobStatus(id, JobStatus::Interrupted);
  auto read = store->job(id);
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->status, JobStatus::Interrupted);
  EXPECT_EQ(read->stage, QStringLiteral("stitching"));
  EXPECT_DOUBLE_EQ(read->progress, 55.0);
  EXPECT_TRUE(read->started.isValid());
  EXPECT_EQ(store->jobEvents(id).at(0).data["chunks"].toInt(), 3);
  store->setJobStatus(id, JobStatus::Completed);
  EXPECT_TRUE(store->job(id)->finished.isValid());
}

TEST_F(StoreRoundTrip, CreateRefusesAnExistingProject) {
  ProjectStore::create(folder(), QStringLiteral("Demo"));
  try {
    ProjectStore::create(folder(), QStringLiteral("Other"));
    FAIL() << "expected a StoreError";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::Invalid);
    EXPECT_TRUE(e.message().contains(QStringLiteral("already exists")));
  }
  EXPECT_EQ(ProjectStore::open(folder())->project().name, QStringLiteral("Demo"));
}
