// Render Scene: segments ready (N of M) and duration, the audio tracks with their durations or
// clip counts (disabled with the reason when absent), resolution and aspect, preview mode,
// output file, the budget (this render's, optionally saved as the project's "budgetUsd"), the
// cost estimate (generated vs cached, every paid call with the backends that will run), the
// scene state (each part: generated, used or kept, and why), and Render (the default button;
// it asks before replacing an existing file). Several scenes = a batch sharing one budget.
#pragma once

#include <QDialog>
#include <QThreadPool>

#include "model/types.h"
#include "providers/backend_factory.h"
#include "render/render_estimate.h"
#include "render/render_request.h"

namespace sw::providers {
class ModelRegistry;
}

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace sw::ui {

class ProjectSession;
class FarmTargetBox;

class RenderSceneDialog : public QDialog {
  Q_OBJECT
 public:
  // `backends`: the backends the render will run with (Preferences); local ones are free.
  RenderSceneDialog(ProjectSession* session, const QList<model::Id>& sceneIds,
                    const providers::ModelRegistry* registry,
                    const providers::BackendSettings& backends, QWidget* parent = nullptr);

  render::RenderRequest request() const;
  // What the scenes have, with every track included.
  const render::RenderEstimate& estimate() const { return estimate_; }

  QLabel* segmentsLabel() const { return segments_; }
  QLabel* costLabel() const { return cost_; }
  QCheckBox* narrationBox() const { return narration_; }
  QCheckBox* dialogueBox() const { return dialogue_; }
  QCheckBox* musicBox() const { return music_; }
  QCheckBox* sfxBox() const { return sfx_; }
  QCheckBox* previewBox() const { return preview_; }
  // Unchecked (the default): a scene whose speech needs more time is lengthened to fit it.
  QCheckBox* keepDurationBox() const { return keepDuration_; }
  // Unchecked (the default): stale chunks are generated again; checked, rendered as they are.
  QCheckBox* keepStaleBox() const { return keepStale_; }
  QLineEdit* outputEdit() const { return output_; }
  // "Run on: This machine | Slurm cluster"; null when sbatch is not on PATH.
  FarmTargetBox* farmBox() const { return farm_; }
  QPushButton* renderButton() const { return render_; }
  QCheckBox* budgetBox() const { return budgetOn_; }
  QDoubleSpinBox* budgetSpin() const { return budget_; }
  QCheckBox* saveBudgetBox() const { return saveBudget_; }
  // The budget against the estimate ("Estimated $0.40 of the $5.00 budget").
  QLabel* budgetLabel() const { return budgetNote_; }
  // Every part of the scenes (scene_state.h) with what this render does with it and why:
  // Part, Action (generate / use / keep as is / skip), Why, Cost.
  QTreeWidget* sceneStateList() const { return state_; }
  // The list shows the state for the options chosen now (it is computed on a worker).
  bool sceneStateShown() const { return stateShown_ == stateGeneration_; }
  // Asks before replacing an existing output file (message box "overwriteConfirm"), saves the
  // budget as the project's when asked, then accepts.
  void accept() override;
  // Disables Render with a tooltip saying why (e.g. the render engine is not available).
  void setRenderAvailable(bool available, const QString& reason);

 private:
  QWidget* buildVideoBox();
  QWidget* buildAudioBox();
  QWidget* buildOutputBox();
  QWidget* buildBudgetBox();
  QCheckBox* track(const QString& label, bool present, const QString& absentReason);
  void browse();
  void updateCost();
  void updateSceneState();
  QStringList existingOutputs() const;
  void showSceneStates(const QList<render::SceneState>& states);
  void updateBudgetNote();
  QWidget* buildStateBox();

  ProjectSession* session_;
  QList<model::Id> sceneIds_;
  const providers::ModelRegistry* registry_;
  providers::BackendSettings backends_;
  render::RenderEstimate estimate_;
  QLabel* segments_ = nullptr;
  QLabel* cost_ = nullptr;
  QCheckBox* narration_ = nullptr;
  QCheckBox* dialogue_ = nullptr;
  QCheckBox* music_ = nullptr;
  QCheckBox* sfx_ = nullptr;
  QComboBox* resolution_ = nullptr;
  QComboBox* aspect_ = nullptr;
  QCheckBox* preview_ = nullptr;
  QCheckBox* keepDuration_ = nullptr;
  QCheckBox* keepStale_ = nullptr;
  QLineEdit* output_ = nullptr;
  FarmTargetBox* farm_ = nullptr;
  QPushButton* render_ = nullptr;
  QCheckBox* budgetOn_ = nullptr;
  QDoubleSpinBox* budget_ = nullptr;
  QCheckBox* saveBudget_ = nullptr;
  QLabel* budgetNote_ = nullptr;
  QTreeWidget* state_ = nullptr;
  std::optional<double> estimatedCost_;
  QString confirmedOverwrite_;  // the output files the user agreed to replace
  int stateGeneration_ = 0;     // scene states asked for
  int stateShown_ = 0;          // the one the list shows
  QThreadPool statePool_;       // destroyed first: waits for the state being computed
};

}  // namespace sw::ui
