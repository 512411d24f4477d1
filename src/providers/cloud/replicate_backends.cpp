#include "providers/cloud/replicate_backends.h"

#include "providers/cloud/cloud_errors.h"
#include "providers/cloud/replicate_inputs.h"
#include "providers/model_registry.h"

#include <QElapsedTimer>

namespace sw::providers::cloud {

namespace {

// Prices (USD) used when the registry's "services" section has none for "replicate" (a user's
// models.json may replace it); the registry carries the video ones in each model.
constexpr double kImageCost = 0.003;
constexpr double kMusicCostPerSecond = 0.0023;
constexpr double kSpeechCostPer1kChars = 0.06;

}  // namespace

GenerationResult ReplicateBackend::run(PredictionJob job, const GenerationContext& ctx,
                                       const QString& modelLabel, double cost) const {
  requireKey(setup_.endpoint);
  QElapsedTimer timer;
  timer.start();
  HttpClient http = makeHttpClient(setup_, ctx);
  ReplicateClient client(setup_.endpoint, http);
  const PredictionOutput out = runPrediction(client, job, ctx);
  GenerationResult r = resultFromFile(out.file.path, out.file.contentType);
  r.costUsd = cost;
  r.seconds = timer.elapsed() / 1000.0;
  r.provider = backendId();
  r.model = modelLabel;
  r.remoteId = out.prediction.id;
  if (!ctx.resumeRemoteId.isEmpty())
    r.notes << QStringLiteral("resumed prediction %1").arg(ctx.resumeRemoteId);
  return r;
}

GenerationResult ReplicateVideo::generate(const VideoRequest& request,
                                          const GenerationContext& ctx) {
  ModelRegistry::validate(request);  // refuse before any money is spent
  PredictionJob job;
  job.model = videoModel(request.model);
  job.what = QStringLiteral("Video chunk (%1)")
                 .arg(request.model.key.isEmpty() ? request.model.modelId : request.model.key);
  if (request.model.maxSeconds > 0) {  // the model registry's own bound wins
    job.deadlineMs = qint64(request.model.maxSeconds * 1000.0);
    job.deadlineOrigin =
        QStringLiteral("max_seconds of model %1 in the model registry").arg(request.model.key);
  } else {
    job.deadlineMs = setup_.options.value("videoDeadlineSeconds").toInt(20 * 60) * 1000LL;
    job.deadlineOrigin = QStringLiteral(
        "the video default; set max_seconds for the model in "
        "models.json to change it");
  }
  const CloudSetup& setup = setup_;
  job.input = [&request, &ctx, &setup] {
    HttpClient http = makeHttpClient(setup, ctx);
    ReplicateClient client(setup.endpoint, http);
    return videoInput(request, [&client](const QString& path) { return client.fileInput(path); });
  };
  GenerationResult r = run(job, ctx, request.model.key, estimateCostUsd(request));
  if (request.startImage.isEmpty()) r.notes << QStringLiteral("text-to-video");
  return r;
}

double ReplicateVideo::estimateCostUsd(const VideoRequest& request) const {
  const double seconds =
      request.duration > 0.0 ? request.duration : request.model.actualChunkDuration;
  return setup_.prices.videoCall(request.model, seconds).value_or(request.model.costPerCall);
}

GenerationResult ReplicateImage::generate(const ImageRequest& request,
                                          const GenerationContext& ctx) {
  PredictionJob job;
  job.model = imageModel(request.model);
  job.what = QStringLiteral("Reference image");
  job.waitSeconds = 30;
  job.deadlineMs = 5 * 60 * 1000;
  job.input = [&request] { return imageInput(request); };
  return run(job, ctx, job.model.name, estimateCostUsd(request));
}

double ReplicateImage::estimateCostUsd(const ImageRequest&) const {
  return setup_.prices.image(backendId()).value_or(kImageCost);
}

GenerationResult ReplicateMusic::generate(const MusicRequest& request,
                                          const GenerationContext& ctx) {
  PredictionJob job;
  job.model = musicModel(request.model);
  job.what = QStringLiteral("Music");
  job.deadlineMs = 15 * 60 * 1000;
  job.input = [&request] { return musicInput(request); };
  return run(job, ctx, job.model.name, estimateCostUsd(request));
}

double ReplicateMusic::estimateCostUsd(const MusicRequest& request) const {
  const double seconds = std::max(1.0, request.duration);
  return setup_.prices.music(backendId(), seconds).value_or(kMusicCostPerSecond * seconds);
}

GenerationResult ReplicateSpeech::generate(const SpeechRequest& request,
                                           const GenerationContext& ctx) {
  if (request.text.trimmed().isEmpty())
    throw ProviderError(ProviderError::Kind::Invalid,
                        QStringLiteral("Speech: the line to speak is empty."), false);
  PredictionJob job;
  job.model = speechModel(request.model);
  job.what =
      QStringLiteral("Speech for %1")
          .arg(request.character.isEmpty() ? QStringLiteral("narration") : request.character);
  job.waitSeconds = 30;
  job.deadlineMs = 5 * 60 * 1000;
  const ReplicateModel model = job.model;
  job.input = [&request, model] { return speechInput(request, model); };
  return run(job, ctx, job.model.name, estimateCostUsd(request));
}

double ReplicateSpeech::estimateCostUsd(const SpeechRequest& request) const {
  const int characters = int(request.text.size());
  return setup_.prices.speech(backendId(), characters)
      .value_or(kSpeechCostPer1kChars * characters / 1000.0);
}

QString ReplicateSpeech::defaultVoice(int characterIndex) const {
  static const QStringList voices = {"Wise_Woman",  "Deep_Voice_Man",  "Calm_Woman",
                                     "Casual_Guy",  "Friendly_Person", "Young_Knight",
                                     "Lively_Girl", "Patient_Man"};
  return voices.at(std::abs(characterIndex) % voices.size());
}

}  // namespace sw::providers::cloud
