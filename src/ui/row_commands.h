// Undoable add / edit / remove of the small rows a scene owns (characters, dialogue lines,
// SFX cues) and chunk edits. Each writes to the store at once through ProjectSession::write().
#pragma once

#include <QUndoCommand>

#include "model/project_store.h"
#include "ui/project_session.h"

namespace sw::ui {

// Per row type: how to write it and whom to tell.
template <typename Row>
struct RowTraits;

template <>
struct RowTraits<model::Character> {
  static constexpr Entity kind = Entity::Character;
  static model::Id add(model::ProjectStore& s, const model::Character& r) {
    return s.addCharacter(r);
  }
  static void update(model::ProjectStore& s, const model::Character& r) { s.updateCharacter(r); }
  static void remove(model::ProjectStore& s, model::Id id) { s.removeCharacter(id); }
  static void notify(ProjectSession* session, const model::Character&) {
    session->notifyCharactersChanged();
  }
};

template <>
struct RowTraits<model::DialogueLine> {
  static constexpr Entity kind = Entity::DialogueLine;
  static model::Id add(model::ProjectStore& s, const model::DialogueLine& r) {
    return s.addDialogueLine(r, r.position);
  }
  static void update(model::ProjectStore& s, const model::DialogueLine& r) {
    s.updateDialogueLine(r);
  }
  static void remove(model::ProjectStore& s, model::Id id) { s.removeDialogueLine(id); }
  static void notify(ProjectSession* session, const model::DialogueLine& r) {
    session->notifySceneContentChanged(session->resolve(Entity::Scene, r.sceneId));
  }
};

template <>
struct RowTraits<model::SfxCue> {
  static constexpr Entity kind = Entity::SfxCue;
  static model::Id add(model::ProjectStore& s, const model::SfxCue& r) { return s.addSfxCue(r); }
  static void update(model::ProjectStore& s, const model::SfxCue& r) { s.updateSfxCue(r); }
  static void remove(model::ProjectStore& s, model::Id id) { s.removeSfxCue(id); }
  static void notify(ProjectSession* session, const model::SfxCue& r) {
    session->notifySceneContentChanged(session->resolve(Entity::Scene, r.sceneId));
  }
};

template <>
struct RowTraits<model::Chunk> {
  static constexpr Entity kind = Entity::Chunk;
  static model::Id add(model::ProjectStore& s, const model::Chunk& r) { return s.addChunk(r); }
  static void update(model::ProjectStore& s, const model::Chunk& r) { s.updateChunk(r); }
  static void remove(model::ProjectStore& s, model::Id id) { s.removeChunk(id); }
  static void notify(ProjectSession* session, const model::Chunk& r) {
    session->notifyChunksChanged(session->resolve(Entity::Scene, r.sceneId));
  }
};

// Resolves the ids a row refers to (its own, its scene's, its character's).
template <typename Row>
Row resolved(ProjectSession* session, Row row) {
  row.id = session->resolve(RowTraits<Row>::kind, row.id);
  if constexpr (requires { row.sceneId; })
    row.sceneId = session->resolve(Entity::Scene, row.sceneId);
  if constexpr (requires { row.characterId; })
    row.characterId = session->resolve(Entity::Character, row.characterId);
  return row;
}

// Adds a row (redo) and removes it again (undo); `remove` swaps the two.
template <typename Row>
class AddRemoveRowCommand : public QUndoCommand {
 public:
  AddRemoveRowCommand(ProjectSession* session, const Row& row, bool remove, const QString& text)
      : QUndoCommand(text), session_(session), row_(row), remove_(remove) {}
  void redo() override { remove_ ? erase() : insert(); }
  void undo() override { remove_ ? insert() : erase(); }
  model::Id rowId() const { return session_->resolve(RowTraits<Row>::kind, row_.id); }

 private:
  void insert() {
    Row row = resolved(session_, row_);
    model::Id created = 0;
    if (!session_->write([&] { created = RowTraits<Row>::add(session_->store(), row); }))
      return setObsolete(true);
    if (row_.id) session_->remap(RowTraits<Row>::kind, row.id, created);
    row_.id = created;
    RowTraits<Row>::notify(session_, row_);
  }
  void erase() {
    const Row row = resolved(session_, row_);
    if (!session_->write([&] { RowTraits<Row>::remove(session_->store(), row.id); }))
      return setObsolete(true);
    RowTraits<Row>::notify(session_, row_);
  }
  ProjectSession* session_;
  Row row_;
  bool remove_;
};

// Replaces a row's fields; consecutive edits of the same field of the same row merge.
template <typename Row>
class EditRowCommand : public QUndoCommand {
 public:
  EditRowCommand(ProjectSession* session, const Row& before, const Row& after, const QString& field,
                 const QString& text)
      : QUndoCommand(text), session_(session), before_(before), after_(after), field_(field) {}
  void redo() override { apply(after_); }
  void undo() override { apply(before_); }
  int id() const override { return 1100 + int(RowTraits<Row>::kind); }
  bool mergeWith(const QUndoCommand* other) override {
    const auto* edit = static_cast<const EditRowCommand*>(other);
    if (edit->field_ != field_ || edit->after_.id != after_.id) return false;
    after_ = edit->after_;
    return true;
  }

 private:
  void apply(const Row& value) {
    const Row row = resolved(session_, value);
    if (!session_->write([&] { RowTraits<Row>::update(session_->store(), row); }))
      return setObsolete(true);
    RowTraits<Row>::notify(session_, row);
  }
  ProjectSession* session_;
  Row before_;
  Row after_;
  QString field_;
};

// Makes another take of a chunk the active one (or records the switch a regeneration already
// made); undo restores the chunk as it was. The chunks after it need nothing: their state
// (render/scene_state.h) compares the start frame each was made from with the active takes, so
// they show stale exactly while the chunk's active take is not the one they started from.
class SetActiveTakeCommand : public QUndoCommand {
 public:
  SetActiveTakeCommand(ProjectSession* session, const model::Chunk& before, model::Id takeId,
                       const QString& text)
      : QUndoCommand(text), session_(session), before_(before), takeId_(takeId) {}
  void redo() override {
    const model::Chunk row = resolved(session_, before_);
    const model::Id takeId = session_->resolve(Entity::Take, takeId_);
    if (!session_->write([&] { session_->store().setActiveTake(row.id, takeId); }))
      return setObsolete(true);
    RowTraits<model::Chunk>::notify(session_, row);
  }
  void undo() override {
    const model::Chunk row = resolved(session_, before_);
    if (!session_->write([&] { session_->store().updateChunk(row); })) return;
    RowTraits<model::Chunk>::notify(session_, row);
  }

 private:
  ProjectSession* session_;
  model::Chunk before_;
  model::Id takeId_;
};

}  // namespace sw::ui
