// registerLocalBackends: adds the "local" backend (no network, no keys) for every capability
// except lip sync: Fountain script parser, drawn reference images, drawn video chunks, espeak-ng
// speech, synthesised music and sound effects.
#pragma once

#include "providers/backend_factory.h"

namespace sw::providers {

void registerLocalBackends(BackendFactory& factory);

}  // namespace sw::providers
