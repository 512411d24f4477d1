#include "media/audio_bus.h"

#include "media/media_error.h"

extern "C" {
#include <libavutil/channel_layout.h>
}

#include <algorithm>
#include <cmath>

namespace sw::media {

namespace {
constexpr int64_t kCutFade = kMixRate / 200;  // 5 ms
constexpr int kBlock = 1024;
}  // namespace

int64_t frameToSample(const Timeline& t, int64_t frame, int rate) {
  return av_rescale(frame, int64_t(rate) * t.fps.den, t.fps.num);
}

SegmentAudioReader::SegmentAudioReader(const ResolvedSegment& seg, const Timeline& t)
    : frame_(makeFrame()) {
  inSample_ = frameToSample(t, seg.inFrame);
  if (!seg.probe.audio()) {
    done_ = true;
    return;
  }
  input_.emplace(seg.spec.file);
  reader_ = std::make_unique<FrameReader>(*input_, input_->audioStream());
  AVCodecContext* d = reader_->context();
  const AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
  swr_ = makeResampler(d, &stereo, AV_SAMPLE_FMT_FLTP, kMixRate, seg.spec.file);
  const double in = static_cast<double>(inSample_) / kMixRate;
  if (in > 0) reader_->seek(std::max(0.0, in - 0.2));
}

bool SegmentAudioReader::decodeMore() {
  if (done_) return false;
  if (!reader_->next(frame_.get())) {
    done_ = true;
    return false;
  }
  if (!started_) {
    started_ = true;
    const int64_t first =
        frame_->pts == AV_NOPTS_VALUE
            ? 0
            : av_rescale_q(frame_->pts, reader_->timeBase(), AVRational{1, kMixRate});
    if (first > inSample_) {
      l_.insert(l_.end(), first - inSample_, 0.0f);
      r_.insert(r_.end(), first - inSample_, 0.0f);
    } else {
      skip_ = inSample_ - first;
    }
  }
  const int cap = swr_get_out_samples(swr_.get(), frame_->nb_samples);
  std::vector<float> bl(cap), br(cap);
  uint8_t* out[2] = {reinterpret_cast<uint8_t*>(bl.data()), reinterpret_cast<uint8_t*>(br.data())};
  const int n = swr_convert(swr_.get(), out, cap,
                            const_cast<const uint8_t**>(frame_->extended_data), frame_->nb_samples);
  for (int i = 0; i < n; ++i) {
    if (skip_ > 0) {
      --skip_;
      continue;
    }
    l_.push_back(bl[i]);
    r_.push_back(br[i]);
  }
  return true;
}

void SegmentAudioReader::read(float* l, float* r, int n) {
  while (static_cast<int>(l_.size()) < n && decodeMore()) {
  }
  const int have = std::min<int>(n, static_cast<int>(l_.size()));
  std::copy_n(l_.begin(), have, l);
  std::copy_n(r_.begin(), have, r);
  l_.erase(l_.begin(), l_.begin() + have);
  r_.erase(r_.begin(), r_.begin() + have);
  std::fill(l + have, l + n, 0.0f);
  std::fill(r + have, r + n, 0.0f);
}

ChunkAudioBus::ChunkAudioBus(const Timeline& t) : t_(t), readers_(t.segments.size()) {
  total_ = frameToSample(t, t.totalFrames);
  for (size_t i = 0; i < t.segments.size(); ++i) {
    const ResolvedSegment& s = t.segments[i];
    const int64_t a = frameToSample(t, s.outStart);
    start_.push_back(a);
    count_.push_back(frameToSample(t, s.outStart + s.frames) - a);
    const int64_t xin = i > 0 ? frameToSample(t, t.segments[i - 1].xfadeFrames) : 0;
    // A dip fades the sound with the picture: to silence at the segment's end, up from it after.
    fadeIn_.push_back(std::max({kCutFade, xin, frameToSample(t, s.dipInFrames)}));
    fadeOut_.push_back(
        std::max({kCutFade, frameToSample(t, s.xfadeFrames), frameToSample(t, s.dipOutFrames)}));
  }
}

ChunkAudioBus::~ChunkAudioBus() = default;

float ChunkAudioBus::gainAt(size_t seg, int64_t local) const {
  const double k = static_cast<double>(local) + 0.5;
  const double g = std::min({1.0, k / fadeIn_[seg], (count_[seg] - k) / fadeOut_[seg]});
  return static_cast<float>(std::max(0.0, g));
}

bool ChunkAudioBus::next(AVFrame* out) {
  if (pos_ >= total_) return false;
  const int n = static_cast<int>(std::min<int64_t>(kBlock, total_ - pos_));
  av_frame_unref(out);
  out->format = AV_SAMPLE_FMT_FLTP;
  out->sample_rate = kMixRate;
  out->nb_samples = n;
  out->ch_layout = AV_CHANNEL_LAYOUT_STEREO;
  checkAv(av_frame_get_buffer(out, 0), QStringLiteral("Out of memory (audio frame)"), QString());
  float* L = reinterpret_cast<float*>(out->data[0]);
  float* R = reinterpret_cast<float*>(out->data[1]);
  std::fill(L, L + n, 0.0f);
  std::fill(R, R + n, 0.0f);
  std::vector<float> tl, tr;
  for (size_t i = 0; i < t_.segments.size(); ++i) {
    const int64_t a = std::max(pos_, start_[i]);
    const int64_t b = std::min(pos_ + n, start_[i] + count_[i]);
    if (start_[i] + count_[i] <= pos_) readers_[i].reset();
    if (b <= a) continue;
    if (!readers_[i]) readers_[i] = std::make_unique<SegmentAudioReader>(t_.segments[i], t_);
    const int m = static_cast<int>(b - a);
    tl.resize(m);
    tr.resize(m);
    readers_[i]->read(tl.data(), tr.data(), m);
    for (int k = 0; k < m; ++k) {
      const float g = gainAt(i, a - start_[i] + k);
      L[a - pos_ + k] += tl[k] * g;
      R[a - pos_ + k] += tr[k] * g;
    }
  }
  out->pts = pos_;
  pos_ += n;
  return true;
}

}  // namespace sw::media
