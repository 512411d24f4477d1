// A scene with a dialogue line marked for lip sync renders through the fake Sync API: the span
// under the line (with its margins) and the line's audio are sent, the synced frames (the fake
// draws a white square on each) are spliced back over exactly those frames, the chunk keeps its
// frame count, rate and size, the other frames stay the original ones, and a second render
// sends nothing.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include "fakecloud/fake_scenario.h"
#include "media/ffmpeg_raii.h"
#include "media/frame_splice.h"
#include "media/media_input.h"
#include "media/probe.h"
#include "render/render_estimate.h"
#include "render_cloud_fixture.h"

using namespace sw;
using namespace sw::rendercloud;

namespace {

QByteArray fileBytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Mean luma of the top-left `size` x `size` pixels of every frame, and of the whole frame.
struct FrameLuma {
  double corner = 0;
  double whole = 0;
};
std::vector<FrameLuma> frameLumas(const QString& path, int size) {
  media::MediaInput in(path, true);
  media::FrameReader reader(in, in.videoStream());
  media::FramePtr f = media::makeFrame();
  std::vector<FrameLuma> out;
  while (reader.next(f.get())) {
    FrameLuma l;
    double sum = 0;
    for (int y = 0; y < size; ++y)
      for (int x = 0; x < size; ++x) sum += f->data[0][y * f->linesize[0] + x];
    l.corner = sum / (size * size);
    double all = 0;
    for (int y = 0; y < f->height; ++y)
      for (int x = 0; x < f->width; ++x) all += f->data[0][y * f->linesize[0] + x];
    l.whole = all / (double(f->width) * f->height);
    out.push_back(l);
  }
  return out;
}

class RenderCloudLipSync : public RenderCloudTest {
 protected:
  void SetUp() override {
    RenderCloudTest::SetUp();
    qputenv("SYNC_API_KEY", server->tokens().sync);
    fakecloud::Scenario s;
    s.replicate.clip = {1.0, kFps, 320, 180};  // chunks that pan: every frame differs a little
    server->setScenario(s);
    auto store = openStore();
    model::DialogueLine first = store->dialogueLines(sceneId).first();
    first.lipSync = true;
    store->updateDialogueLine(first);
  }
  void TearDown() override {
    qunsetenv("SYNC_API_KEY");
    RenderCloudTest::TearDown();
  }
  std::unique_ptr<render::RenderQueue> lipQueue() const {
    auto queue = std::make_unique<render::RenderQueue>(projectFolder());
    queue->setModelRegistry(registry);
    queue->setCacheDirectory(cacheFolder());
    providers::BackendSettings settings = cloudSettings();
    settings.lipSync = QStringLiteral("sync");
    QJsonObject options = backendOptions();
    options["sync"] = QJsonObject{
        {"baseUrl", server->url().toString()}, {"useKeychain", false}, {"timeScale", kScale}};
    queue->setBackendSettings(settings, options);
    return queue;
  }
  render::RenderRequest lipRequest() const {
    render::RenderRequest r = request();
    r.narration = false;
    r.music = false;
    r.keepDuration = false;  // the scene lasts what its two lines need
    return r;
  }
  model::Id render() {
    auto queue = lipQueue();
    const QList<model::Id> ids = queue->enqueue(lipRequest());
    queue->waitForIdle();
    const auto row = openStore()->job(ids.value(0));
    EXPECT_TRUE(row && row->status == model::JobStatus::Completed)
        << (row ? row->errorMessage.toStdString() : "no job");
    return ids.value(0);
  }
  QList<model::Asset> lipSyncAssets() const {
    QList<model::Asset> out;
    for (const model::Asset& a : openStore()->assets())
      if (a.kind == QLatin1String("video") && a.parameters.value("lipsync").toBool()) out.append(a);
    return out;
  }
  render::RenderEstimate estimate() const {
    providers::BackendSettings settings = cloudSettings();
    settings.lipSync = QStringLiteral("sync");
    auto store = openStore();
    return render::estimateRender(*store, lipRequest(), registry.get(), settings, cacheFolder());
  }
};

}  // namespace

TEST_F(RenderCloudLipSync, TheLineIsSyncedAndSplicedFrameExactWithItsOwnAudio) {
  const render::RenderEstimate before = estimate();
  EXPECT_EQ(before.lipSyncLines, 1);
  EXPECT_EQ(before.lipSyncToGenerate, 1);
  ASSERT_TRUE(before.lipSync.usd.has_value());
  EXPECT_GT(*before.lipSync.usd, 0.0);  // lipsync-2: $0.05 per second of the span
  EXPECT_TRUE(before.summaryLine().contains(QStringLiteral("lip sync of 1 line")))
      << before.summaryLine().toStdString();

  const model::Id job = render();
  const QList<fakecloud::SyncReceived> received = server->syncReceived();
  const QList<model::Asset> synced = lipSyncAssets();
  ASSERT_GE(received.size(), 1);
  ASSERT_EQ(synced.size(), received.size()) << "one spliced span per chunk under the line";
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("lipsync.spliced")), received.size());

  auto store = openStore();
  const model::DialogueLine line = store->dialogueLines(sceneId).first();
  ASSERT_TRUE(line.assetId);
  const model::Asset speech = *store->asset(*line.assetId);
  int totalFrames = 0;
  for (int i = 0; i < synced.size(); ++i) {
    SCOPED_TRACE(i);
    const QJsonObject p = synced[i].parameters;
    const QString source = p.value("source").toString();
    const QString spliced = p.value("spliced").toString();
    const qint64 first = qint64(p.value("firstFrame").toDouble());
    const qint64 frames = qint64(p.value("frames").toDouble());
    totalFrames += int(frames);
    EXPECT_EQ(p.value("line").toDouble(), double(line.id));
    EXPECT_EQ(p.value("lineAsset").toDouble(), double(*line.assetId));

    // The spliced take keeps the chunk's frame count, rate and size
    const media::FrameCount original = media::countVideoFrames(source);
    const media::FrameCount take = media::countVideoFrames(spliced);
    EXPECT_EQ(take.frames, original.frames);
    EXPECT_EQ(av_cmp_q(take.fps, original.fps), 0);
    EXPECT_EQ(take.width, original.width);
    EXPECT_EQ(take.height, original.height);

    // The marked frames are exactly the span; the others are the original ones
    const auto a = frameLumas(source, fakecloud::SyncScenario::kMarker);
    const auto b = frameLumas(spliced, fakecloud::SyncScenario::kMarker);
    ASSERT_EQ(a.size(), b.size());
    for (size_t k = 0; k < b.size(); ++k) {
      const bool inSpan = qint64(k) >= first && qint64(k) < first + frames;
      if (inSpan) {
        EXPECT_GT(b[k].corner, 225.0) << "frame " << k << " is not the synced one";
      } else {
        EXPECT_LT(b[k].corner, 215.0) << "frame " << k << " outside the span was replaced";
        EXPECT_NEAR(b[k].corner, a[k].corner, 4.0) << "frame " << k;
        EXPECT_NEAR(b[k].whole, a[k].whole, 2.0) << "frame " << k;
      }
    }

    // What was sent: those frames of the chunk, and the line's audio over the same stretch
    EXPECT_EQ(received[i].model, "lipsync-2");
    QTemporaryDir dir;
    const QString video = dir.filePath("sent.mp4");
    QFile v(video);
    ASSERT_TRUE(v.open(QIODevice::WriteOnly));
    v.write(received[i].video);
    v.close();
    EXPECT_EQ(media::countVideoFrames(video).frames, frames);
    const QString expected = dir.filePath("expected.wav");
    media::cutAudioWindow(speech.filePath, p.value("audioOffset").toDouble(),
                          double(frames) / original.fps.num * original.fps.den, expected);
    EXPECT_EQ(received[i].audio, fileBytes(expected)) << "the audio sent is not the line's";
  }
  // The span covers the line and its margins (0.2 s on each side, within the scene)
  EXPECT_GE(totalFrames, int(speech.duration * kFps));
  EXPECT_LE(totalFrames, int((speech.duration + 0.4) * kFps) + 2);

  // The output shows the synced frames where the line is spoken
  const media::ProbeResult out = media::probe(outputPath());
  ASSERT_NE(out.video(), nullptr);
  int marked = 0;
  for (const FrameLuma& l : frameLumas(outputPath(), 8)) marked += l.corner > 225.0;
  EXPECT_EQ(marked, totalFrames) << "every synced frame, once, in the render";

  // A second render pays nothing and sends nothing; the estimate says the line is synced
  const int creates = server->count("POST", "/v2/generate");
  EXPECT_EQ(estimate().lipSyncToGenerate, 0);
  const model::Id again = render();
  EXPECT_EQ(server->count("POST", "/v2/generate"), creates);
  EXPECT_EQ(eventsOfKind(again, QStringLiteral("lipsync.spliced")), received.size());

  // Switched off: the original picture, and nothing is sent
  model::DialogueLine off = openStore()->dialogueLines(sceneId).first();
  off.lipSync = false;
  openStore()->updateDialogueLine(off);
  EXPECT_EQ(estimate().lipSyncLines, 0);
  render();
  EXPECT_EQ(server->count("POST", "/v2/generate"), creates);
  int stillMarked = 0;
  for (const FrameLuma& l : frameLumas(outputPath(), 8)) stillMarked += l.corner > 225.0;
  EXPECT_EQ(stillMarked, 0);

  // No key in any file the render wrote
  const QByteArray key = server->tokens().sync;
  for (const QString& root : {cacheFolder(), projectFolder()}) {
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
      const QString path = it.next();
      EXPECT_FALSE(fileBytes(path).contains(key)) << path.toStdString();
    }
  }
}

TEST_F(RenderCloudLipSync, WithoutABackendTheLineRendersAsGeneratedAndSaysSo) {
  const model::Id job = renderAndWait(lipRequest());
  const auto row = openStore()->job(job);
  ASSERT_TRUE(row && row->status == model::JobStatus::Completed);
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("lipsync.off")), 1);
  EXPECT_EQ(server->count("POST", "/v2/generate"), 0);
}
