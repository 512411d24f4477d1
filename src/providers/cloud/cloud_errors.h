// Turns HTTP-layer failures into the ProviderError every backend throws, with words that say
// which service, what happened and what to do.
#pragma once

#include "providers/cloud/http_types.h"
#include "providers/cloud/service_config.h"
#include "providers/provider_error.h"

namespace sw::providers::cloud {

ProviderError toProviderError(Service service, const HttpError& error);

// Runs fn and converts any HttpError it throws.
template <class Fn>
auto translateErrors(Service service, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const HttpError& e) {
    throw toProviderError(service, e);
  }
}

// "Replicate: no API key; ..." when the endpoint has none (Ollama never needs one).
void requireKey(const ServiceEndpoint& endpoint);

}  // namespace sw::providers::cloud
