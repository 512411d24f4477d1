// Every earlier schema version must open and migrate forward without losing data.
#include <gtest/gtest.h>

#include <QDir>
#include <QTemporaryDir>

#include "model/project_store.h"
#include "model/schema.h"

using namespace sw::model;

namespace {

// Fills a database at `version` with rows every version has (written with plain SQL, as an
// old build would have), so the migration has data to carry forward.
void fillOldProject(Database& db, int version) {
  ASSERT_GE(version, 1);
  db.exec(
      "INSERT INTO projects (id, name, created, modified) VALUES (1, 'Old', "
      "'2025-01-01T00:00:00Z', "
      "'2025-01-01T00:00:00Z')");
  db.exec("INSERT INTO characters (name, voice) VALUES ('ANNA', 'en-us+f2')");
  db.exec(
      "INSERT INTO assets (kind, cache_key, file_path, created) VALUES ('video', 'k1', "
      "'/c/k1.mp4', "
      "'2025-01-01T00:00:00Z')");
  db.exec("INSERT INTO scenes (position, title, target_duration) VALUES (0, 'One', 15)");
  db.exec(
      "INSERT INTO dialogue_lines (scene_id, position, character_id, text) VALUES (1, 0, 1, 'Hi')");
  db.exec("INSERT INTO sfx_cues (scene_id, time, description) VALUES (1, 2.5, 'bang')");
  db.exec(
      "INSERT INTO chunks (scene_id, position, prompt, seed, status, asset_id, cost) "
      "VALUES (1, 0, 'p', 7, 'ready', 1, 0.25)");
  db.exec(
      "INSERT INTO render_jobs (scene_id, status, created) VALUES (1, 'completed', "
      "'2025-01-01T00:00:00Z')");
}

}  // namespace

TEST(StoreMigration, EveryEarlierVersionMigratesToCurrent) {
  for (int version = 1; version < schema::kCurrentVersion; ++version) {
    SCOPED_TRACE(version);
    QTemporaryDir tmp;
    const QString dbPath = tmp.filePath(QStringLiteral("project.db"));
    {
      Database db(dbPath, Database::Mode::Create);
      db.exec("PRAGMA foreign_keys = ON");
      schema::migrate(db, version);
      ASSERT_EQ(schema::userVersion(db), version);
      fillOldProject(db, version);
    }
    auto store = ProjectStore::open(tmp.path());
    EXPECT_EQ(store->schemaVersion(), schema::kCurrentVersion);
    EXPECT_EQ(store->project().name, QStringLiteral("Old"));
    ASSERT_EQ(store->scenes().size(), 1);
    const Scene scene = store->scenes().first();
    EXPECT_DOUBLE_EQ(scene.targetDuration, 15.0);
    EXPECT_FALSE(scene.narrationAssetId.has_value());
    EXPECT_EQ(store->dialogueLines(scene.id).first().text, QStringLiteral("Hi"));
    EXPECT_DOUBLE_EQ(store->sfxCues(scene.id).first().gainDb, 0.0);
    const Chunk chunk = store->chunks(scene.id).first();
    EXPECT_EQ(chunk.assetId, std::optional<Id>(1));
    // v2 backfills the existing generated chunk as its first take (a v2 project written
    // with plain SQL has none).
    const auto takes = store->takes(chunk.id);
    if (version < 2) {
      ASSERT_EQ(takes.size(), 1);
      EXPECT_EQ(takes.first().seed, 7);
      EXPECT_DOUBLE_EQ(takes.first().cost, 0.25);
    }
    // v3 adds scene leases: none after the migration, and the old job can take one.
    EXPECT_FALSE(store->sceneLease(scene.id));
    ASSERT_EQ(store->jobs().size(), 1);
    EXPECT_TRUE(store->acquireSceneLease(scene.id, store->jobs().first().id).taken);
    EXPECT_EQ(store->sceneLease(scene.id)->jobId, store->jobs().first().id);
    EXPECT_EQ(store->integrityCheck(), QStringLiteral("ok"));
  }
}

TEST(StoreMigration, NewProjectIsAtCurrentVersionWithOurApplicationId) {
  QTemporaryDir tmp;
  auto store = ProjectStore::create(tmp.path(), QStringLiteral("New"));
  EXPECT_EQ(store->schemaVersion(), schema::kCurrentVersion);
  EXPECT_EQ(schema::applicationId(store->database()), schema::kApplicationId);
}

TEST(StoreMigration, ReopeningTwiceDoesNotReapplySteps) {
  QTemporaryDir tmp;
  ProjectStore::create(tmp.path(), QStringLiteral("New"))->addScene(Scene{});
  ProjectStore::open(tmp.path());
  auto store = ProjectStore::open(tmp.path());
  EXPECT_EQ(store->scenes().size(), 1);
  EXPECT_EQ(store->schemaVersion(), schema::kCurrentVersion);
}

// v7: the content stamp grows with a change to what a scene's state is made of, on any
// connection, and not with a render job's rows, its events or a scene lease.
TEST(StoreMigration, TheContentStampCountsSceneChangesNotJobProgress) {
  QTemporaryDir tmp;
  auto store = ProjectStore::create(tmp.path(), QStringLiteral("Stamp"));
  const Id sceneId = store->addScene(Scene{});
  Chunk chunk;
  chunk.sceneId = sceneId;
  chunk.prompt = QStringLiteral("harbour");
  chunk.id = store->addChunk(chunk);
  auto worker = ProjectStore::open(tmp.path());
  const qint64 before = store->contentStamp();
  RenderJob job;
  job.sceneId = sceneId;
  const Id jobId = worker->createJob(job);
  worker->updateJobProgress(jobId, QStringLiteral("video"), 50);
  worker->setJobStatus(jobId, JobStatus::Processing);
  worker->addJobEvent({0,
                       jobId,
                       {},
                       QStringLiteral("info"),
                       QStringLiteral("started"),
                       QStringLiteral("Render started"),
                       {}});
  ASSERT_TRUE(worker->acquireSceneLease(sceneId, jobId).taken);
  EXPECT_EQ(store->contentStamp(), before);
  chunk.status = ChunkStatus::Ready;
  worker->updateChunk(chunk);
  const qint64 afterChunk = store->contentStamp();
  EXPECT_GT(afterChunk, before);
  Scene scene = *store->scene(sceneId);
  scene.title = QStringLiteral("Renamed");
  store->updateScene(scene);
  EXPECT_GT(store->contentStamp(), afterChunk);
}

// v9 adds the lip-sync mark of a dialogue line: off for every line an older version wrote, kept
// through an update, and a change of it moves the content stamp (views recompute the state).
TEST(StoreMigration, V9AddsTheLipSyncMarkOffForOldLines) {
  QTemporaryDir tmp;
  {
    Database db(tmp.filePath(QStringLiteral("project.db")), Database::Mode::Create);
    db.exec("PRAGMA foreign_keys = ON");
    schema::migrate(db, 8);
    fillOldProject(db, 8);
  }
  auto store = ProjectStore::open(tmp.path());
  ASSERT_EQ(store->schemaVersion(), 9);
  const Id sceneId = store->scenes().first().id;
  DialogueLine line = store->dialogueLines(sceneId).first();
  EXPECT_FALSE(line.lipSync);
  const qint64 before = store->contentStamp();
  line.lipSync = true;
  store->updateDialogueLine(line);
  EXPECT_GT(store->contentStamp(), before);
  DialogueLine added{0, sceneId, 1, line.characterId, QStringLiteral("Again"), std::nullopt, true};
  store->addDialogueLine(added);
  store.reset();
  store = ProjectStore::open(tmp.path());
  const QList<DialogueLine> lines = store->dialogueLines(sceneId);
  ASSERT_EQ(lines.size(), 2);
  EXPECT_TRUE(lines[0].lipSync);
  EXPECT_EQ(lines[0].text, QStringLiteral("Hi"));
  EXPECT_TRUE(lines[1].lipSync);
}
