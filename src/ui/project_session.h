// ProjectSession: one open project in the GUI. Owns the GUI thread's ProjectStore connection
// and the undo stack, routes every write through write() so the window can show whether the
// store has the latest edit, and tells models what changed. Entities are referred to by id;
// when undo re-creates a deleted row it gets a new id, and resolve() maps the old one to it.
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <functional>
#include <memory>

#include "model/project_store.h"
#include "render/scene_state.h"

class QUndoStack;

namespace sw::providers {
class ModelRegistry;
}

namespace sw::ui {

enum class Entity { Scene, Character, DialogueLine, SfxCue, Chunk, Take };

class ProjectSession : public QObject {
  Q_OBJECT
 public:
  // Both throw model::StoreError with a readable message.
  static std::unique_ptr<ProjectSession> create(const QString& folder, const QString& name);
  static std::unique_ptr<ProjectSession> open(const QString& folder);
  ~ProjectSession() override;

  model::ProjectStore& store() { return *store_; }
  QUndoStack* undoStack() const { return undo_; }
  QString folder() const { return store_->folder(); }
  QString projectName();

  // Runs a store write. While it runs (and if it failed) the project counts as modified.
  // Returns false and emits storeError() when the store refused the write.
  bool write(const std::function<void()>& work);
  bool modified() const { return modified_; }

  // The scene's state (render/scene_state.h) as a render with the user's settings (Preferences:
  // backends, cache folder) and every track would see it: what every view shows. A
  // `modelOverride` shows what the scene would be with that model (a re-plan's consequences).
  // The views share one computation: a state is kept while what it is made of is unchanged (the
  // store's content stamp: a render's job progress does not count, a chunk it finished does),
  // the cache folder and backends in Preferences are the same, and until a notification, a write
  // or the user's return to the app (files in the cache folder can change without the store).
  void setModelRegistry(std::shared_ptr<const providers::ModelRegistry> registry);
  render::SceneState sceneState(model::Id sceneId, const QString& modelOverride = {});
  int sceneStatesComputed() const { return statesComputed_; }  // since the session opened

  model::Id resolve(Entity kind, model::Id id) const;
  void remap(Entity kind, model::Id oldId, model::Id newId);

  // Change notifications (emitted by commands and by the render queue wiring).
  void notifyScenesReset() {
    forgetStates();
    emit scenesReset();
  }
  void notifySceneChanged(model::Id id) {
    forgetStates();
    emit sceneChanged(id);
  }
  void notifySceneMoved(int from, int to) {
    forgetStates();
    emit sceneMoved(from, to);
  }
  void notifySceneRestored(model::Id id) {
    forgetStates();
    emit sceneRestored(id);
  }
  void notifyCharactersChanged() {
    forgetStates();
    emit charactersChanged();
  }
  void notifySceneContentChanged(model::Id sceneId) {
    forgetStates();
    emit sceneContentChanged(sceneId);
  }
  void notifyChunksChanged(model::Id sceneId) {
    forgetStates();
    emit chunksChanged(sceneId);
  }

 Q_SIGNALS:
  void modifiedChanged(bool modified);
  void storeError(const QString& message);
  void scenesReset();
  void sceneChanged(qint64 sceneId);  // a scene's own fields
  void sceneMoved(int from, int to);
  void sceneRestored(qint64 sceneId);        // a deleted scene is back (undo): select it
  void sceneContentChanged(qint64 sceneId);  // its dialogue lines or SFX cues
  void chunksChanged(qint64 sceneId);        // its chunks or takes
  void charactersChanged();

 private:
  explicit ProjectSession(std::unique_ptr<model::ProjectStore> store);
  void setModified(bool modified);
  void forgetStates() { states_.clear(); }

  struct KeptState {
    qint64 stamp = 0;  // ProjectStore::contentStamp() when computed
    QString cacheDir;
    QJsonObject backends;
    render::SceneState state;
  };

  std::unique_ptr<model::ProjectStore> store_;
  QUndoStack* undo_ = nullptr;
  bool modified_ = false;
  std::shared_ptr<const providers::ModelRegistry> registry_;
  QHash<QPair<int, model::Id>, model::Id> remap_;
  QHash<QPair<model::Id, QString>, KeptState> states_;
  int statesComputed_ = 0;
};

}  // namespace sw::ui
