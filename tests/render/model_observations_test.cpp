// What models really deliver: chunk files measured and recorded per model, the median as the
// estimate's chunk length; the output frame rate shared by every chunk.
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include "model/project_store.h"
#include "render/model_observations.h"
#include "render/timeline_builder.h"
#include "support/media_fixtures.h"

using namespace sw;

namespace {

model::Asset videoAsset(model::ProjectStore& store, const QString& path, const QString& key) {
  model::Asset a;
  a.kind = QStringLiteral("video");
  a.cacheKey = key;
  a.filePath = path;
  a.id = store.addAsset(a);
  return a;
}

}  // namespace

TEST(ModelObservations, MedianOfMeasuredChunksPerModel) {
  QTemporaryDir tmp;
  auto store = model::ProjectStore::create(tmp.filePath(QStringLiteral("P.scenewright")),
                                           QStringLiteral("P"));
  EXPECT_FALSE(render::observedChunkSeconds(*store, QStringLiteral("hailuo")).has_value());
  QList<model::Asset> assets;
  const double seconds[] = {2.0, 3.0, 1.0};
  for (int i = 0; i < 3; ++i) {
    testsupport::ClipSpec spec;
    spec.seconds = seconds[i];
    spec.fps = {24, 1};
    spec.audio = false;
    const QString path =
        testsupport::makeClip(tmp.filePath(QStringLiteral("c%1.mp4").arg(i)), spec);
    assets.append(videoAsset(*store, path, QStringLiteral("k%1").arg(i)));
    ASSERT_TRUE(render::recordChunkObservation(*store, QStringLiteral("hailuo"), assets.last()));
  }
  // The same chunk recorded again (a cache hit) is not a new observation.
  ASSERT_TRUE(render::recordChunkObservation(*store, QStringLiteral("hailuo"), assets.first()));
  const QList<model::ModelObservation> rows = store->modelObservations(QStringLiteral("hailuo"));
  ASSERT_EQ(rows.size(), 3);
  EXPECT_EQ(rows.first().assetId, assets.last().id);  // newest first
  EXPECT_NEAR(rows.first().duration, 1.0, 1.0 / 24);
  EXPECT_DOUBLE_EQ(rows.first().fps, 24.0);
  EXPECT_EQ(rows.first().width, 320);
  EXPECT_EQ(rows.first().height, 180);
  const auto median = render::observedChunkSeconds(*store, QStringLiteral("hailuo"));
  ASSERT_TRUE(median.has_value());
  EXPECT_NEAR(*median, 2.0, 1.0 / 24);
  EXPECT_FALSE(render::observedChunkSeconds(*store, QStringLiteral("wan")).has_value());

  // A file that is not video records nothing and does not throw.
  model::Asset broken =
      videoAsset(*store, tmp.filePath(QStringLiteral("missing.mp4")), QStringLiteral("k9"));
  EXPECT_FALSE(render::recordChunkObservation(*store, QStringLiteral("hailuo"), broken));
  EXPECT_EQ(store->modelObservations(QStringLiteral("hailuo")).size(), 3);
}

TEST(ModelObservations, OutputKeepsAFrameRateEveryChunkShares) {
  render::TimelineSegment a, b;
  a.fpsNum = b.fpsNum = 24;
  const auto shared = render::sharedFrameRate({a, b});
  ASSERT_TRUE(shared.has_value());
  EXPECT_EQ(shared->num, 24);
  EXPECT_EQ(shared->den, 1);
  b.fpsNum = 30;
  EXPECT_FALSE(render::sharedFrameRate({a, b}).has_value());  // mixed: the chosen rate
  b.fpsNum = 0;
  EXPECT_FALSE(render::sharedFrameRate({a, b}).has_value());  // unknown or variable
  b.fpsNum = 24000;
  b.fpsDen = 1001;
  EXPECT_FALSE(render::sharedFrameRate({a, b}).has_value());
  EXPECT_FALSE(render::sharedFrameRate({}).has_value());
}
