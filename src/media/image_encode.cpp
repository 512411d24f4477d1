#include "media/image_encode.h"

#include "media/media_error.h"

#include <QSaveFile>
#include <cmath>

namespace sw::media {

QByteArray encodePng(const AVFrame* frame, int width) {
  const AVRational sar =
      frame->sample_aspect_ratio.num > 0 ? frame->sample_aspect_ratio : AVRational{1, 1};
  const double displayW = frame->width * av_q2d(sar);
  const int w = width > 0 ? width : static_cast<int>(std::lround(displayW));
  const int h = std::max(2, static_cast<int>(std::lround(w * frame->height / displayW)) & ~1);
  SwsPtr sws(sws_getContext(frame->width, frame->height, static_cast<AVPixelFormat>(frame->format),
                            w, h, AV_PIX_FMT_RGB24, SWS_BICUBIC, nullptr, nullptr, nullptr));
  if (!sws)
    throw MediaError(MediaError::Kind::Internal, QStringLiteral("Cannot convert the frame to RGB"));
  FramePtr rgb = makeFrame();
  rgb->format = AV_PIX_FMT_RGB24;
  rgb->width = w;
  rgb->height = h;
  checkAv(av_frame_get_buffer(rgb.get(), 0), QStringLiteral("Out of memory (thumbnail)"),
          QString());
  sws_scale(sws.get(), frame->data, frame->linesize, 0, frame->height, rgb->data, rgb->linesize);
  const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_PNG);
  if (!codec)
    throw MediaError(MediaError::Kind::Unsupported,
                     QStringLiteral("This FFmpeg has no PNG encoder"));
  CodecContextPtr enc = makeCodecContext(codec);
  enc->width = w;
  enc->height = h;
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
