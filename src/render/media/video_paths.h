// The three video paths of stitch(), each writing the video stream through a StitchMuxer.
#pragma once

#include "render/media/encoders.h"
#include "render/media/export_control.h"
#include "render/media/muxer.h"
#include "render/media/render_plan.h"
#include "render/media/timeline.h"

#include <QString>

namespace sw::media {

struct VideoProgress {
  const ExportControl& control;
  double from, to;
  int64_t total;
  void frames(int64_t done) const;
};

VideoEncodeSettings outputEncodeSettings(const RenderPlan& plan, const Timeline& t);

// Stream copy of file frames [first, end) of segment s, landing at output frame outFrame.
// first must be a keyframe; end a keyframe or the end of the file.
void copyPackets(const ResolvedSegment& s, const Timeline& t, int64_t first, int64_t end, int64_t outFrame,
                 StitchMuxer& mux, const VideoProgress& progress);

// Adds the video stream and writes all segments by stream copy.
void writeStreamCopy(const Timeline& t, StitchMuxer& mux, const VideoProgress& progress);
// Adds the video stream and writes everything re-encoded. Returns frames encoded.
int64_t writeFullReencode(const RenderPlan& plan, const Timeline& t, StitchMuxer& mux,
                          const VideoProgress& progress);

// Checks whether a smart render is possible (matching x264 settings give identical SPS/PPS).
// Returns an empty string when it is, otherwise why not.
QString smartRenderBlocker(const Timeline& t);
// Adds the video stream and writes copy ranges + re-encoded islands. Returns frames encoded.
int64_t writeSmartRender(const Timeline& t, StitchMuxer& mux, const VideoProgress& progress);

}  // namespace sw::media
