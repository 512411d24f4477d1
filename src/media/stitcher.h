// stitch(): renders a RenderPlan to its output file. Picks one of three video paths
//   stream-copy   : every input matches the output and every cut is on a keyframe (remux only)
//   smart-render  : inputs match but some cuts fall inside a GOP or crossfade: only the GOPs
//                   around those points are re-encoded with the source's x264 settings
//   full-reencode : decode, normalise (scale+pad, fps, yuv420p, SAR 1), trim, crossfade, encode
// Audio: with nothing to mix (no clips, chunk audio kept, cuts only, same AAC config everywhere and
// the video not fully re-encoded) the chunks' AAC packets are copied (audio_copy.h); otherwise it
// is rendered fresh (chunk audio with cut fades, clips, ducking, EBU R128) and muxed.
// The output is written under a temporary name in its folder and renamed at the end; on error or
// cancellation nothing is left at the output path. An output that is one of the plan's inputs (or
// a link to one) or an existing path that is not a regular file (/dev/null, a folder, a fifo) is
// refused with MediaError(Unwritable) before anything is read (output_path.h).
#pragma once

#include "media/compat.h"
#include "media/early_pieces.h"
#include "media/export_control.h"
#include "media/loudness.h"
#include "media/render_plan.h"

#include <QJsonObject>

namespace sw::media {

struct StitchReport {
  QString output;
  StitchPath path = StitchPath::FullReencode;
  QString reason;  // why this path (and why a smart render fell back)
  CompatReport compatibility;
  int64_t frames = 0;
  double duration = 0.0;        // planned = written, seconds
  double elapsed = 0.0;         // wall-clock seconds spent
  LoudnessStats measuredMix;    // loudness of the mix before normalisation
  int64_t reencodedFrames = 0;  // frames that went through the encoder (smart/full)
  int videoParts = 1;           // full re-encode: independent parts encoded side by side
  bool audioCopied = false;     // chunk AAC packets copied (no mix, no loudness normalisation)
  QString audioReason;          // why the audio was rendered fresh (empty when copied)
  int piecesUsed = 0;           // full re-encode: segments copied from pieces made ahead

  QJsonObject toJson() const;
  QString summary() const;  // one line: path, duration, seconds spent
};

// `pieces`: segments encoded ahead (early_pieces.h); a full re-encode copies the ones that match
// its timeline exactly and encodes the rest. The other paths do not use them.
StitchReport stitch(const RenderPlan& plan, const ExportControl& control = {},
                    const PieceList& pieces = {});

}  // namespace sw::media
