// The project browser: characters (name, voice) and the scenes in order, with add, duplicate,
// delete and drag-to-reorder (all undoable). Selecting a scene drives the editor.
#pragma once

#include <QWidget>

#include "model/types.h"

class QTableView;
class QToolButton;

namespace sw::ui {

class ProjectSession;
class SceneListModel;
class CharacterModel;

class ProjectPane : public QWidget {
  Q_OBJECT
 public:
  ProjectPane(ProjectSession* session, SceneListModel* scenes, CharacterModel* characters,
              QWidget* parent = nullptr);

  QTableView* sceneView() const { return sceneView_; }
  model::Id currentSceneId() const;
  QList<model::Id> selectedSceneIds() const;
  void selectScene(model::Id sceneId);

  void addScene();
  void duplicateScene();
  void deleteScenes();
  // Asks first (window-modal, not blocking); Delete in the scene list and its context menu.
  void confirmDeleteScenes();

 Q_SIGNALS:
  void currentSceneChanged(qint64 sceneId);

 private:
  QWidget* buildScenes();
  QWidget* buildCharacters();
  QToolButton* button(const QString& text, const QString& icon, const QString& tip);
  void restoreSelection();

  ProjectSession* session_;
  SceneListModel* scenes_;
  CharacterModel* characters_;
  QTableView* sceneView_ = nullptr;
  QTableView* characterView_ = nullptr;
  model::Id lastScene_ = 0;
};

}  // namespace sw::ui
