// TimelineWidget: the user's own media dropped on a chunk or an audio clip (media_drops.h).
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>

#include "ui/chunk_model.h"
#include "ui/media_drops.h"
#include "ui/timeline_widget.h"

namespace sw::ui {

void TimelineWidget::setMediaDrops(MediaDrops* drops) {
  drops_ = drops;
  setAcceptDrops(drops != nullptr);
}

bool TimelineWidget::dropTarget(const QPointF& pos, int* chunkRow, int* lane, int* clip) const {
  *chunkRow = hitChunk(pos, nullptr);
  if (*chunkRow >= 0) return true;
  return laneGeometry().hit(lanes_, pos, lane, clip);
}

void TimelineWidget::dragEnterEvent(QDragEnterEvent* event) {
  int row = -1, lane = -1, clip = -1;
  if (drops_ && !MediaDrops::droppedFile(event->mimeData()).isEmpty() &&
      dropTarget(event->position(), &row, &lane, &clip))
    return event->acceptProposedAction();
  // Over empty space: the drag may still move onto a target.
  if (drops_ && !MediaDrops::droppedFile(event->mimeData()).isEmpty())
    return event->acceptProposedAction();
  event->ignore();
}

void TimelineWidget::dragMoveEvent(QDragMoveEvent* event) {
  int row = -1, lane = -1, clip = -1;
  if (drops_ && !MediaDrops::droppedFile(event->mimeData()).isEmpty() &&
      dropTarget(event->position(), &row, &lane, &clip))
    return event->acceptProposedAction();
  event->ignore();
}

void TimelineWidget::dropEvent(QDropEvent* event) {
  const QString file = MediaDrops::droppedFile(event->mimeData());
  int row = -1, lane = -1, clip = -1;
  if (!drops_ || file.isEmpty() || !dropTarget(event->position(), &row, &lane, &clip))
    return event->ignore();
  event->acceptProposedAction();
  if (row >= 0) return drops_->dropOnChunk(chunks_->chunk(row).id, file);
  const model::Id scene = sceneId();
  const LaneClip& target = lanes_.at(lane).clips.at(clip);
  switch (lanes_.at(lane).kind) {
    case AudioLane::Music:
      return drops_->dropOnMusic(scene, file);
    case AudioLane::Narration:
      return drops_->dropOnNarration(scene, file);
    case AudioLane::Dialogue:
      return drops_->dropOnLine(scene, target.rowId, file);
    case AudioLane::Sfx:
      return drops_->dropOnSfx(scene, target.rowId, file);
  }
}

}  // namespace sw::ui
