// Render Scene: segments ready (N of M) and duration, the audio tracks with their durations or
// clip counts (disabled with the reason when absent), resolution and aspect, preview mode,
// output file, the cost estimate (generated vs cached), and Render. Several scenes = a batch.
#pragma once

#include <QDialog>

#include "model/types.h"
#include "render/render_estimate.h"
#include "render/render_request.h"

namespace sw::providers {
class ModelRegistry;
}

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sw::ui {

class ProjectSession;

class RenderSceneDialog : public QDialog {
  Q_OBJECT
 public:
  // `videoBackend`: the configured video backend ("local" generates for free).
  RenderSceneDialog(ProjectSession* session, const QList<model::Id>& sceneIds,
                    const providers::ModelRegistry* registry, const QString& videoBackend,
                    QWidget* parent = nullptr);

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
  QLineEdit* outputEdit() const { return output_; }
  QPushButton* renderButton() const { return render_; }
  // Disables Render with a tooltip saying why (e.g. the render engine is not available).
  void setRenderAvailable(bool available, const QString& reason);

 private:
  QWidget* buildVideoBox();
  QWidget* buildAudioBox();
  QWidget* buildOutputBox();
  QCheckBox* track(const QString& label, bool present, const QString& absentReason);
  void browse();
  void updateCost();

  ProjectSession* session_;
  QList<model::Id> sceneIds_;
  const providers::ModelRegistry* registry_;
  QString videoBackend_;
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
  QLineEdit* output_ = nullptr;
  QPushButton* render_ = nullptr;
};

}  // namespace sw::ui
