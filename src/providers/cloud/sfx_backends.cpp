#include "providers/cloud/sfx_backends.h"

#include "providers/cloud/cloud_errors.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>
#include <algorithm>

namespace sw::providers::cloud {

namespace {

// USD per generation when the registry has no "sfx" price for elevenlabs (resources/models.json).
constexpr double kElevenCostPerEffect = 0.12;

QString suffixFor(const QString& format) {
  if (format.startsWith("mp3")) return QStringLiteral("mp3");
  if (format.startsWith("wav")) return QStringLiteral("wav");
  if (format.startsWith("opus")) return QStringLiteral("ogg");
  return QStringLiteral("bin");
}

}  // namespace

ElevenLabsSoundEffects::ElevenLabsSoundEffects(CloudSetup setup)
    : setup_(std::move(setup)), gate_(setup_.options.value("maxConcurrent").toInt(2)) {}

QJsonObject ElevenLabsSoundEffects::requestBody(const SoundEffectRequest& r) const {
  QJsonObject body{
      {"text", r.description.trimmed()},
      {"prompt_influence",
       std::clamp(setup_.options.value("promptInfluence").toDouble(0.3), 0.0, 1.0)},
      {"model_id",
       r.model.isEmpty()
           ? setup_.options.value("sfxModel").toString(QStringLiteral("eleven_text_to_sound_v2"))
           : r.model}};
  if (r.duration > 0.0) body["duration_seconds"] = std::clamp(r.duration, 0.5, 30.0);
  return body;
}

GenerationResult ElevenLabsSoundEffects::generate(const SoundEffectRequest& request,
                                                  const GenerationContext& ctx) {
  const QString what = QStringLiteral("ElevenLabs sound effect '%1'").arg(request.description);
  if (request.description.trimmed().isEmpty())
    throw ProviderError(ProviderError::Kind::Invalid,
                        QStringLiteral("A sound effect needs a description (e.g. thunder, door "
                                       "slam)."),
                        false);
  requireKey(setup_.endpoint);
  QElapsedTimer timer;
  timer.start();
  const QString format =
      setup_.options.value("outputFormat").toString(QStringLiteral("mp3_44100_128"));
  const QJsonObject body = requestBody(request);
  DownloadRequest d;
  d.method = "POST";
  d.url = setup_.endpoint.url(QStringLiteral("/v1/sound-generation"));
  QUrlQuery query;
  query.addQueryItem("output_format", format);
  d.url.setQuery(query);
  d.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
  d.headers = {{"xi-api-key", setup_.endpoint.apiKey.toUtf8()},
               {"Content-Type", "application/json"},
               {"Accept", "audio/*"}};
  QDir().mkpath(ctx.outputDir);
  d.directory = ctx.outputDir;
  d.suffix = suffixFor(format);
  d.expect = ExpectedMedia::Audio;
  d.destinationPath =
      QDir(ctx.outputDir)
          .filePath(QStringLiteral("sfx-%1.%2")
                        .arg(QUuid::createUuid().toString(QUuid::Id128).left(12), d.suffix));
  d.label = what;
  gate_.acquire(ctx, what);
  struct Release {
    ConcurrencyGate& gate;
    ~Release() { gate.release(); }
  } release{gate_};
  HttpClient http = makeHttpClient(setup_, ctx);
  DownloadedFile file;
  try {
    file = translateErrors(Service::ElevenLabs, [&] { return http.download(d); });
  } catch (const ProviderError& e) {
    using K = ProviderError::Kind;
    if (e.kind() != K::Network && e.kind() != K::Timeout && e.kind() != K::BadOutput) throw;
    // The connection itself failed: say where it went.
    throw ProviderError(e.kind(),
                        QStringLiteral("%1 (ElevenLabs at %2; check the network, or "
                                       "ELEVENLABS_BASE_URL)")
                            .arg(e.message(), setup_.endpoint.baseUrl.toString()),
                        e.retryable());
  }
  ctx.reportProgress(100.0, what + " ready");
  GenerationResult r = resultFromFile(file.path, file.contentType);
  r.provider = backendId();
  r.model = body.value("model_id").toString();
  r.costUsd = estimateCostUsd(request);
  r.seconds = timer.elapsed() / 1000.0;
  return r;
}

double ElevenLabsSoundEffects::estimateCostUsd(const SoundEffectRequest& request) const {
  return setup_.prices.sfx(backendId(), request.duration).value_or(kElevenCostPerEffect);
}

}  // namespace sw::providers::cloud
