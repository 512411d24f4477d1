#include "media/image_encode.h"

#include "media/encoders.h"
#include "media/media_error.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <QSaveFile>
#include <algorithm>
#include <cmath>

namespace sw::media {

namespace {

// Clockwise quarter turns that make a picture with display matrix angle `rotation` upright
// (ffmpeg's autorotate: -90 is turned a quarter clockwise).
int quarterTurns(int rotation) { return (((-rotation) % 360 + 360) % 360) / 90; }

// `src` (RGB24) turned `turns` quarter turns clockwise into a new frame.
FramePtr turned(const AVFrame* src, int turns) {
  FramePtr dst = makeFrame();
  dst->format = AV_PIX_FMT_RGB24;
  dst->width = turns % 2 ? src->height : src->width;
  dst->height = turns % 2 ? src->width : src->height;
  checkAv(av_frame_get_buffer(dst.get(), 0), QStringLiteral("Out of memory (thumbnail)"),
          QString());
  const int w = src->width, h = src->height;
  for (int y = 0; y < dst->height; ++y) {
    uint8_t* out = dst->data[0] + ptrdiff_t(y) * dst->linesize[0];
    for (int x = 0; x < dst->width; ++x) {
      int sx = x, sy = y;
      if (turns == 1) {  // clockwise: the source's left column becomes the top row
        sx = y;
        sy = h - 1 - x;
      } else if (turns == 2) {
        sx = w - 1 - x;
        sy = h - 1 - y;
      } else if (turns == 3) {
        sx = w - 1 - y;
        sy = x;
      }
      const uint8_t* in = src->data[0] + ptrdiff_t(sy) * src->linesize[0] + ptrdiff_t(sx) * 3;
      std::copy(in, in + 3, out + ptrdiff_t(x) * 3);
    }
  }
  return dst;
}

}  // namespace

QByteArray encodePng(const AVFrame* frame, int width, int rotation) {
  const int turns = quarterTurns(rotation);
  const AVRational sar =
      frame->sample_aspect_ratio.num > 0 ? frame->sample_aspect_ratio : AVRational{1, 1};
  const double storedW = frame->width * av_q2d(sar);
  // The upright picture's aspect decides the size; the frame is scaled before it is turned.
  const double uprightW = turns % 2 ? frame->height : storedW;
  const double uprightH = turns % 2 ? storedW : frame->height;
  const int outW = width > 0 ? width : static_cast<int>(std::lround(uprightW));
  const int outH = std::max(2, static_cast<int>(std::lround(outW * uprightH / uprightW)) & ~1);
  const int w = turns % 2 ? outH : outW;
  const int h = turns % 2 ? outW : outH;
  SwsPtr sws(sws_getContext(frame->width, frame->height, static_cast<AVPixelFormat>(frame->format),
                            w, h, AV_PIX_FMT_RGB24, SWS_BICUBIC, nullptr, nullptr, nullptr));
  if (!sws)
    throw MediaError(MediaError::Kind::Internal, QStringLiteral("Cannot convert the frame to RGB"));
  const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(frame->format));
  const bool jpegFormat = frame->format == AV_PIX_FMT_YUVJ420P ||
                          frame->format == AV_PIX_FMT_YUVJ422P ||
                          frame->format == AV_PIX_FMT_YUVJ444P;
  if (!(desc && (desc->flags & AV_PIX_FMT_FLAG_RGB)) && !jpegFormat)  // read as players read it
    setSwsColour(sws.get(), false, frame->colorspace, frame->color_range, frame->width,
                 frame->height, true, AVCOL_SPC_RGB, AVCOL_RANGE_JPEG, w, h);
  FramePtr rgb = makeFrame();
  rgb->format = AV_PIX_FMT_RGB24;
  rgb->width = w;
  rgb->height = h;
  checkAv(av_frame_get_buffer(rgb.get(), 0), QStringLiteral("Out of memory (thumbnail)"),
          QString());
  sws_scale(sws.get(), frame->data, frame->linesize, 0, frame->height, rgb->data, rgb->linesize);
  if (turns) rgb = turned(rgb.get(), turns);
  const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
  if (!codec)
    throw MediaError(MediaError::Kind::Unsupported,
                     QStringLiteral("This FFmpeg has no PNG encoder"));
  CodecContextPtr enc = makeCodecContext(codec);
  enc->width = rgb->width;
  enc->height = rgb->height;
  enc->pix_fmt = AV_PIX_FMT_RGB24;
  enc->time_base = AVRational{1, 25};
  checkAv(avcodec_open2(enc.get(), codec, nullptr), QStringLiteral("Cannot open the PNG encoder"),
          QString());
  checkAv(avcodec_send_frame(enc.get(), rgb.get()), QStringLiteral("PNG encoding failed"),
          QString());
  checkAv(avcodec_send_frame(enc.get(), nullptr), QStringLiteral("PNG encoding failed"), QString());
  PacketPtr pkt = makePacket();
  checkAv(avcodec_receive_packet(enc.get(), pkt.get()), QStringLiteral("PNG encoding failed"),
          QString());
  return QByteArray(reinterpret_cast<const char*>(pkt->data), pkt->size);
}

void writeFileAtomically(const QString& path, const QByteArray& bytes) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit()) {
    throw MediaError(MediaError::Kind::Unwritable,
                     QStringLiteral("Cannot write %1: %2").arg(path, f.errorString()));
  }
}

}  // namespace sw::media
