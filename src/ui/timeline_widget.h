// The chunk timeline: the selected scene's chunks left to right (width proportional to
// duration) with filmstrip thumbnails, status badges, transitions and trim handles, and the
// audio lanes below. Zoom with Ctrl+wheel or +/-; scroll with the enclosing scroll area.
#pragma once

#include <QWidget>

#include "model/types.h"
#include "ui/timeline_lane_painter.h"
#include "ui/timeline_lanes.h"

class QTimer;

namespace sw::ui {

class ChunkModel;
class MediaDrops;
class ProjectSession;
class ThumbnailLoader;
class WaveformCache;

class TimelineWidget : public QWidget {
  Q_OBJECT
 public:
  TimelineWidget(ProjectSession* session, ChunkModel* chunks, ThumbnailLoader* thumbnails,
                 QWidget* parent = nullptr);

  void setPixelsPerSecond(double pps);
  void zoomIn() { setPixelsPerSecond(pixelsPerSecond_ * 1.25); }
  void zoomOut() { setPixelsPerSecond(pixelsPerSecond_ / 1.25); }
  void zoomToFit(int viewportWidth);
  void selectChunk(model::Id chunkId);
  ChunkModel* chunkModel() const { return chunks_; }
  void setPlayhead(double seconds);
  double playhead() const { return playhead_; }
  double timeAt(double x) const;    // scene seconds under widget x
  QRectF chunkRect(int row) const;  // in widget coordinates
  void setWaveformCache(WaveformCache* waveforms);
  // Files dropped on a chunk (a video: a new take) or an audio clip (a sound: replaces it) go to
  // `drops` (timeline_drops.cpp); without it the timeline takes no drops.
  void setMediaDrops(MediaDrops* drops);
  model::Id sceneId() const;
  const QList<AudioLane>& lanes() const { return lanes_; }
  LaneGeometry laneGeometry() const;
  // While a file is dragged over the timeline: the chunk row, or the audio lane and clip, that
  // would receive it (highlighted); -1 when nothing would (a file that does not fit is refused
  // with the forbidden cursor).
  int dropHintRow() const { return dropRow_; }
  int dropHintLane() const { return dropLane_; }
  int dropHintClip() const { return dropClip_; }
  QString trimText() const;  // what the dragged trim handle shows (empty: no trim drag)
  QSize sizeHint() const override;

 Q_SIGNALS:
  void chunkSelected(qint64 chunkId);
  void audioClipSelected(int lane, int clip);  // a click on an audio clip (lanes() indices)
  void seekRequested(double seconds);
  // A right click on a chunk or an audio clip (timeline_menus.cpp); `globalPos` for the menu.
  void chunkMenuRequested(qint64 chunkId, const QPoint& globalPos);
  void clipMenuRequested(
      int lane, int clip,
      const QPoint& globalPos);  // lanes() indices  // a click or drag on the ruler (scene seconds)

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void contextMenuEvent(QContextMenuEvent* event) override;
  bool event(QEvent* event) override;  // tooltips
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragLeaveEvent(QDragLeaveEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  enum class Drag { None, TrimIn, TrimOut, Scrub };
  void rebuild();   // the lanes from the store, then relayout()
  void relayout();  // size and repaint at the current zoom
  void paintRuler(QPainter& p, const QRect& exposed);
  void paintChunk(QPainter& p, int row);
  void paintFilmstrip(QPainter& p, int row, const QRectF& r);
  void paintBadge(QPainter& p, int row, const QRectF& r);
  void paintTransition(QPainter& p, int row);
  void paintTrimTime(QPainter& p, const QRectF& r);
  int hitChunk(const QPointF& pos, Drag* edge) const;
  void finishTrim();
  double laneTop() const;
  // What a drop at `pos` replaces: a chunk row, or an audio lane and clip; false when nothing.
  bool dropTarget(const QPointF& pos, int* chunkRow, int* lane, int* clip) const;
  void setDropHint(int chunkRow, int lane, int clip);  // -1: none
  void paintDropHint(QPainter& p);

  ProjectSession* session_;
  ChunkModel* chunks_;
  ThumbnailLoader* thumbnails_;
  WaveformCache* waveforms_ = nullptr;
  MediaDrops* drops_ = nullptr;
  QList<AudioLane> lanes_;
  QTimer* spinner_;
  int spinnerAngle_ = 0;
  double pixelsPerSecond_ = 40.0;
  double playhead_ = -1.0;
  model::Id selected_ = 0;
  Drag drag_ = Drag::None;
  int dragRow_ = -1;
  double dragStartX_ = 0.0;
  double dragDelta_ = 0.0;
  int dropRow_ = -1;
  int dropLane_ = -1;
  int dropClip_ = -1;
};

}  // namespace sw::ui
