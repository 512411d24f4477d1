#include "ui/import_script_command.h"

#include <QSet>

#include "ui/project_session.h"

namespace sw::ui {

ImportScriptCommand::ImportScriptCommand(ProjectSession* session, providers::ParsedScript script,
                                         const QString& text)
    : QUndoCommand(text), session_(session), script_(std::move(script)) {}

void ImportScriptCommand::redo() {
  auto& store = session_->store();
  const bool ok = session_->write([&] {
    if (!done_) {
      QSet<model::Id> knownCharacters;
      for (const model::Character& c : store.characters()) knownCharacters.insert(c.id);
      const int firstScene = int(store.scenes().size());
      summary_ = providers::applyParsedScript(store, script_);
      characters_.clear();
      scenes_.clear();
      for (const model::Character& c : store.characters())
        if (!knownCharacters.contains(c.id)) characters_.append(c);
      for (const model::Scene& s : store.scenes())
        if (s.position >= firstScene) scenes_.append(SceneSnapshot{s, {}, {}, {}});
      return;
    }
    for (const model::Character& c : characters_)
      session_->remap(Entity::Character, c.id, store.addCharacter(c));
    for (const SceneSnapshot& scene : scenes_) scene.restore(store, -1, session_);
  });
  if (!ok) {
    failed_ = true;
    return setObsolete(true);
  }
  done_ = true;
  session_->notifyCharactersChanged();
  session_->notifyScenesReset();
}

void ImportScriptCommand::undo() {
  auto& store = session_->store();
  const bool ok = session_->write([&] {
    QList<SceneSnapshot> current;
    for (const SceneSnapshot& scene : scenes_) {
      const model::Id id = session_->resolve(Entity::Scene, scene.scene.id);
      current.append(SceneSnapshot::capture(store, id));
      store.removeScene(id);
    }
    scenes_ = current;
    for (model::Character& c : characters_) {
      c.id = session_->resolve(Entity::Character, c.id);
      store.removeCharacter(c.id);
    }
  });
  if (!ok) return;
  session_->notifyCharactersChanged();
  session_->notifyScenesReset();
}

}  // namespace sw::ui
