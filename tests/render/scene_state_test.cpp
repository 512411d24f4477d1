// The one scene state (render/scene_state.h) against real renders on the local backend: what it
// says is what the next render does. Edits make chunks out of date, a deleted cache file is
// missing and priced, a duration change keeps every take, takes drive stale marks.
#include <gtest/gtest.h>

#include <QFile>

#include "providers/asset_cache.h"
#include "render/regenerate.h"
#include "render/render_estimate.h"
#include "render/scene_state.h"
#include "render_fixture.h"

using namespace sw;
using namespace sw::render;

namespace {

class SceneStateTest : public sw::testing::RenderFixture {
 protected:
  // Without speech, so the scene lasts its 2.5 s target (speech would lengthen it).
  void SetUp() override {
    RenderFixture::SetUp();
    removeSpeech();
  }
  SceneState state(const StateOptions& options = {}) {
    auto store = openStore();
    const providers::AssetCache cache(cacheFolder());
    return sceneState(*store, sceneId, registry.get(), cache, options);
  }
  QList<SlotState> chunkStates(const SceneState& s) {
    QList<SlotState> out;
    for (const Slot* slot : s.chunkSlots()) out.append(slot->state);
    return out;
  }
  void renderOk() {
    const model::Id job = renderAndWait(request());
    ASSERT_EQ(openStore()->job(job)->status, model::JobStatus::Completed)
        << openStore()->job(job)->errorMessage.toStdString();
    lastJob = job;
  }
  void editScene(const std::function<void(model::Scene&)>& edit) {
    auto store = openStore();
    model::Scene scene = *store->scene(sceneId);
    edit(scene);
    store->updateScene(scene);
  }
  model::Id lastJob = 0;
};

TEST_F(SceneStateTest, AFreshSceneIsPendingAndPlannedAtTheModelsLength) {
  const SceneState s = state();
  ASSERT_TRUE(s.model);
  EXPECT_EQ(s.chunksNeeded, 3);  // 2.5 s of 1 s chunks, each after the first less one frame
  EXPECT_EQ(s.chunksToAdd, 3);
  EXPECT_EQ(s.toGenerate(SlotKind::Chunk), 3);
  ASSERT_TRUE(s.cost);
  EXPECT_DOUBLE_EQ(*s.cost, 0.0);  // local
}

TEST_F(SceneStateTest, APromptEditMakesEveryChunkOutOfDateAndTheRenderRegeneratesThem) {
  renderOk();
  EXPECT_EQ(chunkStates(state()), QList<SlotState>(3, SlotState::Ready));
  EXPECT_EQ(state().toGenerate(), 0);
  editScene([](model::Scene& s) { s.visualPrompt += QStringLiteral(", at night"); });
  const SceneState edited = state();
  EXPECT_EQ(chunkStates(edited), QList<SlotState>(3, SlotState::OutOfDate));
  EXPECT_EQ(edited.toGenerate(SlotKind::Chunk), 3);
  EXPECT_NE(edited.chunkSlots().first()->why.indexOf(QStringLiteral("prompt")), -1);
  renderOk();
  EXPECT_EQ(eventsOfKind(lastJob, QStringLiteral("asset.generated"), QStringLiteral("video")), 3);
  EXPECT_EQ(chunkStates(state()), QList<SlotState>(3, SlotState::Ready));
}

// "Keep as is" (model::Chunk::keptAssetId) is stored with the chunk: the render generates nothing
// for the kept take, and a new active take (here: the regenerated others) is judged afresh.
TEST_F(SceneStateTest, AChunkKeptAsIsIsRenderedAsItIsUntilItsTakeChanges) {
  renderOk();
  editScene([](model::Scene& s) { s.visualPrompt += QStringLiteral(", at night"); });
  {
    auto store = openStore();
    model::Chunk first = store->chunks(sceneId).at(0);
    first.keptAssetId = first.assetId;
    store->updateChunk(first);
  }
  const SceneState kept = state();
  EXPECT_TRUE(kept.chunkSlots().at(0)->kept);
  EXPECT_FALSE(kept.chunkSlots().at(0)->willGenerate);
  EXPECT_EQ(kept.toGenerate(SlotKind::Chunk), 2);
  const model::Id before = *openStore()->chunks(sceneId).at(0).assetId;
  renderOk();
  EXPECT_EQ(eventsOfKind(lastJob, QStringLiteral("asset.generated"), QStringLiteral("video")), 2);
  EXPECT_EQ(*openStore()->chunks(sceneId).at(0).assetId, before);
  EXPECT_EQ(state().toGenerate(SlotKind::Chunk), 0);
  {  // Making a take active again, even the kept one, ends the keep.
    auto store = openStore();
    const model::Chunk first = store->chunks(sceneId).at(0);
    ASSERT_TRUE(first.keptAsIs());
    store->setActiveTake(first.id, store->takes(first.id).last().id);
    EXPECT_FALSE(store->chunk(first.id)->keptAsIs());
    EXPECT_EQ(state().chunkSlots().at(0)->state, SlotState::OutOfDate);
    model::Chunk again = *store->chunk(first.id);
    again.keptAssetId = again.assetId;
    store->updateChunk(again);
  }
  // Kept applies to one take only: with another recorded, this take is judged afresh.
  auto store = openStore();
  model::Chunk first = store->chunks(sceneId).at(0);
  first.keptAssetId = store->chunks(sceneId).at(1).assetId;  // kept another take, not this
  store->updateChunk(first);
  EXPECT_FALSE(store->chunk(first.id)->keptAsIs());
  EXPECT_EQ(state().chunkSlots().at(0)->state, SlotState::OutOfDate);
  EXPECT_FALSE(state().chunkSlots().at(0)->kept);
}

TEST_F(SceneStateTest, ADirectionEditOfOneChunkOverrideLeavesTheOthersReady) {
  renderOk();
  auto store = openStore();
  model::Chunk second = store->chunks(sceneId).at(1);
  second.direction = QStringLiteral("whip pan");
  store->updateChunk(second);
  const QList<SlotState> states = chunkStates(state());
  EXPECT_EQ(states, (QList<SlotState>{SlotState::Ready, SlotState::OutOfDate, SlotState::Stale}));
  // A scene edit later does not undo the override: the chunk keeps its own direction.
  editScene([](model::Scene& s) { s.directionPrompt = QStringLiteral("slow dolly-in"); });
  EXPECT_EQ(openStore()->chunks(sceneId).at(1).direction, QStringLiteral("whip pan"));
}

TEST_F(SceneStateTest, ADeletedCacheFileIsMissingAndGeneratedAgain) {
  renderOk();
  auto store = openStore();
  const model::Chunk last = store->chunks(sceneId).last();
  const auto asset = store->asset(*last.assetId);
  ASSERT_TRUE(QFile::remove(asset->filePath));
  const SceneState s = state();
  EXPECT_EQ(s.chunkSlots().last()->state, SlotState::Missing);
  EXPECT_TRUE(s.chunkSlots().last()->willGenerate);
  RenderRequest r = request();
  const RenderEstimate e =
      estimateRender(*store, r, registry.get(), providers::BackendSettings{}, cacheFolder());
  EXPECT_EQ(e.missing, 1);
  EXPECT_EQ(e.toGenerate(), 1);
  EXPECT_NE(e.summaryLine().indexOf(QStringLiteral("missing")), -1);
  renderOk();
  EXPECT_EQ(eventsOfKind(lastJob, QStringLiteral("asset.generated"), QStringLiteral("video")), 1);
  EXPECT_EQ(chunkStates(state()), QList<SlotState>(3, SlotState::Ready));
}

TEST_F(SceneStateTest, ADurationChangeKeepsEveryTakeAndChangesOnlyTheEnd) {
  renderOk();
  auto store = openStore();
  const QList<model::Chunk> before = store->chunks(sceneId);
  editScene([](model::Scene& s) { s.targetDuration = 4.5; });
  SceneState longer = state();
  EXPECT_EQ(longer.chunksNeeded, 5);
  EXPECT_EQ(longer.chunksToAdd, 2);
  EXPECT_EQ(longer.readyChunks(), 3);
  renderOk();
  const QList<model::Chunk> after = openStore()->chunks(sceneId);
  ASSERT_EQ(after.size(), 5);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(after[i].id, before[i].id);
    EXPECT_EQ(after[i].assetId, before[i].assetId);
  }
  EXPECT_EQ(eventsOfKind(lastJob, QStringLiteral("asset.generated"), QStringLiteral("video")), 2);
  // Shorter: the chunks past the end are unused, not deleted; their takes stay.
  editScene([](model::Scene& s) { s.targetDuration = 1.5; });
  const SceneState shorter = state();
  EXPECT_EQ(shorter.chunksNeeded, 2);
  EXPECT_EQ(chunkStates(shorter),
            (QList<SlotState>{SlotState::Ready, SlotState::Ready, SlotState::Unused,
                              SlotState::Unused, SlotState::Unused}));
  EXPECT_EQ(shorter.toGenerate(), 0);
  renderOk();
  EXPECT_EQ(openStore()->chunks(sceneId).size(), 5);
  EXPECT_EQ(openStore()->takes(after[4].id).size(), 1);
}

TEST_F(SceneStateTest, StaleMarksFollowTheActiveTakes) {
  renderOk();
  auto store = openStore();
  const model::Chunk first = store->chunks(sceneId).first();
  const model::Id originalTake = store->takes(first.id).first().id;
  RegenerateRequest r;
  r.chunkId = first.id;
  const RegenerateResult result = regenerateOutcome(*store, renderAndWait(regenerateRequest(r)));
  ASSERT_TRUE(result.ok) << result.error.toStdString();
  EXPECT_EQ(result.staleMarked, 2);
  EXPECT_EQ(chunkStates(state()),
            (QList<SlotState>{SlotState::Ready, SlotState::Stale, SlotState::Stale}));
  // Keeping stale chunks is explicit, and the estimate names them.
  StateOptions keep;
  keep.keepAllStale = true;
  EXPECT_EQ(state(keep).toGenerate(SlotKind::Chunk), 0);
  // Back to the take the later chunks were made from: nothing is stale any more.
  openStore()->setActiveTake(first.id, originalTake);
  EXPECT_EQ(chunkStates(state()), QList<SlotState>(3, SlotState::Ready));
}

TEST_F(SceneStateTest, SelectingATakeRestoresItsRecipe) {
  renderOk();
  auto store = openStore();
  model::Chunk first = store->chunks(sceneId).first();
  const qint64 seed = first.seed;
  const model::Id originalTake = store->takes(first.id).first().id;
  RegenerateRequest r;
  r.chunkId = first.id;
  r.prompt = QStringLiteral("a gull over the pier");
  ASSERT_TRUE(regenerateOutcome(*store, renderAndWait(regenerateRequest(r))).ok);
  EXPECT_EQ(openStore()->chunk(first.id)->prompt, QStringLiteral("a gull over the pier"));
  openStore()->setActiveTake(first.id, originalTake);
  const model::Chunk back = *openStore()->chunk(first.id);
  EXPECT_EQ(back.seed, seed);
  EXPECT_TRUE(back.prompt.isEmpty());  // follows the scene again, as the take was made
  EXPECT_EQ(state().chunkSlots().first()->state, SlotState::Ready);
}

}  // namespace
