// The scene's reference image slot in the scene inspector: the picture the first chunk starts
// from (loaded and scaled on a worker), where it came from, and a drop target: a picture dropped
// here replaces it (media_drops.h: probed, copied into the asset cache, one undo step).
#pragma once

#include <QLabel>

class QMimeData;

#include "model/types.h"

namespace sw::ui {

class MediaDrops;
class ProjectSession;

class ReferenceSlot : public QLabel {
  Q_OBJECT
 public:
  explicit ReferenceSlot(ProjectSession* session, QWidget* parent = nullptr);
  void setMediaDrops(MediaDrops* drops);
  void setScene(model::Id sceneId);
  QString shownFile() const { return shown_; }  // the file whose picture is shown (or loading)
  bool isLoading() const { return loading_ > 0; }
  // A picture is being dragged over the slot (outlined); any other file is refused (forbidden
  // cursor).
  bool dropHighlighted() const { return dropHint_; }

 protected:
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;
  void dragLeaveEvent(QDragLeaveEvent* event) override;
  void dropEvent(QDropEvent* event) override;
  void paintEvent(QPaintEvent* event) override;

 private:
  void load();
  bool accepts(const QMimeData* data) const;
  void setDropHint(bool on);

  ProjectSession* session_;
  MediaDrops* drops_ = nullptr;
  model::Id sceneId_ = 0;
  QString shown_;
  int loading_ = 0;
  bool dropHint_ = false;
};

}  // namespace sw::ui
