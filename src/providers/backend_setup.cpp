// makeBackendFactory(): the one place where backends are registered (plain function calls).
#include "providers/backend_factory.h"
#include "providers/cloud/cloud_backends.h"
#include "providers/comfyui/comfyui_backends.h"
#include "providers/local/local_backends.h"

namespace sw::providers {

BackendFactory makeBackendFactory(std::shared_ptr<const ModelRegistry> models,
                                  const QJsonObject& options) {
  BackendFactory factory(BackendEnvironment{std::move(models), options});
  registerLocalBackends(factory);
  registerCloudBackends(factory);
  comfyui::registerComfyUIBackends(factory);
  return factory;
}

}  // namespace sw::providers
