#include "media/ffmpeg_log.h"

extern "C" {
#include <libavutil/log.h>
}

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <string>

namespace sw::media {

namespace {

constexpr std::size_t kKeptLines = 16;

std::deque<std::string>& threadLines() {
  thread_local std::deque<std::string> lines;
  return lines;
}

bool alsoPrint() {
  static const bool print = std::getenv("SCENEWRIGHT_FFMPEG_LOG") != nullptr;
  return print;
}

extern "C" void onFfmpegLog(void* avcl, int level, const char* fmt, va_list vl) {
  if (alsoPrint()) {
    va_list copy;
    va_copy(copy, vl);
    av_log_default_callback(avcl, level, fmt, copy);
    va_end(copy);
  }
  if (level > AV_LOG_WARNING) return;
  // The message only: print_prefix 0 leaves out "[mov,mp4,... @ 0x...]".
  char line[1024];
  int printPrefix = 0;
  av_log_format_line2(nullptr, level, fmt, vl, line, sizeof line, &printPrefix);
  std::string text(line);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (text.empty()) return;
  auto& lines = threadLines();
  lines.push_back(std::move(text));
  if (lines.size() > kKeptLines) lines.pop_front();
}

struct Known {
  const char* ffmpegSays;
  const char* weSay;
};

// What FFmpeg logs for the damaged files users meet, in our words.
constexpr Known kKnown[] = {
    {"partial file", "the file is truncated (it ends before the data its index points to)"},
    {"moov atom not found", "the file is incomplete (its index, the moov atom, is missing)"},
    {"wav header size", "the WAV header is damaged (its format chunk is too short)"},
    {"requires channel count", "the audio header is damaged (it gives no channel count)"},
    {"Invalid NAL unit size", "the video data is damaged"},
    {"invalid number of samples", "the audio data is damaged"},
    {"Header missing", "the audio data is damaged (a frame header is missing)"},
    {"Invalid block alignment", "the audio header is damaged (bad block alignment)"},
};

}  // namespace

void captureFfmpegLog() {
  static std::once_flag once;
  std::call_once(once, [] { av_log_set_callback(onFfmpegLog); });
}

QStringList takeFfmpegLog() {
  QStringList out;
  for (const std::string& line : threadLines()) out << QString::fromStdString(line);
  threadLines().clear();
  return out;
}

QString ffmpegLogProblem() {
  const auto& lines = threadLines();
  for (auto it = lines.rbegin(); it != lines.rend(); ++it)
    for (const Known& k : kKnown)
      if (it->find(k.ffmpegSays) != std::string::npos) return QString::fromLatin1(k.weSay);
  return {};
}

}  // namespace sw::media
