// Models over the store: QAbstractItemModelTester on each, undoable add / duplicate / delete /
// move / edit, each checked against a second, independent store connection.
#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QUndoStack>

#include "ui/character_model.h"
#include "ui/chunk_model.h"
#include "ui/dialogue_model.h"
#include "ui/project_session.h"
#include "ui/render_job_model.h"
#include "ui/scene_commands.h"
#include "ui/scene_list_model.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;
using Mode = QAbstractItemModelTester::FailureReportingMode;

namespace {

class UiModels : public ::testing::Test {
 protected:
  void SetUp() override {
    session = ProjectSession::create(project.folder(), QStringLiteral("Models"));
    for (const char* title : {"One", "Two", "Three"}) {
      model::Scene s;
      s.title = QString::fromLatin1(title);
      session->store().addScene(s);
    }
    session->notifyScenesReset();
  }
  // What another connection (another thread, the next run of the app) sees.
  QStringList storedTitles() {
    QStringList titles;
    for (const model::Scene& s : model::ProjectStore::open(project.folder())->scenes())
      titles << s.title;
    return titles;
  }
  test::TempProject project;
  std::unique_ptr<ProjectSession> session;
};

TEST_F(UiModels, SceneModelPassesTesterThroughEdits) {
  SceneListModel model(session.get());
  QAbstractItemModelTester tester(&model, Mode::Fatal);
  ASSERT_EQ(model.rowCount(), 3);
  EXPECT_TRUE(model.setData(model.index(0, 0), QStringLiteral("Opening"), Qt::EditRole));
  EXPECT_EQ(storedTitles(), (QStringList{"Opening", "Two", "Three"}));
  EXPECT_EQ(model.index(0, SceneListModel::StatusColumn).data().toString(),
            QStringLiteral("Not generated"));
  session->undoStack()->undo();
  EXPECT_EQ(storedTitles(), (QStringList{"One", "Two", "Three"}));
  EXPECT_EQ(model.index(0, 0).data().toString(), QStringLiteral("One"));
}

TEST_F(UiModels, MoveRowsReordersTheStoreAndUndoRestores) {
  SceneListModel model(session.get());
  QAbstractItemModelTester tester(&model, Mode::Fatal);
  ASSERT_TRUE(model.moveRows({}, 0, 1, {}, 3));  // "One" to the end
  EXPECT_EQ(storedTitles(), (QStringList{"Two", "Three", "One"}));
  EXPECT_EQ(model.index(2, 0).data().toString(), QStringLiteral("One"));
  ASSERT_TRUE(model.moveRows({}, 2, 1, {}, 1));  // "One" back between
  EXPECT_EQ(storedTitles(), (QStringList{"Two", "One", "Three"}));
  session->undoStack()->undo();
  session->undoStack()->undo();
  EXPECT_EQ(storedTitles(), (QStringList{"One", "Two", "Three"}));
  for (int row = 0; row < 3; ++row)
    EXPECT_EQ(model.index(row, 0).data().toString(), storedTitles().at(row));
}

TEST_F(UiModels, DeleteUndoRestoresContentAndLaterEditsFollowTheNewId) {
  SceneListModel model(session.get());
  QAbstractItemModelTester tester(&model, Mode::Fatal);
  const model::Id rich = test::addRichScene(session->store(), QStringLiteral("Rich"));
  session->notifyScenesReset();
  const model::Scene before = *session->store().scene(rich);
  model::Scene after = before;
  after.narration = QStringLiteral("Changed");
  session->undoStack()->push(
      new EditSceneCommand(session.get(), before, after, QStringLiteral("narration")));
  session->undoStack()->push(new RemoveSceneCommand(session.get(), rich));
  EXPECT_EQ(model.rowCount(), 3);
  session->undoStack()->undo();  // the scene comes back (SQLite may give it a new id)
  ASSERT_EQ(model.rowCount(), 4);
  const model::Id restored = session->resolve(Entity::Scene, rich);
  EXPECT_EQ(session->store().dialogueLines(restored).size(), 2);
  EXPECT_EQ(session->store().sfxCues(restored).size(), 1);
  session->undoStack()->undo();  // the narration edit applies to the restored scene
  EXPECT_EQ(session->store().scene(restored)->narration, before.narration);
  session->undoStack()->redo();
  session->undoStack()->redo();
  EXPECT_EQ(model.rowCount(), 3);
}

TEST_F(UiModels, DuplicateCopiesDialogueAndUndoRemovesOnlyTheCopy) {
  const model::Id rich = test::addRichScene(session->store(), QStringLiteral("Rich"));
  session->notifyScenesReset();
  SceneSnapshot copy = SceneSnapshot::capture(session->store(), rich);
  copy.scene.title = QStringLiteral("Rich (copy)");
  auto* command = new AddSceneCommand(session.get(), copy, 4, QStringLiteral("Duplicate"));
  session->undoStack()->push(command);
  EXPECT_EQ(storedTitles().last(), QStringLiteral("Rich (copy)"));
  EXPECT_EQ(session->store().dialogueLines(command->sceneId()).size(), 2);
  session->undoStack()->undo();
  EXPECT_EQ(storedTitles(), (QStringList{"One", "Two", "Three", "Rich"}));
  EXPECT_EQ(session->store().dialogueLines(rich).size(), 2);
}

TEST_F(UiModels, CharacterDialogueAndCueModels) {
  const model::Id rich = test::addRichScene(session->store(), QStringLiteral("Rich"));
  CharacterModel characters(session.get());
  DialogueModel dialogue(session.get());
  SfxCueModel cues(session.get());
  QAbstractItemModelTester t1(&characters, Mode::Fatal);
  QAbstractItemModelTester t2(&dialogue, Mode::Fatal);
  QAbstractItemModelTester t3(&cues, Mode::Fatal);
  dialogue.setScene(rich);
  cues.setScene(rich);
  ASSERT_EQ(dialogue.rowCount(), 2);
  EXPECT_TRUE(dialogue.setData(dialogue.index(1, DialogueModel::TextColumn),
                               QStringLiteral("Not yet."), Qt::EditRole));
  EXPECT_EQ(session->store().dialogueLines(rich).at(1).text, QStringLiteral("Not yet."));
  // The lip-sync mark: off by default, a checkbox, one undoable edit written at once.
  const QModelIndex mark = dialogue.index(0, DialogueModel::LipSyncColumn);
  EXPECT_EQ(dialogue.data(mark, Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
  EXPECT_TRUE(dialogue.flags(mark) & Qt::ItemIsUserCheckable);
  EXPECT_TRUE(dialogue.setData(mark, int(Qt::Checked), Qt::CheckStateRole));
  EXPECT_TRUE(session->store().dialogueLines(rich).at(0).lipSync);
  EXPECT_EQ(dialogue.data(mark, Qt::CheckStateRole).toInt(), int(Qt::Checked));
  session->undoStack()->undo();
  EXPECT_FALSE(session->store().dialogueLines(rich).at(0).lipSync);
  session->undoStack()->redo();
  EXPECT_TRUE(session->store().dialogueLines(rich).at(0).lipSync);
  session->undoStack()->undo();
  dialogue.addLine(characters.character(0).id, QStringLiteral("Third"));
  EXPECT_EQ(session->store().dialogueLines(rich).size(), 3);
  EXPECT_TRUE(cues.setData(cues.index(0, SfxCueModel::TimeColumn), 2.5, Qt::EditRole));
  EXPECT_DOUBLE_EQ(session->store().sfxCues(rich).at(0).time, 2.5);
  characters.addCharacter(QStringLiteral("Keeper"));
  EXPECT_TRUE(session->store().characterByName(QStringLiteral("Keeper")).has_value());
  for (int i = 0; i < 4; ++i) session->undoStack()->undo();
  EXPECT_FALSE(session->store().characterByName(QStringLiteral("Keeper")).has_value());
  EXPECT_DOUBLE_EQ(session->store().sfxCues(rich).at(0).time, 1.0);
  EXPECT_EQ(session->store().dialogueLines(rich).size(), 2);
  EXPECT_EQ(session->store().dialogueLines(rich).at(1).text, QStringLiteral("It is lit."));
}

TEST_F(UiModels, ChunkTakeAndJobModels) {
  const model::Id scene = session->store().sceneAt(0)->id;
  model::Chunk chunk;
  chunk.sceneId = scene;
  chunk.prompt = QStringLiteral("waves");
  const model::Id chunkId = session->store().addChunk(chunk);
  model::Asset asset;
  asset.kind = QStringLiteral("video");
  asset.cacheKey = QStringLiteral("k1");
  asset.filePath = QStringLiteral("/nonexistent/a.mp4");
  asset.duration = 4.0;
  const model::Id assetId = session->store().addAsset(asset);
  session->store().addTake(
      model::Take{0, chunkId, assetId, QStringLiteral("waves"), 7, {}, 0.1, {}});
  model::RenderJob job;
  job.sceneId = scene;
  session->store().createJob(job);

  ChunkModel chunks(session.get());
  TakeModel takes(session.get());
  RenderJobModel jobs(session.get());
  QAbstractItemModelTester t1(&chunks, Mode::Fatal);
  QAbstractItemModelTester t2(&takes, Mode::Fatal);
  QAbstractItemModelTester t3(&jobs, Mode::Fatal);
  chunks.setScene(scene);
  takes.setChunk(chunkId);
  ASSERT_EQ(chunks.rowCount(), 1);
  EXPECT_DOUBLE_EQ(chunks.index(0).data(ChunkModel::DurationRole).toDouble(), 4.0);
  EXPECT_EQ(chunks.index(0).data(ChunkModel::StatusRole).toInt(), int(render::SlotState::Ready));
  ASSERT_EQ(takes.rowCount(), 1);
  EXPECT_TRUE(takes.index(0).data(TakeModel::ActiveRole).toBool());
  ASSERT_EQ(jobs.rowCount(), 1);
  jobs.setLiveProgress(jobs.job(0).id, QStringLiteral("stitching"), 50, 3);
  EXPECT_EQ(jobs.index(0).data(RenderJobModel::StageRole).toString(), QStringLiteral("stitching"));
}

TEST_F(UiModels, AFarmJobShowsItsSlurmState) {
  model::RenderJob job;
  job.sceneId = session->store().sceneAt(0)->id;
  job.status = model::JobStatus::Processing;
  job.stage = QStringLiteral("on Slurm: PENDING");
  job.spec = QJsonObject{{"kind", "farm"}};
  const model::Id id = session->store().createJob(job);
  session->store().setJobStatus(id, model::JobStatus::Processing);
  RenderJobModel jobs(session.get());
  ASSERT_EQ(jobs.rowCount(), 1);
  EXPECT_TRUE(jobs.index(0).data().toString().endsWith(QStringLiteral("on Slurm: PENDING")))
      << jobs.index(0).data().toString().toStdString();
}

}  // namespace
