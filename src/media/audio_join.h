// The re-encoded AAC frames around one join of the audio copy path (audio_copy.h).
//
// Copied AAC packets stay contiguous on the output's 1024-sample grid, so a chunk's copied
// packets sit `shift` samples (|shift| <= 512) from their exact place. Around the cut J between
// chunks k and k+1 the packets on output [A, B) are encoded afresh from the decoded audio:
//   [A, A+1024)       chunk k at its copied shift (the MDCT overlap with the last copied packet)
//   [A+1024, +xfade)  linear crossfade to chunk k at its exact place
//   [J-fade, J)       fade-out (the fresh path's 5 ms cut fade), cut exactly at J
//   [J, J+fade)       fade-in of chunk k+1 at its exact place: the chunk starts in sync
//   [B-xfade, B)      linear crossfade to chunk k+1 at its copied shift
//   [B, B+1024)       chunk k+1 at its copied shift (overlap with the first copied packet)
// Both overlaps then join signals that match, so the decoder's overlap-add is clean.
#pragma once

#include "media/ffmpeg_raii.h"

#include <QString>
#include <memory>
#include <vector>

namespace sw::media {

// Decoded audio of one chunk, addressed by file sample index (0 = the file's time origin).
struct ChunkPcm {
  int64_t first = 0;
  std::vector<std::vector<float>> planes;  // one per channel
  int64_t end() const { return first + (planes.empty() ? 0 : int64_t(planes[0].size())); }
  float at(int channel, int64_t index) const;  // 0 outside what was decoded
};

// AAC decoder fed with the packets the copier reads; appends what it decodes to pcm().
class PacketDecoder {
 public:
  PacketDecoder(const AVStream* stream, int64_t originSamples, const QString& path);
  void push(const AVPacket* packet);
  const ChunkPcm& pcm() const { return pcm_; }
  // Starts over on another chunk of the same audio configuration (no new decoder to open).
  void reset(const AVStream* stream, int64_t originSamples, const QString& path);

 private:
  void append(const AVFrame* f);

  CodecContextPtr ctx_;
  FramePtr frame_;
  AVRational tb_;
  int rate_;
  int64_t origin_;
  QString path_;
  ChunkPcm pcm_;
};

struct JoinSpec {
  int64_t a = 0, j = 0, b = 0;              // output samples; a and b on the packet grid
  int64_t shiftBefore = 0, shiftAfter = 0;  // copied place minus exact place, chunk k / k+1
  int64_t fileOffsetBefore = 0;             // file index = output sample + this (chunk k)
  int64_t fileOffsetAfter = 0;              // the same for chunk k+1
  int fade = 0;                             // cut fade (samples)
  int xfade = 0;                            // shift crossfade (samples)
};

// Sample of the joined signal at output sample t (channel c).
float joinSample(const JoinSpec& s, const ChunkPcm& before, const ChunkPcm& after, int c,
                 int64_t t);

class AudioEncoder;

// One AAC encoder for all the joins of a stitch: the copied stream's rate, channels and bit rate.
std::unique_ptr<AudioEncoder> makeJoinEncoder(const AVCodecParameters* par);

// Encodes the packets of output [a, b): pts/dts in samples on the output timeline, 1024 each.
std::vector<PacketPtr> encodeJoin(AudioEncoder& encoder, const JoinSpec& s, const ChunkPcm& before,
                                  const ChunkPcm& after);

// Whether the frames of our AAC encoder decode with this AudioSpecificConfig (AAC LC, this rate
// and channel count, no program config element).
bool joinEncoderMatches(const QByteArray& config, int sampleRate, int channels);

}  // namespace sw::media
