#include "ui/scene_commands.h"

#include <QCoreApplication>

#include "ui/project_session.h"

namespace sw::ui {

AddSceneCommand::AddSceneCommand(ProjectSession* session, SceneSnapshot content, int position,
                                 const QString& text)
    : QUndoCommand(text), session_(session), content_(std::move(content)), position_(position) {}

void AddSceneCommand::redo() {
  // The first time, the content's ids belong to nothing (new) or to the original (duplicate)
  // and must not be remapped; after an undo they are the ids of the removed copy.
  ProjectSession* remapper = sceneId_ ? session_ : nullptr;
  model::Id created = 0;
  const bool ok =
      session_->write([&] { created = content_.restore(session_->store(), position_, remapper); });
  if (!ok) return setObsolete(true);
  sceneId_ = created;
  session_->notifyScenesReset();
}

void AddSceneCommand::undo() {
  const model::Id id = session_->resolve(Entity::Scene, sceneId_);
  const bool ok = session_->write([&] {
    content_ = SceneSnapshot::capture(session_->store(), id);  // keeps what was made since
    session_->store().removeScene(id);
  });
  if (ok) session_->notifyScenesReset();
}

RemoveSceneCommand::RemoveSceneCommand(ProjectSession* session, model::Id sceneId)
    : session_(session), sceneId_(sceneId) {}

void RemoveSceneCommand::redo() {
  const model::Id id = session_->resolve(Entity::Scene, sceneId_);
  const bool ok = session_->write([&] {
    saved_ = SceneSnapshot::capture(session_->store(), id);
    position_ = saved_.scene.position;
    session_->store().removeScene(id);
  });
  if (!ok) return setObsolete(true);
  setText(QCoreApplication::translate("sw::ui::SceneCommands", "Delete scene \"%1\"")
              .arg(saved_.scene.title));
  session_->notifyScenesReset();
}

void RemoveSceneCommand::undo() {
  model::Id restored = 0;
  if (!session_->write([&] { restored = saved_.restore(session_->store(), position_, session_); }))
    return;
  session_->notifyScenesReset();
  session_->notifySceneRestored(restored);
}

MoveSceneCommand::MoveSceneCommand(ProjectSession* session, model::Id sceneId, int from, int to)
    : QUndoCommand(QCoreApplication::translate("sw::ui::SceneCommands", "Move scene")),
      session_(session),
      sceneId_(sceneId),
      from_(from),
      to_(to) {}

void MoveSceneCommand::move(int from, int to) {
  const model::Id id = session_->resolve(Entity::Scene, sceneId_);
  if (!session_->write([&] { session_->store().moveScene(id, to); })) return setObsolete(true);
  session_->notifySceneMoved(from, to);
}

void MoveSceneCommand::redo() { move(from_, to_); }
void MoveSceneCommand::undo() { move(to_, from_); }

EditSceneCommand::EditSceneCommand(ProjectSession* session, const model::Scene& before,
                                   const model::Scene& after, const QString& field)
    : QUndoCommand(QCoreApplication::translate("sw::ui::SceneCommands", "Edit %1").arg(field)),
      session_(session),
      before_(before),
      after_(after),
      field_(field) {}

void EditSceneCommand::apply(const model::Scene& scene) {
  model::Scene row = scene;
  row.id = session_->resolve(Entity::Scene, scene.id);
  if (!session_->write([&] { session_->store().updateScene(row); })) return setObsolete(true);
  session_->notifySceneChanged(row.id);
}

void EditSceneCommand::redo() { apply(after_); }
void EditSceneCommand::undo() { apply(before_); }

bool EditSceneCommand::mergeWith(const QUndoCommand* other) {
  const auto* edit = static_cast<const EditSceneCommand*>(other);
  if (edit->field_ != field_ || edit->after_.id != after_.id) return false;
  after_ = edit->after_;
  return true;
}

}  // namespace sw::ui
