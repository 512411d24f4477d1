#include "media/ffmpeg_raii.h"

#include "media/media_error.h"

namespace sw::media {

void OutputFormatDeleter::operator()(AVFormatContext* c) const {
  if (c->pb && c->oformat && !(c->oformat->flags & AVFMT_NOFILE)) avio_closep(&c->pb);
  avformat_free_context(c);
}

FramePtr makeFrame() {
  FramePtr f(av_frame_alloc());
  if (!f)
    throw MediaError(MediaError::Kind::Internal,
                     QStringLiteral("Out of memory allocating a frame"));
  return f;
}

PacketPtr makePacket() {
  PacketPtr p(av_packet_alloc());
  if (!p)
    throw MediaError(MediaError::Kind::Internal,
                     QStringLiteral("Out of memory allocating a packet"));
  return p;
}

CodecContextPtr makeCodecContext(const AVCodec* codec) {
  CodecContextPtr c(avcodec_alloc_context3(codec));
  if (!c)
    throw MediaError(MediaError::Kind::Internal,
                     QStringLiteral("Out of memory allocating a codec"));
  return c;
}

SwrPtr makeResampler(const AVCodecContext* decoder, const AVChannelLayout* outLayout,
                     AVSampleFormat outFormat, int outRate, const QString& file) {
  AVChannelLayout inLayout{};
  if (decoder->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
    av_channel_layout_default(&inLayout, decoder->ch_layout.nb_channels);
  else
    av_channel_layout_copy(&inLayout, &decoder->ch_layout);
  SwrContext* raw = nullptr;
  // FFmpeg 5.1 takes the layouts as non-const pointers; it only reads them.
  AVChannelLayout* out = outLayout ? const_cast<AVChannelLayout*>(outLayout) : &inLayout;
  const int ret =
      swr_alloc_set_opts2(&raw, out, outFormat, outRate > 0 ? outRate : decoder->sample_rate,
                          &inLayout, decoder->sample_fmt, decoder->sample_rate, 0, nullptr);
  av_channel_layout_uninit(&inLayout);
  SwrPtr swr(raw);
  checkAv(ret, QStringLiteral("Cannot set up the resampler"), file);
  checkAv(swr_init(swr.get()), QStringLiteral("Cannot set up the resampler"), file);
  return swr;
}

FilterGraphPtr makeFilterGraph() {
  FilterGraphPtr g(avfilter_graph_alloc());
  if (!g)
    throw MediaError(MediaError::Kind::Internal,
                     QStringLiteral("Out of memory allocating a filter graph"));
  return g;
}

CodecParametersPtr makeCodecParameters() {
  CodecParametersPtr p(avcodec_parameters_alloc());
  if (!p)
    throw MediaError(MediaError::Kind::Internal,
                     QStringLiteral("Out of memory allocating codec parameters"));
  return p;
}

std::string Dictionary::keys() const {
  std::string out;
  const AVDictionaryEntry* e = nullptr;
  while ((e = av_dict_get(dict_, "", e, AV_DICT_IGNORE_SUFFIX))) {
    if (!out.empty()) out += ", ";
    out += e->key;
  }
  return out;
}

}  // namespace sw::media
