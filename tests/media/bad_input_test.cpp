#include "media/media_error.h"
#include "media/render_plan.h"
#include "media/stitcher.h"
#include "support/media_fixtures.h"

#include <gtest/gtest.h>
extern "C" {
#include <libavutil/error.h>
}
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <atomic>

using namespace sw::media;
using namespace sw::testsupport;

namespace {

class MediaBadInput : public ::testing::Test {
 protected:
  void SetUp() override { good = makeClip(dir.filePath("good.mp4")); }
  // Stitches good + bad; expects a MediaError mentioning `needle` and no output file.
  void expectFailure(const QString& bad, const char* needle, MediaError::Kind kind) {
    RenderPlan p;
    for (const QString& f : {good, bad}) {
      VideoSegment s;
      s.file = f;
      p.segments.push_back(s);
    }
    p.output.path = dir.filePath("out.mp4");
    p.output.preset = "veryfast";
    try {
      stitch(p);
      ADD_FAILURE() << "no error for " << bad.toStdString();
    } catch (const MediaError& e) {
      EXPECT_EQ(e.kind(), kind) << e.what();
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find(bad.toStdString()), std::string::npos)
          << "names the file: " << e.what();
    }
    expectNoOutput();
  }
  void expectNoOutput() {
    const QStringList files = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    for (const QString& f : files)
      EXPECT_FALSE(f.contains("out")) << "left behind: " << f.toStdString();
  }
  QString write(const QString& name, const QByteArray& bytes) {
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return f.fileName();
  }
  QTemporaryDir dir;
  QString good;
};

}  // namespace

TEST_F(MediaBadInput, ZeroByteFile) {
  expectFailure(write("zero.mp4", {}), "empty", MediaError::Kind::InvalidInput);
}

TEST_F(MediaBadInput, MissingFile) {
  expectFailure(dir.filePath("missing.mp4"), "does not exist", MediaError::Kind::NotFound);
}

TEST_F(MediaBadInput, TruncatedMp4) {
  QFile f(good);
  f.open(QIODevice::ReadOnly);
  const QByteArray all = f.readAll();
  expectFailure(write("trunc.mp4", all.left(all.size() / 2)), "truncated",
                MediaError::Kind::InvalidInput);
}

TEST_F(MediaBadInput, PngNamedMp4) {
  const QByteArray png = QByteArray::fromBase64(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJg"
      "gg==");
  expectFailure(write("image.mp4", png), "not a video", MediaError::Kind::InvalidInput);
}

TEST_F(MediaBadInput, FileWithNoVideo) {
  WavSpec w;
  w.seconds = 0.5;
  const QString wav = makeWav(dir.filePath("sound.wav"), w);
  expectFailure(wav, "no video", MediaError::Kind::InvalidInput);
}

// Issue 12's gap: a WAV whose header names ADPCM over PCM data decodes to nothing; the mix was
// silent and the stitch "succeeded".
TEST_F(MediaBadInput, AudioThatCannotBeDecodedFailsTheMixNamingTheFile) {
  WavSpec w;
  w.seconds = 1.0;
  const QString wav = makeWav(dir.filePath("voice.wav"), w);
  QFile f(wav);
  ASSERT_TRUE(f.open(QIODevice::ReadWrite));
  QByteArray bytes = f.readAll();
  const qsizetype fmt = bytes.indexOf("fmt ");
  ASSERT_GT(fmt, 0);
  bytes[fmt + 8] = 2;  // format tag 2: Microsoft ADPCM
  bytes[fmt + 9] = 0;
  f.seek(0);
  f.write(bytes);
  f.close();
  RenderPlan p;
  VideoSegment s;
  s.file = good;
  p.segments.push_back(s);
  AudioClip clip;
  clip.file = wav;
  p.audio.push_back(clip);
  p.output.path = dir.filePath("out.mp4");
  p.output.preset = "veryfast";
  try {
    stitch(p);
    ADD_FAILURE() << "a mix of undecodable audio succeeded";
  } catch (const MediaError& e) {
    EXPECT_EQ(e.kind(), MediaError::Kind::InvalidInput) << e.what();
    EXPECT_NE(std::string(e.what()).find(wav.toStdString()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("cannot be decoded"), std::string::npos) << e.what();
  }
  expectNoOutput();
}

TEST_F(MediaBadInput, UnwritableOutput) {
  RenderPlan p;
  VideoSegment s;
  s.file = good;
  p.segments.push_back(s);
  p.output.path = "/proc/sw-cannot-write-here/out.mp4";
  try {
    stitch(p);
    FAIL();
  } catch (const MediaError& e) {
    EXPECT_EQ(e.kind(), MediaError::Kind::Unwritable) << e.what();
  }
}

TEST_F(MediaBadInput, CancellationLeavesNoPartialOutput) {
  RenderPlan p;
  for (int i = 0; i < 3; ++i) {
    VideoSegment s;
    s.file = good;
    s.in = 0.2;  // forces re-encoding work
    p.segments.push_back(s);
  }
  p.output.path = dir.filePath("out.mp4");
  p.output.preset = "veryfast";
  std::atomic<bool> cancel{false};
  double lastPercent = 0;
  ExportControl control;
  control.cancel = &cancel;
  control.progress = [&](double percent, const QString& stage) {
    lastPercent = percent;
    if (stage == "video" && percent > 40) cancel = true;
  };
  try {
    stitch(p, control);
    FAIL() << "not cancelled";
  } catch (const MediaError& e) {
    EXPECT_EQ(e.kind(), MediaError::Kind::Cancelled) << e.what();
  }
  EXPECT_LT(lastPercent, 60) << "stopped soon after the request";
  expectNoOutput();
}

// Every number in a plan has a range, checked before any decoding or encoding, and the message
// names the field. A hand-written or shared plan with out-of-range values is refused up front.
TEST(MediaPlanRanges, OutOfRangeValuesAreRefusedNamingTheField) {
  const auto base = [] {
    QJsonObject seg{{"file", "a.mp4"}};
    return QJsonObject{{"segments", QJsonArray{seg}}, {"output", QJsonObject{{"path", "out.mp4"}}}};
  };
  const auto withOutput = [&](const char* key, const QJsonValue& v) {
    QJsonObject plan = base();
    QJsonObject out = plan["output"].toObject();
    out[key] = v;
    plan["output"] = out;
    return plan;
  };
  QJsonObject loudClip = base();
  loudClip["audio"] =
      QJsonArray{QJsonObject{{"file", "sfx.wav"}, {"track", "sfx"}, {"gainDb", 40}}};
  QJsonObject farSegment = base();
  farSegment["segments"] = QJsonArray{QJsonObject{{"file", "a.mp4"}, {"in", 1e300}}};
  const std::vector<std::pair<QJsonObject, QString>> cases = {
      {withOutput("width", 2), "output size"},
      {withOutput("width", 65536), "output size"},
      {withOutput("fps", "1000000/1"), "output.fps"},
      {withOutput("audioBitrate", 0), "output.audioBitrate"},
      {withOutput("loudness", 3), "output.loudness"},
      {withOutput("preset", "warp"), "output.preset"},
      {loudClip, "audio[0].gain"},
      {farSegment, "segments[0].in"},
  };
  for (const auto& [json, field] : cases) {
    QJsonObject plan = json;
    if (field == "output size") {  // a custom size: both sides given
      QJsonObject out = plan["output"].toObject();
      out["resolution"] = "custom";
      out["height"] = out["width"].toInt() == 2 ? 2 : 720;
      plan["output"] = out;
    }
    try {
      RenderPlan::fromJson(plan);
      ADD_FAILURE() << "accepted: " << field.toStdString();
    } catch (const MediaError& e) {
      EXPECT_EQ(e.kind(), MediaError::Kind::InvalidInput);
      EXPECT_TRUE(e.message().contains(field)) << e.message().toStdString();
    }
  }
}

// Found by fuzz/fuzz_render_plan: a whole-number field far outside int ("version": 1.9e73) was
// converted with static_cast<int>, which is undefined (UBSan: float-cast-overflow). Such values
// are refused naming the field, before any conversion.
TEST(MediaPlanRanges, NumbersBeyondIntAreRefusedNamingTheField) {
  const QJsonObject seg{{"file", "a.mp4"}};
  const auto plan = [&](const char* key, double v) {
    QJsonObject output{
        {"path", "out.mp4"}, {"resolution", "custom"}, {"width", 640}, {"height", 360}};
    QJsonObject p{{"segments", QJsonArray{seg}}};
    if (QLatin1String(key) == QLatin1String("version"))
      p["version"] = v;
    else
      output[key] = v;
    p["output"] = output;
    return p;
  };
  const std::vector<std::pair<QJsonObject, QString>> cases = {
      {plan("version", 1.9e73), "version ("},
      {plan("width", 1e10), "output.width ("},
      {plan("height", -1e300), "output.height ("},
      {plan("crf", 4294967319.0), "output.crf ("},
      {plan("audioBitrate", 1e20), "output.audioBitrate ("},
      {plan("fps", 1e300), "output.fps ("},
  };
  for (const auto& [json, field] : cases) {
    try {
      RenderPlan::fromJson(json);
      ADD_FAILURE() << "accepted: " << field.toStdString();
    } catch (const MediaError& e) {
      EXPECT_EQ(e.kind(), MediaError::Kind::InvalidInput);
      EXPECT_TRUE(e.message().contains(field) && e.message().contains("out of range"))
          << e.message().toStdString();
    }
  }
}

// Issue 12, defect 8: FFmpeg's codes reach the user in our words ("patches welcome" never does).
TEST(MediaErrorWords, FfmpegCodesAreSaidInOurWords) {
  for (int code : {AVERROR_PATCHWELCOME, AVERROR_DECODER_NOT_FOUND, AVERROR_BUG}) {
    try {
      throwAvError(code, QStringLiteral("Cannot read"), QStringLiteral("clip.wav"));
    } catch (const MediaError& e) {
      EXPECT_TRUE(e.message().startsWith(QStringLiteral("Cannot read (clip.wav): ")))
          << e.message().toStdString();
      EXPECT_FALSE(e.message().contains(QStringLiteral("patches"), Qt::CaseInsensitive))
          << e.message().toStdString();
      EXPECT_FALSE(e.message().contains(QStringLiteral("FFmpeg"))) << e.message().toStdString();
      EXPECT_FALSE(e.message().contains(QStringLiteral("Bug detected")))
          << e.message().toStdString();
    }
  }
}
