// TimelineWidget: tooltips and the right-click requests on chunks and audio clips (the menus
// themselves are built by EditorMenus).
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QToolTip>

#include "ui/chunk_model.h"
#include "ui/timeline_widget.h"
#include "ui/ui_format.h"

namespace sw::ui {

void TimelineWidget::contextMenuEvent(QContextMenuEvent* event) {
  const int row = hitChunk(event->pos(), nullptr);
  if (row >= 0) {
    selectChunk(chunks_->chunk(row).id);
    emit chunkMenuRequested(chunks_->chunk(row).id, event->globalPos());
    return event->accept();
  }
  int lane = -1, clip = -1;
  if (laneGeometry().hit(lanes_, event->pos(), &lane, &clip)) {
    emit clipMenuRequested(lane, clip, event->globalPos());
    return event->accept();
  }
  QWidget::contextMenuEvent(event);
}

bool TimelineWidget::event(QEvent* event) {
  if (event->type() != QEvent::ToolTip) return QWidget::event(event);
  auto* help = static_cast<QHelpEvent*>(event);
  QString tip;
  if (const int row = hitChunk(help->pos(), nullptr); row >= 0) {
    const model::Chunk& chunk = chunks_->chunk(row);
    const QModelIndex index = chunks_->index(row);
    tip = tr("Chunk %1 · %2").arg(row + 1).arg(ChunkModel::statusText(chunks_->state(row)));
    if (!chunks_->why(row).isEmpty()) tip += QLatin1Char('\n') + chunks_->why(row);
    tip +=
        QLatin1Char('\n') + (chunk.prompt.isEmpty() ? tr("Follows the scene's prompt")
                                                    : tr("Prompt: %1").arg(chunk.prompt.left(200)));
    tip += QLatin1Char('\n') + tr("Seed %1 · %2 · %3 s from %4 s")
                                   .arg(chunk.seed)
                                   .arg(formatCost(chunk.cost))
                                   .arg(index.data(ChunkModel::DurationRole).toDouble(), 0, 'f', 2)
                                   .arg(index.data(ChunkModel::StartRole).toDouble(), 0, 'f', 2);
    tip += QLatin1Char('\n') + tr("Right-click for Regenerate, takes and more");
  } else if (int lane = -1, clip = -1; laneGeometry().hit(lanes_, help->pos(), &lane, &clip)) {
    tip = lanes_[lane].clips[clip].toolTip();
  } else if (help->pos().y() < 22) {
    tip = tr("Click or drag to move the playhead");
  }
  if (tip.isEmpty()) {
    QToolTip::hideText();
    event->ignore();
  } else {
    QToolTip::showText(help->globalPos(), tip, this);
  }
  return true;
}

}  // namespace sw::ui
