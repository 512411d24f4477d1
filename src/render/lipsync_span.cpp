#include "render/lipsync_span.h"

#include <algorithm>
#include <cmath>

namespace sw::render {

QList<LipSyncSpan> lipSyncSpans(const QList<TimelineSegment>& segments, double fps,
                                double lineStart, double lineSeconds, double sceneSeconds,
                                double margin) {
  QList<LipSyncSpan> out;
  const double a = std::max(0.0, lineStart - margin);
  const double b = std::min(sceneSeconds > 0 ? sceneSeconds : 1e18,
                            lineStart + std::max(0.0, lineSeconds) + margin);
  if (b <= a) return out;
  double position = 0.0;  // scene time where the segment's first shown frame is
  for (int i = 0; i < segments.size(); ++i) {
    const TimelineSegment& seg = segments[i];
    const double rate = seg.fpsNum > 0 && seg.fpsDen > 0 ? double(seg.fpsNum) / seg.fpsDen : fps;
    if (rate <= 0) continue;
    const double fileStart = seg.trimIn + (seg.dropFirstFrame ? 1.0 / rate : 0.0);
    const double fileEnd = segmentOutPoint(seg);
    const double length = std::max(0.0, fileEnd - fileStart);
    const double from = std::max(a, position), to = std::min(b, position + length);
    if (to > from) {
      // Whole frames of the file: the first that is shown at `from`, up to the last shown
      // before `to`.
      const int64_t lastFrame = int64_t(std::floor(fileEnd * rate + 1e-6));  // exclusive
      const int64_t k0 = int64_t(std::floor((fileStart + from - position) * rate + 1e-6));
      const int64_t k1 =
          std::min(lastFrame, int64_t(std::ceil((fileStart + to - position) * rate - 1e-6)));
      if (k1 > k0) {
        LipSyncSpan span;
        span.segment = i;
        span.firstFrame = k0;
        span.frameCount = k1 - k0;
        span.fps = rate;
        span.sceneStart = position + (double(k0) / rate - fileStart);
        span.audioOffset = span.sceneStart - lineStart;
        out.append(span);
      }
    }
    position += length - (seg.crossfade ? seg.transitionDuration : 0.0);
  }
  return out;
}

}  // namespace sw::render
