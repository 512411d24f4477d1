// RGBA pictures in and out of FFmpeg frames, for code that draws with another toolkit (the local
// backend paints with QImage): the caller passes its pixel rows, no FFmpeg type leaves src/media
// through the caller's own headers.
#pragma once

#include "media/ffmpeg_raii.h"

#include <cstddef>
#include <cstdint>

namespace sw::media {

// A new RGBA frame holding a copy of width x height pixels (rows `stride` bytes apart), pts 0.
// Its row padding is zeroed, so SIMD scalers that read into it give deterministic output.
FramePtr makeRgbaFrame(int width, int height, const uint8_t* pixels, ptrdiff_t stride);
// Copies an RGBA frame's pixels into rows `stride` bytes apart (frame->height rows).
void copyRgbaPixels(const AVFrame* frame, uint8_t* pixels, ptrdiff_t stride);

}  // namespace sw::media
