#include "media/audio_join.h"

#include "media/encoders.h"
#include "media/media_error.h"

#include <algorithm>

namespace sw::media {

float ChunkPcm::at(int channel, int64_t index) const {
  if (planes.empty() || index < first || index >= end()) return 0.0f;
  return planes[static_cast<size_t>(channel)][static_cast<size_t>(index - first)];
}

PacketDecoder::PacketDecoder(const AVStream* st, int64_t originSamples, const QString& path)
    : frame_(makeFrame()),
      tb_(st->time_base),
      rate_(st->codecpar->sample_rate),
      origin_(originSamples),
      path_(path) {
  const AVCodec* codec = avcodec_find_decoder(st->codecpar->codec_id);
  if (!codec)
    throw MediaError(MediaError::Kind::Unsupported,
                     QStringLiteral("This FFmpeg cannot decode the audio of %1.").arg(path));
  ctx_ = makeCodecContext(codec);
  checkAv(avcodec_parameters_to_context(ctx_.get(), st->codecpar),
          QStringLiteral("Cannot set up the audio decoder"), path);
  ctx_->pkt_timebase = st->time_base;
  checkAv(avcodec_open2(ctx_.get(), codec, nullptr),
          QStringLiteral("Cannot open the audio decoder"), path);
  pcm_.planes.resize(static_cast<size_t>(st->codecpar->ch_layout.nb_channels));
}

void PacketDecoder::reset(const AVStream* st, int64_t originSamples, const QString& path) {
  avcodec_flush_buffers(ctx_.get());
  tb_ = st->time_base;
  origin_ = originSamples;
  path_ = path;
  for (auto& p : pcm_.planes) p.clear();
  pcm_.first = 0;
}

void PacketDecoder::push(const AVPacket* packet) {
  checkAv(avcodec_send_packet(ctx_.get(), packet), QStringLiteral("Cannot decode the audio"),
          path_);
  while (avcodec_receive_frame(ctx_.get(), frame_.get()) == 0) {
    append(frame_.get());
    av_frame_unref(frame_.get());
  }
}

void PacketDecoder::append(const AVFrame* f) {
  if (f->format != AV_SAMPLE_FMT_FLTP || f->ch_layout.nb_channels != int(pcm_.planes.size()))
    throw MediaError(MediaError::Kind::Unsupported,
                     QStringLiteral("The audio of %1 decodes to an unexpected format.").arg(path_));
  const int64_t at = f->pts == AV_NOPTS_VALUE
                         ? pcm_.end()
                         : av_rescale_q(f->pts, tb_, AVRational{1, rate_}) - origin_;
  if (pcm_.planes[0].empty()) pcm_.first = at;
  const int64_t gap = at - pcm_.end();
  const int skip = static_cast<int>(std::clamp<int64_t>(-gap, 0, f->nb_samples));
  for (size_t c = 0; c < pcm_.planes.size(); ++c) {
    std::vector<float>& p = pcm_.planes[c];
    if (gap > 0) p.insert(p.end(), static_cast<size_t>(gap), 0.0f);
    const auto* s = reinterpret_cast<const float*>(f->extended_data[c]);
    p.insert(p.end(), s + skip, s + f->nb_samples);
  }
}

namespace {

float ramp(int64_t t, int64_t from, int len) {  // 0 before `from`, 1 after from + len, linear
  if (len <= 0) return t >= from ? 1.0f : 0.0f;
  const double k = (static_cast<double>(t - from) + 0.5) / len;
  return static_cast<float>(std::clamp(k, 0.0, 1.0));
}

}  // namespace

float joinSample(const JoinSpec& s, const ChunkPcm& before, const ChunkPcm& after, int c,
                 int64_t t) {
  if (t < s.j) {
    const float w = ramp(t, s.a + 1024, s.xfade);
    const float shifted = before.at(c, t - s.shiftBefore + s.fileOffsetBefore);
    const float exact = before.at(c, t + s.fileOffsetBefore);
    const float g = std::min(1.0f, static_cast<float>((s.j - t - 0.5) / s.fade));
    return g * ((1 - w) * shifted + w * exact);
  }
  const float w = ramp(t, s.b - s.xfade, s.xfade);
  const float exact = after.at(c, t + s.fileOffsetAfter);
  const float shifted = after.at(c, t - s.shiftAfter + s.fileOffsetAfter);
  const float g = std::min(1.0f, static_cast<float>((t - s.j + 0.5) / s.fade));
  return g * ((1 - w) * exact + w * shifted);
}

std::unique_ptr<AudioEncoder> makeJoinEncoder(const AVCodecParameters* par) {
  AudioEncodeSettings es;
  es.sampleRate = par->sample_rate;
  es.channels = par->ch_layout.nb_channels;
  es.bitRate = par->bit_rate > 0 ? par->bit_rate : 128000;
  return std::make_unique<AudioEncoder>(es);
}

std::vector<PacketPtr> encodeJoin(AudioEncoder& enc, const JoinSpec& s, const ChunkPcm& before,
                                  const ChunkPcm& after) {
  // Encoder input sample base + u is output sample a + u: the packet with pts p covers output
  // a + p - base (its MDCT block spans [p, p + 2048)). Windows are fed back to back into one
  // encoder; a packet is kept only when its whole block lies in this window.
  const int64_t base = enc.samplesPushed();
  const int64_t need = (s.b - s.a) / 1024;
  const int channels = enc.context()->ch_layout.nb_channels;
  std::vector<std::vector<float>> planes(static_cast<size_t>(channels), std::vector<float>(1024));
  std::vector<const float*> ptrs;
  ptrs.reserve(planes.size());
  for (const auto& p : planes) ptrs.push_back(p.data());
  std::vector<PacketPtr> out;
  auto keep = [&](AVPacket* p) {
    const int64_t at = p->pts - base;
    if (at < 0 || at >= s.b - s.a) return;
    PacketPtr k(av_packet_clone(p));
    k->pts = k->dts = s.a + at;
    k->duration = 1024;
    out.push_back(std::move(k));
  };
  // Up to the frame after b + 1024 (the last packet's look-ahead), then on while the encoder
  // still holds packets of this window.
  for (int64_t u = 0;
       u < s.b - s.a + 2 * 1024 || (int64_t(out.size()) < need && u < s.b - s.a + 8 * 1024);
       u += 1024) {
    for (int c = 0; c < channels; ++c)
      for (int i = 0; i < 1024; ++i)
        planes[size_t(c)][size_t(i)] = joinSample(s, before, after, c, s.a + u + i);
    enc.push(ptrs.data(), 1024, keep);
  }
  if (static_cast<int64_t>(out.size()) != need)
    throw MediaError(MediaError::Kind::Internal,
                     QStringLiteral("The AAC encoder gave %1 frames for a join that needs %2.")
                         .arg(out.size())
                         .arg(need));
  std::sort(out.begin(), out.end(),
            [](const PacketPtr& x, const PacketPtr& y) { return x->pts < y->pts; });
  return out;
}

namespace {
constexpr int kAacRates[] = {96000, 88200, 64000, 48000, 44100, 32000, 24000,
                             22050, 16000, 12000, 11025, 8000,  7350};
}  // namespace

bool joinEncoderMatches(const QByteArray& config, int sampleRate, int channels) {
  // AudioSpecificConfig: object type (5 bits), sampling frequency index (4), channel
  // configuration (4), GASpecificConfig flags (3). Our encoder writes AAC LC (2), the rate's
  // index, the channel count as configuration and zero flags; what may follow (an explicit "no
  // SBR" extension) does not change how the frames decode.
  int index = -1;
  for (int i = 0; i < int(std::size(kAacRates)); ++i)
    if (kAacRates[i] == sampleRate) index = i;
  if (index < 0 || channels < 1 || channels > 6 || config.size() < 2) return false;
  const auto b0 = static_cast<unsigned char>(config[0]);
  const auto b1 = static_cast<unsigned char>(config[1]);
  return b0 == ((2 << 3) | (index >> 1)) && b1 == (((index & 1) << 7) | (channels << 3));
}

}  // namespace sw::media
