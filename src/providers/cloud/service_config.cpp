#include "providers/cloud/service_config.h"

namespace sw::providers::cloud {

namespace {

QString account(Service service) { return serviceId(service) + QStringLiteral("-api-key"); }

QString keyStatus(Service service, const QString& source, const QString& keychainError) {
  const QString name = serviceName(service);
  if (service == Service::Ollama) return name + QStringLiteral(": no key needed");
  if (source == "keychain") return name + QStringLiteral(": API key from the system keychain");
  const QString why =
      keychainError.isEmpty()
          ? QString()
          : QStringLiteral(" (system keychain unavailable: %1; keys are not saved to disk)")
                .arg(keychainError);
  if (source == "environment")
    return QStringLiteral("%1: API key from %2%3").arg(name, keyVariable(service), why);
  return QStringLiteral("%1: no API key; enter it in Settings or set %2%3")
      .arg(name, keyVariable(service), why);
}

}  // namespace

QString serviceId(Service s) {
  switch (s) {
    case Service::Replicate:
      return QStringLiteral("replicate");
    case Service::ElevenLabs:
      return QStringLiteral("elevenlabs");
    case Service::OpenAI:
      return QStringLiteral("openai");
    case Service::Ollama:
      return QStringLiteral("ollama");
    case Service::Sync:
      return QStringLiteral("sync");
  }
  return {};
}

QString serviceName(Service s) {
  switch (s) {
    case Service::Replicate:
      return QStringLiteral("Replicate");
    case Service::ElevenLabs:
      return QStringLiteral("ElevenLabs");
    case Service::OpenAI:
      return QStringLiteral("OpenAI");
    case Service::Ollama:
      return QStringLiteral("Ollama");
    case Service::Sync:
      return QStringLiteral("Sync");
  }
  return {};
}

QString keyVariable(Service s) {
  switch (s) {
    case Service::Replicate:
      return QStringLiteral("REPLICATE_API_TOKEN");
    case Service::ElevenLabs:
      return QStringLiteral("ELEVENLABS_API_KEY");
    case Service::OpenAI:
      return QStringLiteral("OPENAI_API_KEY");
    case Service::Ollama:
      return {};
    case Service::Sync:
      return QStringLiteral("SYNC_API_KEY");
  }
  return {};
}

QString baseUrlVariable(Service s) {
  switch (s) {
    case Service::Replicate:
      return QStringLiteral("REPLICATE_BASE_URL");
    case Service::ElevenLabs:
      return QStringLiteral("ELEVENLABS_BASE_URL");
    case Service::OpenAI:
      return QStringLiteral("OPENAI_BASE_URL");
    case Service::Ollama:
      return QStringLiteral("OLLAMA_HOST");
    case Service::Sync:
      return QStringLiteral("SYNC_BASE_URL");
  }
  return {};
}

QUrl defaultBaseUrl(Service s) {
  switch (s) {
    case Service::Replicate:
      return QUrl(QStringLiteral("https://api.replicate.com"));
    case Service::ElevenLabs:
      return QUrl(QStringLiteral("https://api.elevenlabs.io"));
    case Service::OpenAI:
      return QUrl(QStringLiteral("https://api.openai.com/v1"));
    case Service::Ollama:
      return QUrl(QStringLiteral("http://127.0.0.1:11434"));
    case Service::Sync:
      return QUrl(QStringLiteral("https://api.sync.so"));
  }
  return {};
}

QUrl normaliseBaseUrl(Service service, const QString& text) {
  QString t = text.trimmed();
  if (t.isEmpty()) return {};
  if (!t.contains(QStringLiteral("://"))) t.prepend(QStringLiteral("http://"));
  while (t.endsWith('/')) t.chop(1);
  if (service == Service::Replicate && t.endsWith(QStringLiteral("/v1"))) t.chop(3);
  if (service == Service::Sync && t.endsWith(QStringLiteral("/v2"))) t.chop(3);
  QUrl url(t);
  if (service == Service::Ollama) {
    if (url.port() < 0) url.setPort(11434);
    if (url.host() == QLatin1String("0.0.0.0") || url.host().isEmpty())
      url.setHost(QStringLiteral("127.0.0.1"));
  }
  return url.isValid() ? url : QUrl();
}

QUrl ServiceEndpoint::url(const QString& path) const {
  return QUrl(baseUrl.toString(QUrl::StripTrailingSlash) + path);
}

bool ServiceEndpoint::sameHost(const QUrl& other) const {
  return other.scheme() == baseUrl.scheme() &&
         other.host().compare(baseUrl.host(), Qt::CaseInsensitive) == 0 &&
         other.port(other.scheme() == "https" ? 443 : 80) ==
             baseUrl.port(baseUrl.scheme() == "https" ? 443 : 80);
}

ServiceEndpoint resolveEndpoint(Service service, const QJsonObject& options,
                                const QProcessEnvironment& environment, SecretStore* secrets) {
  ServiceEndpoint e;
  e.service = service;
  e.baseUrl = normaliseBaseUrl(service, options.value("baseUrl").toString());
  if (e.baseUrl.isEmpty())
    e.baseUrl = normaliseBaseUrl(service, environment.value(baseUrlVariable(service)));
  if (e.baseUrl.isEmpty()) e.baseUrl = defaultBaseUrl(service);
  QString keychainError;
  if (service != Service::Ollama) {
    if (secrets && options.value("useKeychain").toBool(true)) {
      const auto r = secrets->read(account(service));
      keychainError = r.error;
      if (r.error.isEmpty() && !r.value.isEmpty()) {
        e.apiKey = r.value;
        e.keySource = QStringLiteral("keychain");
      }
    }
    if (e.apiKey.isEmpty() && !environment.value(keyVariable(service)).isEmpty()) {
      e.apiKey = environment.value(keyVariable(service)).trimmed();
      e.keySource = QStringLiteral("environment");
    }
  }
  e.status = keyStatus(service, e.keySource, keychainError);
  return e;
}

QString storeApiKey(Service service, const QString& key, SecretStore& secrets) {
  const QString error =
      key.isEmpty() ? secrets.remove(account(service)) : secrets.write(account(service), key);
  if (error.isEmpty()) return {};
  return QStringLiteral(
             "%1 key not saved: the system keychain is unavailable (%2). Set %3 in the environment "
             "instead.")
      .arg(serviceName(service), error, keyVariable(service));
}

}  // namespace sw::providers::cloud
