// "Regenerate…" for one asset of a scene (from the clip and scene context menus): the narration
// or a dialogue line (text, voice), the music (prompt, mood, tempo, length), an SFX cue
// (description) or the reference image (prompt), each with a seed (empty: the current one + 1),
// pre-filled with the current inputs. request() is the regenerate job: the inputs changed here
// become the asset's recipe (the job edits the scene, line, cue, character voice or narrator voice,
// so the console shows the new take as ready); the old asset is kept.
#pragma once

#include <QDialog>

#include "model/types.h"
#include "render/render_request.h"

class QDoubleSpinBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace sw::ui {

class ProjectSession;

class AssetRegenerateDialog : public QDialog {
  Q_OBJECT
 public:
  using Slot = render::RegenerateTarget::Slot;
  // `rowId`: the dialogue line or SFX cue (unused for the scene's narration, music, reference).
  AssetRegenerateDialog(ProjectSession* session, Slot slot, model::Id sceneId, model::Id rowId,
                        QWidget* parent = nullptr);

  // The queue request with the inputs that differ from the current ones as overrides.
  render::RenderRequest request() const;

  QPlainTextEdit* textEdit() const { return text_; }  // text, prompt or description
  QLineEdit* voiceEdit() const { return voice_; }
  QLineEdit* moodEdit() const { return mood_; }
  QSpinBox* tempoBox() const { return tempo_; }
  QDoubleSpinBox* lengthBox() const { return length_; }  // music; 0: as long as the scene
  QLineEdit* seedEdit() const { return seed_; }

 private:
  Slot slot_;
  model::Id sceneId_;
  model::Id rowId_;
  QString text0_, voice0_, mood0_;
  int tempo0_ = 0;
  QPlainTextEdit* text_ = nullptr;
  QLineEdit* voice_ = nullptr;
  QLineEdit* mood_ = nullptr;
  QSpinBox* tempo_ = nullptr;
  QDoubleSpinBox* length_ = nullptr;
  QLineEdit* seed_ = nullptr;
};

}  // namespace sw::ui
