// Whole renders through RenderQueue against the fake cloud: the MP4 and the continuity inputs,
// the text-to-video fallback, cache hits on a second render, throttling and 5xx on the way.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include "media/probe.h"
#include "render_cloud_fixture.h"

using namespace sw;
using namespace sw::rendercloud;

namespace {

QByteArray fileBytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject inputOf(const fakecloud::LoggedRequest& r) {
  return r.json().value(QStringLiteral("input")).toObject();
}

class RenderCloudRender : public RenderCloudTest {
 protected:
  void expectCompleted(model::Id job) {
    const auto row = openStore()->job(job);
    ASSERT_TRUE(row.has_value());
    ASSERT_EQ(row->status, model::JobStatus::Completed) << row->errorMessage.toStdString();
  }
  // Prediction ids the fake made for `modelName`, in creation order.
  QStringList predictionsOf(const QString& modelName) const {
    QStringList ids;
    for (const QString& id : server->predictionIds())
      if (server->prediction(id).value(QStringLiteral("model")).toString() == modelName) ids << id;
    return ids;
  }
  // The video asset rows of the scene's chunks, in chunk order.
  QList<model::Asset> chunkAssets() const {
    auto store = openStore();
    QList<model::Asset> out;
    for (const model::Chunk& c : store->chunks(sceneId))
      if (c.assetId) out.append(*store->asset(*c.assetId));
    return out;
  }
};

}  // namespace

TEST_F(RenderCloudRender, SceneRendersWithContinuityInputsThroughFakeReplicate) {
  const model::Id job = renderAndWait(request());
  expectCompleted(job);

  const media::ProbeResult out = media::probe(outputPath());
  ASSERT_NE(out.video(), nullptr);
  ASSERT_NE(out.audio(), nullptr);
  EXPECT_NEAR(out.duration, 2.0, 0.25);
  EXPECT_TRUE(QFileInfo::exists(outputPath() + QStringLiteral(".json"))) << "manifest sidecar";

  // Chunk 0 starts from the reference image (flux-schnell's output), chunk 1 from the exact
  // frame chunk 0 is cut at (used whole here: its last frame), both in hailuo's own field.
  const auto video = creates(kHailuo);
  ASSERT_EQ(video.size(), 2);
  const QJsonObject first = inputOf(video[0]);
  const QJsonObject second = inputOf(video[1]);
  EXPECT_EQ(dataUriBytes(first.value(QStringLiteral("first_frame_image")).toString()),
            fixtures().png);
  const QList<model::Asset> assets = chunkAssets();
  ASSERT_EQ(assets.size(), 2);
  const QString lastFrame =
      QDir(cacheFolder())
          .filePath(QStringLiteral("frames/%1-cut-1000ms.png").arg(assets[0].cacheKey));
  ASSERT_TRUE(QFileInfo::exists(lastFrame));
  EXPECT_EQ(dataUriBytes(second.value(QStringLiteral("first_frame_image")).toString()),
            fileBytes(lastFrame));
  for (const QJsonObject& in : {first, second}) {
    EXPECT_FALSE(in.contains(QStringLiteral("image"))) << "wan's field name sent to hailuo";
    EXPECT_TRUE(in.value(QStringLiteral("prompt")).toString().contains(QStringLiteral("slow pan")));
    EXPECT_EQ(in.value(QStringLiteral("duration")).toInt(), 6);
    EXPECT_EQ(in.value(QStringLiteral("resolution")).toString(), QStringLiteral("768p"));
  }
  EXPECT_FALSE(assets[0].parameters.value(QStringLiteral("continuity")).toBool());
  EXPECT_TRUE(assets[1].parameters.value(QStringLiteral("continuity")).toBool());

  // Each video prediction was polled through starting (1) -> processing (2) -> succeeded.
  const QStringList ids = predictionsOf(kHailuo);
  ASSERT_EQ(ids.size(), 2);
  for (const QString& id : ids) {
    EXPECT_EQ(server->prediction(id).value(QStringLiteral("status")).toString(),
              QStringLiteral("succeeded"));
    EXPECT_GE(server->count("GET", QStringLiteral("/v1/predictions/") + id), 4);
    EXPECT_EQ(server->count("GET", QStringLiteral("/delivery/") + id), 1)
        << "output downloaded once";
  }
  // The other capabilities went to their services once each.
  EXPECT_EQ(creates(kFlux).size(), 1);
  EXPECT_EQ(server->count("POST", QStringLiteral("/v1/predictions")) -
                server->count("POST", QStringLiteral("/v1/predictions/")),
            1)
      << "musicgen, created by version";
  EXPECT_EQ(server->count("POST", QStringLiteral("/v1/audio/speech")), 3)
      << "narration + two dialogue lines";
  // Each prediction's id was stored as it started (chunks with their chunk, the reference image
  // marked as such, music on its own).
  int chunkIds = 0, imageIds = 0;
  for (const model::JobEvent& e : events(job, QStringLiteral("remote.started"))) {
    if (e.data.contains(QStringLiteral("chunkId"))) ++chunkIds;
    if (e.data.value(QStringLiteral("referenceImage")).toBool()) ++imageIds;
  }
  EXPECT_EQ(chunkIds, 2);
  EXPECT_EQ(imageIds, 1);
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("remote.started")), 4);
}

TEST_F(RenderCloudRender, FallsBackToTextToVideoWhenImageToVideoFails) {
  // The service refuses the start-image field (422) although the registry says the model takes
  // one: every image-to-video create fails and the text-to-video retry succeeds.
  const QString name = QStringLiteral("scenewright/t2v-only");
  server->addModel(
      {name,
       QStringLiteral("hidden"),
       true,
       QStringLiteral("video"),
       {{QStringLiteral("prompt"), {}},
        {QStringLiteral("duration"), {QStringLiteral("6"), QStringLiteral("10")}},
        {QStringLiteral("resolution"), {QStringLiteral("768p"), QStringLiteral("1080p")}},
        {QStringLiteral("prompt_optimizer"), {}}}});
  writeModels(QJsonObject{{"cloudtiny", tinyCloudModel(name, 0.0)}});
  const model::Id job = renderAndWait(request());
  expectCompleted(job);

  const auto all = creates(name);
  ASSERT_EQ(all.size(), 4);
  for (int i = 0; i < 4; ++i)  // per chunk: image-to-video (refused), then text-to-video
    EXPECT_EQ(inputOf(all[i]).contains(QStringLiteral("first_frame_image")), i % 2 == 0)
        << "create " << i;
  EXPECT_EQ(predictionsOf(name).size(), 2) << "the refused creates made no prediction";

  const auto fallbacks = events(job, QStringLiteral("fallback.t2v"));
  ASSERT_EQ(fallbacks.size(), 2);
  EXPECT_TRUE(fallbacks[0].message.contains(QStringLiteral("text-to-video")));
  for (const model::Asset& a : chunkAssets()) {
    const QJsonArray notes = a.parameters.value(QStringLiteral("notes")).toArray();
    ASSERT_FALSE(notes.isEmpty());
    EXPECT_TRUE(notes.first().toString().startsWith(QStringLiteral("fell back to text-to-video")));
    EXPECT_FALSE(a.parameters.value(QStringLiteral("continuity")).toBool())
        << "no duplicate frame to drop";
  }
  EXPECT_TRUE(QFileInfo::exists(outputPath()));
}

TEST_F(RenderCloudRender, SecondRenderSendsNothingAndCostsNothing) {
  const model::Id first = renderAndWait(request());
  expectCompleted(first);
  ASSERT_GT(openStore()->job(first)->cost, 0.0);
  ASSERT_FALSE(server->requests().isEmpty());
  server->clearLog();

  const model::Id second = renderAndWait(request());
  expectCompleted(second);
  EXPECT_EQ(server->requests().size(), 0)
      << "first request: " << server->requests().value(0).path.toStdString();
  EXPECT_EQ(openStore()->job(second)->cost, 0.0);
  EXPECT_EQ(eventsOfKind(second, QStringLiteral("asset.generated")), 0);

  // A new project with the same scene and the same cache: every asset is a cache hit.
  const QString copy = tmp.filePath(QStringLiteral("Copy.scenewright"));
  createProject(copy, 2.0, QStringLiteral("cloudtiny"));
  const model::Id third = renderAndWait(request(copy), copy);
  auto store = model::ProjectStore::open(copy);
  ASSERT_EQ(store->job(third)->status, model::JobStatus::Completed)
      << store->job(third)->errorMessage.toStdString();
  EXPECT_EQ(server->requests().size(), 0);
  EXPECT_EQ(store->job(third)->cost, 0.0);
  int cached = 0;
  for (const model::JobEvent& e : store->jobEvents(third))
    if (e.kind == QLatin1String("asset.cached")) ++cached;
  EXPECT_EQ(cached, 7) << "reference image, 2 chunks, narration, 2 dialogue lines, music";
}

TEST_F(RenderCloudRender, ThrottlingAndServerErrorsDuringARenderStillComplete) {
  fakecloud::Scenario scenario;
  scenario.replicate.create429 = 1;  // the first create: 429 with Retry-After: 1
  scenario.replicate.retryAfterSeconds = 1;
  scenario.replicate.get5xx = 3;  // the first polls: 500, 502 (HTML), 503
  server->setScenario(scenario);
  const model::Id job = renderAndWait(request());
  expectCompleted(job);
  EXPECT_TRUE(QFileInfo::exists(outputPath()));

  // One prediction per asset (the throttled create was repeated, nothing was created twice).
  EXPECT_EQ(server->predictionCount(), 4) << "2 chunks, reference image, music";
  QList<fakecloud::LoggedRequest> posts;
  for (const auto& r : server->requests("POST", QStringLiteral("/v1/")))
    if ((r.path.startsWith(QLatin1String("/v1/models/")) ||
         r.path == QLatin1String("/v1/predictions")))
      posts.append(r);
  ASSERT_EQ(posts.size(), 5);
  // The throttled create was sent again no sooner than Retry-After said.
  for (int i = 1; i < posts.size(); ++i) {
    if (posts[i].path != posts[0].path || posts[i].body != posts[0].body) continue;
    EXPECT_GE(posts[i].atMs - posts[0].atMs, 950);
    break;
  }
  EXPECT_GE(server->count("GET", QStringLiteral("/v1/predictions/")), 3 + 2 * 4 + 4);
}

TEST_F(RenderCloudRender, ScenesOfACloudBatchRenderSideBySide) {
  QList<model::Id> scenes{sceneId};
  {
    auto store = openStore();
    for (int i = 2; i <= 3; ++i) {
      model::Scene scene = *store->scene(sceneId);
      scene.id = 0;
      scene.title = QStringLiteral("Harbour %1").arg(i);
      scene.visualPrompt = QStringLiteral("a quiet harbour at night, view %1").arg(i);
      scenes.append(store->addScene(scene));
    }
  }
  fakecloud::Scenario scenario;
  scenario.replicate.processingPolls = 10;  // a chunk takes 12 polls: long against starting a job
  server->setScenario(scenario);
  render::RenderRequest r = request();
  r.sceneIds = scenes;
  r.outputPath.clear();  // a batch writes to exports/
  r.narration = r.dialogue = false;
  auto queue = makeQueue();
  const QList<model::Id> jobs = queue->enqueue(r);
  queue->waitForIdle();
  ASSERT_EQ(jobs.size(), 3);
  for (model::Id job : jobs) expectCompleted(job);

  // A cloud job mostly waits on the network, so the batch's three chunk chains run side by side:
  // every scene's first chunk (from its reference image) is created before any second chunk (from
  // a last frame). Two at a time, the third scene would start only when another one finished.
  const auto video = creates(kHailuo);
  ASSERT_EQ(video.size(), 6);
  int lastFirst = -1;
  int firstSecond = int(video.size());
  for (int i = 0; i < video.size(); ++i) {
    const QByteArray start =
        dataUriBytes(inputOf(video[i]).value(QStringLiteral("first_frame_image")).toString());
    if (start == fixtures().png)
      lastFirst = i;
    else
      firstSecond = std::min(firstSecond, i);
  }
  EXPECT_EQ(lastFirst, 2);
  EXPECT_EQ(firstSecond, 3);
}
