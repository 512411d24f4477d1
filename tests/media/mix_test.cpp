#include "media/media_error.h"
#include "media/render_plan.h"
#include "media/stitcher.h"
#include "support/media_fixtures.h"

#include <gtest/gtest.h>
#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace sw::media;
using namespace sw::testsupport;

namespace {

class MediaMix : public ::testing::Test {
 protected:
  RenderPlan videoPlan(double seconds = 3.0) {
    ClipSpec spec;
    spec.seconds = seconds;
    RenderPlan p;
    VideoSegment s;
    s.file = makeClip(dir.filePath("v.mp4"), spec);
    p.segments.push_back(s);
    p.output.path = dir.filePath("out.mp4");
    p.output.preset = "veryfast";
    return p;
  }
  AudioClip clip(const QString& name, AudioTrack track, const WavSpec& spec, double start = 0) {
    AudioClip c;
    c.file = makeWav(dir.filePath(name), spec);
    c.track = track;
    c.start = start;
    return c;
  }
  QTemporaryDir dir;
};

}  // namespace

TEST_F(MediaMix, LoudnessNormalisedToTarget) {
  for (double target : {-16.0, -23.0}) {
    RenderPlan p = videoPlan();
    WavSpec voice;
    voice.seconds = 2.0;
    voice.hz = 700;
    voice.amplitude = 0.5;
    WavSpec music;
    music.seconds = 5.0;
    music.kind = WaveKind::Noise;
    music.amplitude = 0.1;
    p.audio.push_back(clip("n.wav", AudioTrack::Narration, voice, 0.5));
    p.audio.push_back(clip("m.wav", AudioTrack::Music, music));
    p.output.loudnessTarget = target;
    const StitchReport r = stitch(p);
    const double measured = integratedLoudness(p.output.path);
    EXPECT_NEAR(measured, target, 1.0) << "mix measured " << r.measuredMix.integrated;
    EXPECT_NEAR(r.duration, 3.0, 1e-6);
  }
}

TEST_F(MediaMix, MusicDuckedUnderSpeech) {
  double difference[2] = {0, 0};
  for (int ducking = 0; ducking < 2; ++ducking) {
    RenderPlan p = videoPlan();
    p.output.chunkAudio = ChunkAudio::Replace;
    p.output.ducking = ducking == 1;
    WavSpec music;
    music.seconds = 4.0;
    music.hz = 200;
    music.amplitude = 0.3;
    WavSpec voice;
    voice.seconds = 1.0;
    voice.hz = 3000;
    voice.amplitude = 0.3;
    p.audio.push_back(clip("m.wav", AudioTrack::Music, music));
    p.audio.push_back(clip("n.wav", AudioTrack::Narration, voice, 1.0));
    stitch(p);
    const double during = toneLevelDb(p.output.path, 200, 1.4, 1.9);
    const double before = toneLevelDb(p.output.path, 200, 0.2, 0.8);
    difference[ducking] = before - during;
  }
  EXPECT_LT(std::abs(difference[0]), 1.5) << "without ducking the music level is steady";
  EXPECT_GT(difference[1], 6.0) << "ducking lowers the music under speech";
}

TEST_F(MediaMix, SfxAndNarrationLandAtTheirStartTimes) {
  RenderPlan p = videoPlan();
  p.output.chunkAudio = ChunkAudio::Replace;
  WavSpec beep;
  beep.seconds = 0.5;
  beep.kind = WaveKind::Silence;
  beep.beepAt = 0.1;
  p.audio.push_back(clip("s.wav", AudioTrack::Sfx, beep, 1.5));
  stitch(p);
  const auto onsets = findBeepOnsets(p.output.path, 0.2);
  ASSERT_EQ(onsets.size(), 1u);
  EXPECT_NEAR(onsets[0], 1.6, 0.01);
}

TEST(MediaPlan, JsonRoundTrip) {
  RenderPlan p;
  VideoSegment a;
  a.file = "/x/a.mp4";
  a.in = 0.5;
  a.out = 4.25;
  a.transition = Transition::Crossfade;
  a.transitionDuration = 0.75;
  VideoSegment b;
  b.file = "/x/b.mp4";
  b.dropFirstFrame = true;
  p.segments = {a, b};
  AudioClip c;
  c.file = "/x/m.wav";
  c.track = AudioTrack::Music;
  c.start = 1.0;
  c.gainDb = -6;
  c.fadeIn = 0.5;
  c.fadeOut = 2;
  p.audio = {c};
  p.output.path = "/x/out.mp4";
  p.output.resolution = "1080p";
  p.output.width = 1920;
  p.output.height = 1080;
  p.output.fpsNum = 24000;
  p.output.fpsDen = 1001;
  p.output.ducking = false;
  p.output.chunkAudio = ChunkAudio::Replace;
  p.output.loudnessTarget = -14;
  const RenderPlan q = RenderPlan::fromJson(p.toJson());
  EXPECT_EQ(q.toJson(), p.toJson());
  EXPECT_EQ(q.segments[0].transition, Transition::Crossfade);
  EXPECT_DOUBLE_EQ(q.segments[0].transitionDuration, 0.75);
  EXPECT_TRUE(q.segments[1].dropFirstFrame);
  EXPECT_LT(q.segments[1].out, 0);
  EXPECT_EQ(q.audio[0].track, AudioTrack::Music);
  EXPECT_EQ(q.output.fpsNum, 24000);
  EXPECT_EQ(q.output.chunkAudio, ChunkAudio::Replace);
}

TEST(MediaPlan, InvalidJsonNamesTheField) {
  QJsonObject o{{"segments", QJsonArray{QJsonObject{{"file", "a.mp4"}, {"in", 2}, {"out", 1}}}},
                {"output", QJsonObject{{"path", "o.mp4"}}}};
  try {
    RenderPlan::fromJson(o);
    FAIL();
  } catch (const MediaError& e) {
    EXPECT_NE(std::string(e.what()).find("segments[0]"), std::string::npos) << e.what();
  }
  QJsonObject badTrack{{"segments", QJsonArray{QJsonObject{{"file", "a.mp4"}}}},
                       {"audio", QJsonArray{QJsonObject{{"file", "x.wav"}, {"track", "choir"}}}},
                       {"output", QJsonObject{{"path", "o.mp4"}}}};
  EXPECT_THROW(RenderPlan::fromJson(badTrack), MediaError);
}
