// kill -9 of a real `scenewright-cli` mid-render and mid-regenerate: the next open recovers the
// job and chunk states (nothing stays 'generating' or 'processing'), and the job resumes.
#include <QProcess>
#include <csignal>

#include "providers/asset_cache.h"
#include "render/render_queue.h"
#include "render/scene_state.h"
#include "render_fixture.h"
#include "support/wait.h"

using namespace sw;

namespace {

class RenderKill : public sw::testing::RenderFixture {
 protected:
  void start(QProcess& p, const QStringList& args) {
    p.setProcessEnvironment(cliEnvironment());
    p.start(QStringLiteral(SW_CLI), args);
    ASSERT_TRUE(p.waitForStarted());
  }
  void setDuration(double seconds) {
    auto store = openStore();
    auto scene = *store->scene(sceneId);
    scene.targetDuration = seconds;
    store->updateScene(scene);
  }
  std::optional<model::Chunk> generatingChunk(model::ProjectStore& store) {
    for (const model::Chunk& c : store.chunks(sceneId))
      if (c.status == model::ChunkStatus::Generating) return c;
    return std::nullopt;
  }
  // Opens the project as the GUI does (its render queue recovers on creation).
  void openLikeTheApp() { makeQueue(); }
};

}  // namespace

TEST_F(RenderKill, KilledRenderIsRecoveredOnOpenAndResumes) {
  setDuration(40);
  QProcess cli;
  start(cli, {QStringLiteral("render"), projectFolder(), QStringLiteral("--scene"),
              QStringLiteral("1"), QStringLiteral("--preview"), QStringLiteral("-o"),
              tmp.filePath(QStringLiteral("out/killed.mp4"))});
  model::Id job = 0;
  model::Id generating = 0;
  ASSERT_TRUE(testsupport::waitUntil(
      [&] {
        auto store = openStore();
        if (store->jobs().isEmpty()) return cli.state() != QProcess::Running;
        job = store->jobs().first().id;
        const auto chunk = generatingChunk(*store);
        if (!chunk || chunk->position < 2) return cli.state() != QProcess::Running;
        generating = chunk->id;
        ::kill(pid_t(cli.processId()), SIGKILL);
        return true;
      },
      std::chrono::seconds(120)));
  cli.waitForFinished();
  ASSERT_NE(generating, 0) << "the render finished before a chunk was caught generating";
  ASSERT_EQ(openStore()->chunk(generating)->status, model::ChunkStatus::Generating);

  openLikeTheApp();
  auto store = openStore();
  EXPECT_EQ(store->job(job)->status, model::JobStatus::Interrupted);
  EXPECT_FALSE(generatingChunk(*store)) << "a chunk stays 'generating' with no job";
  EXPECT_EQ(store->chunk(generating)->status, model::ChunkStatus::Pending);
  EXPECT_FALSE(store->chunk(generating)->error.isEmpty());
  EXPECT_EQ(store->integrityCheck(), QStringLiteral("ok"));

  QProcess resume;
  start(resume, {QStringLiteral("resume"), projectFolder(), QString::number(job)});
  ASSERT_TRUE(resume.waitForFinished(300000));
  EXPECT_EQ(resume.exitCode(), 0) << resume.readAllStandardError().toStdString();
  EXPECT_EQ(store->job(job)->status, model::JobStatus::Completed);
  EXPECT_EQ(store->chunk(generating)->status, model::ChunkStatus::Ready);
}

TEST_F(RenderKill, KilledRegenerateIsRecoveredOnOpen) {
  setDuration(3);
  renderAndWait(request());
  const model::Id chunk = openStore()->chunks(sceneId).at(1).id;
  QProcess cli;
  start(cli, {QStringLiteral("regenerate"), projectFolder(), QStringLiteral("--chunk"),
              QString::number(chunk)});
  bool caught = false;
  ASSERT_TRUE(testsupport::waitUntil([&] {
    auto store = openStore();
    if (store->chunk(chunk)->status == model::ChunkStatus::Generating) {
      ::kill(pid_t(cli.processId()), SIGKILL);
      caught = true;
      return true;
    }
    return cli.state() != QProcess::Running;
  }));
  cli.waitForFinished();
  ASSERT_TRUE(caught) << "the regenerate finished before the chunk was caught generating";
  auto store = openStore();
  model::Id regenJob = 0;
  for (const model::RenderJob& j : store->jobs())
    if (j.spec.contains(QStringLiteral("regenerateChunk"))) regenJob = j.id;
  ASSERT_NE(regenJob, 0);
  ASSERT_EQ(store->job(regenJob)->status, model::JobStatus::Processing);

  openLikeTheApp();
  EXPECT_EQ(store->job(regenJob)->status, model::JobStatus::Interrupted);
  EXPECT_EQ(store->chunk(chunk)->status, model::ChunkStatus::Pending);
  EXPECT_FALSE(store->chunk(chunk)->error.isEmpty());
  // The dead regenerate's lease does not block the next job of the scene.
  QProcess again;
  start(again, {QStringLiteral("regenerate"), projectFolder(), QStringLiteral("--chunk"),
                QString::number(chunk)});
  ASSERT_TRUE(again.waitForFinished(300000));
  EXPECT_EQ(again.exitCode(), 0) << again.readAllStandardError().toStdString();
  EXPECT_EQ(store->chunk(chunk)->status, model::ChunkStatus::Ready);
}

TEST_F(RenderKill, QueuedJobWithoutALiveOwnerBecomesInterrupted) {
  // A job row written, then the process died before the job started (e.g. a full disk).
  auto store = openStore();
  model::RenderJob row;
  row.sceneId = sceneId;
  row.spec = request().toJson();
  const model::Id job = store->createJob(row);
  ASSERT_EQ(store->job(job)->status, model::JobStatus::Queued);
  openLikeTheApp();
  EXPECT_EQ(store->job(job)->status, model::JobStatus::Interrupted);
}

TEST_F(RenderKill, KilledRegenerateResumesAndCompletes) {
  setDuration(3);
  renderAndWait(request());
  const model::Id chunk = openStore()->chunks(sceneId).at(1).id;
  const qint64 seed = openStore()->chunk(chunk)->seed;
  QProcess cli;
  start(cli, {QStringLiteral("regenerate"), projectFolder(), QStringLiteral("--chunk"),
              QString::number(chunk)});
  bool caught = false;
  ASSERT_TRUE(testsupport::waitUntil([&] {
    if (openStore()->chunk(chunk)->status == model::ChunkStatus::Generating) {
      ::kill(pid_t(cli.processId()), SIGKILL);
      caught = true;
      return true;
    }
    return cli.state() != QProcess::Running;
  }));
  cli.waitForFinished();
  ASSERT_TRUE(caught) << "the regenerate finished before the chunk was caught generating";
  openLikeTheApp();
  auto store = openStore();
  model::Id regenJob = 0;
  for (const model::RenderJob& j : store->jobs())
    if (j.spec.contains(QStringLiteral("regenerateChunk"))) regenJob = j.id;
  ASSERT_NE(regenJob, 0);
  ASSERT_EQ(store->job(regenJob)->status, model::JobStatus::Interrupted);

  QProcess resume;
  start(resume, {QStringLiteral("resume"), projectFolder(), QString::number(regenJob)});
  ASSERT_TRUE(resume.waitForFinished(300000));
  EXPECT_EQ(resume.exitCode(), 0) << resume.readAllStandardError().toStdString();
  EXPECT_EQ(store->job(regenJob)->status, model::JobStatus::Completed)
      << store->job(regenJob)->errorMessage.toStdString();
  EXPECT_EQ(store->chunk(chunk)->status, model::ChunkStatus::Ready);
  EXPECT_EQ(store->takes(chunk).size(), 2);
  EXPECT_EQ(store->chunk(chunk)->seed, seed + 1) << "the resume picked another seed";
  const providers::AssetCache cache(cacheFolder());
  const render::SceneState state = render::sceneState(*store, sceneId, registry.get(), cache, {});
  EXPECT_EQ(state.slotOfChunk(store->chunks(sceneId).at(2).id)->state, render::SlotState::Stale);
}
