// The audio lanes show speech where the render will place it.
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include "render/timeline_builder.h"
#include "ui/timeline_lanes.h"

using namespace sw;

TEST(UiTimelineLanes, SpeechIsDrawnWhereTheRenderPlacesIt) {
  QTemporaryDir tmp;
  auto store = model::ProjectStore::create(tmp.path(), QStringLiteral("Lanes"));
  const model::Id anna = store->addCharacter({0, QStringLiteral("ANNA"), {}, {}});
  const model::Id ben = store->addCharacter({0, QStringLiteral("BEN"), {}, {}});
  model::Scene scene;
  scene.narration =
      QStringLiteral("A long opening narration that takes a few seconds to say aloud.");
  scene.targetDuration = 10;
  const model::Id id = store->addScene(scene);
  store->addDialogueLine({0, id, 0, anna, QStringLiteral("First line."), std::nullopt});
  store->addDialogueLine(
      {0, id, 1, ben, QStringLiteral("Second line, a bit longer."), std::nullopt});
  QList<model::Chunk> chunks(2);
  store->replaceChunks(id, chunks);

  const QList<ui::AudioLane> lanes = ui::buildAudioLanes(*store, id, 10.0);
  ASSERT_GE(lanes.size(), 3);
  const ui::LaneClip narration = lanes[0].clips.value(0);
  const ui::LaneClip first = lanes[1].clips.value(0);
  const ui::LaneClip second = lanes[2].clips.value(0);
  EXPECT_NEAR(narration.start, 0.25, 1e-9);
  EXPECT_GT(first.start, narration.start + narration.duration);  // never over the narration
  EXPECT_GE(second.start, first.start + first.duration);
  EXPECT_GE(second.start, 5.0);  // the second line belongs to the second chunk

  render::TimelineInputs plan;
  plan.segments = {{QString(), 5.0}, {QString(), 5.0}};
  plan.narration = render::TimelineClip{QString(), narration.duration};
  plan.dialogue = {{QString(), first.duration}, {QString(), second.duration}};
  const render::SpeechPlacement placed = render::placeSpeech(plan);
  EXPECT_DOUBLE_EQ(first.start, placed.dialogueStarts[0]);
  EXPECT_DOUBLE_EQ(second.start, placed.dialogueStarts[1]);
}
