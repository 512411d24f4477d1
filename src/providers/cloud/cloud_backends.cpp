#include "providers/cloud/cloud_backends.h"

#include "providers/cloud/ollama_script.h"
#include "providers/cloud/replicate_backends.h"
#include "providers/cloud/replicate_lipsync.h"
#include "providers/cloud/sfx_backends.h"
#include "providers/cloud/sync_lipsync.h"
#include "providers/cloud/tts_backends.h"
#include "providers/model_registry.h"

namespace sw::providers {

namespace {

template <class T>
std::shared_ptr<T> make(cloud::Service service, const BackendEnvironment& env) {
  cloud::CloudSetup setup =
      cloud::makeCloudSetup(service, env.optionsFor(cloud::serviceId(service)));
  if (env.models) setup.prices = env.models->prices();  // what the estimate and budget use
  return std::make_shared<T>(std::move(setup));
}

}  // namespace

void registerCloudBackends(BackendFactory& factory) {
  using cloud::Service;
  factory.addVideo("replicate", [](const BackendEnvironment& env) {
    return make<cloud::ReplicateVideo>(Service::Replicate, env);
  });
  factory.addImage("replicate", [](const BackendEnvironment& env) {
    return make<cloud::ReplicateImage>(Service::Replicate, env);
  });
  factory.addMusic("replicate", [](const BackendEnvironment& env) {
    return make<cloud::ReplicateMusic>(Service::Replicate, env);
  });
  factory.addSpeech("replicate", [](const BackendEnvironment& env) {
    return make<cloud::ReplicateSpeech>(Service::Replicate, env);
  });
  factory.addSpeech("elevenlabs", [](const BackendEnvironment& env) {
    return make<cloud::ElevenLabsSpeech>(Service::ElevenLabs, env);
  });
  factory.addSoundEffect("elevenlabs", [](const BackendEnvironment& env) {
    return make<cloud::ElevenLabsSoundEffects>(Service::ElevenLabs, env);
  });
  factory.addSpeech("openai", [](const BackendEnvironment& env) {
    return make<cloud::OpenAiSpeech>(Service::OpenAI, env);
  });
  // Lip sync: the registry's "lipsync" section says which models each backend runs.
  factory.addLipSync("replicate", [](const BackendEnvironment& env) {
    cloud::CloudSetup setup =
        cloud::makeCloudSetup(Service::Replicate, env.optionsFor(QStringLiteral("replicate")));
    return std::make_shared<cloud::ReplicateLipSync>(
        std::move(setup), env.models ? env.models->lipSync() : LipSyncModels());
  });
  factory.addLipSync("sync", [](const BackendEnvironment& env) {
    cloud::CloudSetup setup =
        cloud::makeCloudSetup(Service::Sync, env.optionsFor(QStringLiteral("sync")));
    return std::make_shared<cloud::SyncLipSync>(
        std::move(setup), env.models ? env.models->lipSync() : LipSyncModels());
  });
  factory.addScriptParser("ollama", [](const BackendEnvironment& env) {
    return make<cloud::OllamaScriptParser>(Service::Ollama, env);
  });
}

}  // namespace sw::providers
