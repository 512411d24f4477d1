#include "media/rgba_frame.h"

#include "media/media_error.h"

#include <cstring>

namespace sw::media {

FramePtr makeRgbaFrame(int width, int height, const uint8_t* pixels, ptrdiff_t stride) {
  FramePtr frame = makeFrame();
  frame->format = AV_PIX_FMT_RGBA;
  frame->width = width;
  frame->height = height;
  checkAv(av_frame_get_buffer(frame.get(), 0), QStringLiteral("allocate a picture"), QString());
  std::memset(frame->buf[0]->data, 0, frame->buf[0]->size);
  for (int y = 0; y < height; ++y)
    std::memcpy(frame->data[0] + static_cast<ptrdiff_t>(y) * frame->linesize[0],
                pixels + y * stride, static_cast<size_t>(width) * 4);
  frame->pts = 0;
  return frame;
}

void copyRgbaPixels(const AVFrame* frame, uint8_t* pixels, ptrdiff_t stride) {
  for (int y = 0; y < frame->height; ++y)
    std::memcpy(pixels + y * stride,
                frame->data[0] + static_cast<ptrdiff_t>(y) * frame->linesize[0],
                static_cast<size_t>(frame->width) * 4);
}

}  // namespace sw::media
