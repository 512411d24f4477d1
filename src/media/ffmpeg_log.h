// FFmpeg's log, kept off the terminal: libav* messages go to a per-thread buffer instead of
// stderr, so a user sees our one-line error (naming the file and the problem) and never a raw
// "[mov,mp4,... @ 0x...] partial file" line. SCENEWRIGHT_FFMPEG_LOG=1 also prints them (at the
// level av_log_set_level allows) for debugging.
#pragma once

#include <QString>
#include <QStringList>

namespace sw::media {

// Installs the capturing av_log callback (process-wide; idempotent).
void captureFfmpegLog();

// The warnings and errors FFmpeg logged on the calling thread since the last take (at most the
// last 16 lines, each without its "[ctx @ 0x...]" prefix), and clears them.
QStringList takeFfmpegLog();

// What the captured lines say, in our words ("the file is truncated"), or empty when none of
// them is a problem we know. Does not clear the buffer.
QString ffmpegLogProblem();

}  // namespace sw::media
