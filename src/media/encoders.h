// H.264 (libx264) and AAC encoders with the send/receive loop wrapped.
#pragma once

#include "media/ffmpeg_raii.h"

extern "C" {
#include <libavutil/audio_fifo.h>
}

#include <QString>
#include <functional>
#include <memory>
#include <string>

namespace sw::media {

using PacketSink = std::function<void(AVPacket*)>;

struct VideoEncodeSettings {
  int width = 0;
  int height = 0;
  AVRational fps{30, 1};  // encoder time base is 1/fps: frame pts = frame index
  int crf = 23;
  std::string preset = "medium";
  std::string profile = "high";
  int gop = 0;                 // keyframe interval in frames; 0 = 2 seconds
  std::string x264Params;      // extra "k=v:k=v" for libx264 (used by smart render)
  bool globalHeader = true;    // mp4/mov want extradata (avcC) out of band
  int threads = 0;             // x264 threads; 0 = automatic (frame threads, 1.5 x cores)
  bool deterministic = false;  // byte-identical output for identical input (x264 capped at AVX2,
                               // ~10% slower on AVX-512 machines); MediaWriter always sets it
  // Colour description written to the H.264 VUI and the container (UNSPECIFIED: untagged). It
  // says how the pixels are to be read; the encoder converts nothing.
  AVColorPrimaries colorPrimaries = AVCOL_PRI_UNSPECIFIED;
  AVColorTransferCharacteristic colorTransfer = AVCOL_TRC_UNSPECIFIED;
  AVColorSpace colorSpace = AVCOL_SPC_UNSPECIFIED;  // the YUV matrix
  AVColorRange colorRange = AVCOL_RANGE_UNSPECIFIED;
};

// The YUV matrix a picture of this size is read with when untagged, and that outputs of this
// size are written with: BT.709 from 720 lines or 1280 columns up, SMPTE 170M (BT.601) below.
inline AVColorSpace defaultMatrix(int width, int height) {
  return height >= 720 || width >= 1280 ? AVCOL_SPC_BT709 : AVCOL_SPC_SMPTE170M;
}

// The tags of a rendered output: BT.709 for HD (720 lines or 1280 columns and up), SMPTE 170M
// (BT.601) below, limited range; the normalising graph converts the pixels to that matrix.
void setOutputColour(VideoEncodeSettings& s);

// Makes `sws` convert between the YUV matrices and ranges players assume: a YUV picture of
// `srcWidth`x`srcHeight` with matrix `srcMatrix` and range `srcRange` (unspecified: the
// defaultMatrix for its size, limited range), an RGB side always full range. `dstMatrix` is
// used the same way for the output. swscale's default is BT.601 both ways, which shifts the
// colours of HD pictures.
void setSwsColour(SwsContext* sws, bool srcRgb, AVColorSpace srcMatrix, AVColorRange srcRange,
                  int srcWidth, int srcHeight, bool dstRgb, AVColorSpace dstMatrix,
                  AVColorRange dstRange, int dstWidth, int dstHeight);

// Keyframe interval in frames that VideoEncoder uses for these settings (gop, or 2 seconds).
int keyframeInterval(const VideoEncodeSettings& s);

class VideoEncoder {
 public:
  explicit VideoEncoder(const VideoEncodeSettings& settings);
  AVCodecContext* context() const { return ctx_.get(); }
  // Sends a yuv420p frame of the configured size (pts in 1/fps) or nullptr to flush;
  // every packet produced goes to sink (time base = context()->time_base).
  void encode(AVFrame* frame, const PacketSink& sink);

 private:
  CodecContextPtr ctx_;
  PacketPtr pkt_;
};

struct AudioEncodeSettings {
  int sampleRate = 48000;
  int channels = 2;
  int64_t bitRate = 160000;
  bool globalHeader = true;
};

// AAC encoder taking planar float (fltp) samples in any chunk size, with FFmpeg's "fast" coder
// instead of its default "twoloop": the encoder's maintainer found fast to sound better at 128 kb/s
// and up (ours) for much less CPU (FFmpeg commit fcb681ac); here about a third of twoloop's time.
// It regroups the samples into frames of the encoder's frame_size. pts counts samples (time base
// 1/sampleRate).
class AudioEncoder {
 public:
  explicit AudioEncoder(const AudioEncodeSettings& settings);
  ~AudioEncoder();
  AudioEncoder(const AudioEncoder&) = delete;
  AudioEncoder& operator=(const AudioEncoder&) = delete;

  AVCodecContext* context() const { return ctx_.get(); }
  // planes: one float array per channel, nbSamples each.
  void push(const float* const* planes, int nbSamples, const PacketSink& sink);
  // A frame in the encoder's format (fltp, same rate and channels).
  void push(const AVFrame* frame, const PacketSink& sink);
  // Encodes what is buffered and drains the encoder.
  void flush(const PacketSink& sink);
  int64_t samplesPushed() const { return pushed_; }

 private:
  void encodeFrames(bool final, const PacketSink& sink);
  void send(AVFrame* frame, const PacketSink& sink);

  CodecContextPtr ctx_;
  AVAudioFifo* fifo_ = nullptr;
  PacketPtr pkt_;
  int64_t nextPts_ = 0;
  int64_t pushed_ = 0;
};

}  // namespace sw::media
