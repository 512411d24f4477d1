#include "providers/cloud/tts_backends.h"

#include "providers/cloud/cloud_errors.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>

namespace sw::providers::cloud {

namespace {

// Per 1,000 characters (USD), used when the registry's "services" section has no price for the
// backend; the same figures as resources/models.json.
constexpr double kElevenCostPer1kChars = 0.10;
constexpr double kOpenAiCostPer1kChars = 0.015;

QString outputPath(const GenerationContext& ctx, const QString& suffix) {
  QDir().mkpath(ctx.outputDir);
  return QDir(ctx.outputDir)
      .filePath(QStringLiteral("speech-%1.%2")
                    .arg(QUuid::createUuid().toString(QUuid::Id128).left(12), suffix));
}

GenerationResult finish(const DownloadedFile& file, const QString& provider, const QString& model,
                        double cost, const QElapsedTimer& timer) {
  GenerationResult r = resultFromFile(file.path, file.contentType);
  r.provider = provider;
  r.model = model;
  r.costUsd = cost;
  r.seconds = timer.elapsed() / 1000.0;
  return r;
}

QString suffixForElevenFormat(const QString& format) {
  if (format.startsWith("mp3")) return QStringLiteral("mp3");
  if (format.startsWith("wav")) return QStringLiteral("wav");
  if (format.startsWith("opus")) return QStringLiteral("ogg");
  return QStringLiteral("bin");
}

}  // namespace

void ConcurrencyGate::acquire(const GenerationContext& ctx, const QString& what) {
  while (!semaphore_.tryAcquire(1, 50)) ctx.throwIfCancelled(what);
}

// ---- ElevenLabs ---------------------------------------------------------------------------

ElevenLabsSpeech::ElevenLabsSpeech(CloudSetup setup)
    : setup_(std::move(setup)), gate_(setup_.options.value("maxConcurrent").toInt(2)) {}

QJsonObject ElevenLabsSpeech::requestBody(const SpeechRequest& r, const QString& defaultModel) {
  QJsonObject body{{"text", r.text}, {"model_id", r.model.isEmpty() ? defaultModel : r.model}};
  QJsonObject settings;
  for (const char* key : {"stability", "similarity_boost", "style", "use_speaker_boost", "speed"}) {
    if (r.voiceSettings.contains(QLatin1String(key)))
      settings[QLatin1String(key)] = r.voiceSettings.value(QLatin1String(key));
  }
  if (!settings.isEmpty()) body["voice_settings"] = settings;
  if (r.voiceSettings.contains("seed")) body["seed"] = r.voiceSettings.value("seed");
  return body;
}

GenerationResult ElevenLabsSpeech::generate(const SpeechRequest& request,
                                            const GenerationContext& ctx) {
  const QString what = QStringLiteral("ElevenLabs speech for %1")
                           .arg(request.character.isEmpty() ? "narration" : request.character);
  if (request.text.trimmed().isEmpty())
    throw ProviderError(ProviderError::Kind::Invalid, what + ": the line is empty.", false);
  requireKey(setup_.endpoint);
  QElapsedTimer timer;
  timer.start();
  const QString voice = request.voice.isEmpty() ? defaultVoice(0) : request.voice;
  const QString format =
      setup_.options.value("outputFormat").toString(QStringLiteral("mp3_44100_128"));
  const QString model =
      setup_.options.value("model").toString(QStringLiteral("eleven_multilingual_v2"));
  DownloadRequest d;
  d.method = "POST";
  d.url = setup_.endpoint.url("/v1/text-to-speech/" +
                              QString::fromLatin1(QUrl::toPercentEncoding(voice)));
  QUrlQuery query;
  query.addQueryItem("output_format", format);
  d.url.setQuery(query);
  d.body = QJsonDocument(requestBody(request, model)).toJson(QJsonDocument::Compact);
  d.headers = {{"xi-api-key", setup_.endpoint.apiKey.toUtf8()},
               {"Content-Type", "application/json"},
               {"Accept", "audio/*"}};
  d.directory = ctx.outputDir;
  d.destinationPath = outputPath(ctx, suffixForElevenFormat(format));
  d.suffix = suffixForElevenFormat(format);
  d.label = what;
  gate_.acquire(ctx, what);
  try {
    HttpClient http = makeHttpClient(setup_, ctx);
    const DownloadedFile file =
        translateErrors(Service::ElevenLabs, [&] { return http.download(d); });
    gate_.release();
    ctx.reportProgress(100.0, what + " ready");
    return finish(file, backendId(), request.model.isEmpty() ? model : request.model,
                  estimateCostUsd(request), timer);
  } catch (...) {
    gate_.release();
    throw;
  }
}

double ElevenLabsSpeech::estimateCostUsd(const SpeechRequest& request) const {
  const int characters = int(request.text.size());
  return setup_.prices.speech(backendId(), characters)
      .value_or(kElevenCostPer1kChars * characters / 1000.0);
}

QString ElevenLabsSpeech::defaultVoice(int characterIndex) const {
  static const QStringList voices = {"JBFqnCBsd6RMkjVDRZzb", "21m00Tcm4TlvDq8ikWAM",
                                     "pNInz6obpgDQGcFmaJgB", "EXAVITQu4vr4xnSDxMaL",
                                     "TxGEqnHWrfWFTfGW9XjX", "AZnzlk1XvdvUeBnXmlld"};
  return voices.at(std::abs(characterIndex) % voices.size());
}

// ---- OpenAI-compatible ----------------------------------------------------------------------

GenerationResult OpenAiSpeech::generate(const SpeechRequest& request,
                                        const GenerationContext& ctx) {
  const QString what = QStringLiteral("OpenAI speech for %1")
                           .arg(request.character.isEmpty() ? "narration" : request.character);
  const QStringList pieces = splitForSpeech(request.text);
  if (pieces.isEmpty())
    throw ProviderError(ProviderError::Kind::Invalid, what + ": the line is empty.", false);
  requireKey(setup_.endpoint);
  QElapsedTimer timer;
  timer.start();
  const QString model = request.model.isEmpty()
                            ? setup_.options.value("model").toString("gpt-4o-mini-tts")
                            : request.model;
  HttpClient http = makeHttpClient(setup_, ctx);
  QStringList parts;
  const auto cleanup = [&parts] {
    for (const auto& p : parts) QFile::remove(p);
  };
  try {
    for (int i = 0; i < pieces.size(); ++i) {
      QJsonObject body{{"model", model},
                       {"input", pieces[i]},
                       {"voice", request.voice.isEmpty() ? defaultVoice(0) : request.voice},
                       {"response_format", "wav"},
                       {"speed", request.voiceSettings.value("speed").toDouble(1.0)}};
      if (request.voiceSettings.contains("instructions"))
        body["instructions"] = request.voiceSettings.value("instructions");
      DownloadRequest d;
      d.method = "POST";
      d.url = setup_.endpoint.url("/audio/speech");
      d.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
      d.headers = {{"Authorization", "Bearer " + setup_.endpoint.apiKey.toUtf8()},
                   {"Content-Type", "application/json"},
                   {"Accept", "application/octet-stream"}};
      d.directory = ctx.outputDir.isEmpty() ? QDir::tempPath() : ctx.outputDir;
      QDir().mkpath(d.directory);
      d.suffix = "wav";
      d.label = pieces.size() > 1
                    ? QStringLiteral("%1 (part %2 of %3)").arg(what).arg(i + 1).arg(pieces.size())
                    : what;
      parts << translateErrors(Service::OpenAI, [&] { return http.download(d); }).path;
      ctx.reportProgress(95.0 * (i + 1) / pieces.size(), d.label);
    }
    const QString out = outputPath(ctx, "wav");
    if (parts.size() == 1) {
      if (!QFile::rename(parts.first(), out))
        throw ProviderError(ProviderError::Kind::BadOutput, what + ": cannot write " + out, false);
      parts.clear();
    } else {
      joinWavFiles(parts, out);
      cleanup();
    }
    ctx.reportProgress(100.0, what + " ready");
    return finish({out, 0, "audio/wav"}, backendId(), model, estimateCostUsd(request), timer);
  } catch (...) {
    cleanup();
    throw;
  }
}

double OpenAiSpeech::estimateCostUsd(const SpeechRequest& request) const {
  const int characters = int(request.text.size());
  return setup_.prices.speech(backendId(), characters)
      .value_or(kOpenAiCostPer1kChars * characters / 1000.0);
}

QString OpenAiSpeech::defaultVoice(int characterIndex) const {
  static const QStringList voices = {"alloy", "onyx",  "nova", "echo",
                                     "coral", "fable", "sage", "shimmer"};
  return voices.at(std::abs(characterIndex) % voices.size());
}

}  // namespace sw::providers::cloud
