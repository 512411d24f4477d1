// Render Film: the scenes to join (all checked by default, in project order), the film's
// transition (cut, crossfade or dip with its seconds), each boundary's own transition (the
// project's stored override: "Film's choice" or cut / crossfade / dip), the output file and
// Render. Reads the store once when it opens (scene titles and overrides: no media work); the
// film itself runs in the background (render/film_render.h, started by MainWindow).
#pragma once

#include <QDialog>
#include <QHash>

#include "model/types.h"
#include "render/film.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace sw::ui {

class ProjectSession;

class RenderFilmDialog : public QDialog {
  Q_OBJECT
 public:
  explicit RenderFilmDialog(ProjectSession* session, QWidget* parent = nullptr);

  // The checked scenes in order, the film's transition and the output; `scene` holds the Render
  // Scene defaults (720p, 16:9) for scenes that must be rendered first.
  render::FilmRequest request() const;
  // Each listed scene's boundary override as stored by ProjectStore::setSceneTransition
  // ("" = the film's choice).
  QHash<model::Id, QString> overrides() const;

  QTableWidget* sceneTable() const { return scenes_; }  // columns: scene (checkable), after it, s
  QComboBox* transitionBox() const { return transition_; }
  QDoubleSpinBox* secondsSpin() const { return seconds_; }
  QCheckBox* previewBox() const { return preview_; }  // scenes rendered first: 480p, fast
  QLineEdit* outputEdit() const { return output_; }
  QPushButton* renderButton() const { return render_; }
  // Render is disabled with this tooltip (no scene checked, no output, or `reason`).
  void setRenderAvailable(bool available, const QString& reason);

 private:
  void updateRenderButton();
  QList<model::Id> ids_;
  QTableWidget* scenes_ = nullptr;
  QComboBox* transition_ = nullptr;
  QDoubleSpinBox* seconds_ = nullptr;
  QCheckBox* preview_ = nullptr;
  QLineEdit* output_ = nullptr;
  QPushButton* render_ = nullptr;
  QString unavailable_;
};

}  // namespace sw::ui
