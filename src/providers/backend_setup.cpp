// makeBackendFactory(): the one place where backends are registered (plain function calls).
#include "providers/backend_factory.h"

#if __has_include("providers/local/local_backends.h")
#include "providers/local/local_backends.h"
#define SW_HAVE_LOCAL_BACKENDS 1
#endif
#if __has_include("providers/cloud/cloud_backends.h")
#include "providers/cloud/cloud_backends.h"
#define SW_HAVE_CLOUD_BACKENDS 1
#endif

namespace sw::providers {

BackendFactory makeBackendFactory(std::shared_ptr<const ModelRegistry> models,
                                  const QJsonObject& options) {
  BackendFactory factory(BackendEnvironment{std::move(models), options});
#ifdef SW_HAVE_LOCAL_BACKENDS
  registerLocalBackends(factory);
#endif
#ifdef SW_HAVE_CLOUD_BACKENDS
  registerCloudBackends(factory);
#endif
  return factory;
}

}  // namespace sw::providers
