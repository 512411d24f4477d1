// MediaError: the one exception type of the media engine. Its message names the file,
// the stream and what went wrong, in words a user can act on.
#pragma once

#include "core/error.h"

#include <QString>

namespace sw::media {

class MediaError : public core::Error {
 public:
  enum class Kind {
    InvalidInput,  // file is not usable media (zero bytes, truncated, not a video...)
    NotFound,      // input file missing
    Unwritable,    // output folder missing or not writable
    DiskFull,      // ENOSPC, EFBIG or EDQUOT while writing
    Cancelled,     // the caller's cancellation token was set
    Unsupported,   // plan asks for something the engine cannot do
    Internal       // FFmpeg failed in a way the user cannot fix
  };

  MediaError(Kind kind, const QString& message, const QString& path = {});
  Kind kind() const { return kind_; }
  static core::ErrorKind generalKind(Kind kind);

 private:
  Kind kind_;
};

// av_strerror() as a QString ("Invalid data found when processing input").
QString avErrorText(int code);

// Builds a MediaError from an FFmpeg error code: "<what> (<file>, <stream>): <av error>".
// ENOSPC/EFBIG/EDQUOT become Kind::DiskFull, EACCES/EROFS/ENOENT-on-output Kind::Unwritable.
[[noreturn]] void throwAvError(int code, const QString& what, const QString& file,
                               const QString& stream = {});

// Returns ret when >= 0, otherwise throws as above.
inline int checkAv(int ret, const QString& what, const QString& file, const QString& stream = {}) {
  if (ret < 0) throwAvError(ret, what, file, stream);
  return ret;
}

// "video stream #0" / "audio stream #1".
QString streamLabel(const char* type, int index);

}  // namespace sw::media
