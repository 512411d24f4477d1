// The film's joins in the media engine: chapters from segments, dips to black and back, the
// crossfade blend, cut boundaries copied packet for packet, one loudness over the whole output,
// and relative paths in a plan file.
#include <gtest/gtest.h>

extern "C" {
#include <libavformat/avformat.h>
}

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <cmath>

#include "media/media_error.h"
#include "media/render_plan.h"
#include "media/stitcher.h"
#include "support/media_fixtures.h"

using namespace sw::media;
using namespace sw::testsupport;

namespace {

struct Chapter {
  QString title;
  double start = 0, end = 0;
};

std::vector<Chapter> chaptersOf(const QString& path) {
  AVFormatContext* ctx = nullptr;
  std::vector<Chapter> out;
  if (avformat_open_input(&ctx, path.toUtf8().constData(), nullptr, nullptr) < 0) return out;
  for (unsigned i = 0; i < ctx->nb_chapters; ++i) {
    const AVChapter* c = ctx->chapters[i];
    const AVDictionaryEntry* t = av_dict_get(c->metadata, "title", nullptr, 0);
    out.push_back({t ? QString::fromUtf8(t->value) : QString(), c->start * av_q2d(c->time_base),
                   c->end * av_q2d(c->time_base)});
  }
  avformat_close_input(&ctx);
  return out;
}

// The video packets' bytes, in decode order.
std::vector<QByteArray> videoPackets(const QString& path) {
  AVFormatContext* ctx = nullptr;
  std::vector<QByteArray> out;
  if (avformat_open_input(&ctx, path.toUtf8().constData(), nullptr, nullptr) < 0) return out;
  avformat_find_stream_info(ctx, nullptr);
  const int v = av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  AVPacket* pkt = av_packet_alloc();
  while (av_read_frame(ctx, pkt) >= 0) {
    if (pkt->stream_index == v)
      out.emplace_back(reinterpret_cast<const char*>(pkt->data), pkt->size);
    av_packet_unref(pkt);
  }
  av_packet_free(&pkt);
  avformat_close_input(&ctx);
  return out;
}

// The largest step between neighbouring samples within `window` seconds of `t`.
float largestStep(const std::vector<float>& s, double t, double window = 0.1) {
  const auto a = static_cast<size_t>(std::max(0.0, (t - window) * 48000));
  const auto b = std::min(s.size() - 1, static_cast<size_t>((t + window) * 48000));
  float worst = 0;
  for (size_t i = a; i < b; ++i) worst = std::max(worst, std::abs(s[i + 1] - s[i]));
  return worst;
}

double rms(const std::vector<float>& s, double t0, double t1) {
  double sum = 0;
  size_t n = 0;
  for (auto i = static_cast<size_t>(t0 * 48000);
       i < static_cast<size_t>(t1 * 48000) && i < s.size(); ++i, ++n)
    sum += double(s[i]) * s[i];
  return n ? std::sqrt(sum / n) : 0;
}

class FilmJoin : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(tmp.isValid());
    const int lumas[] = {60, 130, 200};
    const double tones[] = {330, 440, 550};
    for (int i = 0; i < 3; ++i) {
      ClipSpec c;
      c.seconds = 2.0;  // 50 frames at 25 fps, a keyframe every second
      c.solidLuma = lumas[i];
      c.toneHz = tones[i];
      c.toneAmplitude = 0.2;
      scenes[i] = makeClip(tmp.filePath(QStringLiteral("scene%1.mp4").arg(i + 1)), c);
    }
  }
  RenderPlan plan(const QString& out) const {
    RenderPlan p;
    for (int i = 0; i < 3; ++i) {
      VideoSegment s;
      s.file = scenes[i];
      s.chapter = QStringLiteral("Scene %1").arg(i + 1);
      p.segments.push_back(s);
    }
    p.output.path = tmp.filePath(out);
    p.output.copyChunkAudio = false;  // loudness over the whole film
    return p;
  }
  QTemporaryDir tmp;
  QString scenes[3];
};

TEST_F(FilmJoin, CutCrossfadeChaptersAndCopiedCuts) {
  RenderPlan p = plan(QStringLiteral("film.mp4"));
  p.segments[1].transition = Transition::Crossfade;  // scene 2 -> 3 over 0.4 s (10 frames)
  p.segments[1].transitionDuration = 0.4;
  const StitchReport r = stitch(p);
  EXPECT_EQ(r.path, StitchPath::SmartRender) << r.reason.toStdString();
  EXPECT_EQ(r.frames, 150 - 10);

  const auto frames = decodeVideoFrames(p.output.path);
  ASSERT_EQ(frames.size(), 140u);
  for (int i = 0; i < 50; ++i) EXPECT_NEAR(frames[i].meanLuma, 60, 2) << i;
  for (int i = 50; i < 90; ++i) EXPECT_NEAR(frames[i].meanLuma, 130, 2) << i;
  // The blend: frame 90 + k shows (k + 1) / 11 of scene 3, rising every frame.
  for (int k = 0; k < 10; ++k) {
    const double alpha = (k + 1) / 11.0;
    EXPECT_NEAR(frames[90 + k].meanLuma, 130 + alpha * 70, 2.5) << k;
  }
  for (int i = 100; i < 140; ++i) EXPECT_NEAR(frames[i].meanLuma, 200, 2) << i;

  const auto chapters = chaptersOf(p.output.path);
  ASSERT_EQ(chapters.size(), 3u);
  EXPECT_EQ(chapters[0].title, QStringLiteral("Scene 1"));
  EXPECT_EQ(chapters[2].title, QStringLiteral("Scene 3"));
  EXPECT_NEAR(chapters[0].start, 0.0, 1e-3);
  EXPECT_NEAR(chapters[1].start, 2.0, 1e-3);
  EXPECT_NEAR(chapters[2].start, 3.6, 1e-3);  // where the crossfade into it begins
  EXPECT_NEAR(chapters[2].end, 5.6, 1e-3);

  // The cut 1 -> 2 is a stream copy: scene 1's packets are in the film byte for byte, and so is
  // scene 2's first second (its GOP before the crossfade's island).
  const auto film = videoPackets(p.output.path);
  const auto one = videoPackets(scenes[0]);
  const auto two = videoPackets(scenes[1]);
  ASSERT_EQ(one.size(), 50u);
  for (size_t i = 0; i < 50; ++i) EXPECT_EQ(film[i], one[i]) << "scene 1 packet " << i;
  for (size_t i = 0; i < 25; ++i) EXPECT_EQ(film[50 + i], two[i]) << "scene 2 packet " << i;

  // Sound: the cut is clean (5 ms fades: no step beyond the tones' own), loudness over the film.
  const auto sound = decodeAudioMono(p.output.path);
  EXPECT_NEAR(sound.size() / 48000.0, 5.6, 0.03);
  // The tones' own largest step (the highest tone, 550 Hz, steps most).
  const float toneStep = std::max(largestStep(sound, 1.0), largestStep(sound, 5.0));
  EXPECT_LT(largestStep(sound, 2.0), toneStep * 1.5);
  EXPECT_LT(largestStep(sound, 3.8), toneStep * 1.5);
  EXPECT_NEAR(integratedLoudness(p.output.path), -16.0, 1.0);
}

TEST_F(FilmJoin, DipFadesPictureAndSoundToBlackAndBack) {
  RenderPlan p = plan(QStringLiteral("dip.mp4"));
  p.segments[0].transition = Transition::Dip;  // 0.4 s: 5 frames out, 5 frames in
  p.segments[0].transitionDuration = 0.4;
  const StitchReport r = stitch(p);
  EXPECT_EQ(r.frames, 150);  // a dip overlaps nothing

  const auto frames = decodeVideoFrames(p.output.path);
  ASSERT_EQ(frames.size(), 150u);
  for (int i = 0; i < 45; ++i) EXPECT_NEAR(frames[i].meanLuma, 60, 2) << i;
  // Fade-out frame k of 5 keeps (4 - k) / 5 of the picture above black (Y 16): the last is black.
  for (int k = 0; k < 5; ++k)
    EXPECT_NEAR(frames[45 + k].meanLuma, 16 + (60 - 16) * (4 - k) / 5.0, 2.5) << k;
  // Fade-in frame k of 5 shows (k + 1) / 5: scene 2 is whole from its fifth frame.
  for (int k = 0; k < 5; ++k)
    EXPECT_NEAR(frames[50 + k].meanLuma, 16 + (130 - 16) * (k + 1) / 5.0, 2.5) << k;
  for (int i = 55; i < 100; ++i) EXPECT_NEAR(frames[i].meanLuma, 130, 2) << i;

  // The sound dips with the picture: near silence at the boundary, full level either side, and
  // no click on the way down or up.
  const auto sound = decodeAudioMono(p.output.path);
  const double level = rms(sound, 0.5, 1.5);
  EXPECT_LT(rms(sound, 1.99, 2.01), level * 0.1);
  EXPECT_GT(rms(sound, 2.3, 2.6), level * 0.5);
  EXPECT_LT(largestStep(sound, 2.0, 0.2), largestStep(sound, 1.0) * 1.5);

  const auto chapters = chaptersOf(p.output.path);
  ASSERT_EQ(chapters.size(), 3u);
  EXPECT_NEAR(chapters[1].start, 2.0, 1e-3);
  EXPECT_NEAR(chapters[2].start, 4.0, 1e-3);
}

TEST_F(FilmJoin, PlanFileResolvesRelativePathsAgainstItsFolder) {
  RenderPlan p = plan(QStringLiteral("rel.mp4"));
  QJsonObject json = p.toJson();
  QJsonArray segments = json["segments"].toArray();
  for (int i = 0; i < segments.size(); ++i) {
    QJsonObject s = segments[i].toObject();
    s["file"] = QFileInfo(s["file"].toString()).fileName();
    segments[i] = s;
  }
  json["segments"] = segments;
  QJsonObject output = json["output"].toObject();
  output["path"] = QStringLiteral("out/film.mp4");
  json["output"] = output;
  QFile f(tmp.filePath(QStringLiteral("plan.json")));
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(QJsonDocument(json).toJson());
  f.close();
  ASSERT_TRUE(QDir(tmp.path()).mkpath(QStringLiteral("out")));
  QDir::setCurrent(QDir::rootPath());  // nowhere near the plan
  const RenderPlan read = RenderPlan::fromJsonFile(f.fileName());
  EXPECT_EQ(read.segments[0].file, scenes[0]);
  EXPECT_EQ(read.segments[0].chapter, QStringLiteral("Scene 1"));
  EXPECT_EQ(read.output.path, tmp.filePath(QStringLiteral("out/film.mp4")));
  EXPECT_EQ(stitch(read).frames, 150);
}

TEST_F(FilmJoin, DipLongerThanASceneIsRefused) {
  RenderPlan p = plan(QStringLiteral("bad.mp4"));
  p.segments[0].transition = Transition::Dip;
  p.segments[0].transitionDuration = 5.0;
  try {
    stitch(p);
    FAIL() << "a 5 s dip between 2 s scenes was accepted";
  } catch (const MediaError& e) {
    EXPECT_TRUE(e.message().contains(QStringLiteral("dip"))) << e.message().toStdString();
  }
}

}  // namespace
