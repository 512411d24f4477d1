// Draws the timeline's audio lanes: titles, clips with their waveform (from the WaveformCache,
// once computed) and text, and a red hatch with a line where the render cuts a clip.
#pragma once

#include <QList>
#include <QRectF>

#include "ui/timeline_lanes.h"

class QPainter;
class QPalette;

namespace sw::ui {

class WaveformCache;

struct LaneGeometry {
  double headerWidth = 0;
  double top = 0;  // of the first lane
  double laneHeight = 0;
  double pixelsPerSecond = 1;
  double width = 0;  // of the widget

  QRectF clipRect(int lane, const LaneClip& clip) const;
  // The lane and clip under `pos` (false when none).
  bool hit(const QList<AudioLane>& lanes, const QPointF& pos, int* lane, int* clip) const;
};

void paintAudioLanes(QPainter& p, const QPalette& palette, const QList<AudioLane>& lanes,
                     const LaneGeometry& g, WaveformCache* waveforms);

}  // namespace sw::ui
