#include "provider_test_util.h"

#include "providers/model_registry.h"

#include <gtest/gtest.h>
#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace sw::providers;
using sw::providers::test::builtinRegistry;

namespace {

VideoRequest requestFor(const QString& key) {
  VideoRequest r;
  r.prompt = QStringLiteral("A lighthouse at dusk");
  r.model = builtinRegistry().model(key);
  return r;
}

std::string refusal(const VideoRequest& r) {
  try {
    ModelRegistry::validate(r);
  } catch (const ProviderError& e) {
    EXPECT_EQ(e.kind(), ProviderError::Kind::Invalid);
    EXPECT_FALSE(e.retryable());
    return e.what();
  }
  return {};
}

}  // namespace

TEST(ProvidersRegistry, LoadsBuiltinModelsWithTheirOwnFieldNames) {
  const ModelRegistry& reg = builtinRegistry();
  for (const char* key : {"hailuo", "wan", "zeroscope", "animatediff", "runway", "local"})
    EXPECT_TRUE(reg.contains(QString::fromLatin1(key))) << key;
  EXPECT_EQ(reg.defaultKey(), QStringLiteral("hailuo"));
  const ModelEntry& hailuo = reg.model("hailuo");
  EXPECT_EQ(hailuo.params.image, QStringLiteral("first_frame_image"));
  // What the service documents: 6 s (or 10 s) per call, 768p = 1366x768, 1080p = 1920x1080.
  EXPECT_EQ(hailuo.fps, 24);
  EXPECT_EQ(hailuo.width, 1366);
  EXPECT_EQ(hailuo.height, 768);
  EXPECT_DOUBLE_EQ(hailuo.actualChunkDuration, 6.0);
  ASSERT_EQ(hailuo.resolutions.size(), 2);
  EXPECT_EQ(hailuo.resolutions[0].name, QStringLiteral("768p"));
  EXPECT_EQ(hailuo.resolutions[0].width, 1366);
  EXPECT_EQ(hailuo.resolutions[1].width, 1920);
  EXPECT_EQ(hailuo.resolutions[1].height, 1080);
  EXPECT_EQ(reg.model("wan").params.image, QStringLiteral("image"));
  EXPECT_TRUE(reg.model("wan").requiresImageInput);
  EXPECT_FALSE(reg.model("zeroscope").supportsImageInput);
  EXPECT_EQ(reg.model("local").backend, QStringLiteral("local"));
  EXPECT_EQ(reg.model("local").costPerCall, 0.0);
  EXPECT_GT(hailuo.costPerCall, 0.0);
}

// Values a service does not document are marked: "verified": false with the "unverified" field
// names, each a field the entry has. The loader ignores both (unknown fields are allowed).
TEST(ProvidersRegistry, UnverifiedValuesAreNamed) {
  const ModelRegistry& reg = builtinRegistry();
  int marked = 0;
  for (const QString& key : reg.keys()) {
    const QJsonObject raw = reg.model(key).raw;
    if (!raw.contains(QStringLiteral("verified"))) continue;
    SCOPED_TRACE(key.toStdString());
    ++marked;
    EXPECT_FALSE(raw.value(QStringLiteral("verified")).toBool(true));
    const QJsonArray fields = raw.value(QStringLiteral("unverified")).toArray();
    EXPECT_FALSE(fields.isEmpty());
    for (const QJsonValue& f : fields)
      EXPECT_TRUE(raw.contains(f.toString())) << f.toString().toStdString();
  }
  EXPECT_GE(marked, 5);
  EXPECT_EQ(reg.model("hailuo").raw.value(QStringLiteral("unverified")).toArray(),
            QJsonArray{QStringLiteral("fps")});
}

TEST(ProvidersRegistry, ChunkCountIsCeilOfDurationOverActualChunk) {
  const ModelRegistry& reg = builtinRegistry();
  EXPECT_EQ(chunkCount(30.0, reg.model("hailuo")), 5);
  EXPECT_EQ(chunkCount(30.0, reg.model("animatediff")), 15);
  EXPECT_EQ(chunkCount(10.0, reg.model("zeroscope")), 4);
  EXPECT_EQ(chunkCount(6.0, reg.model("hailuo")), 1);
  EXPECT_EQ(chunkCount(6.01, reg.model("hailuo")), 2);
  EXPECT_EQ(chunkCount(0.0, reg.model("hailuo")), 0);
}

TEST(ProvidersRegistry, UserFileOverridesByKeyAndAddsModels) {
  QTemporaryDir dir;
  const QString path = dir.filePath("models.json");
  sw::providers::test::writeFile(path, R"({"default": "wan", "models": {
      "hailuo": {"cost_per_call": 0.5, "params": {"seed": "seed"}},
      "mine": {"backend": "replicate", "model_id": "me/mine", "fps": 12, "width": 640, "height": 360,
               "actual_chunk_duration": 4}}})");
  const ModelRegistry reg = ModelRegistry::load(path);
  EXPECT_EQ(reg.defaultKey(), QStringLiteral("wan"));
  EXPECT_DOUBLE_EQ(reg.model("hailuo").costPerCall, 0.5);
  EXPECT_EQ(reg.model("hailuo").params.seed, QStringLiteral("seed"));
  EXPECT_EQ(reg.model("hailuo").params.image, QStringLiteral("first_frame_image"));  // kept
  EXPECT_EQ(reg.model("hailuo").fps, 24);                                            // kept
  EXPECT_EQ(reg.model("mine").fps, 12);
  EXPECT_EQ(chunkCount(10.0, reg.model("mine")), 3);
}

TEST(ProvidersRegistry, BrokenUserFileIsReportedWithItsPath) {
  QTemporaryDir dir;
  const QString path = dir.filePath("models.json");
  sw::providers::test::writeFile(path, "{ not json");
  try {
    ModelRegistry::load(path);
    FAIL() << "a broken override must be refused";
  } catch (const ProviderError& e) {
    EXPECT_NE(QString::fromStdString(e.what()).indexOf(path), -1) << e.what();
  }
  sw::providers::test::writeFile(path, R"({"models": {"bad": {"backend": "replicate"}}})");
  EXPECT_THROW(ModelRegistry::load(path), ProviderError);
}

TEST(ProvidersRegistry, DefaultModelIsOneSetting) {
  ModelRegistry reg = builtinRegistry();
  EXPECT_EQ(reg.resolve({}).key, QStringLiteral("hailuo"));
  EXPECT_EQ(reg.resolve({}, "wan").key, QStringLiteral("wan"));
  EXPECT_EQ(reg.resolve("runway", "wan").key, QStringLiteral("runway"));
  reg.setDefaultKey("animatediff");
  EXPECT_EQ(reg.resolve({}).key, QStringLiteral("animatediff"));
  EXPECT_THROW(reg.setDefaultKey("nope"), ProviderError);
  EXPECT_THROW(reg.model("nope"), ProviderError);
}

TEST(ProvidersRegistry, ValidateRefusesWhatTheModelCannotHonour) {
  QTemporaryDir dir;
  const QString image = dir.filePath("start.png");
  sw::providers::test::writeFile(image, "not empty");

  VideoRequest zeroscope = requestFor("zeroscope");
  zeroscope.startImage = image;
  EXPECT_NE(refusal(zeroscope).find("text-to-video only"), std::string::npos);

  EXPECT_NE(refusal(requestFor("wan")).find("needs a start image"), std::string::npos);

  VideoRequest runway = requestFor("runway");
  runway.startImage = image;
  runway.duration = 7;
  EXPECT_NE(refusal(runway).find("allowed durations"), std::string::npos);
  runway.duration = 10;
  EXPECT_EQ(refusal(runway), "");

  VideoRequest hailuo = requestFor("hailuo");
  hailuo.fps = 30;
  EXPECT_NE(refusal(hailuo).find("24 fps"), std::string::npos);
  hailuo.fps = 0;
  hailuo.width = 640;
  hailuo.height = 360;
  EXPECT_NE(refusal(hailuo).find("cannot output 640x360"), std::string::npos);

  VideoRequest empty = requestFor("hailuo");
  empty.prompt.clear();
  EXPECT_NE(refusal(empty).find("prompt"), std::string::npos);

  VideoRequest missing = requestFor("hailuo");
  missing.startImage = dir.filePath("missing.png");
  EXPECT_NE(refusal(missing).find("missing"), std::string::npos);

  VideoRequest local = requestFor("local");
  local.width = 320;
  local.height = 180;
  EXPECT_EQ(refusal(local), "");
  local.width = 160;
  local.height = 90;
  EXPECT_NE(refusal(local).find("320x180"), std::string::npos);
}

TEST(ProvidersRegistry, MaxSecondsBoundsAModelsPredictions) {
  EXPECT_DOUBLE_EQ(builtinRegistry().model("hailuo").maxSeconds, 0.0);  // the video default
  QTemporaryDir dir;
  const QString path = dir.filePath("models.json");
  sw::providers::test::writeFile(path, R"({"models": {"hailuo": {"max_seconds": 480}}})");
  EXPECT_DOUBLE_EQ(ModelRegistry::load(path).model("hailuo").maxSeconds, 480.0);
  for (const char* bad : {R"({"models": {"hailuo": {"max_seconds": 0}}})",
                          R"({"models": {"hailuo": {"max_seconds": -5}}})",
                          R"({"models": {"hailuo": {"max_seconds": "ten"}}})",
                          R"({"models": {"hailuo": {"max_seconds": 1e9}}})"}) {
    sw::providers::test::writeFile(path, bad);
    try {
      ModelRegistry::load(path);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const ProviderError& e) {
      EXPECT_NE(QString::fromStdString(e.what()).indexOf("max_seconds"), -1) << e.what();
    }
  }
}
