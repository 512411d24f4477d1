#include <gtest/gtest.h>

#include "providers/model_registry.h"
#include "render/chunk_planner.h"
#include "render/scene_job.h"

using namespace sw;
using namespace sw::render;

TEST(RenderChunkPlanner, ChunkCountFollowsTheLengthsTheModelDelivers) {
  constexpr double kHalfFrame = 0.5 / 24;
  // Planned at the registry's 5 s: 3 chunks for 12 s.
  EXPECT_EQ(chunksToCover({}, 5.0, 12.0, kHalfFrame), 3);
  // The first chunk measured 6.04 s, the next expected as long less its repeated first frame.
  EXPECT_EQ(chunksToCover({6.04}, 6.04 - 1.0 / 24, 12.0, kHalfFrame), 2);
  EXPECT_EQ(chunksToCover({}, 5.0, 30.0, kHalfFrame), 6);
  EXPECT_EQ(chunksToCover({}, 2.0, 30.0, kHalfFrame), 15);
  EXPECT_EQ(chunksToCover({}, 5.0, 31.0, kHalfFrame), 7);
  // Within half a frame counts as covered; at least one chunk.
  EXPECT_EQ(chunksToCover({}, 5.0, 10.0 + kHalfFrame / 2, kHalfFrame), 2);
  EXPECT_EQ(chunksToCover({}, 5.0, 0.0, kHalfFrame), 1);
  // No chunk is bought to cover only the first frames dropped at the joins.
  EXPECT_EQ(chunksToCover({1.0}, 1.0 - 1.0 / 12, 2.0, 0.5 / 12, 1.0 / 12), 2);
  EXPECT_EQ(chunksToCover({1.0}, 1.0 - 1.0 / 12, 2.0, 0.5 / 12), 3);
  // A measured empty chunk does not end the plan.
  EXPECT_EQ(chunksToCover({0.0, 5.0}, 5.0, 9.0, kHalfFrame), 3);
}

TEST(RenderChunkPlanner, NewChunksFollowTheSceneWithStableSeeds) {
  const model::Chunk c = newChunk(7, 1);
  EXPECT_TRUE(c.prompt.isEmpty());
  EXPECT_TRUE(c.direction.isEmpty());
  EXPECT_TRUE(c.modelKey.isEmpty());
  EXPECT_EQ(c.seed, chunkSeed(7, 1));
  EXPECT_NE(chunkSeed(7, 0), chunkSeed(7, 1));
  EXPECT_EQ(joinPrompt(QStringLiteral("waves"), QStringLiteral("wide shot")),
            QStringLiteral("waves. wide shot"));
  EXPECT_EQ(joinPrompt(QStringLiteral("waves."), QString()), QStringLiteral("waves."));
}

TEST(RenderChunkPlanner, LastChunkIsCutAtTheScenesEnd) {
  const QList<double> used = usedSeconds({6.04}, 6.0, 12.0, 2);
  ASSERT_EQ(used.size(), 2);
  EXPECT_DOUBLE_EQ(used[0], 6.04);
  EXPECT_NEAR(used[1], 5.96, 1e-9);
  EXPECT_EQ(usedSeconds({}, 5.0, 12.0, 3), (QList<double>{5.0, 5.0, 2.0}));
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
