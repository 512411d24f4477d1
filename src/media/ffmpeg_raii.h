// RAII owners for every FFmpeg object the media engine touches.
// Business code never calls av_*_free directly: it holds one of these.
#pragma once

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavformat/avformat.h>
#include <libavutil/dict.h>
#include <libavutil/frame.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include <QString>
#include <memory>
#include <string>

namespace sw::media {

struct InputFormatDeleter {
  void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct OutputFormatDeleter {
  void operator()(AVFormatContext* c) const;  // closes the AVIOContext it opened, then frees
};
struct CodecContextDeleter {
  void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
  void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
  void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct FilterGraphDeleter {
  void operator()(AVFilterGraph* g) const { avfilter_graph_free(&g); }
};
struct SwsDeleter {
  void operator()(SwsContext* s) const { sws_freeContext(s); }
};
struct SwrDeleter {
  void operator()(SwrContext* s) const { swr_free(&s); }
};
struct CodecParametersDeleter {
  void operator()(AVCodecParameters* p) const { avcodec_parameters_free(&p); }
};
struct FilterInOutDeleter {
  void operator()(AVFilterInOut* io) const { avfilter_inout_free(&io); }
};

using InputFormatPtr = std::unique_ptr<AVFormatContext, InputFormatDeleter>;
using OutputFormatPtr = std::unique_ptr<AVFormatContext, OutputFormatDeleter>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using FilterGraphPtr = std::unique_ptr<AVFilterGraph, FilterGraphDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;
using SwrPtr = std::unique_ptr<SwrContext, SwrDeleter>;
using FilterInOutPtr = std::unique_ptr<AVFilterInOut, FilterInOutDeleter>;
using CodecParametersPtr = std::unique_ptr<AVCodecParameters, CodecParametersDeleter>;

// Allocators that throw MediaError instead of returning nullptr.
FramePtr makeFrame();
PacketPtr makePacket();
CodecContextPtr makeCodecContext(const AVCodec* codec);
FilterGraphPtr makeFilterGraph();
CodecParametersPtr makeCodecParameters();

// A resampler from what `decoder` delivers (its layout; an unspecified order gets the default
// layout for its channel count) to `outLayout` (null: the decoder's own), `outFormat` and
// `outRate` (0: the decoder's rate). Throws MediaError naming `file` when it cannot be set up.
SwrPtr makeResampler(const AVCodecContext* decoder, const AVChannelLayout* outLayout,
                     AVSampleFormat outFormat, int outRate, const QString& file);

// AVDictionary owner. Pass slot() where FFmpeg wants an AVDictionary**.
class Dictionary {
 public:
  Dictionary() = default;
  ~Dictionary() { av_dict_free(&dict_); }
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;
  Dictionary(Dictionary&& other) noexcept : dict_(other.dict_) { other.dict_ = nullptr; }

  void set(const char* key, const std::string& value) {
    av_dict_set(&dict_, key, value.c_str(), 0);
  }
  void set(const char* key, long long value) { av_dict_set_int(&dict_, key, value, 0); }
  AVDictionary** slot() { return &dict_; }
  AVDictionary* get() const { return dict_; }
  int count() const { return av_dict_count(dict_); }
  // Comma-separated list of the keys left (options FFmpeg did not consume).
  std::string keys() const;

 private:
  AVDictionary* dict_ = nullptr;
};

}  // namespace sw::media
