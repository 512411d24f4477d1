#include "providers/cloud/cloud_setup.h"

#include "media/media_error.h"
#include "media/probe.h"

#include <QFileInfo>
#include <QMimeDatabase>

namespace sw::providers::cloud {

CloudSetup makeCloudSetup(Service service, const QJsonObject& options, SecretStore* secrets) {
  CloudSetup s;
  s.options = options;
  s.endpoint = resolveEndpoint(service, options, QProcessEnvironment::systemEnvironment(), secrets);
  const double scale = options.value("timeScale").toDouble(1.0);
  s.clock = scale == 1.0 ? systemClock() : std::make_shared<const ScaledClock>(scale);
  s.retry.maxAttempts = std::max(1, options.value("maxAttempts").toInt(5));
  return s;
}

CloudSetup makeCloudSetup(Service service, const QJsonObject& options) {
  if (service == Service::Ollama || !options.value("useKeychain").toBool(true)) {
    return makeCloudSetup(service, options, nullptr);
  }
  const auto store = makeKeychainStore();
  return makeCloudSetup(service, options, store.get());
}

HttpClient makeHttpClient(const CloudSetup& setup, const GenerationContext& ctx) {
  HttpClient::Options o;
  o.clock = setup.clock;
  o.retry = setup.retry;
  const auto flag = ctx.cancelFlag;
  o.cancelled = [flag] { return flag && flag->load(); };
  return HttpClient(o);
}

GenerationResult resultFromFile(const QString& path, const QByteArray& contentType) {
  GenerationResult r;
  r.filePath = QFileInfo(path).absoluteFilePath();
  const QString type = QString::fromLatin1(contentType).section(';', 0, 0).trimmed();
  r.mime = type.isEmpty() || type == "application/octet-stream"
               ? QMimeDatabase().mimeTypeForFile(path).name()
               : type;
  try {
    sw::media::ProbeOptions options;
    options.keyframes = false;
    const auto info = sw::media::probe(path, options);
    if (const auto* v = info.video()) {
      r.width = v->width;
      r.height = v->height;
    }
    if (!r.mime.startsWith("image/")) r.duration = info.duration;
  } catch (const sw::media::MediaError&) {
    // Already verified by the download; a probe failure here only leaves the sizes at 0.
  }
  return r;
}

}  // namespace sw::providers::cloud
