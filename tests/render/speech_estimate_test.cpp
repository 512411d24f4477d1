// The speech layout shown before a render: generated speech by its asset's duration, the rest
// estimated from its text; the job's names and order; the request's tracks and policy.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QTemporaryDir>

#include "render/render_estimate.h"
#include "render/speech_estimate.h"

using namespace sw;
using namespace sw::render;

namespace {

class SpeechEstimateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(tmp.isValid());
    store = model::ProjectStore::create(tmp.filePath(QStringLiteral("S.scenewright")),
                                        QStringLiteral("S"));
    model::Scene scene;
    scene.title = QStringLiteral("Quay");
    scene.narration = QStringLiteral("The storm rolls in over the bay.");
    scene.targetDuration = 4.0;
    sceneId = store->addScene(scene);
    const model::Id mara = store->addCharacter({0, QStringLiteral("MARA"), {}, {}});
    const model::Id tomas = store->addCharacter({0, QStringLiteral("TOMAS"), {}, {}});
    model::Asset spoken;
    spoken.kind = QStringLiteral("speech");
    spoken.cacheKey = QStringLiteral("k1");
    spoken.filePath = tmp.filePath(QStringLiteral("line1.wav"));
    spoken.duration = 6.2;  // generated (and measured) already
    const model::Id asset = store->addAsset(spoken);
    store->addDialogueLine({0, sceneId, 0, mara, QStringLiteral("Light the lamp."), asset});
    store->addDialogueLine({0, sceneId, 1, tomas, QStringLiteral("   "), {}});  // skipped
    store->addDialogueLine({0, sceneId, 2, tomas, QStringLiteral("Now."), {}});
  }
  QTemporaryDir tmp;
  std::unique_ptr<model::ProjectStore> store;
  model::Id sceneId = 0;
};

}  // namespace

TEST_F(SpeechEstimateTest, GeneratedLinesCountTheirMeasuredSecondsTheRestTheirText) {
  RenderRequest r;
  r.sceneIds = {sceneId};
  const SpeechTiming t = speechTimingOf(*store, *store->scene(sceneId), r);
  ASSERT_EQ(t.items.size(), 3);
  EXPECT_EQ(t.items[0].what, QStringLiteral("narration"));
  EXPECT_DOUBLE_EQ(t.items[0].seconds,
                   estimatedSpeechSeconds(QStringLiteral("The storm rolls in over the bay.")));
  EXPECT_FALSE(t.items[0].measured);
  EXPECT_EQ(t.items[1].what, QStringLiteral("dialogue line 1 (MARA)"));
  EXPECT_DOUBLE_EQ(t.items[1].seconds, 6.2);
  EXPECT_TRUE(t.items[1].measured);
  EXPECT_EQ(t.items[2].what, QStringLiteral("dialogue line 3 (TOMAS)"));
  EXPECT_TRUE(t.items[2].dialogue);

  const SpeechLayout lengthened = estimateSpeech(*store, sceneId, r);
  EXPECT_GT(lengthened.duration, 6.2 + t.items[0].seconds);
  EXPECT_TRUE(describeSpeechLayout(lengthened).contains(QStringLiteral("the scene will be")));

  r.keepDuration = true;
  const SpeechLayout kept = estimateSpeech(*store, sceneId, r);
  EXPECT_DOUBLE_EQ(kept.duration, 4.0);
  EXPECT_TRUE(describeSpeechLayout(kept).contains(
      QStringLiteral("keeping 4.0 s cuts: dialogue line 1 (MARA) by")));

  r.dialogue = false;
  EXPECT_EQ(speechTimingOf(*store, *store->scene(sceneId), r).items.size(), 1);
}

TEST(RenderRequestJson, KeepDurationRoundTripsAndDefaultsToLengthen) {
  RenderRequest r;
  EXPECT_FALSE(r.keepDuration);
  r.keepDuration = true;
  EXPECT_TRUE(RenderRequest::fromJson(r.toJson()).keepDuration);
  EXPECT_FALSE(RenderRequest::fromJson(QJsonObject{{"scenes", QJsonArray{1}}}).keepDuration);
}
