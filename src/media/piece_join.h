// The video of a full re-encode joined from pieces made ahead (early_pieces.h): every segment with
// a matching piece is copied from it packet for packet (its timestamps moved to where the segment
// starts), and each run of the other segments is encoded now as one independent part, side by
// side, with the same encoder settings; every part's parameter sets must equal the stream's.
#pragma once

#include "media/early_pieces.h"
#include "media/muxer.h"
#include "media/timeline.h"
#include "media/video_paths.h"

#include <optional>

namespace sw::media {

// Adds the video stream and writes it; returns the frames encoded now, and in *piecesUsed the
// pieces copied. nullopt (nothing written, no stream added) when no piece matches `t`.
std::optional<int64_t> writeWithPieces(const VideoEncodeSettings& settings, const PieceList& pieces,
                                       const Timeline& t, StitchMuxer& mux,
                                       const VideoProgress& progress, int* piecesUsed,
                                       int* partsUsed);

}  // namespace sw::media
