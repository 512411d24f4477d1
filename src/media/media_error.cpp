#include "media/media_error.h"

extern "C" {
#include <libavutil/error.h>
}

#include <cerrno>

#include "media/ffmpeg_log.h"

namespace sw::media {

MediaError::MediaError(Kind kind, const QString& message, const QString& path)
    : core::Error(generalKind(kind), message, QStringLiteral("media"), path), kind_(kind) {}

core::ErrorKind MediaError::generalKind(Kind kind) {
  switch (kind) {
    case Kind::InvalidInput:
    case Kind::Unsupported:
      return core::ErrorKind::BadInput;
    case Kind::NotFound:
      return core::ErrorKind::NotFound;
    case Kind::Unwritable:
      return core::ErrorKind::User;
    case Kind::DiskFull:
      return core::ErrorKind::DiskFull;
    case Kind::Cancelled:
      return core::ErrorKind::Cancelled;
    case Kind::Internal:
      return core::ErrorKind::Internal;
  }
  return core::ErrorKind::Internal;
}

namespace {

// FFmpeg's codes in our words; empty for the ones whose av_strerror() text reads well.
QString ourWords(int code) {
  switch (code) {
    case AVERROR_PATCHWELCOME:
      return QStringLiteral(
          "it uses a feature the media engine does not support, or its header "
          "is damaged");
    case AVERROR_DECODER_NOT_FOUND:
      return QStringLiteral("its codec is not supported (no decoder)");
    case AVERROR_DEMUXER_NOT_FOUND:
      return QStringLiteral("its container format is not recognised");
    case AVERROR_INVALIDDATA:
      return QStringLiteral("its data is not valid media");
    case AVERROR_EOF:
      return QStringLiteral("it ends too early");
    case AVERROR_BUG:
    case AVERROR_BUG2:
    case AVERROR_BUFFER_TOO_SMALL:
      return QStringLiteral("the media engine failed (an internal error)");
    case AVERROR_STREAM_NOT_FOUND:
      return QStringLiteral("it has no such stream");
    default:
      return {};
  }
}

}  // namespace

QString avErrorText(int code) {
  // What FFmpeg logged about the file just before (a truncated index, a short WAV header) says
  // more than the code; both in our words.
  const QString logged = ffmpegLogProblem();
  takeFfmpegLog();
  if (!logged.isEmpty() && (code == AVERROR_INVALIDDATA || code == AVERROR_PATCHWELCOME ||
                            code == AVERROR_EOF || code == AVERROR(EINVAL)))
    return logged;
  const QString words = ourWords(code);
  if (!words.isEmpty()) return words;
  char buf[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, buf, sizeof buf);
  return QString::fromUtf8(buf);
}

QString streamLabel(const char* type, int index) {
  return QStringLiteral("%1 stream #%2").arg(QString::fromLatin1(type)).arg(index);
}

void throwAvError(int code, const QString& what, const QString& file, const QString& stream) {
  QString where = file.isEmpty() ? QString() : file;
  if (!stream.isEmpty()) where += (where.isEmpty() ? QString() : QStringLiteral(", ")) + stream;
  QString head = where.isEmpty() ? what : QStringLiteral("%1 (%2)").arg(what, where);
  if (code == AVERROR(ENOSPC)) {
    throw MediaError(
        MediaError::Kind::DiskFull,
        QStringLiteral("%1: the disk is full. Free some space and try again.").arg(head));
  }
  if (code == AVERROR(EFBIG) || code == AVERROR(EDQUOT)) {
    throw MediaError(
        MediaError::Kind::DiskFull,
        QStringLiteral("%1: the file is too large for the disk (disk full, quota or file size "
                       "limit reached). Free some space or choose another disk and try again.")
            .arg(head));
  }
  if (code == AVERROR(EACCES) || code == AVERROR(EROFS) || code == AVERROR(EPERM)) {
    throw MediaError(
        MediaError::Kind::Unwritable,
        QStringLiteral("%1: permission denied. Choose a folder you can write to.").arg(head));
  }
  if (code == AVERROR(ENOENT)) {
    throw MediaError(MediaError::Kind::NotFound,
                     QStringLiteral("%1: no such file or folder.").arg(head));
  }
  if (code == AVERROR_INVALIDDATA || code == AVERROR_EOF) {
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("%1: %2 (the file is damaged or not a media file).")
                         .arg(head, avErrorText(code)));
  }
  throw MediaError(MediaError::Kind::Internal,
                   QStringLiteral("%1: %2").arg(head, avErrorText(code)));
}

}  // namespace sw::media
