// Registers the cloud backends with a BackendFactory:
//   "replicate"  video, image, music, speech
//   "elevenlabs" speech
//   "openai"     speech (any OpenAI-compatible /v1/audio/speech server)
//   "ollama"     script parsing
// Each reads its options from BackendEnvironment::optionsFor(id) (see cloud_setup.h) and its key
// from the keychain or the environment when the backend object is made.
#pragma once

#include "providers/backend_factory.h"

namespace sw::providers {

void registerCloudBackends(BackendFactory& factory);

}  // namespace sw::providers
