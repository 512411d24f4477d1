// Music fitted to the video's length: cropped with a fade-out, or looped with crossfades, measured
// on the decoded samples of a real stitch.
#include "media/music_fit.h"
#include "media/render_plan.h"
#include "media/stitcher.h"
#include "support/media_fixtures.h"

#include <gtest/gtest.h>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>

using namespace sw::media;
using namespace sw::testsupport;

namespace {

double rms(const std::vector<float>& s, double t0, double t1) {
  const size_t a = std::min(s.size(), static_cast<size_t>(t0 * 48000));
  const size_t b = std::min(s.size(), static_cast<size_t>(t1 * 48000));
  double sum = 0;
  for (size_t i = a; i < b; ++i) sum += double(s[i]) * s[i];
  return b > a ? std::sqrt(sum / double(b - a)) : 0.0;
}

AudioClip music(const QString& file) {
  AudioClip c;
  c.file = file;
  c.track = AudioTrack::Music;
  c.fadeIn = 0.2;
  return c;
}

}  // namespace

TEST(MusicFit, LongMusicIsCroppedWithAFadeOut) {
  const std::vector<AudioClip> clips = fitMusic(music("m.wav"), 60.0, 8.0, {1.0, 2.0});
  ASSERT_EQ(clips.size(), 1u);
  EXPECT_DOUBLE_EQ(clips[0].start, 0.0);
  EXPECT_DOUBLE_EQ(clips[0].out, 8.0);
  EXPECT_DOUBLE_EQ(clips[0].fadeOut, 2.0);
  EXPECT_DOUBLE_EQ(clips[0].fadeIn, 0.2);
}

TEST(MusicFit, ShortMusicRepeatsWithOverlappingFades) {
  const std::vector<AudioClip> clips = fitMusic(music("m.wav"), 3.0, 8.0, {1.0, 2.0});
  // Copies at 0, 2 and 4 s, the third cut to hand over to the last one, which plays whole from
  // 5 s to the end and fades out.
  ASSERT_EQ(clips.size(), 4u);
  const double starts[] = {0, 2, 4, 5};
  const double outs[] = {3, 3, 2, 3};
  for (size_t k = 0; k < clips.size(); ++k) {
    EXPECT_DOUBLE_EQ(clips[k].start, starts[k]) << k;
    EXPECT_DOUBLE_EQ(clips[k].out, outs[k]) << k;
    EXPECT_DOUBLE_EQ(clips[k].fadeIn, k == 0 ? 0.2 : 1.0) << k;
  }
  for (size_t k = 0; k + 1 < clips.size(); ++k) {  // each fade-out is the next copy's fade-in
    EXPECT_DOUBLE_EQ(clips[k].fadeOut, 1.0) << k;
    EXPECT_DOUBLE_EQ(clips[k].start + clips[k].out - clips[k].in, clips[k + 1].start + 1.0) << k;
  }
  EXPECT_DOUBLE_EQ(clips.back().fadeOut, 2.0);
}

// A 440 Hz tone of 1.2345 s (it ends mid-cycle, so a plain repeat would jump) under 5 s of video.
TEST(MusicFit, LoopedMusicPlaysToTheEndWithoutAClickAndFadesOut) {
  QTemporaryDir dir;
  ClipSpec video;
  video.seconds = 5.0;
  video.audio = false;
  RenderPlan plan;
  VideoSegment segment;
  segment.file = makeClip(dir.filePath("v.mp4"), video);
  plan.segments.push_back(segment);
  plan.output.path = dir.filePath("out.mp4");
  plan.output.preset = "veryfast";
  plan.output.chunkAudio = ChunkAudio::Replace;
  WavSpec tone;
  tone.seconds = 1.2345;
  tone.hz = 440;
  tone.amplitude = 0.3;
  const QString file = makeWav(dir.filePath("m.wav"), tone);
  const MusicFit fit{1.0, 1.0};
  for (const AudioClip& c : fitMusic(music(file), tone.seconds, 5.0, fit)) plan.audio.push_back(c);
  ASSERT_GT(plan.audio.size(), 3u);
  stitch(plan);

  const std::vector<float> s = decodeAudioMono(plan.output.path);
  ASSERT_GT(s.size(), size_t(4.9 * 48000));
  const double steady = rms(s, 0.3, 0.8);
  ASSERT_GT(steady, 0.01);
  // Music all the way: no 50 ms window up to the fade-out falls silent. (Two copies of a pure tone
  // out of phase partly cancel where they cross: the join into the last copy, 122 degrees apart,
  // dips to about half the level.)
  for (double t = 0.3; t < 4.1; t += 0.05)
    EXPECT_GT(rms(s, t, t + 0.05), 0.35 * steady) << "at " << t << " s";
  // No click: a 440 Hz sine moves at most 2 pi 440 / 48000 = 0.058 of its peak per sample; a jump
  // at a join would move up to twice the peak.
  float peak = 0, step = 0;
  size_t worst = 0;
  for (size_t i = 1; i < size_t(4.0 * 48000); ++i) {
    peak = std::max(peak, std::fabs(s[i]));
    if (std::fabs(s[i] - s[i - 1]) > step) {
      step = std::fabs(s[i] - s[i - 1]);
      worst = i;
    }
  }
  EXPECT_LT(step, 0.1 * peak) << "step at " << double(worst) / 48000 << " s";
  // The fade-out (the last 0.82 s): falling steadily to near silence.
  EXPECT_LT(rms(s, 4.4, 4.5), 0.95 * rms(s, 4.2, 4.25));
  EXPECT_LT(rms(s, 4.7, 4.8), 0.7 * rms(s, 4.4, 4.5));
  EXPECT_LT(rms(s, 4.9, 4.98), 0.2 * steady);
}
