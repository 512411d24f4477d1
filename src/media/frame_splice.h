// Frame-exact cutting and splicing for lip sync (render/lipsync_splice.h): a span of a chunk's
// frames goes to a lip-sync service with the audio of the same stretch of the scene, and what
// comes back replaces exactly those frames. Every function decodes every frame (no keyframe
// seeking), writes through MediaWriter (each frame lasts 1/fps, deterministic) and throws
// MediaError naming the file.
#pragma once

#include <QString>
#include <cstdint>

extern "C" {
#include <libavutil/rational.h>
}

namespace sw::media {

struct FrameCount {
  int width = 0;
  int height = 0;
  AVRational fps{0, 1};  // the stream's average frame rate
  int64_t frames = 0;    // decoded frames
};

// Decodes every frame of `path`'s video.
FrameCount countVideoFrames(const QString& path);

// Frames [first, first + count) of `source`'s video as an MP4 (H.264, no audio) at `out`, with the
// source's size and frame rate. Throws when the source has fewer frames.
FrameCount cutVideoFrames(const QString& source, int64_t first, int64_t count, const QString& out);

// `seconds` of `source`'s audio as a mono 16-bit WAV at `rate` Hz, starting `offset` seconds
// into the source; a negative offset begins with that much silence, and silence follows the end
// of the source. Returns the samples written (llround(seconds * rate)).
int64_t cutAudioWindow(const QString& source, double offset, double seconds, const QString& out,
                       int rate = 48000);

struct SpliceReport {
  int64_t frames = 0;             // frames written (always the original's count)
  int64_t replaced = 0;           // original frames replaced by frames of the replacement
  int64_t replacementFrames = 0;  // frames the replacement has
};

// `original` with its frames [first, first + count) replaced, in order, by the first frames of
// `replacement` (scaled to the original's size): same size, frame rate and frame count as the
// original. A replacement with fewer than `count` frames replaces only that many (the original
// frames stay for the rest: nothing is repeated or dropped); extra frames are not used.
SpliceReport spliceFrames(const QString& original, int64_t first, int64_t count,
                          const QString& replacement, const QString& out);

}  // namespace sw::media
