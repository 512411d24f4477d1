// StitchMuxer: one video stream (encoded or stream-copied) plus AAC packets pulled on demand from
// an audio source, interleaved into an OutputFile with monotonic dts per stream.
#pragma once

#include "render/media/ffmpeg_raii.h"
#include "render/media/output_file.h"

#include <functional>

namespace sw::media {

class StitchMuxer {
 public:
  // nextAudio fills the next AAC packet (encoder time base) and returns false at the end.
  using AudioSource = std::function<bool(AVPacket*)>;
  StitchMuxer(OutputFile& out, const AVCodecContext* audioEncoder, AudioSource nextAudio);

  // Video stream from an encoder, or copied parameters; call one before start().
  void addVideoFromEncoder(const AVCodecContext* encoder);
  void addVideoCopy(const AVCodecParameters* par, AVRational timeBase);
  void start();
  AVRational videoTimeBase() const;

  // Writes a video packet given in `tb` (pts/dts already on the output timeline).
  void writeVideo(AVPacket* pkt, AVRational tb);
  // Writes every remaining audio packet, then the trailer is up to the caller (out.finish()).
  void finish();
  int64_t videoPackets() const { return videoPackets_; }

 private:
  void writeAudioUntil(double seconds);

  OutputFile& out_;
  AudioSource nextAudio_;
  PacketPtr audioPkt_;
  bool audioPending_ = false;
  bool audioDone_ = false;
  AVRational audioTb_{1, 48000};
  const AVCodecContext* audioEnc_;
  int video_ = -1;
  int audioStream_ = -1;
  int64_t lastDts_ = AV_NOPTS_VALUE;
  int64_t videoPackets_ = 0;
};

}  // namespace sw::media
