#include "media/media_writer.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include "media/media_error.h"
#include "media/output_file.h"

extern "C" {
#include <libavutil/imgutils.h>
}

#include <cstring>
#include <vector>

namespace sw::media {

namespace {

// A yuv420p picture whose buffers (row padding included) are all zero. av_frame_get_buffer leaves
// the padding past each row's width uninitialised, and x264's SIMD plane copy and lookahead read a
// little of it: with junk there, identical pictures encoded to different bytes now and then.
FramePtr zeroedPicture(int width, int height, const QString& file) {
  FramePtr f = makeFrame();
  f->format = AV_PIX_FMT_YUV420P;
  f->width = width;
  f->height = height;
  checkAv(av_frame_get_buffer(f.get(), 0), QStringLiteral("Out of memory (video frame)"), file);
  for (AVBufferRef* b : f->buf) {
    if (b) std::memset(b->data, 0, b->size);
  }
  return f;
}

}  // namespace

MediaWriter::MediaWriter(const QString& finalPath)
    : out_(std::make_unique<OutputFile>(finalPath)) {}

MediaWriter::~MediaWriter() = default;

const QString& MediaWriter::finalPath() const { return out_->finalPath(); }
const QString& MediaWriter::tempPath() const { return out_->tempPath(); }

void MediaWriter::addVideoStream(const VideoEncodeSettings& settings) {
  if (out_->isOpen() || video_) {
    throw MediaError(MediaError::Kind::Unsupported,
                     QStringLiteral("MediaWriter: add the video stream once, before writing"));
  }
  if (settings.width <= 0 || settings.height <= 0 || settings.width % 2 || settings.height % 2) {
    throw MediaError(MediaError::Kind::Unsupported,
                     QStringLiteral("MediaWriter: video size %1x%2 must be positive and even (%3)")
                         .arg(settings.width)
                         .arg(settings.height)
                         .arg(out_->finalPath()));
  }
  VideoEncodeSettings s = settings;
  if (s.colorSpace == AVCOL_SPC_UNSPECIFIED) setOutputColour(s);  // tagged as it is written
  s.globalHeader = out_->wantsGlobalHeader();
  s.deterministic = true;  // generated chunks are cached by content: same input, same bytes
  video_ = std::make_unique<VideoEncoder>(s);
  videoStream_ = out_->addStream(video_->context())->index;
  scratch_ = zeroedPicture(s.width, s.height, out_->finalPath());
}

void MediaWriter::addAudioStream(const AudioEncodeSettings& settings) {
  if (out_->isOpen() || audio_) {
    throw MediaError(MediaError::Kind::Unsupported,
                     QStringLiteral("MediaWriter: add the audio stream once, before writing"));
  }
  AudioEncodeSettings s = settings;
  s.globalHeader = out_->wantsGlobalHeader();
  audio_ = std::make_unique<AudioEncoder>(s);
  audioStream_ = out_->addStream(audio_->context())->index;
}

void MediaWriter::openIfNeeded() {
  if (out_->isOpen()) return;
  if (!video_ && !audio_) {
    throw MediaError(MediaError::Kind::Unsupported,
                     QStringLiteral("MediaWriter: no stream added to %1").arg(out_->finalPath()));
  }
  out_->open(true);
}

void MediaWriter::writePacket(AVPacket* pkt, int streamIndex, AVRational tb) {
  pkt->stream_index = streamIndex;
  out_->write(pkt, tb);
}

void MediaWriter::writeVideo(const AVFrame* picture, bool forceKeyframe) {
  if (!video_)
    throw MediaError(MediaError::Kind::Unsupported, QStringLiteral("MediaWriter: no video stream"));
  openIfNeeded();
  if (!av_frame_is_writable(
          scratch_.get())) {  // still referenced: start from a fresh zeroed picture
    scratch_ = zeroedPicture(scratch_->width, scratch_->height, out_->finalPath());
  }
  sws_.reset(sws_getCachedContext(sws_.release(), picture->width, picture->height,
                                  static_cast<AVPixelFormat>(picture->format), scratch_->width,
                                  scratch_->height, AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr,
                                  nullptr, nullptr));
  if (!sws_) {
    throw MediaError(MediaError::Kind::Unsupported,
                     QStringLiteral("MediaWriter: cannot convert pictures of format %1")
                         .arg(QString::fromLatin1(
                             av_get_pix_fmt_name(static_cast<AVPixelFormat>(picture->format)))));
  }
  // RGB pictures are converted with the output's matrix; a YUV picture is taken to be in it.
  const AVCodecContext* enc = video_->context();
  const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(picture->format));
  const bool rgb = desc && (desc->flags & AV_PIX_FMT_FLAG_RGB);
  setSwsColour(sws_.get(), rgb, rgb ? AVCOL_SPC_RGB : enc->colorspace,
               rgb ? AVCOL_RANGE_JPEG : enc->color_range, picture->width, picture->height, false,
               enc->colorspace, enc->color_range, scratch_->width, scratch_->height);
  sws_scale(sws_.get(), picture->data, picture->linesize, 0, picture->height, scratch_->data,
            scratch_->linesize);
  scratch_->pts = videoFrames_++;
  scratch_->pict_type = forceKeyframe ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE;
  const AVRational tb = video_->context()->time_base;
  video_->encode(scratch_.get(), [&](AVPacket* p) { writePacket(p, videoStream_, tb); });
}

void MediaWriter::writeRgba(const uint8_t* rgba, int width, int height, int strideBytes) {
  FramePtr f = makeFrame();
  f->format = AV_PIX_FMT_RGBA;
  f->width = width;
  f->height = height;
  f->data[0] = const_cast<uint8_t*>(rgba);
  f->linesize[0] = strideBytes;
  writeVideo(f.get());
}

void MediaWriter::writeYuv420p(const uint8_t* const planes[3], const int strides[3], int width,
                               int height) {
  FramePtr f = makeFrame();
  f->format = AV_PIX_FMT_YUV420P;
  f->width = width;
  f->height = height;
  for (int i = 0; i < 3; ++i) {
    f->data[i] = const_cast<uint8_t*>(planes[i]);
    f->linesize[i] = strides[i];
  }
  writeVideo(f.get());
}

void MediaWriter::writeAudio(const float* interleaved, int frames) {
  if (!audio_)
    throw MediaError(MediaError::Kind::Unsupported, QStringLiteral("MediaWriter: no audio stream"));
  openIfNeeded();
  const int channels = audio_->context()->ch_layout.nb_channels;
  std::vector<std::vector<float>> planar(channels, std::vector<float>(frames));
  std::vector<const float*> ptrs(channels);
  for (int c = 0; c < channels; ++c) {
    for (int i = 0; i < frames; ++i) planar[c][i] = interleaved[i * channels + c];
    ptrs[c] = planar[c].data();
  }
  const AVRational tb = audio_->context()->time_base;
  audio_->push(ptrs.data(), frames, [&](AVPacket* p) { writePacket(p, audioStream_, tb); });
}

void MediaWriter::finish() {
  if (finished_) return;
  openIfNeeded();
  if (video_) {
    const AVRational tb = video_->context()->time_base;
    video_->encode(nullptr, [&](AVPacket* p) { writePacket(p, videoStream_, tb); });
  }
  if (audio_) {
    const AVRational tb = audio_->context()->time_base;
    audio_->flush([&](AVPacket* p) { writePacket(p, audioStream_, tb); });
  }
  out_->finish();
  finished_ = true;
}

}  // namespace sw::media
