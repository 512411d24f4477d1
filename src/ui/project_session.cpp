#include "ui/project_session.h"

#include <QGuiApplication>
#include <QUndoStack>

#include "providers/asset_cache.h"
#include "providers/model_registry.h"
#include "render/app_settings.h"
#include "render/render_estimate.h"
#include "render/render_queue.h"

namespace sw::ui {

ProjectSession::ProjectSession(std::unique_ptr<model::ProjectStore> store)
    : store_(std::move(store)), undo_(new QUndoStack(this)) {
  undo_->setUndoLimit(500);
  // Files in the cache folder can change without the store (a file manager, another program):
  // a state is computed afresh when the user comes back to the app.
  if (auto* app = qobject_cast<QGuiApplication*>(QCoreApplication::instance())) {
    connect(app, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState s) {
      if (s == Qt::ApplicationActive) forgetStates();
    });
  }
}

ProjectSession::~ProjectSession() {
  // Commands may reference the session while being destroyed; clear them first.
  undo_->clear();
}

std::unique_ptr<ProjectSession> ProjectSession::create(const QString& folder, const QString& name) {
  return std::unique_ptr<ProjectSession>(
      new ProjectSession(model::ProjectStore::create(folder, name)));
}

std::unique_ptr<ProjectSession> ProjectSession::open(const QString& folder) {
  auto store = model::ProjectStore::open(folder);
  render::recoverInterruptedJobs(*store);  // jobs of a dead process show Resume
  // What a killed render left in the cache (the project folder was swept by open()).
  providers::AssetCache(render::AppSettings::load().effectiveCacheDirectory()).sweepStaleTemps();
  return std::unique_ptr<ProjectSession>(new ProjectSession(std::move(store)));
}

QString ProjectSession::projectName() { return store_->project().name; }

void ProjectSession::setModelRegistry(std::shared_ptr<const providers::ModelRegistry> registry) {
  forgetStates();
  registry_ = std::move(registry);
}

render::SceneState ProjectSession::sceneState(model::Id sceneId, const QString& modelOverride) {
  const QPair<model::Id, QString> key(sceneId, modelOverride);
  const render::AppSettings settings = render::AppSettings::load();
  const QString cacheDir = settings.effectiveCacheDirectory();
  // The video and image backends' engines (a ComfyUI workflow's hash) are part of the recipes:
  // an edited workflow file computes the state again.
  render::StateOptions options;
  options.backends = settings.backends;
  render::setEngineIdentities(options, settings.backendOptions);
  QJsonObject backends = settings.backends.toJson();
  backends.insert(QStringLiteral("videoEngine"), options.videoEngine);
  backends.insert(QStringLiteral("imageEngine"), options.imageEngine);
  const qint64 stamp = store_->contentStamp();
  const auto kept = states_.constFind(key);
  if (kept != states_.constEnd() && kept->stamp == stamp && kept->cacheDir == cacheDir &&
      kept->backends == backends)
    return kept->state;
  options.modelOverride = modelOverride;
  const providers::AssetCache cache(cacheDir);
  render::SceneState state = render::sceneState(*store_, sceneId, registry_.get(), cache, options);
  ++statesComputed_;
  states_.insert(key, KeptState{stamp, cacheDir, backends, state});
  return state;
}

bool ProjectSession::write(const std::function<void()>& work) {
  setModified(true);
  try {
    store_->transaction(work);
  } catch (const model::StoreError& e) {
    forgetStates();  // one computed inside `work` saw what was rolled back
    emit storeError(e.message());
    return false;
  }
  forgetStates();
  setModified(false);
  return true;
}

void ProjectSession::setModified(bool modified) {
  if (modified_ == modified) return;
  modified_ = modified;
  emit modifiedChanged(modified);
}

model::Id ProjectSession::resolve(Entity kind, model::Id id) const {
  // Follows chains: a row deleted and restored twice has been renumbered twice.
  model::Id current = id;
  for (int guard = 0; guard < 64; ++guard) {
    const auto it = remap_.constFind(qMakePair(int(kind), current));
    if (it == remap_.constEnd()) break;
    current = it.value();
  }
  return current;
}

void ProjectSession::remap(Entity kind, model::Id oldId, model::Id newId) {
  if (oldId != newId) remap_.insert(qMakePair(int(kind), oldId), newId);
}

}  // namespace sw::ui
