#include "media/encoders.h"

#include "media/media_error.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/cpu.h>
#include <libavutil/opt.h>
}

#include <algorithm>
#include <cmath>

namespace sw::media {

namespace {

void receiveAll(AVCodecContext* ctx, AVPacket* pkt, const PacketSink& sink, const QString& what) {
  for (;;) {
    const int ret = avcodec_receive_packet(ctx, pkt);
    if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) return;
    checkAv(ret, what, QString());
    sink(pkt);
    av_packet_unref(pkt);
  }
}

// x264's AVX-512 routines read a few uninitialised bytes of its own buffers: identical pictures
// then encode to different bytes now and then (about 1 file in 3 within one process; valgrind
// cannot see it, it has no AVX-512). Capping x264 at AVX2 (which every AVX-512 CPU has) makes the
// output a pure function of the input, for ~10% more encoding time: so only when asked.
std::string withDeterministicAsm(const std::string& params, bool deterministic) {
  if (!deterministic || !(av_get_cpu_flags() & AV_CPU_FLAG_AVX512)) return params;
  return params + (params.empty() ? "" : ":") + "asm=AVX2";
}

}  // namespace

int keyframeInterval(const VideoEncodeSettings& s) {
  return s.gop > 0 ? s.gop : std::max(1, static_cast<int>(std::lround(2 * av_q2d(s.fps))));
}

void setOutputColour(VideoEncodeSettings& s) {
  const bool hd = defaultMatrix(s.width, s.height) == AVCOL_SPC_BT709;
  s.colorPrimaries = hd ? AVCOL_PRI_BT709 : AVCOL_PRI_SMPTE170M;
  s.colorTransfer = hd ? AVCOL_TRC_BT709 : AVCOL_TRC_SMPTE170M;
  s.colorSpace = hd ? AVCOL_SPC_BT709 : AVCOL_SPC_SMPTE170M;
  s.colorRange = AVCOL_RANGE_MPEG;
}

namespace {

int swsMatrix(AVColorSpace c, int width, int height) {
  if (c == AVCOL_SPC_UNSPECIFIED || c == AVCOL_SPC_RGB) c = defaultMatrix(width, height);
  switch (c) {
    case AVCOL_SPC_BT709:
      return SWS_CS_ITU709;
    case AVCOL_SPC_FCC:
      return SWS_CS_FCC;
    case AVCOL_SPC_SMPTE240M:
      return SWS_CS_SMPTE240M;
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL:
      return SWS_CS_BT2020;
    default:
      return SWS_CS_ITU601;
  }
}

}  // namespace

void setSwsColour(SwsContext* sws, bool srcRgb, AVColorSpace srcMatrix, AVColorRange srcRange,
                  int srcWidth, int srcHeight, bool dstRgb, AVColorSpace dstMatrix,
                  AVColorRange dstRange, int dstWidth, int dstHeight) {
  const int* srcTable = sws_getCoefficients(swsMatrix(srcMatrix, srcWidth, srcHeight));
  const int* dstTable = sws_getCoefficients(swsMatrix(dstMatrix, dstWidth, dstHeight));
  const int srcFull = srcRgb || srcRange == AVCOL_RANGE_JPEG ? 1 : 0;
  const int dstFull = dstRgb || dstRange == AVCOL_RANGE_JPEG ? 1 : 0;
  // Fails only for unsupported conversions, where swscale keeps its defaults.
  sws_setColorspaceDetails(sws, srcTable, srcFull, dstTable, dstFull, 0, 1 << 16, 1 << 16);
}

VideoEncoder::VideoEncoder(const VideoEncodeSettings& s) : pkt_(makePacket()) {
  const AVCodec* codec = avcodec_find_encoder_by_name("libx264");
  if (!codec) {
    throw MediaError(
        MediaError::Kind::Unsupported,
        QStringLiteral("This FFmpeg has no libx264 encoder; install libavcodec with x264."));
  }
  ctx_ = makeCodecContext(codec);
  ctx_->width = s.width;
  ctx_->height = s.height;
  ctx_->pix_fmt = AV_PIX_FMT_YUV420P;
  ctx_->time_base = av_inv_q(s.fps);
  ctx_->framerate = s.fps;
  ctx_->sample_aspect_ratio = AVRational{1, 1};
  ctx_->gop_size = keyframeInterval(s);
  if (s.globalHeader) ctx_->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  ctx_->thread_count = s.threads;
  ctx_->color_primaries = s.colorPrimaries;
  ctx_->color_trc = s.colorTransfer;
  ctx_->colorspace = s.colorSpace;
  ctx_->color_range = s.colorRange;
  Dictionary opts;
  opts.set("preset", s.preset);
  opts.set("crf", std::to_string(s.crf));
  opts.set("profile", s.profile);
  const std::string params = withDeterministicAsm(s.x264Params, s.deterministic);
  if (!params.empty()) opts.set("x264-params", params);
  checkAv(avcodec_open2(ctx_.get(), codec, opts.slot()),
          QStringLiteral("Cannot open the H.264 encoder (%1x%2, preset %3, crf %4)")
              .arg(s.width)
              .arg(s.height)
              .arg(QString::fromStdString(s.preset))
              .arg(s.crf),
          QString());
}

void VideoEncoder::encode(AVFrame* frame, const PacketSink& sink) {
  const int ret = avcodec_send_frame(ctx_.get(), frame);
  if (ret != AVERROR_EOF) checkAv(ret, QStringLiteral("H.264 encoding failed"), QString());
  receiveAll(ctx_.get(), pkt_.get(), sink, QStringLiteral("H.264 encoding failed"));
}

AudioEncoder::AudioEncoder(const AudioEncodeSettings& s) : pkt_(makePacket()) {
  const AVCodec* codec = avcodec_find_encoder(AV_CODEC_ID_AAC);
  if (!codec)
    throw MediaError(MediaError::Kind::Unsupported,
                     QStringLiteral("This FFmpeg has no AAC encoder."));
  ctx_ = makeCodecContext(codec);
  ctx_->sample_fmt = AV_SAMPLE_FMT_FLTP;
  ctx_->sample_rate = s.sampleRate;
  av_channel_layout_default(&ctx_->ch_layout, s.channels);
  ctx_->bit_rate = s.bitRate;
  ctx_->time_base = AVRational{1, s.sampleRate};
  if (s.globalHeader) ctx_->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  Dictionary options;
  options.set("aac_coder", std::string("fast"));  // see the class comment
  checkAv(avcodec_open2(ctx_.get(), codec, options.slot()),
          QStringLiteral("Cannot open the AAC encoder"), QString());
  fifo_ = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, s.channels, std::max(ctx_->frame_size, 1024) * 4);
  if (!fifo_)
    throw MediaError(MediaError::Kind::Internal, QStringLiteral("Out of memory (audio FIFO)"));
}

AudioEncoder::~AudioEncoder() {
  if (fifo_) av_audio_fifo_free(fifo_);
}

void AudioEncoder::push(const float* const* planes, int nbSamples, const PacketSink& sink) {
  if (nbSamples <= 0) return;
  void** data = reinterpret_cast<void**>(const_cast<float**>(planes));
  if (av_audio_fifo_write(fifo_, data, nbSamples) < nbSamples) {
    throw MediaError(MediaError::Kind::Internal, QStringLiteral("Out of memory (audio FIFO)"));
  }
  pushed_ += nbSamples;
  encodeFrames(false, sink);
}

void AudioEncoder::push(const AVFrame* frame, const PacketSink& sink) {
  push(reinterpret_cast<const float* const*>(frame->extended_data), frame->nb_samples, sink);
}

void AudioEncoder::encodeFrames(bool final, const PacketSink& sink) {
  const int frameSize = ctx_->frame_size > 0 ? ctx_->frame_size : 1024;
  while (av_audio_fifo_size(fifo_) >= frameSize || (final && av_audio_fifo_size(fifo_) > 0)) {
    FramePtr frame = makeFrame();
    frame->nb_samples = std::min(frameSize, av_audio_fifo_size(fifo_));
    frame->format = ctx_->sample_fmt;
    frame->sample_rate = ctx_->sample_rate;
    checkAv(av_channel_layout_copy(&frame->ch_layout, &ctx_->ch_layout), QStringLiteral("AAC"),
            QString());
    checkAv(av_frame_get_buffer(frame.get(), 0), QStringLiteral("Out of memory (audio frame)"),
            QString());
    av_audio_fifo_read(fifo_, reinterpret_cast<void**>(frame->data), frame->nb_samples);
    frame->pts = nextPts_;
    nextPts_ += frame->nb_samples;
    send(frame.get(), sink);
  }
}

void AudioEncoder::send(AVFrame* frame, const PacketSink& sink) {
  const int ret = avcodec_send_frame(ctx_.get(), frame);
  if (ret != AVERROR_EOF) checkAv(ret, QStringLiteral("AAC encoding failed"), QString());
  receiveAll(ctx_.get(), pkt_.get(), sink, QStringLiteral("AAC encoding failed"));
}

void AudioEncoder::flush(const PacketSink& sink) {
  encodeFrames(true, sink);
  send(nullptr, sink);
}

}  // namespace sw::media
