#include "media/output_file.h"

#include "core/temp_files.h"
#include "media/media_error.h"
#include "media/output_path.h"

#include <fcntl.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace sw::media {

namespace {

// ".<name>.part-<pid>-<tag>.<suffix>": the sweep (core/temp_files.h) knows whose it is.
QString makeTempPath(const QFileInfo& info) {
  const QString suffix = info.suffix().isEmpty() ? QStringLiteral("mp4") : info.suffix();
  return info.absoluteDir().filePath(core::tempName(info.completeBaseName(), suffix));
}

void checkFolder(const QFileInfo& info) {
  const QFileInfo dir(info.absolutePath());
  if (!dir.exists() || !dir.isDir()) {
    throw MediaError(MediaError::Kind::Unwritable,
                     QStringLiteral("Cannot write %1: the folder %2 does not exist.")
                         .arg(info.filePath(), dir.filePath()));
  }
  if (!dir.isWritable()) {
    throw MediaError(MediaError::Kind::Unwritable,
                     QStringLiteral("Cannot write %1: the folder %2 is not writable "
                                    "(permission denied). Choose another output folder.")
                         .arg(info.filePath(), dir.filePath()));
  }
  if (info.exists() && info.isDir()) {
    throw MediaError(MediaError::Kind::Unwritable,
                     QStringLiteral("Cannot write %1: it is a folder.").arg(info.filePath()));
  }
  checkOutputPath(info.filePath());  // a device, fifo... would be replaced by the rename
}

// A file descriptor closed on scope exit.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// Flushes `path` (a file, or a folder for the rename in it) to the disk.
void syncToDisk(const QString& path, bool folder, const QString& finalPath) {
  const Fd f{
      ::open(QFile::encodeName(path).constData(), folder ? O_RDONLY | O_DIRECTORY : O_RDONLY)};
  if (f.fd < 0 || (::fsync(f.fd) != 0 && !(folder && (errno == EINVAL || errno == EROFS))))
    throwAvError(AVERROR(errno),
                 folder ? QStringLiteral("Cannot flush the output folder to disk")
                        : QStringLiteral("Cannot flush the output file to disk"),
                 finalPath);
}

}  // namespace

OutputFile::OutputFile(const QString& finalPath) : finalPath_(finalPath) {
  const QFileInfo info(finalPath);
  checkFolder(info);
  tempPath_ = makeTempPath(info);
  const QByteArray name = finalPath.toUtf8();
  const AVOutputFormat* fmt = av_guess_format(nullptr, name.constData(), nullptr);
  if (!fmt) fmt = av_guess_format("mp4", nullptr, nullptr);
  AVFormatContext* raw = nullptr;
  checkAv(avformat_alloc_output_context2(&raw, fmt, nullptr, tempPath_.toUtf8().constData()),
          QStringLiteral("Cannot create the output container"), finalPath_);
  ctx_.reset(raw);
}

OutputFile::~OutputFile() {
  if (finished_) return;
  ctx_.reset();  // closes the AVIOContext before the file is removed
  if (!tempPath_.isEmpty()) QFile::remove(tempPath_);
}

bool OutputFile::wantsGlobalHeader() const {
  return (ctx_->oformat->flags & AVFMT_GLOBALHEADER) != 0;
}

AVStream* OutputFile::addStream(const AVCodecContext* encoder) {
  AVStream* st = avformat_new_stream(ctx_.get(), nullptr);
  if (!st)
    throw MediaError(MediaError::Kind::Internal, QStringLiteral("Out of memory adding a stream"));
  checkAv(avcodec_parameters_from_context(st->codecpar, encoder),
          QStringLiteral("Cannot set the output stream parameters"), finalPath_);
  st->time_base = encoder->time_base;
  if (encoder->codec_type == AVMEDIA_TYPE_VIDEO) {
    st->avg_frame_rate = encoder->framerate;
    st->sample_aspect_ratio = encoder->sample_aspect_ratio;
  }
  return st;
}

AVStream* OutputFile::addStreamCopy(const AVCodecParameters* par, AVRational timeBase) {
  AVStream* st = avformat_new_stream(ctx_.get(), nullptr);
  if (!st)
    throw MediaError(MediaError::Kind::Internal, QStringLiteral("Out of memory adding a stream"));
  checkAv(avcodec_parameters_copy(st->codecpar, par),
          QStringLiteral("Cannot copy the stream parameters"), finalPath_);
  st->codecpar->codec_tag = 0;
  st->time_base = timeBase;
  return st;
}

void OutputFile::open(bool faststart) {
  if (!(ctx_->oformat->flags & AVFMT_NOFILE)) {
    checkAv(avio_open(&ctx_->pb, tempPath_.toUtf8().constData(), AVIO_FLAG_WRITE),
            QStringLiteral("Cannot create the output file"), finalPath_);
  }
  Dictionary opts;
  const bool isMov =
      std::strstr(ctx_->oformat->name, "mp4") || std::strstr(ctx_->oformat->name, "mov");
  if (faststart && isMov) opts.set("movflags", std::string("+faststart"));
  checkAv(avformat_write_header(ctx_.get(), opts.slot()),
          QStringLiteral("Cannot write the output header"), finalPath_);
  if (opts.count() > 0) {
    throw MediaError(
        MediaError::Kind::Internal,
        QStringLiteral("The muxer ignored options: %1").arg(QString::fromStdString(opts.keys())));
  }
  opened_ = true;
}

void OutputFile::checkIoError(const QString& what) {
  if (ctx_->pb && ctx_->pb->error < 0) throwAvError(ctx_->pb->error, what, finalPath_);
}

void OutputFile::write(AVPacket* pkt, AVRational from) {
  AVStream* st = ctx_->streams[pkt->stream_index];
  av_packet_rescale_ts(pkt, from, st->time_base);
  pkt->pos = -1;
  const int ret = av_interleaved_write_frame(ctx_.get(), pkt);
  if (ret < 0) throwAvError(ret, QStringLiteral("Cannot write to the output file"), finalPath_);
  checkIoError(QStringLiteral("Cannot write to the output file"));
}

void OutputFile::finish() {
  checkAv(av_write_trailer(ctx_.get()), QStringLiteral("Cannot finish the output file"),
          finalPath_);
  checkIoError(QStringLiteral("Cannot finish the output file"));
  if (ctx_->pb && !(ctx_->oformat->flags & AVFMT_NOFILE)) {
    avio_flush(ctx_->pb);
    checkIoError(QStringLiteral("Cannot finish the output file"));
    checkAv(avio_closep(&ctx_->pb), QStringLiteral("Cannot close the output file"), finalPath_);
  }
  // Durable before it gets the final name, and the name durable before finish() returns.
  syncToDisk(tempPath_, false, finalPath_);
  checkOutputPath(finalPath_);  // still not a device, fifo or folder
  if (std::rename(tempPath_.toUtf8().constData(), finalPath_.toUtf8().constData()) != 0) {
    throwAvError(AVERROR(errno), QStringLiteral("Cannot move the finished file into place"),
                 finalPath_);
  }
  finished_ = true;
  syncToDisk(QFileInfo(finalPath_).absolutePath(), true, finalPath_);
}

}  // namespace sw::media
