// StitchMuxer: one video stream (encoded or stream-copied) plus audio packets pulled on demand from
// an AudioPacketSource, interleaved into an OutputFile with monotonic dts per stream.
// When the audio is produced on another thread and is not ready yet, video packets wait in a
// bounded queue (at most kMaxPendingVideoBytes) instead of stalling the video work.
#pragma once

#include "media/ffmpeg_raii.h"
#include "media/output_file.h"

#include <deque>

namespace sw::media {

enum class AudioPull { Packet, Later, End };

class AudioPacketSource {
 public:
  virtual ~AudioPacketSource() = default;
  virtual const AVCodecParameters* parameters() const = 0;
  virtual AVRational timeBase() const = 0;
  // Next packet (pts/dts on the output timeline, in timeBase()) into out. With wait=false a source
  // that is still working may answer Later; with wait=true it blocks until Packet or End.
  virtual AudioPull next(AVPacket* out, bool wait) = 0;
};

class StitchMuxer {
 public:
  static constexpr int64_t kMaxPendingVideoBytes = 4 << 20;

  // audio may be nullptr (no audio stream); it must outlive the muxer.
  StitchMuxer(OutputFile& out, AudioPacketSource* audio);

  // Video stream from an encoder, or copied parameters; call one before start().
  void addVideoFromEncoder(const AVCodecContext* encoder);
  void addVideoCopy(const AVCodecParameters* par, AVRational timeBase);
  void start();
  AVRational videoTimeBase() const;

  // Writes a video packet given in `tb` (pts/dts already on the output timeline).
  void writeVideo(AVPacket* pkt, AVRational tb);
  // Writes every remaining video and audio packet; the trailer is up to the caller (out.finish()).
  void finish();
  int64_t videoPackets() const { return videoPackets_; }

 private:
  // Writes audio up to `seconds`; false when the source answered Later first.
  bool writeAudioUntil(double seconds, bool wait);
  void drainVideo(bool wait);

  OutputFile& out_;
  AudioPacketSource* audio_;
  PacketPtr audioPkt_;
  bool audioPending_ = false;
  bool audioDone_ = false;
  int video_ = -1;
  int audioStream_ = -1;
  int64_t lastDts_ = AV_NOPTS_VALUE;
  int64_t videoPackets_ = 0;
  std::deque<PacketPtr> pendingVideo_;
  int64_t pendingBytes_ = 0;
};

}  // namespace sw::media
