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
