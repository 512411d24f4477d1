// MediaWriter: encode locally generated pictures and sound into an .mp4 (H.264 + AAC).
//
// Stable API (used by the generation backends). Typical use:
//
//   sw::media::MediaWriter w("/out/chunk.mp4");
//   w.addVideoStream({.width = 1280, .height = 720, .fps = {24, 1}});
//   w.addAudioStream({});                       // 48 kHz stereo AAC
//   for (...) w.writeRgba(pixels, 1280, 720, 1280 * 4);
//   w.writeAudio(samples.data(), frameCount);   // interleaved float, [-1, 1]
//   w.finish();                                 // flush + trailer + atomic rename
//
// The file is written under a temporary name in the destination folder
// (".chunk.part-<pid>-<tag>.mp4") and renamed to the final path by finish(). Destroying the writer
// without finish() deletes the temporary file: the final path never holds a partial file. Each
// written picture lasts exactly 1/fps seconds (frame n has pts n). Pictures of any size or pixel
// format are converted (scaled to the stream size) with swscale. Output is deterministic: the same
// pictures and samples give a byte-identical file. Push video and audio in roughly time order so
// the interleaver's memory stays small. Errors throw MediaError (disk full and unwritable folders
// say so in words).
#pragma once

#include "media/encoders.h"
#include "media/ffmpeg_raii.h"

#include <QString>
#include <cstdint>
#include <memory>

namespace sw::media {

class OutputFile;

class MediaWriter {
 public:
  explicit MediaWriter(const QString& finalPath);
  ~MediaWriter();
  MediaWriter(const MediaWriter&) = delete;
  MediaWriter& operator=(const MediaWriter&) = delete;

  // Declare streams before the first write. Width and height must be even.
  void addVideoStream(const VideoEncodeSettings& settings);
  void addAudioStream(const AudioEncodeSettings& settings = {});

  // One picture (any pixel format/size; converted to yuv420p at the stream size).
  void writeVideo(const AVFrame* picture, bool forceKeyframe = false);
  void writeRgba(const uint8_t* rgba, int width, int height, int strideBytes);
  void writeYuv420p(const uint8_t* const planes[3], const int strides[3], int width, int height);
  // Interleaved float samples, `frames` samples per channel, channel count of the stream.
  void writeAudio(const float* interleaved, int frames);

  // Flushes the encoders, writes the trailer and renames the temporary file into place.
  void finish();

  const QString& finalPath() const;
  const QString& tempPath() const;
  int64_t videoFramesWritten() const { return videoFrames_; }
  int64_t audioSamplesWritten() const { return audio_ ? audio_->samplesPushed() : 0; }

 private:
  void openIfNeeded();
  void writePacket(AVPacket* pkt, int streamIndex, AVRational tb);

  std::unique_ptr<OutputFile> out_;
  std::unique_ptr<VideoEncoder> video_;
  std::unique_ptr<AudioEncoder> audio_;
  int videoStream_ = -1;
  int audioStream_ = -1;
  SwsPtr sws_;
  FramePtr scratch_;
  int64_t videoFrames_ = 0;
  bool finished_ = false;
};

}  // namespace sw::media
