// What the scene commands share: `--scene N` resolution and the context sceneState() needs
// (the model registry, the asset cache and the backends from the user's settings).
#pragma once

#include <memory>

#include "command.h"
#include "model/project_store.h"
#include "providers/asset_cache.h"
#include "providers/model_registry.h"
#include "render/app_settings.h"
#include "render/render_estimate.h"
#include "render/scene_state.h"

namespace sw::cli {

// --scene N: the 1-based position if in range, else a scene id.
inline model::Id resolveScene(model::ProjectStore& store, const QString& text) {
  bool ok = false;
  const qint64 n = text.toLongLong(&ok);
  if (!ok || n <= 0)
    throw UserError(
        QStringLiteral("--scene takes a position (1, 2, ...) or a scene id, not '%1'").arg(text));
  if (auto s = store.sceneAt(int(n - 1))) return s->id;
  if (auto s = store.scene(n)) return s->id;
  throw UserError(QStringLiteral("no scene %1 in this project (it has %2; see 'scenes')")
                      .arg(n)
                      .arg(store.scenes().size()));
}

struct StateContext {
  render::AppSettings settings = render::AppSettings::load();
  std::shared_ptr<const providers::ModelRegistry> registry;  // null when it cannot be loaded
  providers::AssetCache cache{settings.effectiveCacheDirectory()};
  QString registryError;

  StateContext() {
    try {
      registry = std::make_shared<const providers::ModelRegistry>(providers::ModelRegistry::load());
    } catch (const std::exception& e) {
      registryError = QString::fromUtf8(e.what());
    }
  }
  render::StateOptions options() const {
    render::StateOptions o;
    o.backends = settings.backends;
    render::setEngineIdentities(o, settings.backendOptions);
    return o;
  }
};

}  // namespace sw::cli
