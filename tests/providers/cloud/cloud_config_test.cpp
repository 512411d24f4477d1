// Service configuration: base URLs, keys from keychain or environment, and the backends'
// registration with the factory.
#include "cloud_fixture.h"

#include "providers/backend_factory.h"
#include "providers/cloud/cloud_backends.h"
#include "providers/cloud/service_config.h"

namespace sw::cloudtest {

using namespace sw::providers;
using namespace sw::providers::cloud;

namespace {

class FakeSecrets final : public SecretStore {
 public:
  QString error;
  QHash<QString, QString> values;
  Result read(const QString& account) override {
    return {error.isEmpty() ? values.value(account) : QString(), error};
  }
  QString write(const QString& account, const QString& secret) override {
    if (error.isEmpty()) values[account] = secret;
    return error;
  }
  QString remove(const QString& account) override {
    values.remove(account);
    return error;
  }
};

QProcessEnvironment env(std::initializer_list<std::pair<QString, QString>> vars) {
  QProcessEnvironment e;
  for (const auto& [k, v] : vars) e.insert(k, v);
  return e;
}

}  // namespace

TEST(CloudConfig, HeadlessKeychainFallsBackToEnvironmentAndSaysSo) {
  FakeSecrets secrets;
  secrets.error = "No Secret Service running";
  const auto e =
      resolveEndpoint(Service::Replicate, {}, env({{"REPLICATE_API_TOKEN", "r8_env"}}), &secrets);
  EXPECT_EQ(e.apiKey, "r8_env");
  EXPECT_EQ(e.keySource, "environment");
  EXPECT_TRUE(e.status.contains("REPLICATE_API_TOKEN"));
  EXPECT_TRUE(e.status.contains("No Secret Service running"));
  EXPECT_FALSE(e.status.contains("r8_env"));
  EXPECT_EQ(e.baseUrl, QUrl("https://api.replicate.com"));
  const QString stored = storeApiKey(Service::Replicate, "r8_new", secrets);
  EXPECT_TRUE(stored.contains("not saved"));
  EXPECT_FALSE(stored.contains("r8_new"));
}

TEST(CloudConfig, KeychainWinsOverEnvironment) {
  FakeSecrets secrets;
  EXPECT_TRUE(storeApiKey(Service::ElevenLabs, "sk_chain", secrets).isEmpty());
  const auto e =
      resolveEndpoint(Service::ElevenLabs, {}, env({{"ELEVENLABS_API_KEY", "sk_env"}}), &secrets);
  EXPECT_EQ(e.apiKey, "sk_chain");
  EXPECT_EQ(e.keySource, "keychain");
  const auto none = resolveEndpoint(Service::OpenAI, {}, env({}), &secrets);
  EXPECT_FALSE(none.hasKey());
  EXPECT_TRUE(none.status.contains("OPENAI_API_KEY"));
}

TEST(CloudConfig, BaseUrlsFromSettingsThenEnvironment) {
  const auto fromEnv = resolveEndpoint(
      Service::Replicate, {}, env({{"REPLICATE_BASE_URL", "http://127.0.0.1:9/v1/"}}), nullptr);
  EXPECT_EQ(fromEnv.baseUrl, QUrl("http://127.0.0.1:9"));
  const auto fromSettings =
      resolveEndpoint(Service::Replicate, {{"baseUrl", "http://10.0.0.2:8"}},
                      env({{"REPLICATE_BASE_URL", "http://127.0.0.1:9"}}), nullptr);
  EXPECT_EQ(fromSettings.baseUrl, QUrl("http://10.0.0.2:8"));
  EXPECT_EQ(
      resolveEndpoint(Service::Ollama, {}, env({{"OLLAMA_HOST", "0.0.0.0"}}), nullptr).baseUrl,
      QUrl("http://127.0.0.1:11434"));
  EXPECT_EQ(resolveEndpoint(Service::OpenAI, {},
                            env({{"OPENAI_BASE_URL", "http://localhost:8880/v1"}}), nullptr)
                .url("/audio/speech"),
            QUrl("http://localhost:8880/v1/audio/speech"));
  EXPECT_EQ(resolveEndpoint(Service::ElevenLabs, {}, env({}), nullptr).baseUrl,
            QUrl("https://api.elevenlabs.io"));
}

TEST(CloudConfig, BackendsAreRegisteredForTheirCapabilities) {
  BackendFactory factory(
      BackendEnvironment{nullptr, QJsonObject{{"replicate", QJsonObject{{"useKeychain", false}}}}});
  registerCloudBackends(factory);
  EXPECT_TRUE(factory.has(Capability::Video, "replicate"));
  EXPECT_TRUE(factory.has(Capability::Image, "replicate"));
  EXPECT_TRUE(factory.has(Capability::Music, "replicate"));
  EXPECT_TRUE(factory.has(Capability::Speech, "replicate"));
  EXPECT_TRUE(factory.has(Capability::Speech, "elevenlabs"));
  EXPECT_TRUE(factory.has(Capability::Speech, "openai"));
  EXPECT_TRUE(factory.has(Capability::Script, "ollama"));
  EXPECT_EQ(factory.video("replicate")->backendId(), "replicate");
}

}  // namespace sw::cloudtest
