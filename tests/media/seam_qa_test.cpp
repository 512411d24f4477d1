// Issue 12, capability 9: seam QA on generated media. One 2 s file (25 fps, 48 kHz AAC) with a
// join at 1.0 s: the clean one moves continuously across it and passes; each defect made at the
// join (a jump to other content, a repeated frame, a frozen run, black frames, an audio dropout,
// a click) is found, at that seam, for that reason.
#include "media/seam_qa.h"
#include "media/media_writer.h"
#include "support/media_fixtures.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <cmath>
#include <functional>

namespace {

using namespace sw::media;

constexpr double kPi = 3.14159265358979323846;
constexpr int kW = 320, kH = 180, kFps = 25, kFrames = 50, kRate = 48000;
constexpr double kSeam = 1.0;  // frame 25

enum class Picture { Moving, Other, Black };

// What frame n shows: a picture kind and the motion phase it is drawn at.
struct Shown {
  Picture picture = Picture::Moving;
  int phase = 0;
};

void draw(std::vector<uint8_t>& y, const Shown& s) {
  for (int row = 0; row < kH; ++row)
    for (int col = 0; col < kW; ++col) {
      double v = 16;
      if (s.picture == Picture::Moving)
        v = 128 + 80 * std::sin(2 * kPi * (col + s.phase) / 64.0) *
                      std::cos(2 * kPi * (row + 0.5 * s.phase) / 48.0);
      else if (s.picture == Picture::Other)
        v = ((col / 16 + row / 16) % 2) ? 216 : 40;
      y[size_t(row) * kW + size_t(col)] = static_cast<uint8_t>(std::lround(v));
    }
}

QString makeJoin(const QString& path, const std::function<Shown(int)>& frame,
                 const std::function<float(int64_t)>& sample) {
  MediaWriter w(path);
  VideoEncodeSettings vs;
  vs.width = kW;
  vs.height = kH;
  vs.fps = {kFps, 1};
  vs.crf = 18;
  vs.preset = "veryfast";
  vs.gop = kFps;
  w.addVideoStream(vs);
  w.addAudioStream({});
  std::vector<uint8_t> y(size_t(kW) * kH), u(y.size() / 4, 128), v(y.size() / 4, 128);
  int64_t written = 0;
  std::vector<float> buf;
  for (int f = 0; f < kFrames; ++f) {
    draw(y, frame(f));
    const uint8_t* planes[3] = {y.data(), u.data(), v.data()};
    const int strides[3] = {kW, kW / 2, kW / 2};
    w.writeYuv420p(planes, strides, kW, kH);
    const int64_t until = int64_t(f + 1) * kRate / kFps;
    buf.clear();
    for (int64_t n = written; n < until; ++n) buf.insert(buf.end(), 2, sample(n));
    w.writeAudio(buf.data(), int(until - written));
    written = until;
  }
  w.finish();
  return path;
}

Shown moving(int f) { return {Picture::Moving, f}; }
float tone(int64_t n) { return float(0.3 * std::sin(2 * kPi * 440.0 * double(n) / kRate)); }

class SeamQa : public ::testing::Test {
 protected:
  QTemporaryDir dir;
  QString path(const char* name) { return dir.filePath(QString::fromLatin1(name)); }

  // The report of the one seam at 1.0 s.
  SeamFinding analyse(const QString& file) {
    const SeamQaReport r = analyseSeams(file, {kSeam});
    EXPECT_EQ(r.seams.size(), 1u);
    return r.seams.empty() ? SeamFinding{} : r.seams.front();
  }
  static std::vector<SeamIssueKind> kinds(const SeamFinding& s) {
    std::vector<SeamIssueKind> out;
    for (const SeamIssue& i : s.issues) out.push_back(i.kind);
    return out;
  }
  static bool has(const SeamFinding& s, SeamIssueKind k) {
    for (const SeamIssue& i : s.issues)
      if (i.kind == k) return true;
    return false;
  }
  static std::string text(const SeamFinding& s) {
    QStringList m;
    for (const SeamIssue& i : s.issues) m << i.message;
    return QStringLiteral("joinDiff %1 motion %2 jump %3 click %4: %5")
        .arg(s.joinDiff)
        .arg(s.motion)
        .arg(s.jumpRatio)
        .arg(s.clickRatio)
        .arg(m.join(QStringLiteral("; ")))
        .toStdString();
  }
};

TEST_F(SeamQa, ContinuousMotionAcrossTheJoinIsClean) {
  const SeamFinding s = analyse(makeJoin(path("clean.mp4"), moving, tone));
  EXPECT_TRUE(s.video);
  EXPECT_TRUE(s.audio);
  EXPECT_TRUE(s.ok()) << text(s);
  EXPECT_GT(s.motion, 2.0) << text(s);  // the shot moves: repeats would be seen
  EXPECT_LT(s.jumpRatio, 2.0) << text(s);
  EXPECT_LT(s.clickRatio, 3.0) << text(s);
}

TEST_F(SeamQa, OtherContentAfterTheJoinIsAJump) {
  const SeamFinding s = analyse(makeJoin(
      path("jump.mp4"),
      [](int f) {
        return f < 25 ? moving(f) : Shown{Picture::Other, f};
      },
      tone));
  EXPECT_EQ(kinds(s), std::vector<SeamIssueKind>{SeamIssueKind::Jump}) << text(s);
  EXPECT_GT(s.jumpRatio, 5.0);
}

TEST_F(SeamQa, ARepeatedFrameAtTheJoinIsFound) {
  // The last frame of the first part shown twice (issue 12, defect 1).
  const SeamFinding s = analyse(makeJoin(
      path("repeat.mp4"), [](int f) { return moving(f == 25 ? 24 : f); }, tone));
  EXPECT_EQ(kinds(s), std::vector<SeamIssueKind>{SeamIssueKind::RepeatedFrame}) << text(s);
}

TEST_F(SeamQa, AFrozenRunAtTheJoinIsFound) {
  const SeamFinding s = analyse(makeJoin(
      path("frozen.mp4"), [](int f) { return moving(f >= 23 && f <= 28 ? 23 : f); }, tone));
  EXPECT_EQ(kinds(s), std::vector<SeamIssueKind>{SeamIssueKind::FrozenRun}) << text(s);
  ASSERT_FALSE(s.issues.empty());
  EXPECT_EQ(s.issues.front().value, 6);  // frames 23..28
}

TEST_F(SeamQa, BlackFramesAtTheJoinAreFound) {
  const SeamFinding s = analyse(makeJoin(
      path("black.mp4"),
      [](int f) {
        return f == 25 || f == 26 ? Shown{Picture::Black, f} : moving(f);
      },
      tone));
  EXPECT_TRUE(has(s, SeamIssueKind::BlackFrames)) << text(s);
  EXPECT_FALSE(has(s, SeamIssueKind::Jump)) << text(s);
  ASSERT_FALSE(s.issues.empty());
  EXPECT_EQ(s.issues.front().value, 2);
}

TEST_F(SeamQa, AnAudioDropoutAtTheJoinIsFound) {
  // 10 ms of silence at the join (the audio-copy joins of issue 12, defect 3).
  const SeamFinding s = analyse(makeJoin(path("dropout.mp4"), moving, [](int64_t n) {
    return n >= kRate && n < kRate + kRate / 100 ? 0.0f : tone(n);
  }));
  EXPECT_TRUE(has(s, SeamIssueKind::AudioDropout)) << text(s);
  for (const SeamIssue& i : s.issues)
    if (i.kind == SeamIssueKind::AudioDropout) EXPECT_NEAR(i.value, 10.0, 4.0) << text(s);
}

TEST_F(SeamQa, ASilenceWhereAnAudioClipEndsIsTheSources) {
  // The same 10 ms gap, but the plan has a clip ending at 1.0 s and another starting at 1.01 s
  // (the pause between two lines of dialogue).
  const QString file = makeJoin(path("gap.mp4"), moving, [](int64_t n) {
    return n >= kRate && n < kRate + kRate / 100 ? 0.0f : tone(n);
  });
  SeamQaOptions options;
  options.audioEdges = {kSeam, kSeam + 0.01};
  const SeamQaReport r = analyseSeams(file, {kSeam}, {}, options);
  ASSERT_EQ(r.seams.size(), 1u);
  EXPECT_FALSE(has(r.seams.front(), SeamIssueKind::AudioDropout)) << text(r.seams.front());
  EXPECT_EQ(SeamQaReport::fromJson(r.toJson()).audioEdges, options.audioEdges);
}

TEST_F(SeamQa, ASilenceInSoundWithGapsOfItsOwnIsTheSources) {
  // Speech-like: the same 10 ms gaps at 0.7 s and 1.3 s as at the join.
  const QString file = makeJoin(path("words.mp4"), moving, [](int64_t n) {
    for (int64_t at : {int64_t(kRate) * 7 / 10, int64_t(kRate), int64_t(kRate) * 13 / 10})
      if (n >= at && n < at + kRate / 100) return 0.0f;
    return tone(n);
  });
  const SeamFinding s = analyse(file);
  EXPECT_FALSE(has(s, SeamIssueKind::AudioDropout)) << text(s);
}

TEST_F(SeamQa, AClickAtTheJoinIsFound) {
  // The tone jumps a quarter period at the join: a step of 0.3 against a slope of 0.017.
  const SeamFinding s = analyse(makeJoin(path("click.mp4"), moving, [](int64_t n) {
    const double t = double(n) / kRate;
    return float(0.3 * std::sin(2 * kPi * 440.0 * t + (n >= kRate ? kPi / 2 : 0.0)));
  }));
  EXPECT_EQ(kinds(s), std::vector<SeamIssueKind>{SeamIssueKind::Click}) << text(s);
  EXPECT_GT(s.clickRatio, 8.0) << text(s);  // well above the 6x threshold
}

TEST_F(SeamQa, ReportRoundTripsThroughJsonAndNamesTheBadSeam) {
  const QString clean = makeJoin(path("clean.mp4"), moving, tone);
  const QString jump = makeJoin(
      path("jump.mp4"),
      [](int f) {
        return f < 25 ? moving(f) : Shown{Picture::Other, f};
      },
      tone);
  // The plan's seam times: the join of jump.mp4 after clean.mp4 is at 2.0 s.
  RenderPlan plan;
  plan.segments = {{clean}, {jump}};
  plan.output.path = path("out.mp4");
  const PlanSeams seams = seamsOfPlan(plan);
  ASSERT_EQ(seams.times.size(), 1u);
  EXPECT_DOUBLE_EQ(seams.times.front(), 2.0);

  const SeamQaReport r = analyseSeams(jump, {0.4, kSeam});
  ASSERT_EQ(r.seams.size(), 2u);
  EXPECT_EQ(r.badSeams(), 1);
  EXPECT_TRUE(r.summary().contains(QStringLiteral("seam 2 at 1.000 s: jump")))
      << r.summary().toStdString();
  const SeamQaReport back = SeamQaReport::fromJson(r.toJson());
  EXPECT_EQ(back.toJson(), r.toJson());

  // A manifest with a seamQa member gives its seam times back.
  QFile m(path("out.mp4.json"));
  ASSERT_TRUE(m.open(QIODevice::WriteOnly));
  m.write(QJsonDocument(QJsonObject{{"seamQa", r.toJson()}}).toJson());
  m.close();
  const PlanSeams fromManifest = seamsFromManifest(path("out.mp4.json"));
  EXPECT_EQ(fromManifest.times, (std::vector<double>{0.4, kSeam}));
}

}  // namespace
