#include "ui/timeline_widget.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QUndoStack>
#include <QWheelEvent>
#include <cmath>

#include "ui/chunk_model.h"
#include "ui/project_session.h"
#include "ui/row_commands.h"
#include "ui/theme.h"
#include "ui/thumbnail_loader.h"
#include "ui/waveform_cache.h"

namespace sw::ui {

namespace {
constexpr int kRulerHeight = 22;
constexpr int kChunkHeight = 84;
constexpr int kLaneHeight = 26;
constexpr int kHeaderWidth = 92;  // lane titles on the left
constexpr int kHandle = 6;

QColor statusColor(render::SlotState state) {
  switch (state) {
    case render::SlotState::Pending:
    case render::SlotState::Unused:
      return QColor(0x6b, 0x72, 0x80);
    case render::SlotState::Generating:
      return QColor(0x25, 0x63, 0xeb);
    case render::SlotState::Ready:
      return QColor(0x16, 0xa3, 0x4a);
    case render::SlotState::Failed:
    case render::SlotState::Missing:
      return QColor(0xdc, 0x26, 0x26);
    case render::SlotState::Stale:
    case render::SlotState::OutOfDate:
      return QColor(0xd9, 0x77, 0x06);
  }
  return Qt::gray;
}

}  // namespace

TimelineWidget::TimelineWidget(ProjectSession* session, ChunkModel* chunks,
                               ThumbnailLoader* thumbnails, QWidget* parent)
    : QWidget(parent),
      session_(session),
      chunks_(chunks),
      thumbnails_(thumbnails),
      spinner_(new QTimer(this)) {
  setFocusPolicy(Qt::StrongFocus);
  setMouseTracking(true);
  setAccessibleName(tr("Chunk timeline"));
  spinner_->setInterval(80);
  connect(spinner_, &QTimer::timeout, this, [this] {
    spinnerAngle_ = (spinnerAngle_ + 30) % 360;
    update();
  });
  connect(chunks_, &QAbstractItemModel::modelReset, this, &TimelineWidget::rebuild);
  connect(session_, &ProjectSession::sceneChanged, this, &TimelineWidget::rebuild);
  connect(session_, &ProjectSession::sceneContentChanged, this, &TimelineWidget::rebuild);
  connect(thumbnails_, &ThumbnailLoader::thumbnailReady, this,
          qOverload<>(&TimelineWidget::update));
  rebuild();
}

void TimelineWidget::rebuild() {
  const model::Id scene = chunks_->sceneId();
  double seconds = chunks_->totalDuration();
  if (const auto s = scene ? session_->store().scene(scene) : std::nullopt)
    seconds = std::max(seconds, s->targetDuration);
  const double renderSeconds = scene ? session_->sceneState(scene).duration : 0.0;
  lanes_ = scene ? buildAudioLanes(session_->store(), scene, std::max(seconds, renderSeconds),
                                   renderSeconds)
                 : QList<AudioLane>();
  bool generating = false;
  for (int row = 0; row < chunks_->rowCount(); ++row)
    generating |= chunks_->state(row) == render::SlotState::Generating;
  generating ? spinner_->start() : spinner_->stop();
  if (chunks_->rowOf(selected_) < 0) selected_ = 0;
  relayout();
}

void TimelineWidget::relayout() {
  updateGeometry();
  resize(sizeHint().expandedTo(parentWidget() ? parentWidget()->size() : QSize()));
  update();
}

QSize TimelineWidget::sizeHint() const {
  double seconds = chunks_->totalDuration();
  for (const AudioLane& lane : lanes_)
    for (const LaneClip& clip : lane.clips) seconds = std::max(seconds, clip.start + clip.duration);
  const int width = kHeaderWidth + int(std::ceil(seconds * pixelsPerSecond_)) + 40;
  return {std::max(width, 400), int(laneTop() + lanes_.size() * kLaneHeight + 8)};
}

double TimelineWidget::laneTop() const { return kRulerHeight + kChunkHeight + 14; }

model::Id TimelineWidget::sceneId() const { return chunks_->sceneId(); }

LaneGeometry TimelineWidget::laneGeometry() const {
  return {kHeaderWidth, laneTop(), kLaneHeight, pixelsPerSecond_, double(width())};
}

void TimelineWidget::setWaveformCache(WaveformCache* waveforms) {
  waveforms_ = waveforms;
  connect(waveforms_, &WaveformCache::waveformReady, this, qOverload<>(&TimelineWidget::update));
  update();
}

// The lanes are in seconds: a zoom lays them out again without reading the scene.
void TimelineWidget::setPixelsPerSecond(double pps) {
  pixelsPerSecond_ = std::clamp(pps, 4.0, 400.0);
  relayout();
}

void TimelineWidget::zoomToFit(int viewportWidth) {
  const double seconds = std::max(1.0, chunks_->totalDuration());
  setPixelsPerSecond((viewportWidth - kHeaderWidth - 40) / seconds);
}

void TimelineWidget::selectChunk(model::Id chunkId) {
  if (selected_ == chunkId) return;
  selected_ = chunkId;
  update();
  emit chunkSelected(chunkId);
}

void TimelineWidget::setPlayhead(double seconds) {
  playhead_ = seconds;
  update();
}

QRectF TimelineWidget::chunkRect(int row) const {
  const QModelIndex index = chunks_->index(row);
  double start = index.data(ChunkModel::StartRole).toDouble();
  double duration = index.data(ChunkModel::DurationRole).toDouble();
  if (row == dragRow_ && drag_ == Drag::TrimIn) {
    start += dragDelta_;
    duration -= dragDelta_;
  } else if (row == dragRow_ && drag_ == Drag::TrimOut) {
    duration += dragDelta_;
  }
  return QRectF(kHeaderWidth + start * pixelsPerSecond_, kRulerHeight + 4,
                std::max(8.0, duration * pixelsPerSecond_ - 2), kChunkHeight);
}

void TimelineWidget::paintEvent(QPaintEvent* event) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  p.fillRect(event->rect(), palette().base());
  paintRuler(p, event->rect());
  if (chunks_->rowCount() == 0) {
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QRectF(kHeaderWidth, kRulerHeight, width() - kHeaderWidth, kChunkHeight),
               Qt::AlignCenter | Qt::TextWordWrap,
               chunks_->sceneId() ? tr("No chunks yet: Render Scene plans and generates them.")
                                  : tr("Select a scene to see its chunks."));
  }
  for (int row = 0; row < chunks_->rowCount(); ++row) {
    if (!chunkRect(row).intersects(event->rect())) continue;
    paintChunk(p, row);
    paintTransition(p, row);
  }
  if (dragRow_ >= 0 && (drag_ == Drag::TrimIn || drag_ == Drag::TrimOut))
    paintTrimTime(p, chunkRect(dragRow_));  // over the next chunk
  paintAudioLanes(p, palette(), lanes_, laneGeometry(), waveforms_);
  paintDropHint(p);
  if (playhead_ >= 0) {
    const double x = kHeaderWidth + playhead_ * pixelsPerSecond_;
    p.setPen(QPen(QColor(0xef, 0x44, 0x44), 2));
    p.drawLine(QPointF(x, 0), QPointF(x, height()));
  }
}

void TimelineWidget::paintRuler(QPainter& p, const QRect& exposed) {
  p.fillRect(QRect(0, 0, width(), kRulerHeight), palette().window());
  p.setPen(palette().color(QPalette::WindowText));
  const double step = pixelsPerSecond_ >= 60 ? 1 : pixelsPerSecond_ >= 15 ? 5 : 10;
  const double first =
      std::floor(std::max(0, exposed.left() - kHeaderWidth) / pixelsPerSecond_ / step) * step;
  for (double t = first; kHeaderWidth + t * pixelsPerSecond_ <= exposed.right() + 1; t += step) {
    const double x = kHeaderWidth + t * pixelsPerSecond_;
    p.drawLine(QPointF(x, kRulerHeight - 6), QPointF(x, kRulerHeight));
    p.drawText(QPointF(x + 3, kRulerHeight - 8), QStringLiteral("%1s").arg(t));
  }
}

void TimelineWidget::paintChunk(QPainter& p, int row) {
  const model::Chunk& chunk = chunks_->chunk(row);
  const QRectF r = chunkRect(row);
  QPainterPath shape;
  shape.addRoundedRect(r, 5, 5);
  // A dark film box in both themes; on a dark base a lighter one keeps its outline visible.
  p.fillPath(shape, isDark(palette()) ? QColor(0x37, 0x41, 0x51) : QColor(0x1f, 0x29, 0x37));
  p.save();
  p.setClipPath(shape);
  paintFilmstrip(p, row, r);
  p.restore();
  const bool selected = chunk.id == selected_;
  p.setBrush(Qt::NoBrush);
  p.setPen(QPen(selected ? palette().color(QPalette::Highlight) : statusColor(chunks_->state(row)),
                selected ? 3 : 1.5));
  p.drawPath(shape);
  paintBadge(p, row, r);
  // Trim handles on the selected chunk.
  if (selected) {
    p.setBrush(palette().color(QPalette::Highlight));
    p.setPen(Qt::NoPen);
    p.drawRect(QRectF(r.left(), r.top() + 20, kHandle, r.height() - 40));
    p.drawRect(QRectF(r.right() - kHandle, r.top() + 20, kHandle, r.height() - 40));
  }
}

// While a handle is dragged: where the chunk will start or end in its file and in the scene.
void TimelineWidget::paintTrimTime(QPainter& p, const QRectF& r) {
  const model::Chunk& chunk = chunks_->chunk(dragRow_);
  const QModelIndex index = chunks_->index(dragRow_);
  const bool in = drag_ == Drag::TrimIn;
  const double scene =
      index.data(ChunkModel::StartRole).toDouble() +
      (in ? dragDelta_ : index.data(ChunkModel::DurationRole).toDouble() + dragDelta_);
  const QString text = in ? tr("In %1 s (scene %2 s)")
                                .arg(chunk.trimIn + dragDelta_, 0, 'f', 2)
                                .arg(scene, 0, 'f', 2)
                          : tr("Out: %1 s trimmed (scene %2 s)")
                                .arg(chunk.trimOut - dragDelta_, 0, 'f', 2)
                                .arg(scene, 0, 'f', 2);
  const QFontMetrics fm(font());
  const double w = fm.horizontalAdvance(text) + 12;
  const double x = in ? r.left() + kHandle + 2 : r.right() + 4;  // beside the handle
  const QRectF label(x, r.bottom() - 20, w, 17);
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(0, 0, 0, 200));
  p.drawRoundedRect(label, 4, 4);
  p.setPen(Qt::white);
  p.drawText(label, Qt::AlignCenter, text);
}

QString TimelineWidget::trimText() const {
  if (dragRow_ < 0 || (drag_ != Drag::TrimIn && drag_ != Drag::TrimOut)) return {};
  const model::Chunk& chunk = chunks_->chunk(dragRow_);
  return drag_ == Drag::TrimIn ? tr("In %1 s").arg(chunk.trimIn + dragDelta_, 0, 'f', 2)
                               : tr("Out: %1 s trimmed").arg(chunk.trimOut - dragDelta_, 0, 'f', 2);
}

void TimelineWidget::paintFilmstrip(QPainter& p, int row, const QRectF& r) {
  const QModelIndex index = chunks_->index(row);
  const QString path = index.data(ChunkModel::AssetPathRole).toString();
  const int thumbHeight = kChunkHeight - 22;
  const int thumbWidth = thumbHeight * 16 / 9;
  const int frames = std::max(1, int(std::ceil(r.width() / thumbWidth)));
  const double duration = index.data(ChunkModel::DurationRole).toDouble();
  const double trimIn = chunks_->chunk(row).trimIn;
  bool any = false;
  for (int i = 0; i < frames && !path.isEmpty(); ++i) {
    const QPixmap thumb =
        thumbnails_->thumbnail(path, trimIn + duration * (i + 0.5) / frames, thumbHeight);
    if (thumb.isNull()) continue;
    any = true;
    p.drawPixmap(QPointF(r.left() + i * thumbWidth, r.top() + 20), thumb);
  }
  if (!any) {
    p.setPen(QColor(0xd1, 0xd5, 0xdb));
    p.drawText(r.adjusted(8, 22, -8, -4), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
               chunks_->chunk(row).prompt.isEmpty() ? tr("(follows the scene's prompt)")
                                                    : chunks_->chunk(row).prompt);
  }
}

void TimelineWidget::paintBadge(QPainter& p, int row, const QRectF& r) {
  const render::SlotState state = chunks_->state(row);
  const bool generating = state == render::SlotState::Generating;
  const QString text = tr("%1 · %2").arg(row + 1).arg(ChunkModel::statusText(state));
  const QFontMetrics fm(font());
  const QRectF badge(r.left() + 4, r.top() + 3,
                     fm.horizontalAdvance(text) + 14 + (generating ? 14 : 0), 15);
  p.setPen(Qt::NoPen);
  p.setBrush(statusColor(state));
  p.drawRoundedRect(badge, 7, 7);
  p.setPen(Qt::white);
  double textLeft = badge.left() + 7;
  if (generating) {
    const QRectF spin(badge.left() + 4, badge.top() + 2.5, 10, 10);
    p.setPen(QPen(Qt::white, 2));
    p.drawArc(spin, -spinnerAngle_ * 16, 270 * 16);
    textLeft += 12;
  }
  p.drawText(QRectF(textLeft, badge.top(), badge.width(), badge.height()), Qt::AlignVCenter, text);
  const model::Chunk& chunk = chunks_->chunk(row);
  if (chunk.cost > 0) {
    p.setPen(QColor(0xe5, 0xe7, 0xeb));
    p.drawText(r.adjusted(0, 3, -6, 0), Qt::AlignRight | Qt::AlignTop,
               QStringLiteral("$%1").arg(chunk.cost, 0, 'f', 2));
  }
}

void TimelineWidget::paintTransition(QPainter& p, int row) {
  if (row + 1 >= chunks_->rowCount()) return;
  const QString transition = chunks_->chunk(row).transition;
  const QRectF r = chunkRect(row);
  const QPointF centre(r.right() + 1, r.center().y());
  if (transition == QLatin1String("crossfade")) {
    p.setPen(QPen(QColor(0xfb, 0xbf, 0x24), 2));
    p.drawLine(centre + QPointF(-7, -7), centre + QPointF(7, 7));
    p.drawLine(centre + QPointF(-7, 7), centre + QPointF(7, -7));
  } else {
    p.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    p.drawLine(QPointF(centre.x(), r.top()), QPointF(centre.x(), r.bottom()));
  }
}

int TimelineWidget::hitChunk(const QPointF& pos, Drag* edge) const {
  for (int row = 0; row < chunks_->rowCount(); ++row) {
    const QRectF r = chunkRect(row);
    if (!r.contains(pos)) continue;
    if (edge) {
      const bool selected = chunks_->chunk(row).id == selected_;
      *edge = !selected                            ? Drag::None
              : pos.x() <= r.left() + kHandle + 2  ? Drag::TrimIn
              : pos.x() >= r.right() - kHandle - 2 ? Drag::TrimOut
                                                   : Drag::None;
    }
    return row;
  }
  return -1;
}

void TimelineWidget::mousePressEvent(QMouseEvent* event) {
  Drag edge = Drag::None;
  const int row = hitChunk(event->position(), &edge);
  if (event->position().y() < kRulerHeight && event->button() == Qt::LeftButton) {
    drag_ = Drag::Scrub;
    setPlayhead(timeAt(event->position().x()));
    emit seekRequested(playhead_);
    return;
  }
  if (row < 0) {
    int lane = -1, clip = -1;
    if (event->button() == Qt::LeftButton &&
        laneGeometry().hit(lanes_, event->position(), &lane, &clip))
      emit audioClipSelected(lane, clip);
    return;
  }
  if (edge != Drag::None) {
    drag_ = edge;
    dragRow_ = row;
    dragStartX_ = event->position().x();
    dragDelta_ = 0;
    return;
  }
  selectChunk(chunks_->chunk(row).id);
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event) {
  if (drag_ == Drag::Scrub) {
    setPlayhead(timeAt(event->position().x()));
    emit seekRequested(playhead_);
    return;
  }
  if (drag_ == Drag::None) {
    Drag edge = Drag::None;
    hitChunk(event->position(), &edge);
    setCursor(edge == Drag::None ? Qt::ArrowCursor : Qt::SizeHorCursor);
    return;
  }
  const QModelIndex index = chunks_->index(dragRow_);
  const double duration = index.data(ChunkModel::DurationRole).toDouble();
  const model::Chunk& chunk = chunks_->chunk(dragRow_);
  double delta = (event->position().x() - dragStartX_) / pixelsPerSecond_;
  // Keep at least 0.2 s, never trim below zero (you cannot extend past the generated file).
  if (drag_ == Drag::TrimIn)
    delta = std::clamp(delta, -chunk.trimIn, duration - 0.2);
  else
    delta = std::clamp(delta, -(duration - 0.2), chunk.trimOut);
  dragDelta_ = delta;
  update();
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent*) {
  if (drag_ == Drag::Scrub) drag_ = Drag::None;
  if (drag_ != Drag::None) finishTrim();
}

double TimelineWidget::timeAt(double x) const {
  return std::max(0.0, (x - kHeaderWidth) / pixelsPerSecond_);
}

void TimelineWidget::finishTrim() {
  const model::Chunk before = chunks_->chunk(dragRow_);
  model::Chunk after = before;
  if (drag_ == Drag::TrimIn)
    after.trimIn = before.trimIn + dragDelta_;
  else
    after.trimOut = before.trimOut - dragDelta_;
  drag_ = Drag::None;
  dragRow_ = -1;
  if (std::abs(dragDelta_) > 1e-3)
    session_->undoStack()->push(new EditRowCommand<model::Chunk>(
        session_, before, after, QStringLiteral("trim"), tr("Trim chunk")));
  dragDelta_ = 0;
  update();
}

void TimelineWidget::wheelEvent(QWheelEvent* event) {
  if (!(event->modifiers() & Qt::ControlModifier)) return QWidget::wheelEvent(event);
  event->angleDelta().y() > 0 ? zoomIn() : zoomOut();
  event->accept();
}

void TimelineWidget::keyPressEvent(QKeyEvent* event) {
  const int row = chunks_->rowOf(selected_);
  switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
      zoomIn();
      break;
    case Qt::Key_Minus:
      zoomOut();
      break;
    case Qt::Key_Left:  // plain Left/Right step frames (transport_actions.h)
      if (row > 0 && event->modifiers() & Qt::ControlModifier)
        selectChunk(chunks_->chunk(row - 1).id);
      break;
    case Qt::Key_Right:
      if (row + 1 < chunks_->rowCount() && event->modifiers() & Qt::ControlModifier)
        selectChunk(chunks_->chunk(row + 1).id);
      break;
    default:
      QWidget::keyPressEvent(event);
  }
}

}  // namespace sw::ui
