#include "ui/timeline_lane_painter.h"

#include <QPainter>
#include <QPalette>
#include <cmath>

#include "ui/waveform_cache.h"

namespace sw::ui {

namespace {
QColor laneColor(AudioLane::Kind kind) {
  switch (kind) {
    case AudioLane::Narration:
      return QColor(0x0e, 0x74, 0x90);
    case AudioLane::Dialogue:
      return QColor(0x7c, 0x3a, 0xed);
    case AudioLane::Music:
      return QColor(0xbe, 0x18, 0x5d);
    case AudioLane::Sfx:
      return QColor(0xb4, 0x53, 0x09);
  }
  return Qt::gray;
}

// Peak bars, one per pixel column, mirrored around the clip's middle.
void paintWaveform(QPainter& p, const QRectF& r, const media::Waveform& wave, double pps) {
  if (wave.peaks.empty() || wave.peaksPerSecond <= 0) return;
  p.setPen(QPen(QColor(255, 255, 255, 80), 1));
  const double mid = r.center().y();
  const double half = r.height() / 2 - 1;
  for (int x = 0; x < int(r.width()); ++x) {
    const auto from = size_t(x / pps * wave.peaksPerSecond);
    const auto to = std::max(from + 1, size_t((x + 1) / pps * wave.peaksPerSecond));
    if (from >= wave.peaks.size()) break;
    float peak = 0;
    for (size_t i = from; i < std::min(to, wave.peaks.size()); ++i)
      peak = std::max(peak, wave.peaks[i]);
    const double h = std::max(0.5, double(peak) * half);
    p.drawLine(QPointF(r.left() + x + 0.5, mid - h), QPointF(r.left() + x + 0.5, mid + h));
  }
}
}  // namespace

QRectF LaneGeometry::clipRect(int lane, const LaneClip& clip) const {
  return QRectF(headerWidth + clip.start * pixelsPerSecond, top + lane * laneHeight + 1,
                std::max(6.0, clip.duration * pixelsPerSecond), laneHeight - 6);
}

bool LaneGeometry::hit(const QList<AudioLane>& lanes, const QPointF& pos, int* lane,
                       int* clip) const {
  for (int l = 0; l < lanes.size(); ++l)
    for (int c = 0; c < lanes[l].clips.size(); ++c)
      if (clipRect(l, lanes[l].clips[c]).contains(pos)) {
        *lane = l;
        *clip = c;
        return true;
      }
  return false;
}

void paintAudioLanes(QPainter& p, const QPalette& palette, const QList<AudioLane>& lanes,
                     const LaneGeometry& g, WaveformCache* waveforms) {
  for (int l = 0; l < lanes.size(); ++l) {
    const AudioLane& lane = lanes[l];
    const double y = g.top + l * g.laneHeight;
    const QRectF header(0, y, g.headerWidth - 4, g.laneHeight - 4);
    p.setPen(palette.color(QPalette::WindowText));
    p.drawText(header.adjusted(4, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
               p.fontMetrics().elidedText(lane.title, Qt::ElideRight, int(header.width()) - 4));
    p.setPen(palette.color(QPalette::Midlight));
    p.drawLine(QPointF(g.headerWidth, y + g.laneHeight - 2),
               QPointF(g.width, y + g.laneHeight - 2));
    for (const LaneClip& clip : lane.clips) {
      const QRectF r = g.clipRect(l, clip);
      QColor color = laneColor(lane.kind);
      if (!clip.generated) color.setAlpha(110);  // planned, not generated yet
      p.setPen(Qt::NoPen);
      p.setBrush(color);
      p.drawRoundedRect(r, 3, 3);
      if (waveforms && !clip.file.isEmpty())
        if (const auto wave = waveforms->waveform(clip.cacheKey, clip.file)) {
          p.save();
          p.setClipRect(r);
          paintWaveform(p, r, *wave, g.pixelsPerSecond);
          p.restore();
        }
      if (clip.cutAt >= 0) {  // what the render leaves out: red hatch from the cut on
        const double x = g.headerWidth + clip.cutAt * g.pixelsPerSecond;
        const QRectF lost(std::max(r.left(), x), r.top(), r.right() - std::max(r.left(), x),
                          r.height());
        p.fillRect(lost, QBrush(QColor(0xdc, 0x26, 0x26, 200), Qt::BDiagPattern));
        p.setPen(QPen(QColor(0xdc, 0x26, 0x26), 2));
        p.drawLine(QPointF(lost.left(), r.top()), QPointF(lost.left(), r.bottom()));
      }
      // White on the lane colour, with a dark shadow that keeps it readable over the waveform.
      const QString label =
          p.fontMetrics().elidedText(clip.label, Qt::ElideRight, int(r.width()) - 6);
      p.setPen(QColor(0, 0, 0, 170));
      p.drawText(r.adjusted(5, 1, -1, 1), Qt::AlignVCenter, label);
      p.setPen(Qt::white);
      p.drawText(r.adjusted(4, 0, -2, 0), Qt::AlignVCenter, label);
    }
  }
}

}  // namespace sw::ui
