// StitchMuxer: one video stream (encoded or stream-copied) plus the pre-rendered AAC packets,
// interleaved into an OutputFile with monotonic dts per stream.
#pragma once

#include "render/media/ffmpeg_raii.h"
#include "render/media/output_file.h"

#include <vector>

namespace sw::media {

class StitchMuxer {
 public:
  // audioPackets: AAC packets in audioTb (may be empty when audioEncoder is null).
  StitchMuxer(OutputFile& out, const AVCodecContext* audioEncoder, std::vector<PacketPtr>& audioPackets);

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
  std::vector<PacketPtr>& audio_;
  AVRational audioTb_{1, 48000};
  const AVCodecContext* audioEnc_;
  int video_ = -1;
  int audioStream_ = -1;
  size_t nextAudio_ = 0;
  int64_t lastDts_ = AV_NOPTS_VALUE;
  int64_t videoPackets_ = 0;
};

}  // namespace sw::media
