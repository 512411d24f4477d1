#include <gtest/gtest.h>

#include "render/speech_timing.h"

using namespace sw::render;

namespace {

SpeechTiming harbour(double target, SpeechPolicy policy) {
  SpeechTiming t;
  t.target = target;
  t.policy = policy;
  t.items = {{QStringLiteral("narration"), 3.0, true, false},
             {QStringLiteral("dialogue line 1 (MARA)"), 2.0, true, true},
             {QStringLiteral("dialogue line 2 (TOMAS)"), 4.0, true, true},
             {QStringLiteral("dialogue line 3 (MARA)"), 2.0, true, true}};
  return t;
}

void expectInOrderWithoutOverlap(const SpeechTiming& t, const SpeechLayout& l) {
  ASSERT_EQ(l.starts.size(), t.items.size());
  EXPECT_GE(l.starts[0], t.leadIn - 1e-9);
  for (int i = 1; i < l.starts.size(); ++i)
    EXPECT_GE(l.starts[i], l.starts[i - 1] + t.items[i - 1].seconds + t.gap - 1e-9) << i;
}

}  // namespace

TEST(SpeechTiming, LongSpeechLengthensTheSceneToATenth) {
  const SpeechTiming t = harbour(10.0, SpeechPolicy::Lengthen);
  const SpeechLayout l = layoutSpeech(t);
  expectInOrderWithoutOverlap(t, l);
  // 0.25 + 3 + 2 + 4 + 2 + 3 gaps of 0.35 + 0.25 tail = 12.55
  EXPECT_NEAR(l.needed, 12.55, 1e-9);
  EXPECT_NEAR(l.end, 12.3, 1e-9);
  EXPECT_NEAR(l.duration, 12.6, 1e-9);
  EXPECT_TRUE(l.lengthened());
  EXPECT_TRUE(l.cuts.isEmpty());
  EXPECT_LE(l.starts.last() + t.items.last().seconds, l.duration);
  EXPECT_EQ(describeSpeechLayout(l),
            QStringLiteral("speech needs 12.6 s; the scene will be 12.6 s"));
}

TEST(SpeechTiming, ShortSpeechKeepsTheTargetAndSpreadsTheLines) {
  SpeechTiming t = harbour(30.0, SpeechPolicy::Lengthen);
  const SpeechLayout l = layoutSpeech(t);
  expectInOrderWithoutOverlap(t, l);
  EXPECT_DOUBLE_EQ(l.duration, 30.0);
  EXPECT_FALSE(l.lengthened());
  EXPECT_NEAR(l.starts[0], 0.25, 1e-9);
  EXPECT_NEAR(l.starts[1], 0.25 + 3.0 + 0.35, 1e-9);  // right after the narration
  EXPECT_NEAR(l.starts[2], 0.25 + 10.0, 1e-9);        // its third of the scene
  EXPECT_NEAR(l.starts[3], 0.25 + 20.0, 1e-9);
  EXPECT_EQ(describeSpeechLayout(l), QStringLiteral("speech needs 12.6 s of the scene's 30.0 s"));
}

TEST(SpeechTiming, SpreadingNeverPushesALineOutOfTheScene) {
  SpeechTiming t = harbour(13.0, SpeechPolicy::KeepDuration);
  const SpeechLayout l = layoutSpeech(t);
  expectInOrderWithoutOverlap(t, l);
  EXPECT_TRUE(l.cuts.isEmpty());
  EXPECT_LE(l.starts.last() + t.items.last().seconds + t.tail, 13.0 + 1e-9);
}

TEST(SpeechTiming, KeepDurationNamesTheCutAndDroppedLines) {
  // The reported case: a 10 s scene whose speech runs to 8.98 s and beyond.
  SpeechTiming t = harbour(10.0, SpeechPolicy::KeepDuration);
  t.items[2].seconds = 3.38;  // line 2 starts at 5.95 and ends at 9.33; line 3 starts at 9.68
  t.items[3].seconds = 1.5;
  t.items.append({QStringLiteral("dialogue line 4 (TOMAS)"), 2.1, false, true});
  const SpeechLayout l = layoutSpeech(t);
  expectInOrderWithoutOverlap(t, l);
  EXPECT_DOUBLE_EQ(l.duration, 10.0);
  ASSERT_EQ(l.cuts.size(), 2);
  EXPECT_EQ(l.cuts[0].index, 3);
  EXPECT_FALSE(l.cuts[0].dropped);
  EXPECT_NEAR(l.cuts[0].seconds, 9.68 + 1.5 - 10.0, 1e-9);
  EXPECT_EQ(l.cuts[1].index, 4);
  EXPECT_TRUE(l.cuts[1].dropped);
  EXPECT_NEAR(l.cuts[1].seconds, 2.1, 1e-9);
  EXPECT_EQ(describeSpeechLayout(l),
            QStringLiteral("speech needs 13.9 s; keeping 10.0 s cuts: dialogue line 3 (MARA) by "
                           "1.2 s, dialogue line 4 (TOMAS) entirely (2.1 s)"));
}

TEST(SpeechTiming, KeepDurationWithOnlyTheTailPastTheEndCutsNoLine) {
  SpeechTiming t;
  t.target = 3.0;
  t.policy = SpeechPolicy::KeepDuration;
  t.items = {{QStringLiteral("narration"), 2.6, true, false}};
  const SpeechLayout l = layoutSpeech(t);
  EXPECT_TRUE(l.cuts.isEmpty());
  EXPECT_EQ(describeSpeechLayout(l),
            QStringLiteral("speech needs 3.1 s; keeping 3.0 s cuts no line"));
}

TEST(SpeechTiming, NoSpeechKeepsTheTargetAndSaysNothing) {
  SpeechTiming t;
  t.target = 7.5;
  const SpeechLayout l = layoutSpeech(t);
  EXPECT_DOUBLE_EQ(l.duration, 7.5);
  EXPECT_DOUBLE_EQ(l.needed, 0.0);
  EXPECT_TRUE(describeSpeechLayout(l).isEmpty());
}

TEST(SpeechTiming, TenthsRoundUpOnlyWhenNeeded) {
  EXPECT_DOUBLE_EQ(ceilTenth(14.2), 14.2);
  EXPECT_DOUBLE_EQ(ceilTenth(14.21), 14.3);
  EXPECT_DOUBLE_EQ(ceilTenth(0.25 + 3.0 + 0.35), 3.6);
}
