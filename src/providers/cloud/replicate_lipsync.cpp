#include "providers/cloud/replicate_lipsync.h"

#include "providers/cloud/sync_lipsync.h"

namespace sw::providers::cloud {

ReplicateLipSync::ReplicateLipSync(CloudSetup setup, LipSyncModels models)
    : ReplicateBackend(std::move(setup)), models_(std::move(models)) {}

QJsonObject lipSyncInput(const LipSyncModel& model, const QString& video, const QString& audio,
                         const std::function<QString(const QString&)>& fileInput) {
  QJsonObject in = model.fixedInputs;
  in[model.videoField] = fileInput(video);
  in[model.audioField] = fileInput(audio);
  return in;
}

GenerationResult ReplicateLipSync::generate(const LipSyncRequest& request,
                                            const GenerationContext& ctx) {
  const LipSyncModel& model = models_.resolve(backendId(), request.model);
  checkLipSyncInputs(request, QStringLiteral("Replicate"));
  PredictionJob job;
  const bool byVersion = model.endpoint == QLatin1String("version") && !model.version.isEmpty();
  job.model = ReplicateModel{model.modelId, byVersion ? model.version : QString()};
  job.what = QStringLiteral("Lip sync (%1)").arg(model.key);
  job.deadlineMs = qint64((model.maxSeconds > 0 ? model.maxSeconds : 15 * 60) * 1000);
  job.deadlineOrigin = QStringLiteral("max_seconds of lip-sync model %1").arg(model.key);
  const CloudSetup& setup = setup_;
  job.input = [&request, &ctx, &setup, &model] {
    HttpClient http = makeHttpClient(setup, ctx);
    ReplicateClient client(setup.endpoint, http);
    return lipSyncInput(model, request.video, request.audio,
                        [&client](const QString& path) { return client.fileInput(path); });
  };
  return run(job, ctx, model.key, estimateCostUsd(request));
}

double ReplicateLipSync::estimateCostUsd(const LipSyncRequest& request) const {
  return models_.resolve(backendId(), request.model)
      .price(mediaSeconds(request.video))
      .value_or(0.0);
}

}  // namespace sw::providers::cloud
