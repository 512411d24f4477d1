#include "media/media_error.h"

extern "C" {
#include <libavutil/error.h>
}

#include <cerrno>

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

QString avErrorText(int code) {
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
