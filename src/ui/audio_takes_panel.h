// The takes of one audio asset of a scene (its narration or music, a dialogue line, an SFX cue),
// shown in the chunk dock when its clip is clicked on the timeline: every take made or dropped
// for it (render/audio_takes.h) with a waveform thumbnail (WaveformCache: computed on a worker),
// its seed or take number, length and cost, and which one is in use. "Use take" (or a double
// click) makes the selected one the slot's asset as one undo step; "Regenerate…" opens the
// asset's regenerate dialog (a new take).
#pragma once

#include <QWidget>

#include "model/types.h"
#include "render/render_request.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace sw::ui {

class ProjectSession;
class WaveformCache;

class AudioTakesPanel : public QWidget {
  Q_OBJECT
 public:
  using Slot = render::RegenerateTarget::Slot;
  enum Role { AssetIdRole = Qt::UserRole + 1, ActiveRole, PathRole, SeedRole, CostRole };

  AudioTakesPanel(ProjectSession* session, WaveformCache* waveforms, QWidget* parent = nullptr);
  // `rowId`: the dialogue line or SFX cue (0 for the scene's narration and music).
  void setAudioSlot(Slot slot, model::Id sceneId, model::Id rowId);
  Slot audioSlot() const { return slot_; }
  model::Id sceneId() const { return sceneId_; }
  model::Id rowId() const { return rowId_; }

  QListWidget* takeView() const { return list_; }
  QPushButton* useTakeButton() const { return use_; }
  QPushButton* regenerateButton() const { return regenerate_; }
  // Makes the take in row `row` of takeView() the slot's asset (one undo step).
  void useTake(int row);

 Q_SIGNALS:
  void regenerateRequested(int slot, qint64 sceneId, qint64 rowId);

 private:
  void load();
  void refreshWaveforms();
  void updateButtons();

  ProjectSession* session_;
  WaveformCache* waveforms_;
  Slot slot_ = Slot::Music;
  model::Id sceneId_ = 0;
  model::Id rowId_ = 0;
  QLabel* heading_ = nullptr;
  QListWidget* list_ = nullptr;
  QPushButton* use_ = nullptr;
  QPushButton* regenerate_ = nullptr;
};

}  // namespace sw::ui
