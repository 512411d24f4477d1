// Undoable edits of the scene list and of a scene's fields. Each redo()/undo() writes to the
// store immediately through ProjectSession::write(); a refused write makes the command obsolete.
#pragma once

#include <QUndoCommand>

#include "ui/scene_snapshot.h"

namespace sw::ui {

class ProjectSession;

// Adds a scene (a new one or a copy of a snapshot) at a position.
class AddSceneCommand : public QUndoCommand {
 public:
  AddSceneCommand(ProjectSession* session, SceneSnapshot content, int position,
                  const QString& text);
  void redo() override;
  void undo() override;
  model::Id sceneId() const { return sceneId_; }

 private:
  ProjectSession* session_;
  SceneSnapshot content_;
  int position_;
  model::Id sceneId_ = 0;
};

class RemoveSceneCommand : public QUndoCommand {
 public:
  RemoveSceneCommand(ProjectSession* session, model::Id sceneId);
  void redo() override;
  void undo() override;

 private:
  ProjectSession* session_;
  model::Id sceneId_;
  SceneSnapshot saved_;
  int position_ = 0;
};

class MoveSceneCommand : public QUndoCommand {
 public:
  MoveSceneCommand(ProjectSession* session, model::Id sceneId, int from, int to);
  void redo() override;
  void undo() override;

 private:
  void move(int from, int to);
  ProjectSession* session_;
  model::Id sceneId_;
  int from_;
  int to_;
};

// Changes a scene's fields. Consecutive edits of the same field of the same scene merge, so
// typing a sentence is one undo step.
class EditSceneCommand : public QUndoCommand {
 public:
  EditSceneCommand(ProjectSession* session, const model::Scene& before, const model::Scene& after,
                   const QString& field);
  void redo() override;
  void undo() override;
  int id() const override { return 1001; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  void apply(const model::Scene& scene);
  ProjectSession* session_;
  model::Scene before_;
  model::Scene after_;
  QString field_;
};

}  // namespace sw::ui
