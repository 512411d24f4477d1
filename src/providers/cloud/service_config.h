// Where each cloud service lives and which key it uses.
//  Base URL: the backend's settings option "baseUrl", else the environment
//  (REPLICATE_BASE_URL, ELEVENLABS_BASE_URL, OPENAI_BASE_URL, OLLAMA_HOST, SYNC_BASE_URL), else
//  the public default. API key: the system keychain (QtKeychain), else the environment
//  (REPLICATE_API_TOKEN, ELEVENLABS_API_KEY, OPENAI_API_KEY, SYNC_API_KEY). Where no keychain
//  service runs (headless, CI) the key comes from the environment and `status` says so. Keys are
//  never written to the project, settings, logs or exports.
#pragma once

#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>
#include <memory>

namespace sw::providers::cloud {

enum class Service { Replicate, ElevenLabs, OpenAI, Ollama, Sync };

QString serviceId(Service service);        // "replicate", "elevenlabs", "openai", "ollama", "sync"
QString serviceName(Service service);      // "Replicate", "ElevenLabs", "OpenAI", "Ollama"
QString keyVariable(Service service);      // "REPLICATE_API_TOKEN"... (empty for Ollama)
QString baseUrlVariable(Service service);  // "REPLICATE_BASE_URL"... "OLLAMA_HOST"
QUrl defaultBaseUrl(Service service);

// Secret storage. read() returns the value, or an error text when the store cannot answer.
class SecretStore {
 public:
  struct Result {
    QString value;
    QString error;  // empty = the store answered (value may still be empty: no entry)
  };
  virtual ~SecretStore() = default;
  virtual Result read(const QString& account) = 0;
  virtual QString write(const QString& account, const QString& secret) = 0;  // error or empty
  virtual QString remove(const QString& account) = 0;                        // error or empty
};

// The system keychain through QtKeychain (service "Scenewright"). In a build without QtKeychain
// every call answers with an error, so keys come from the environment. Usable from any thread:
// each call runs its job on the one keychain thread and waits for the answer (at most 5 s,
// then "no answer from the keychain service"), so call it off the GUI thread.
std::unique_ptr<SecretStore> makeKeychainStore();

struct ServiceEndpoint {
  Service service = Service::Replicate;
  QUrl baseUrl;       // normalised: no trailing slash
  QString apiKey;     // secret: never log, never persist
  QString keySource;  // "keychain", "environment", "" (none)
  QString status;     // one line for the settings UI / CLI
  bool hasKey() const { return !apiKey.isEmpty(); }
  QUrl url(const QString& path) const;  // baseUrl + path
  // True when `url` is on this service's host and port (tokens go only there).
  bool sameHost(const QUrl& url) const;
};

// Resolves one service. `options` is the backend's settings object ({"baseUrl": ...,
// "useKeychain": false}); `secrets` may be null (no keychain).
ServiceEndpoint resolveEndpoint(Service service, const QJsonObject& options,
                                const QProcessEnvironment& environment, SecretStore* secrets);

// Normalises a user-typed base URL for the service (adds http:// and the default port to an
// OLLAMA_HOST such as "127.0.0.1:11434", drops a trailing "/v1" from Replicate's).
QUrl normaliseBaseUrl(Service service, const QString& text);

// Stores a key in the keychain; returns an error text when it cannot (never falls back to disk).
QString storeApiKey(Service service, const QString& key, SecretStore& secrets);

}  // namespace sw::providers::cloud
