// "Generate 4 takes" (issue 13, part 7) with the real TakeLotteryDialog against the fake
// Replicate (tests/fakecloud): the cost is shown before starting, the 4 predictions run at once
// (never more than the backend's limit), the grid shows each take with its seed and cost, the
// active take stays until "Keep this take", which is one undo step; the others stay as takes.
// Saves the grid to docs/screenshots/lottery.png.
#include <gtest/gtest.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QMediaPlayer>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>
#include <algorithm>

#include "fakecloud/fake_cloud_server.h"
#include "media/thumbnails.h"
#include "providers/model_registry.h"
#include "render/cached_generation.h"
#include "render/regenerate.h"
#include "render/render_queue.h"
#include "support/media_fixtures.h"
#include "support/model_override.h"
#include "support/sample_project.h"
#include "ui/project_session.h"
#include "ui/take_lottery_dialog.h"
#include "ui/thumbnail_loader.h"
#include "ui_test_support.h"

using namespace sw;
using namespace sw::ui;

namespace {

constexpr double kScale = 0.02;  // one virtual second of the fake = 20 real ms

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

class UiLottery : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(tmp.isValid());
    testsupport::ClipSpec clip;
    clip.seconds = 1.0;
    clip.fps = {12, 1};
    clip.audio = false;
    server = std::make_unique<fakecloud::FakeCloudServer>(kScale);
    server->setFixture(QStringLiteral("mp4"),
                       readAll(testsupport::makeClip(tmp.filePath("chunk.mp4"), clip)));
    qputenv("REPLICATE_API_TOKEN", server->tokens().replicate);
    const QString models = tmp.filePath(QStringLiteral("models.json"));
    ASSERT_TRUE(testsupport::writeModelOverride(models, QJsonObject{{"cloudtiny", cloudModel()}}));
    registry = std::make_shared<providers::ModelRegistry>(providers::ModelRegistry::load(models));
    {
      auto store = model::ProjectStore::create(folder(), QStringLiteral("Lottery"));
      testsupport::HarbourScene harbour;
      harbour.seconds = 2.0;
      harbour.modelKey = QStringLiteral("cloudtiny");
      sceneId = testsupport::addHarbourScene(*store, harbour);
    }
    settings.video = settings.image = settings.music = QStringLiteral("replicate");
    queue = std::make_unique<render::RenderQueue>(folder());
    queue->setModelRegistry(registry);
    queue->setCacheDirectory(tmp.filePath(QStringLiteral("cache")));
    queue->setBackendSettings(
        settings, QJsonObject{{"replicate", QJsonObject{{"baseUrl", server->url().toString()},
                                                        {"useKeychain", false},
                                                        {"timeScale", kScale}}}});
  }
  void TearDown() override { qunsetenv("REPLICATE_API_TOKEN"); }

  static QJsonObject cloudModel() {
    return QJsonObject{
        {"display_name", "Tiny Hailuo (tests)"},
        {"backend", "replicate"},
        {"model_id", "minimax/hailuo-2.3-fast"},
        {"version", ""},
        {"endpoint", "model"},
        {"cost_per_call", 0.25},
        {"fps", 12},
        {"width", 320},
        {"height", 180},
        {"actual_chunk_duration", 1.0},
        {"duration_controllable", false},
        {"allowed_durations", QJsonArray{6, 10}},
        {"resolutions", QJsonArray{QJsonObject{{"name", "768p"}, {"width", 320}, {"height", 180}}}},
        {"supports_image_input", true},
        {"requires_image_input", false},
        {"max_reference_images", 0},
        {"params", QJsonObject{{"prompt", "prompt"},
                               {"image", "first_frame_image"},
                               {"duration", "duration"},
                               {"resolution", "resolution"}}},
        {"fixed_inputs", QJsonObject{{"prompt_optimizer", false}}}};
  }
  QString folder() const { return tmp.filePath(QStringLiteral("Lottery.scenewright")); }

  // The most of `ids` live at one time (created, not yet completed), from the fake's records.
  int maxLive(const QStringList& ids) const {
    QList<QPair<QDateTime, int>> edges;
    for (const QString& id : ids) {
      const QJsonObject p = server->prediction(id);
      edges.append({QDateTime::fromString(p["created_at"].toString(), Qt::ISODateWithMs), +1});
      edges.append({QDateTime::fromString(p["completed_at"].toString(), Qt::ISODateWithMs), -1});
    }
    std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second < b.second;
    });
    int live = 0, most = 0;
    for (const auto& e : edges) most = std::max(most, live += e.second);
    return most;
  }

  QTemporaryDir tmp;
  std::unique_ptr<fakecloud::FakeCloudServer> server;
  std::shared_ptr<const providers::ModelRegistry> registry;
  providers::BackendSettings settings;
  std::unique_ptr<render::RenderQueue> queue;
  model::Id sceneId = 0;
};

}  // namespace

TEST_F(UiLottery, FourTakesSideBySideAndOneClickKeepsTheChosenOne) {
  // The scene rendered once: every chunk has one (active) take.
  render::RenderRequest render;
  render.sceneIds = {sceneId};
  render.preview = true;
  render.narration = render.dialogue = render.music = render.sfx = false;
  render.outputPath = tmp.filePath(QStringLiteral("out/scene.mp4"));
  const model::Id renderJob = queue->enqueue(render).value(0);
  queue->waitForIdle();
  auto session = ProjectSession::open(folder());
  ASSERT_EQ(session->store().job(renderJob)->status, model::JobStatus::Completed)
      << session->store().job(renderJob)->errorMessage.toStdString();
  const model::Chunk chunk = session->store().chunks(sceneId).at(1);
  ASSERT_TRUE(chunk.assetId);
  const int limit =
      render::BackendLimiter::instance().forBackend(QStringLiteral("replicate")).available();

  ThumbnailLoader thumbnails;
  thumbnails.setFunction([dir = tmp.filePath(QStringLiteral("thumbs"))](
                             const QString& path, double seconds, int height) {
    const QByteArray png = media::Thumbnailer(dir).thumbnail(path, seconds, height * 16 / 9);
    const QImage image = QImage::fromData(png, "PNG");
    return image.isNull() ? image : image.scaledToHeight(height, Qt::SmoothTransformation);
  });
  TakeLotteryDialog dialog(session.get(), queue.get(), &thumbnails, registry.get(), settings,
                           chunk.id);
  dialog.show();
  // The cost before starting: 4 calls of $0.25.
  EXPECT_EQ(dialog.takesBox()->value(), 4);
  EXPECT_TRUE(dialog.costLabel()->text().contains(QStringLiteral("$1.00 ($0.25 each)")))
      << dialog.costLabel()->text().toStdString();
  EXPECT_EQ(dialog.generateButton()->text(), QStringLiteral("Generate 4 takes"));

  const QStringList earlier = server->predictionIds();
  QTest::mouseClick(dialog.generateButton(), Qt::LeftButton);
  ASSERT_NE(dialog.jobId(), 0);
  ASSERT_TRUE(test::spinUntil([&] { return dialog.cellCount() > 0; }));
  ASSERT_EQ(session->store().job(dialog.jobId())->status, model::JobStatus::Completed)
      << session->store().job(dialog.jobId())->errorMessage.toStdString();
  ASSERT_EQ(dialog.cellCount(), 4);
  QStringList made;
  for (const QString& id : server->predictionIds())
    if (!earlier.contains(id)) made << id;
  ASSERT_EQ(made.size(), 4);
  const int live = maxLive(made);
  EXPECT_GT(live, 1) << "the 4 predictions overlap in time";
  EXPECT_LE(live, limit);

  // Each cell: its seed and cost; the chunk's active take has not changed.
  const QList<model::Take> takes = session->store().takes(chunk.id);
  ASSERT_EQ(takes.size(), 5);
  for (int i = 0; i < 4; ++i) {
    const model::Take& t = takes[i + 1];
    EXPECT_EQ(dialog.captionLabel(i)->text(), QStringLiteral("Seed %1 · $0.25").arg(t.seed));
    EXPECT_TRUE(dialog.keepButton(i)->isEnabled());
  }
  EXPECT_EQ(session->store().chunk(chunk.id)->assetId, chunk.assetId);

  // Play shows a take in the player beside the grid.
  QTest::mouseClick(dialog.playButton(2), Qt::LeftButton);
  EXPECT_TRUE(dialog.player()->source().toLocalFile().endsWith(
      QFileInfo(session->store().asset(takes[3].assetId)->filePath).fileName()));

  // Keep this take: active, one undo step; undo brings the old take back.
  QTest::mouseClick(dialog.keepButton(2), Qt::LeftButton);
  EXPECT_EQ(session->store().chunk(chunk.id)->assetId, std::optional(takes[3].assetId));
  EXPECT_EQ(session->store().chunk(chunk.id)->seed, takes[3].seed);
  EXPECT_FALSE(dialog.keepButton(2)->isEnabled());
  EXPECT_TRUE(dialog.captionLabel(2)->text().endsWith(QStringLiteral("active")));
  session->undoStack()->undo();
  EXPECT_EQ(session->store().chunk(chunk.id)->assetId, chunk.assetId);
  EXPECT_TRUE(dialog.keepButton(2)->isEnabled());
  session->undoStack()->redo();
  EXPECT_EQ(session->store().chunk(chunk.id)->assetId, std::optional(takes[3].assetId));
  EXPECT_EQ(session->store().takes(chunk.id).size(), 5) << "the other takes stay";

  // The grid as a user sees it, once the thumbnails are in.
  dialog.player()->stop();
  test::spinUntil(
      [&] {
        return !thumbnails.thumbnail(session->store().asset(takes[4].assetId)->filePath, 0.5, 90)
                    .isNull();
      },
      400);
  const QString shots = QStringLiteral(SW_SOURCE_DIR "/docs/screenshots");
  QDir().mkpath(shots);
  ASSERT_TRUE(dialog.grab().save(QDir(shots).filePath(QStringLiteral("lottery.png"))));
}

TEST_F(UiLottery, FourReferenceImagesAndKeepingOneIsAnUndoableSceneEdit) {
  QImage png(320, 180, QImage::Format_RGB32);
  png.fill(QColor(30, 60, 120));
  const QString pngPath = tmp.filePath(QStringLiteral("reference.png"));
  ASSERT_TRUE(png.save(pngPath, "PNG"));
  server->setFixture(QStringLiteral("png"), readAll(pngPath));
  settings.image = QStringLiteral("replicate");
  auto session = ProjectSession::open(folder());
  // A first reference image, in use.
  {
    render::RenderRequest first = render::regenerateReferenceRequest(sceneId);
    const model::Id job = queue->enqueue(first).value(0);
    queue->waitForIdle();
    ASSERT_EQ(session->store().job(job)->status, model::JobStatus::Completed)
        << session->store().job(job)->errorMessage.toStdString();
  }
  const auto inUse = session->store().scene(sceneId)->referenceAssetId;
  ASSERT_TRUE(inUse);
  ThumbnailLoader thumbnails;
  TakeLotteryDialog dialog(session.get(), queue.get(), &thumbnails, registry.get(), settings,
                           sceneId, nullptr, TakeLotteryDialog::Subject::ReferenceImage);
  dialog.show();
  EXPECT_TRUE(dialog.costLabel()->text().startsWith(QStringLiteral("Estimated cost:")))
      << dialog.costLabel()->text().toStdString();
  QTest::mouseClick(dialog.generateButton(), Qt::LeftButton);
  ASSERT_TRUE(test::spinUntil([&] { return dialog.cellCount() > 0; }));
  ASSERT_EQ(session->store().job(dialog.jobId())->status, model::JobStatus::Completed)
      << session->store().job(dialog.jobId())->errorMessage.toStdString();
  ASSERT_EQ(dialog.cellCount(), 4);
  EXPECT_EQ(session->store().scene(sceneId)->referenceAssetId, inUse) << "the image in use stays";
  EXPECT_FALSE(dialog.playButton(0)->isVisible());
  QTest::mouseClick(dialog.keepButton(1), Qt::LeftButton);
  const auto kept = session->store().scene(sceneId)->referenceAssetId;
  EXPECT_NE(kept, inUse);
  EXPECT_TRUE(dialog.captionLabel(1)->text().endsWith(QStringLiteral("active")));
  session->undoStack()->undo();
  EXPECT_EQ(session->store().scene(sceneId)->referenceAssetId, inUse);
  EXPECT_TRUE(session->store().asset(*kept).has_value()) << "the other images stay";
}
