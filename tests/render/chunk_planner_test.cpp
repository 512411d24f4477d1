#include <gtest/gtest.h>

#include "providers/model_registry.h"
#include "render/chunk_planner.h"
#include "render/scene_job.h"

using namespace sw;
using namespace sw::render;

namespace {
model::Scene sceneOf(double seconds) {
  model::Scene s;
  s.id = 7;
  s.targetDuration = seconds;
  s.visualPrompt = QStringLiteral("a lighthouse at dusk");
  s.directionPrompt = QStringLiteral("slow dolly-in");
  return s;
}
}  // namespace

TEST(RenderChunkPlanner, ChunkCountFollowsTheModelsRealChunkLength) {
  const auto registry = providers::ModelRegistry::load(QString());
  const auto hailuo = planChunks(sceneOf(30), registry.model(QStringLiteral("hailuo")), {});
  const auto animatediff =
      planChunks(sceneOf(30), registry.model(QStringLiteral("animatediff")), {});
  EXPECT_EQ(hailuo.chunks.size(), 5);  // 6 s per call
  EXPECT_EQ(animatediff.chunks.size(), 15);
  EXPECT_TRUE(hailuo.replaced);
  EXPECT_EQ(planChunks(sceneOf(31), registry.model(QStringLiteral("hailuo")), {}).chunks.size(), 6);
}

TEST(RenderChunkPlanner, ChunksCarryPromptDirectionSeedAndModel) {
  const auto registry = providers::ModelRegistry::load(QString());
  const auto& model = registry.model(QStringLiteral("hailuo"));
  const auto plan = planChunks(sceneOf(10), model, {});
  ASSERT_EQ(plan.chunks.size(), 2);
  EXPECT_EQ(plan.chunks[1].prompt, QStringLiteral("a lighthouse at dusk"));
  EXPECT_EQ(plan.chunks[1].direction, QStringLiteral("slow dolly-in"));
  EXPECT_EQ(plan.chunks[1].modelKey, QStringLiteral("hailuo"));
  EXPECT_NE(plan.chunks[0].seed, plan.chunks[1].seed);
  EXPECT_EQ(plan.chunks[0].seed, chunkSeed(7, 0));
  EXPECT_EQ(joinPrompt(QStringLiteral("waves"), QStringLiteral("wide shot")),
            QStringLiteral("waves. wide shot"));
  EXPECT_EQ(joinPrompt(QStringLiteral("waves."), QString()), QStringLiteral("waves."));
}

TEST(RenderChunkPlanner, MatchingPlanIsKeptWithItsTakes) {
  const auto registry = providers::ModelRegistry::load(QString());
  const auto& model = registry.model(QStringLiteral("hailuo"));
  auto first = planChunks(sceneOf(10), model, {});
  first.chunks[0].assetId = 42;
  const auto again = planChunks(sceneOf(10), model, first.chunks);
  EXPECT_FALSE(again.replaced);
  EXPECT_EQ(again.chunks[0].assetId, std::optional<model::Id>(42));
  const auto longer = planChunks(sceneOf(20), model, first.chunks);
  EXPECT_TRUE(longer.replaced);
  EXPECT_EQ(longer.chunks.size(), 4);
}

TEST(RenderChunkPlanner, LastChunkIsCutToTheTargetDuration) {
  const auto registry = providers::ModelRegistry::load(QString());
  const auto& model = registry.model(QStringLiteral("hailuo"));
  EXPECT_DOUBLE_EQ(chunkUsefulSeconds(sceneOf(15), model, 0, 3), model.actualChunkDuration);
  EXPECT_NEAR(chunkUsefulSeconds(sceneOf(15), model, 2, 3), 15 - 2 * model.actualChunkDuration,
              1e-9);
}

TEST(RenderChunkPlanner, OutputSizesForPresetsAndAspects) {
  int w = 0, h = 0;
  outputSize(QStringLiteral("1080p"), QStringLiteral("16:9"), &w, &h);
  EXPECT_EQ(w, 1920);
  EXPECT_EQ(h, 1080);
  outputSize(QStringLiteral("720p"), QStringLiteral("9:16"), &w, &h);
  EXPECT_EQ(w, 720);
  EXPECT_EQ(h, 1280);
  outputSize(QStringLiteral("480p"), QStringLiteral("16:9"), &w, &h);
  EXPECT_EQ(w, 854);
  EXPECT_EQ(h, 480);
  model::Scene s;
  s.position = 2;
  s.title = QStringLiteral("  The Lamp Room! ");
  EXPECT_EQ(defaultOutputPath(QStringLiteral("/p/exports"), s),
            QStringLiteral("/p/exports/03-the-lamp-room.mp4"));
}
