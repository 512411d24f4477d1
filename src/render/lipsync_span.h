// Where a dialogue line marked for lip sync falls on the scene's picture: the frames of each
// chunk under the line (its placement on the scene timeline, widened by a margin on both sides
// and cut to the scene), and where in the line's audio that stretch starts. Pure arithmetic on
// the timeline's segments; the render job cuts, sends and splices them (scene_job_lipsync.cpp).
#pragma once

#include "render/timeline_builder.h"

#include <QList>
#include <cstdint>

namespace sw::render {

// Seconds of picture kept on each side of a line when it is sent to a lip-sync model, so the
// mouth can open before the first sound and close after the last.
inline constexpr double kLipSyncMargin = 0.2;

struct LipSyncSpan {
  int segment = 0;          // index into the timeline's segments (one chunk)
  int64_t firstFrame = 0;   // frame index in the segment's file (frame k is at k / fps)
  int64_t frameCount = 0;   // frames to replace
  double fps = 0.0;         // the segment's frame rate
  double sceneStart = 0.0;  // scene time of firstFrame
  double seconds() const { return fps > 0 ? double(frameCount) / fps : 0.0; }
  // Seconds into the line's audio where the span starts (negative: the span starts before the
  // line, with that much silence first).
  double audioOffset = 0.0;
};

// The spans of a line placed at `lineStart` for `lineSeconds` on the scene timeline of
// `segments` (in order; each starts where the previous one's cut ends, less a crossfade), one
// per segment it touches, widened by `margin` and cut to [0, sceneSeconds]. `fps` is the
// timeline's rate for segments whose own rate is unknown. Empty when the line is not on the
// picture.
QList<LipSyncSpan> lipSyncSpans(const QList<TimelineSegment>& segments, double fps,
                                double lineStart, double lineSeconds, double sceneSeconds,
                                double margin = kLipSyncMargin);

}  // namespace sw::render
