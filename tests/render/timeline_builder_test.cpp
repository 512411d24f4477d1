#include <gtest/gtest.h>

#include "render/timeline_builder.h"

using namespace sw;
using namespace sw::render;

namespace {
TimelineInputs threeChunks() {
  TimelineInputs in;
  in.fps = 25;
  for (int i = 0; i < 3; ++i) {
    TimelineSegment s;
    s.file = QStringLiteral("/c/%1.mp4").arg(i);
    s.fileDuration = 5.0;
    s.dropFirstFrame = i > 0;
    in.segments.append(s);
  }
  return in;
}
}  // namespace

TEST(RenderTimeline, DurationCountsTrimsDroppedFramesAndCrossfades) {
  TimelineInputs in = threeChunks();
  EXPECT_NEAR(timelineDuration(in), 15.0 - 2 * 0.04, 1e-9);
  in.segments[0].trimIn = 0.4;
  in.segments[2].useful = 2.0;
  in.segments[0].crossfade = true;
  in.segments[0].transitionDuration = 0.5;
  EXPECT_NEAR(timelineDuration(in), 4.6 + 4.96 + 1.96 - 0.5, 1e-9);
  const QList<double> starts = segmentStarts(in);
  EXPECT_NEAR(starts[1], 4.1, 1e-9);
}

TEST(RenderTimeline, SpeechNeverOverlapsAndFollowsItsSegment) {
  TimelineInputs in = threeChunks();
  in.narration = TimelineClip{QStringLiteral("n.wav"), 3.0};
  in.dialogue = {TimelineClip{QStringLiteral("a.wav"), 2.0},
                 TimelineClip{QStringLiteral("b.wav"), 1.0},
                 TimelineClip{QStringLiteral("c.wav"), 1.5}};
  const SpeechPlacement p = placeSpeech(in);
  ASSERT_TRUE(p.narrationStart.has_value());
  EXPECT_NEAR(*p.narrationStart, 0.25, 1e-9);
  ASSERT_EQ(p.dialogueStarts.size(), 3);
  double previousEnd = *p.narrationStart + 3.0;
  for (int k = 0; k < 3; ++k) {
    EXPECT_GT(p.dialogueStarts[k], previousEnd);
    previousEnd = p.dialogueStarts[k] + in.dialogue[k].duration;
  }
  // Line 3 belongs to segment 3 (starting near 9.96 s), so it waits for it.
  EXPECT_GE(p.dialogueStarts[2], segmentStarts(in)[2]);
}

TEST(RenderTimeline, PlanHasTracksMusicCutAndLateCuesDropped) {
  TimelineInputs in = threeChunks();
  in.narration = TimelineClip{QStringLiteral("n.wav"), 2.0};
  in.music = TimelineClip{QStringLiteral("m.wav"), 60.0};
  in.sfx = {TimelineClip{QStringLiteral("s1.wav"), 1.0, 3.5, -6},
            TimelineClip{QStringLiteral("late.wav"), 1.0, 99.0, 0}};
  media::OutputSettings out;
  out.path = QStringLiteral("/tmp/x.mp4");
  const media::RenderPlan plan = buildRenderPlan(in, out);
  ASSERT_EQ(plan.segments.size(), 3u);
  EXPECT_TRUE(plan.segments[1].dropFirstFrame);
  int music = 0, sfx = 0;
  for (const auto& clip : plan.audio) {
    if (clip.track == media::AudioTrack::Music) {
      ++music;
      EXPECT_NEAR(clip.out, timelineDuration(in), 1e-9);
      EXPECT_GT(clip.fadeOut, 0);
      EXPECT_LT(clip.gainDb, 0);
    }
    if (clip.track == media::AudioTrack::Sfx) {
      ++sfx;
      EXPECT_DOUBLE_EQ(clip.start, 3.5);
      EXPECT_DOUBLE_EQ(clip.gainDb, -6);
    }
  }
  EXPECT_EQ(music, 1);
  EXPECT_EQ(sfx, 1);
  EXPECT_NO_THROW(plan.validate());
}

TEST(RenderTimeline, MusicShorterThanThePictureLoopsToItsEnd) {
  TimelineInputs in = threeChunks();  // 14.92 s
  in.music = TimelineClip{QStringLiteral("m.wav"), 4.0};
  media::OutputSettings out;
  out.path = QStringLiteral("/tmp/x.mp4");
  const media::RenderPlan plan = buildRenderPlan(in, out);
  std::vector<media::AudioClip> music;
  for (const auto& clip : plan.audio)
    if (clip.track == media::AudioTrack::Music) music.push_back(clip);
  ASSERT_GE(music.size(), 4u);
  for (size_t k = 0; k + 1 < music.size(); ++k) {  // each copy crossfades into the next
    EXPECT_NEAR(music[k].start + music[k].out - music[k].in,
                music[k + 1].start + kMusicLoopCrossfade, 1e-9);
    EXPECT_DOUBLE_EQ(music[k].fadeOut, kMusicLoopCrossfade);
    EXPECT_DOUBLE_EQ(music[k + 1].fadeIn, kMusicLoopCrossfade);
  }
  EXPECT_NEAR(music.back().start + music.back().out, timelineDuration(in), 1e-9);
  EXPECT_GT(music.back().fadeOut, 1.0);
  EXPECT_NO_THROW(plan.validate());
}

TEST(RenderTimeline, PlacedSpeechKeepsTheJobsLayout) {
  TimelineInputs in = threeChunks();
  in.speechPlaced = true;
  in.narration = TimelineClip{QStringLiteral("n.wav"), 3.0, 0.25};
  in.dialogue = {TimelineClip{QStringLiteral("a.wav"), 2.0, 3.6},
                 TimelineClip{QStringLiteral("b.wav"), 1.0, 12.5}};
  media::OutputSettings out;
  out.path = QStringLiteral("/tmp/x.mp4");
  const media::RenderPlan plan = buildRenderPlan(in, out);
  std::vector<double> starts;
  for (const auto& clip : plan.audio)
    if (clip.track != media::AudioTrack::Music) starts.push_back(clip.start);
  EXPECT_EQ(starts, (std::vector<double>{0.25, 3.6, 12.5}));
}

TEST(RenderTimeline, TheLastSegmentPlaysOnForTheDroppedFrames) {
  TimelineInputs in = threeChunks();  // 3 x 5 s at 25 fps, two repeated first frames dropped
  in.segments[2].useful = 2.0;        // a 12 s scene
  EXPECT_NEAR(timelineDuration(in), 11.92, 1e-9);
  EXPECT_NEAR(extendPictureTo(in, 12.0), 12.0, 1e-9);
  EXPECT_NEAR(in.segments[2].useful, 2.08, 1e-9);
  EXPECT_NEAR(extendPictureTo(in, 30.0), 14.92, 1e-9);  // no further than the file goes
  EXPECT_NEAR(extendPictureTo(in, 10.0), 14.92, 1e-9);  // never shortens
}
