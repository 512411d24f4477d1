#include "media/media_input.h"

#include "media/ffmpeg_log.h"

#include "media/media_error.h"

#include <QFileInfo>
#include <cstring>
#include <vector>

namespace sw::media {

namespace {

void checkFile(const QString& path) {
  const QFileInfo info(path);
  if (!info.exists()) {
    throw MediaError(MediaError::Kind::NotFound,
                     QStringLiteral("Input file %1 does not exist.").arg(path));
  }
  if (info.isDir()) {
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("Input %1 is a folder, not a media file.").arg(path));
  }
  if (info.size() == 0) {
    throw MediaError(
        MediaError::Kind::InvalidInput,
        QStringLiteral("Input file %1 is empty (0 bytes): regenerate or replace it.").arg(path));
  }
}

// avformat_find_stream_info decodes the first frame of each stream to learn its parameters; the
// H.264 deblocking filter changes none of them, so the probe decoders skip it (a third cheaper).
int findStreamInfo(AVFormatContext* ctx) {
  std::vector<AVDictionary*> options(ctx->nb_streams, nullptr);
  for (unsigned i = 0; i < ctx->nb_streams; ++i) {
    if (ctx->streams[i]->codecpar->codec_type == AVMEDIA_TYPE_VIDEO)
      av_dict_set(&options[i], "skip_loop_filter", "all", 0);
  }
  const int ret = avformat_find_stream_info(ctx, options.data());
  for (AVDictionary*& d : options) av_dict_free(&d);
  return ret;
}

}  // namespace

MediaInput::MediaInput(const QString& path, bool requireVideo, OpenMode mode) : path_(path) {
  checkFile(path);
  takeFfmpegLog();  // what FFmpeg said about earlier files is not about this one
  AVFormatContext* raw = nullptr;
  const int ret = avformat_open_input(&raw, path.toUtf8().constData(), nullptr, nullptr);
  if (ret < 0) {
    throw MediaError(
        ret == AVERROR(ENOENT) ? MediaError::Kind::NotFound : MediaError::Kind::InvalidInput,
        QStringLiteral("Cannot open %1 as media: %2 (the file is damaged, truncated or "
                       "not a video/audio file).")
            .arg(path, avErrorText(ret)));
  }
  ctx_.reset(raw);
  const int info = mode == OpenMode::Analyse ? findStreamInfo(ctx_.get()) : 0;
  if (info < 0) {
    throw MediaError(
        MediaError::Kind::InvalidInput,
        QStringLiteral("Cannot read the streams of %1: %2 (the file is damaged or truncated).")
            .arg(path, avErrorText(info)));
  }
  video_ = av_find_best_stream(ctx_.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  audio_ = av_find_best_stream(ctx_.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
  if (video_ < 0) video_ = -1;
  if (audio_ < 0) audio_ = -1;
  if (requireVideo && (video_ < 0 || isStillImage())) {
    const QString what = video_ < 0
                             ? QStringLiteral("has no video stream")
                             : QStringLiteral(
                                   "is a still image (%1), not a video (give a still image a "
                                   "duration: \"duration\" in a plan, IMAGE@SECONDS to "
                                   "stitch)")
                                   .arg(QString::fromLatin1(ctx_->iformat->name));
    throw MediaError(
        MediaError::Kind::InvalidInput,
        QStringLiteral("Input file %1 %2: a video chunk is needed here.").arg(path, what));
  }
}

bool MediaInput::isStillImage() const {
  const char* name = ctx_->iformat->name;
  if (std::strstr(name, "_pipe") || std::strcmp(name, "image2") == 0) return true;
  if (video_ >= 0) {
    const AVCodecParameters* par = ctx_->streams[video_]->codecpar;
    if (par->codec_id == AV_CODEC_ID_PNG || par->codec_id == AV_CODEC_ID_MJPEG) {
      return ctx_->streams[video_]->nb_frames <= 1 &&
             (ctx_->streams[video_]->disposition & AV_DISPOSITION_ATTACHED_PIC ||
              ctx_->duration <= 0);
    }
  }
  return false;
}

void MediaInput::onlyStream(int streamIndex) {
  for (unsigned i = 0; i < ctx_->nb_streams; ++i) {
    ctx_->streams[i]->discard =
        static_cast<int>(i) == streamIndex ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
  }
}

bool MediaInput::read(AVPacket* pkt) {
  av_packet_unref(pkt);
  const int ret = av_read_frame(ctx_.get(), pkt);
  if (ret == AVERROR_EOF) return false;
  if (ret < 0) {
    if (ctx_->pb && avio_feof(ctx_->pb)) return false;
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("Cannot read %1: %2 (the file is damaged or truncated).")
                         .arg(path_, avErrorText(ret)));
  }
  return true;
}

void MediaInput::seek(int streamIndex, int64_t ts) {
  const int ret = avformat_seek_file(ctx_.get(), streamIndex, INT64_MIN, ts, ts, 0);
  if (ret < 0) {
    // Some files cannot seek; restart from the beginning instead.
    checkAv(avformat_seek_file(ctx_.get(), streamIndex, INT64_MIN, INT64_MIN, INT64_MIN, 0),
            QStringLiteral("Cannot seek"), path_, streamLabel("media", streamIndex));
  }
}

bool MediaInput::seekForward(int streamIndex, int64_t ts) {
  return avformat_seek_file(ctx_.get(), streamIndex, ts, ts, INT64_MAX, 0) >= 0;
}

int64_t MediaInput::startTime(int streamIndex) const {
  const int64_t st = ctx_->streams[streamIndex]->start_time;
  return st == AV_NOPTS_VALUE ? 0 : st;
}

int64_t MediaInput::originMicros() const {
  if (video_ >= 0 && ctx_->streams[video_]->start_time != AV_NOPTS_VALUE) {
    return av_rescale_q(ctx_->streams[video_]->start_time, ctx_->streams[video_]->time_base,
                        AV_TIME_BASE_Q);
  }
  return ctx_->start_time == AV_NOPTS_VALUE ? 0 : ctx_->start_time;
}

FrameReader::FrameReader(MediaInput& input, int streamIndex, int threads)
    : input_(input), index_(streamIndex), pkt_(makePacket()) {
  AVStream* st = input.stream(streamIndex);
  const AVCodec* codec = avcodec_find_decoder(st->codecpar->codec_id);
  const QString label =
      streamLabel(av_get_media_type_string(st->codecpar->codec_type), streamIndex);
  if (!codec) {
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("Cannot decode %1 (%2): its codec (%3) is unknown or not "
                                    "supported; the header may be damaged.")
                         .arg(input.path(), label,
                              QString::fromLatin1(avcodec_get_name(st->codecpar->codec_id))));
  }
  dec_ = makeCodecContext(codec);
  checkAv(avcodec_parameters_to_context(dec_.get(), st->codecpar),
          QStringLiteral("Cannot set up the decoder"), input.path(), label);
  dec_->pkt_timebase = st->time_base;
  if (st->codecpar->codec_type == AVMEDIA_TYPE_VIDEO)
    dec_->framerate = av_guess_frame_rate(input.context(), st, nullptr);
  dec_->thread_count = threads;
  checkAv(avcodec_open2(dec_.get(), codec, nullptr), QStringLiteral("Cannot open the decoder"),
          input.path(), label);
  start_ = av_rescale_q(input.originMicros(), AV_TIME_BASE_Q, st->time_base);
}

void FrameReader::failDamaged() const {
  throw MediaError(
      MediaError::Kind::InvalidInput,
      QStringLiteral(
          "%1 (%2): %3 of %4 packets cannot be decoded as %5; the file is damaged or its "
          "header names the wrong codec. Export it again (for audio, as PCM WAV) or "
          "replace it.")
          .arg(input_.path(), streamLabel(av_get_media_type_string(dec_->codec_type), index_))
          .arg(rejected_)
          .arg(packets_)
          .arg(QString::fromLatin1(avcodec_get_name(dec_->codec_id))));
}

bool FrameReader::feed() {
  while (!inputDone_) {
    if (!input_.read(pkt_.get())) {
      inputDone_ = true;
      avcodec_send_packet(dec_.get(), nullptr);
      return true;
    }
    if (pkt_->stream_index != index_) continue;
    const int ret = avcodec_send_packet(dec_.get(), pkt_.get());
    if (ret < 0 && ret != AVERROR(EAGAIN) && ret != AVERROR_INVALIDDATA) {
      throwAvError(ret, QStringLiteral("Decoding failed"), input_.path(),
                   streamLabel(av_get_media_type_string(dec_->codec_type), index_));
    }
    ++packets_;
    if (ret == AVERROR_INVALIDDATA) {  // a damaged packet is skipped, a damaged stream is not
      ++rejected_;
      if (rejected_ >= kRejectedBeforeFailing && rejected_ * 4 > packets_) failDamaged();
    }
    return true;
  }
  return false;
}

bool FrameReader::next(AVFrame* out) {
  av_frame_unref(out);
  while (!drained_) {
    const int ret = avcodec_receive_frame(dec_.get(), out);
    if (ret == 0) {
      ++frames_;
      int64_t ts = out->best_effort_timestamp;
      if (ts == AV_NOPTS_VALUE) ts = out->pts;
      out->pts = ts == AV_NOPTS_VALUE ? AV_NOPTS_VALUE : ts - start_;
      return true;
    }
    if (ret == AVERROR_EOF) {
      drained_ = true;
      if (frames_ == 0 && rejected_ > 0) failDamaged();
      break;
    }
    if (ret != AVERROR(EAGAIN)) {
      throwAvError(ret, QStringLiteral("Decoding failed"), input_.path(),
                   streamLabel(av_get_media_type_string(dec_->codec_type), index_));
    }
    if (!feed()) {
      drained_ = true;
    }
  }
  return false;
}

void FrameReader::seek(double seconds) {
  const AVRational tb = timeBase();
  const int64_t ts =
      start_ + av_rescale_q(static_cast<int64_t>(seconds * AV_TIME_BASE), AV_TIME_BASE_Q, tb);
  input_.seek(index_, ts);
  avcodec_flush_buffers(dec_.get());
  inputDone_ = false;
  drained_ = false;
}

}  // namespace sw::media
