// Replicate through the real backends: lifecycle, Prefer: wait, model field names, Files API,
// resume by id.
#include "cloud_fixture.h"

#include "providers/cloud/replicate_backends.h"

#include <QFileInfo>
#include <QJsonArray>
#include <mutex>

namespace sw::cloudtest {

using namespace sw::providers;
using namespace sw::providers::cloud;
using sw::fakecloud::Scenario;

namespace {

VideoRequest videoRequest(const ModelEntry& m, const QString& image) {
  VideoRequest r;
  r.prompt = "A lighthouse at dusk";
  r.direction = "slow dolly-in";
  r.seed = 42;
  r.model = m;
  r.startImage = image;
  return r;
}

}  // namespace

TEST_F(CloudTest, PollingLifecycleDownloadsVerifiedVideo) {
  Scenario s;
  s.replicate.startingPolls = 2;
  s.replicate.processingPolls = 3;
  server->setScenario(s);
  ReplicateVideo video(setup(Service::Replicate));
  GenerationContext ctx = context();
  QString reportedId;
  std::vector<double> progress;
  std::mutex m;
  ctx.remoteId = [&](const QString& id) { reportedId = id; };
  ctx.progress = [&](double p, const QString&) {
    std::lock_guard lock(m);
    progress.push_back(p);
  };
  const GenerationResult r = video.generate(videoRequest(model("hailuo"), fixtures().png), ctx);

  EXPECT_TRUE(QFileInfo::exists(r.filePath));
  EXPECT_EQ(r.mime, "video/mp4");
  EXPECT_NEAR(r.duration, 1.0, 0.2);
  EXPECT_EQ(r.width, 320);
  EXPECT_EQ(r.provider, "replicate");
  EXPECT_EQ(r.remoteId, reportedId);
  EXPECT_EQ(server->predictionCount(), 1);
  EXPECT_EQ(server->prediction(reportedId).value("status").toString(), "succeeded");
  EXPECT_EQ(server->count("POST", "/v1/models/minimax/hailuo-2.3-fast/predictions"), 1);
  EXPECT_EQ(server->count("GET", "/v1/predictions/"), 2 + 3 + 1);  // starting, processing, terminal
  EXPECT_EQ(server->count("GET", "/delivery/"), 1);
  // tqdm logs became real percentages between the status stages and 100
  EXPECT_TRUE(
      std::any_of(progress.begin(), progress.end(), [](double p) { return p > 10.0 && p < 95.0; }));
  EXPECT_DOUBLE_EQ(progress.back(), 100.0);
  EXPECT_EQ(outputFiles(), 1);
}

TEST_F(CloudTest, ImageToVideoUsesEachModelsOwnFieldName) {
  ReplicateVideo video(setup(Service::Replicate));
  video.generate(videoRequest(model("hailuo"), fixtures().png), context());
  video.generate(videoRequest(model("wan"), fixtures().png), context());
  const auto creates = server->requests("POST", "/v1/models/");
  ASSERT_EQ(creates.size(), 2);
  const QJsonObject hailuo = creates[0].json().value("input").toObject();
  const QJsonObject wan = creates[1].json().value("input").toObject();
  EXPECT_TRUE(hailuo.value("first_frame_image").toString().startsWith("data:image/png;base64,"));
  EXPECT_FALSE(hailuo.contains("image"));
  EXPECT_EQ(hailuo.value("duration").toInt(), 6);  // hailuo accepts 6 or 10 s; 5 s planned -> 6
  EXPECT_EQ(hailuo.value("resolution").toString(), "768p");
  EXPECT_FALSE(hailuo.value("prompt_optimizer").toBool(true));
  EXPECT_TRUE(wan.value("image").toString().startsWith("data:image/png;base64,"));
  EXPECT_FALSE(wan.contains("first_frame_image"));
  EXPECT_EQ(wan.value("max_area").toString(), "832x480");
  EXPECT_EQ(wan.value("seed").toInt(), 42);
  EXPECT_EQ(hailuo.value("prompt").toString(), "A lighthouse at dusk. slow dolly-in");
}

TEST_F(CloudTest, TextToVideoByVersionSendsNoImage) {
  ReplicateVideo video(setup(Service::Replicate));
  const GenerationResult r = video.generate(videoRequest(model("zeroscope"), {}), context());
  EXPECT_TRUE(r.notes.contains("text-to-video"));
  const auto creates = server->requests("POST", "/v1/predictions");
  ASSERT_EQ(creates.size(), 1);
  EXPECT_EQ(creates[0].json().value("version").toString(), model("zeroscope").version);
  EXPECT_FALSE(creates[0].json().value("input").toObject().contains("image"));
}

TEST_F(CloudTest, LargeStartImageGoesThroughFilesApi) {
  ASSERT_GT(QFileInfo(fixtures().bigPng).size(), 256 * 1024);
  ReplicateVideo video(setup(Service::Replicate));
  video.generate(videoRequest(model("wan"), fixtures().bigPng), context());
  ASSERT_EQ(server->count("POST", "/v1/files"), 1);
  const QString image = server->requests("POST", "/v1/models/")[0]
                            .json()
                            .value("input")
                            .toObject()
                            .value("image")
                            .toString();
  EXPECT_TRUE(image.startsWith(server->url("/v1/files/").toString())) << image.toStdString();
  EXPECT_TRUE(server->dataUriSizes().isEmpty());
}

TEST_F(CloudTest, PreferWaitTerminalNeedsNoPolling) {
  Scenario s;
  s.replicate.jobDurationMs = 2000;  // done well inside wait=30
  server->setScenario(s);
  ReplicateImage image(setup(Service::Replicate));
  ImageRequest req;
  req.prompt = "lighthouse";
  const GenerationResult r = image.generate(req, context());
  EXPECT_EQ(r.mime, "image/png");
  const auto creates =
      server->requests("POST", "/v1/models/black-forest-labs/flux-schnell/predictions");
  ASSERT_EQ(creates.size(), 1);
  EXPECT_EQ(creates[0].header("Prefer"), "wait=30");
  EXPECT_EQ(server->count("GET", "/v1/predictions/"), 0);
}

TEST_F(CloudTest, PreferWaitIncompleteFallsBackToPolling) {
  Scenario s;
  s.replicate.jobDurationMs = 90000;  // longer than wait=30: the 201 is still processing
  s.replicate.outputWhileProcessing = true;
  s.replicate.processingPolls = 2;
  server->setScenario(s);
  ReplicateImage image(setup(Service::Replicate));
  ImageRequest req;
  req.prompt = "lighthouse";
  const GenerationResult r = image.generate(req, context());
  EXPECT_TRUE(QFileInfo::exists(r.filePath));
  EXPECT_GE(server->count("GET", "/v1/predictions/"),
            2);  // polled on although output was already set
  EXPECT_EQ(server->predictionCount(), 1);
}

TEST_F(CloudTest, ResumePollsStoredIdInsteadOfCreating) {
  ReplicateMusic music(setup(Service::Replicate));
  MusicRequest req;
  req.prompt = "tense strings";
  req.duration = 4;
  GenerationContext first = context();
  QString id;
  first.remoteId = [&](const QString& remote) { id = remote; };
  music.generate(req, first);
  ASSERT_FALSE(id.isEmpty());
  server->clearLog();
  GenerationContext resume = context();
  resume.resumeRemoteId = id;
  const GenerationResult r = music.generate(req, resume);
  EXPECT_EQ(r.remoteId, id);
  EXPECT_EQ(server->count("POST", "/v1/"), 0);
  EXPECT_EQ(server->count("GET", "/v1/predictions/" + id), 1);
  EXPECT_EQ(server->predictionCount(), 1);
  EXPECT_EQ(server->requests("GET", "/delivery/").size(), 1);
}

TEST_F(CloudTest, MusicAndSpeechUseTheirModelsInputs) {
  ReplicateMusic music(setup(Service::Replicate));
  MusicRequest m;
  m.prompt = "strings";
  m.mood = "tense";
  m.tempo = 90;
  m.duration = 12.3;
  EXPECT_EQ(music.generate(m, context()).mime, "audio/wav");
  ReplicateSpeech speech(setup(Service::Replicate));
  SpeechRequest sp;
  sp.text = "Cut to black.";
  sp.character = "MARA";
  EXPECT_GT(speech.generate(sp, context()).duration, 0.5);
  const QJsonObject musicInput =
      server->requests("POST", "/v1/predictions")[0].json().value("input").toObject();
  EXPECT_EQ(musicInput.value("prompt").toString(), "strings, tense, 90 bpm");
  EXPECT_EQ(musicInput.value("duration").toInt(), 13);
  const QJsonObject speechInput = server->requests("POST", "/v1/models/minimax/speech-02-turbo")[0]
                                      .json()
                                      .value("input")
                                      .toObject();
  EXPECT_EQ(speechInput.value("voice_id").toString(), "Wise_Woman");
  EXPECT_EQ(speechInput.value("audio_format").toString(), "wav");
}

}  // namespace sw::cloudtest
