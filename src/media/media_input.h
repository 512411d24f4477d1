// MediaInput: an opened demuxer with readable errors; FrameReader: pull-style decoding of one
// stream of a file (seek, next frame, drain at EOF).
#pragma once

#include "media/ffmpeg_raii.h"

#include <QString>

namespace sw::media {

class MediaInput {
 public:
  // Analyse: avformat_find_stream_info (decodes a little of every stream: complete parameters).
  // HeaderOnly: the container header only, nothing decoded (~20x cheaper); for files already
  // probed whose packets are just copied. Parameters may lack pixel format, profile, frame size.
  enum class OpenMode { Analyse, HeaderOnly };

  // Throws MediaError: NotFound (missing), InvalidInput (empty, unreadable, damaged, still image
  // when requireVideo is set, or no video stream when requireVideo is set).
  explicit MediaInput(const QString& path, bool requireVideo = false,
                      OpenMode mode = OpenMode::Analyse);

  AVFormatContext* context() const { return ctx_.get(); }
  const QString& path() const { return path_; }
  int videoStream() const { return video_; }  // -1 when there is none
  int audioStream() const { return audio_; }  // -1 when there is none
  AVStream* stream(int index) const { return ctx_->streams[index]; }
  bool isStillImage() const;

  // Makes the demuxer skip every stream but `streamIndex` (less reading when only one is used).
  void onlyStream(int streamIndex);
  // Next packet of any stream; false at end of file. Damaged data throws InvalidInput.
  bool read(AVPacket* pkt);
  // Seeks so that the next packets of `streamIndex` start at the keyframe at or before ts
  // (in the stream's time base).
  void seek(int streamIndex, int64_t ts);
  // Seeks to the first keyframe at or after ts (stream time base); false when the demuxer can't.
  bool seekForward(int streamIndex, int64_t ts);
  // Stream start time (0 when unknown) in its own time base.
  int64_t startTime(int streamIndex) const;
  // The file's time origin in AV_TIME_BASE units: the video stream's start (or the container's),
  // so video and audio of one file share one clock starting at 0.
  int64_t originMicros() const;

 private:
  QString path_;
  InputFormatPtr ctx_;
  int video_ = -1;
  int audio_ = -1;
};

// Decodes one stream of a MediaInput. Frames come out with pts = best_effort_timestamp minus the
// file's origin (MediaInput::originMicros: the first video frame is at 0), in the stream's time
// base.
class FrameReader {
 public:
  FrameReader(MediaInput& input, int streamIndex, int threads = 0);
  AVCodecContext* context() const { return dec_.get(); }
  AVStream* stream() const { return input_.stream(index_); }
  AVRational timeBase() const { return stream()->time_base; }

  // Next decoded frame into out (unreffed first); false once the decoder is drained.
  bool next(AVFrame* out);
  // Seeks to the keyframe at or before `seconds` (file time, from 0) and flushes the decoder.
  void seek(double seconds);

 private:
  bool feed();
  [[noreturn]] void failDamaged() const;

  // A stream fails when none of its packets decode, or when at least this many and more than a
  // quarter of those sent so far are rejected as invalid data (a few are concealed).
  static constexpr int64_t kRejectedBeforeFailing = 16;

  MediaInput& input_;
  int index_;
  CodecContextPtr dec_;
  PacketPtr pkt_;
  int64_t start_ = 0;
  bool inputDone_ = false;
  bool drained_ = false;
  int64_t packets_ = 0;   // sent to the decoder
  int64_t rejected_ = 0;  // of those, refused as invalid data
  int64_t frames_ = 0;    // decoded
};

}  // namespace sw::media
