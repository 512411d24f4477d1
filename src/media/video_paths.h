// The three video paths of stitch(), each writing the video stream through a StitchMuxer.
#pragma once

#include "media/early_pieces.h"
#include "media/encoders.h"
#include "media/export_control.h"
#include "media/island_pool.h"
#include "media/muxer.h"
#include "media/render_plan.h"
#include "media/timeline.h"

#include <QString>
#include <vector>

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
void copyPackets(const ResolvedSegment& s, const Timeline& t, int64_t first, int64_t end,
                 int64_t outFrame, StitchMuxer& mux, const VideoProgress& progress);

// Adds the video stream and writes all segments by stream copy.
void writeStreamCopy(const Timeline& t, StitchMuxer& mux, const VideoProgress& progress);
// The independent parts a full re-encode is cut into for `workers` encoders: [first, last) output
// frames, whole keyframe intervals (`gopFrames`; the last part takes the remainder), about
// `partFrames` long, their count a multiple of `workers` and the larger ones first. One part when
// partFrames <= 0, workers < 2 or the video holds less than two parts.
std::vector<Island> planEncodeParts(int64_t totalFrames, int gopFrames, int64_t partFrames,
                                    unsigned workers);

// Adds the video stream and writes everything re-encoded: with several parts (plan.output.
// partSeconds) and cores, the parts are encoded side by side by identical x264 encoders and
// joined; their parameter sets are checked to be identical. Segments with a matching piece made
// ahead (early_pieces.h) are copied from it instead (piece_join.h; *piecesUsed counts them).
// Returns frames encoded.
int64_t writeFullReencode(const RenderPlan& plan, const Timeline& t, StitchMuxer& mux,
                          const VideoProgress& progress, int* partsUsed = nullptr,
                          const PieceList& pieces = {}, int* piecesUsed = nullptr);

// Checks whether a smart render is possible (matching x264 settings give identical SPS/PPS).
// Returns an empty string when it is, otherwise why not.
QString smartRenderBlocker(const Timeline& t);
// Adds the video stream and writes copy ranges + re-encoded islands. Returns frames encoded.
int64_t writeSmartRender(const Timeline& t, StitchMuxer& mux, const VideoProgress& progress);

}  // namespace sw::media
