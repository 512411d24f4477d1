// The scene editor: script, narration, dialogue, music, SFX cues, prompts, target duration and
// model. Every change is an undoable command written to the store at once.
#pragma once

#include <QWidget>
#include <functional>

#include "model/types.h"
#include "providers/backend_factory.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTableView;
class QTabWidget;

namespace sw::providers {
class ModelRegistry;
}

namespace sw::ui {

class ProjectSession;
class ReferenceSlot;
class CharacterModel;
class DialogueModel;
class SfxCueModel;

class SceneInspector : public QWidget {
  Q_OBJECT
 public:
  SceneInspector(ProjectSession* session, CharacterModel* characters, QWidget* parent = nullptr);
  void setRegistry(const providers::ModelRegistry* registry);
  // Preferences changed (backends, cache folder): the plan and its cost are shown again.
  void refreshPlan() { updatePlan(); }
  void setScene(model::Id sceneId);
  QComboBox* modelCombo() const { return model_; }
  QLabel* planLabel() const { return plan_; }
  ReferenceSlot* referenceSlot() const { return reference_; }
  model::Id sceneId() const { return sceneId_; }

  // The fields, exposed for tests and for the main window's focus handling.
  QLineEdit* titleEdit() const { return title_; }
  QPlainTextEdit* narrationEdit() const { return narration_; }
  QDoubleSpinBox* durationSpin() const { return duration_; }

 private:
  QWidget* buildSceneTab();
  QWidget* buildAudioTab();
  QWidget* buildDialogueBox();
  QWidget* buildSfxBox();
  void load();
  void fillModels();
  void updatePlan();
  bool confirmReplan(const QString& modelKey);
  void edit(const QString& field, const std::function<void(model::Scene&)>& change);
  QPlainTextEdit* textArea(const QString& placeholder, int lines);

  ProjectSession* session_;
  CharacterModel* characters_;
  const providers::ModelRegistry* registry_ = nullptr;
  model::Id sceneId_ = 0;
  bool loading_ = false;

  QTabWidget* tabs_ = nullptr;
  QLineEdit* title_ = nullptr;
  QPlainTextEdit* script_ = nullptr;
  QPlainTextEdit* narration_ = nullptr;
  QPlainTextEdit* visual_ = nullptr;
  QPlainTextEdit* direction_ = nullptr;
  QDoubleSpinBox* duration_ = nullptr;
  QComboBox* model_ = nullptr;
  QLabel* plan_ = nullptr;
  ReferenceSlot* reference_ = nullptr;
  QLineEdit* musicPrompt_ = nullptr;
  QLineEdit* musicMood_ = nullptr;
  QSpinBox* musicTempo_ = nullptr;
  DialogueModel* dialogue_ = nullptr;
  SfxCueModel* sfx_ = nullptr;
  QTableView* dialogueView_ = nullptr;
  QTableView* sfxView_ = nullptr;
};

}  // namespace sw::ui
