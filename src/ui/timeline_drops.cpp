// TimelineWidget: the user's own media dropped on a chunk or an audio clip (media_drops.h).
// While a file is dragged, the chunk or clip that would receive it is outlined; over one that
// does not take that kind of file (a sound on a chunk, a video on the music) the drag is
// refused, so the system shows the forbidden cursor.
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QPainter>

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

void TimelineWidget::setDropHint(int chunkRow, int lane, int clip) {
  if (chunkRow == dropRow_ && lane == dropLane_ && clip == dropClip_) return;
  dropRow_ = chunkRow;
  dropLane_ = lane;
  dropClip_ = clip;
  update();
}

void TimelineWidget::paintDropHint(QPainter& p) {
  QRectF r;
  if (dropRow_ >= 0 && dropRow_ < chunks_->rowCount())
    r = chunkRect(dropRow_);
  else if (dropLane_ >= 0 && dropLane_ < lanes_.size() && dropClip_ >= 0 &&
           dropClip_ < lanes_[dropLane_].clips.size())
    r = laneGeometry().clipRect(dropLane_, lanes_[dropLane_].clips[dropClip_]);
  if (r.isNull()) return;
  QColor fill = palette().color(QPalette::Highlight);
  fill.setAlpha(70);
  p.save();
  p.setPen(QPen(palette().color(QPalette::Highlight), 3));
  p.setBrush(fill);
  p.drawRoundedRect(r.adjusted(-1.5, -1.5, 1.5, 1.5), 5, 5);
  p.restore();
}

void TimelineWidget::dragEnterEvent(QDragEnterEvent* event) {
  // Anywhere over the timeline: the drag may move onto a target (dragMoveEvent judges it).
  if (drops_ && !MediaDrops::droppedFile(event->mimeData()).isEmpty())
    return event->acceptProposedAction();
  event->ignore();
}

void TimelineWidget::dragMoveEvent(QDragMoveEvent* event) {
  const QString file = drops_ ? MediaDrops::droppedFile(event->mimeData()) : QString();
  int row = -1, lane = -1, clip = -1;
  const bool over = !file.isEmpty() && dropTarget(event->position(), &row, &lane, &clip);
  const bool fits =
      over && MediaDrops::mayFit(file, row >= 0 ? UserMediaKind::Video : UserMediaKind::Audio);
  if (!fits) {
    setDropHint(-1, -1, -1);
    return event->ignore();
  }
  setDropHint(row, lane, clip);
  event->acceptProposedAction();
}

void TimelineWidget::dragLeaveEvent(QDragLeaveEvent* event) {
  setDropHint(-1, -1, -1);
  event->accept();
}

void TimelineWidget::dropEvent(QDropEvent* event) {
  setDropHint(-1, -1, -1);
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
