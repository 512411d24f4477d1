#include "media/audio_copy.h"

#include "media/audio_bus.h"
#include "media/encoders.h"
#include "media/media_error.h"

#include <cmath>
#include <cstdlib>

namespace sw::media {

namespace {

constexpr int kAacFrame = 1024;
// A chunk shorter than this leaves no room for the re-encoded frames at both of its joins.
constexpr int64_t kMinFrames = 12;

QString segmentBlocker(const ResolvedSegment& s, const ResolvedSegment& first, const Timeline& t) {
  const StreamInfo* a = s.probe.audio();
  if (!a) return QStringLiteral("%1 has no audio").arg(s.spec.file);
  const StreamInfo& f = *first.probe.audio();
  if (a->codec != QLatin1String("aac") || a->profile != QLatin1String("LC")) {
    return QStringLiteral("%1: audio is %2 %3, not AAC LC").arg(s.spec.file, a->codec, a->profile);
  }
  if (a->sampleRate != f.sampleRate || a->channels != f.channels || a->extradata != f.extradata) {
    return QStringLiteral(
               "%1: audio is %2 Hz %3 ch with another AAC configuration than the "
               "first chunk's (%4 Hz %5 ch)")
        .arg(s.spec.file)
        .arg(a->sampleRate)
        .arg(a->channels)
        .arg(f.sampleRate)
        .arg(f.channels);
  }
  const StreamInfo& v = *s.probe.video();
  const double offset = a->startTime - v.startTime;
  const double audioEnd = offset + a->duration;
  if (std::fabs(offset) > 0.001)
    return QStringLiteral("%1: audio does not start with the video").arg(s.spec.file);
  if (audioEnd + 0.010 < t.frameSeconds(s.inFrame + s.frames)) {
    return QStringLiteral("%1: audio ends before the segment's out point").arg(s.spec.file);
  }
  if (frameToSample(t, s.frames, a->sampleRate) < kMinFrames * kAacFrame)
    return QStringLiteral("%1: the segment is too short for clean audio joins").arg(s.spec.file);
  return {};
}

}  // namespace

QString audioCopyBlocker(const RenderPlan& plan, const Timeline& t, bool videoReencodedWhole) {
  if (!plan.output.copyChunkAudio)
    return QStringLiteral("the plan asks for fresh audio (copyChunkAudio false)");
  if (plan.output.chunkAudio != ChunkAudio::Keep)
    return QStringLiteral("the chunks' audio is replaced");
  if (!plan.audio.empty()) return QStringLiteral("audio clips are mixed in");
  if (videoReencodedWhole) return QStringLiteral("the video is re-encoded");
  for (const ResolvedSegment& s : t.segments) {
    if (s.xfadeFrames > 0) return QStringLiteral("crossfades blend the audio");
    if (s.dipOutFrames > 0) return QStringLiteral("dips fade the audio");
    const QString why = segmentBlocker(s, t.segments.front(), t);
    if (!why.isEmpty()) return why;
  }
  const StreamInfo& a = *t.segments.front().probe.audio();
  if (t.segments.size() > 1 && !joinEncoderMatches(a.extradata, a.sampleRate, a.channels)) {
    return QStringLiteral("%1: its AAC configuration cannot be matched for the joins")
        .arg(t.segments.front().spec.file);
  }
  return {};
}

struct AudioPacketCopier::Segment {
  explicit Segment(const QString& file) : input(file, false, MediaInput::OpenMode::HeaderOnly) {}
  MediaInput input;
  int stream = -1;
  AVRational tb{1, 1};
  int64_t origin = 0;          // file origin in samples
  int64_t start = 0, end = 0;  // segment span on the output (samples)
  int64_t in = 0;              // segment in point in the file (samples)
  bool last = false;
  std::deque<std::pair<PacketPtr, int64_t>> replay;  // read at the join, not yet written
  bool tailStarted = false;                          // tailDecoder_ decodes before its join
  int64_t fileOffset() const { return in - start; }  // file index = output sample + this
};

AudioPacketCopier::AudioPacketCopier(const Timeline& t) : t_(t), par_(makeCodecParameters()) {
  MediaInput first(t.segments.front().spec.file);
  const AVCodecParameters* src = first.stream(first.audioStream())->codecpar;
  checkAv(avcodec_parameters_copy(par_.get(), src),
          QStringLiteral("Cannot copy the audio parameters"), first.path());
  if (par_->frame_size > 0) frame_ = par_->frame_size;
  rate_ = par_->sample_rate;
  fade_ = rate_ / 200;
}

AudioPacketCopier::~AudioPacketCopier() = default;

std::unique_ptr<AudioPacketCopier::Segment> AudioPacketCopier::openSegment(size_t index) const {
  const ResolvedSegment& s = t_.segments[index];
  auto seg = std::make_unique<Segment>(s.spec.file);
  seg->stream = seg->input.audioStream();
  seg->input.onlyStream(seg->stream);
  seg->tb = seg->input.stream(seg->stream)->time_base;
  seg->origin = av_rescale_q(seg->input.originMicros(), AV_TIME_BASE_Q, AVRational{1, rate_});
  seg->start = frameToSample(t_, s.outStart, rate_);
  seg->end = frameToSample(t_, s.outStart + s.frames, rate_);
  seg->in = frameToSample(t_, s.inFrame, rate_);
  seg->last = index + 1 == t_.segments.size();
  if (seg->in > frame_) {
    seg->input.seek(seg->stream, av_rescale_q(seg->origin + seg->in - 2 * frame_,
                                              AVRational{1, rate_}, seg->tb));
  }
  return seg;
}

bool AudioPacketCopier::readPacket(Segment& s, PacketPtr& pkt, int64_t& place) const {
  if (!s.replay.empty()) {
    pkt = std::move(s.replay.front().first);
    place = s.replay.front().second;
    s.replay.pop_front();
    return true;
  }
  while (s.input.read(pkt.get())) {
    if (pkt->stream_index != s.stream || pkt->pts == AV_NOPTS_VALUE) continue;
    place = s.start + av_rescale_q(pkt->pts, s.tb, AVRational{1, rate_}) - s.origin - s.in;
    return true;
  }
  return false;
}

void AudioPacketCopier::put(PacketPtr pkt, int64_t duration) {
  av_packet_free_side_data(pkt.get());
  pkt->pts = pkt->dts = pos_;
  pkt->duration = duration;
  pkt->pos = -1;
  pos_ += frame_;
  ready_.push_back(std::move(pkt));
}

void AudioPacketCopier::step() {
  if (!cur_) cur_ = openSegment(seg_);
  Segment& s = *cur_;
  PacketPtr p = makePacket();
  int64_t m = 0;
  if (!readPacket(s, p, m)) {  // the file's audio ends
    join(nullptr, 0);
    return;
  }
  const int64_t half = frame_ / 2;
  if (pos_ == AV_NOPTS_VALUE) {
    // The first packet written is the priming frame (the output's edit list hides it).
    const int64_t priming = s.start - frame_;
    if (m < priming - half) {
      ++dropped_;
      return;
    }
    pos_ = m <= priming + half ? priming : m;
    shift_ = pos_ - m;
  }
  if (m < pos_ - shift_ - half) {  // before the next place: seek preroll, or replaced at a join
    ++dropped_;
    return;
  }
  if (m >= s.end - 6 * frame_) {  // near the join: decode (the first frame only primes)
    startTail(s);
    tail_->push(p.get());
  }
  // A copied packet's MDCT block spans two frames; it must end before the shift crossfade.
  if (pos_ + 2 * frame_ + 2 * fade_ <= s.end) {
    maxShift_ = std::max(maxShift_, std::abs(shift_));
    put(std::move(p), frame_);
    return;
  }
  join(std::move(p), m);
}

void AudioPacketCopier::join(PacketPtr pending, int64_t /*pendingPlace*/) {
  Segment& k = *cur_;
  if (pending) ++dropped_;
  JoinSpec js;
  js.a = pos_;
  js.j = k.end;
  js.shiftBefore = shift_;
  js.fileOffsetBefore = k.fileOffset();
  js.fade = js.xfade = fade_;
  startTail(k);
  const int64_t needBefore = std::max(k.end, k.end - shift_) + k.fileOffset();
  PacketPtr p = makePacket();
  int64_t m = 0;
  while (tail_->pcm().end() < needBefore && readPacket(k, p, m)) {
    tail_->push(p.get());
    ++dropped_;
  }

  if (k.last) {  // the end: fade out to exactly the last video frame's end
    js.b = js.a;
    while (js.b < js.j) js.b += frame_;
    auto packets = encodeJoin(encoder(), js, tail_->pcm(), ChunkPcm{});
    packets.back()->duration = js.j - (js.b - frame_);
    for (PacketPtr& q : packets) ready_.push_back(std::move(q));
    reencoded_ += static_cast<int64_t>(packets.size());
    pos_ = js.b;
    cur_.reset();
    ++seg_;
    return;
  }
  std::unique_ptr<Segment> next = openSegment(seg_ + 1);
  js.fileOffsetAfter = next->fileOffset();
  if (!head_)
    head_ = std::make_unique<PacketDecoder>(next->input.stream(next->stream), next->origin,
                                            next->input.path());
  else
    head_->reset(next->input.stream(next->stream), next->origin, next->input.path());
  PacketDecoder& head = *head_;
  std::deque<std::pair<PacketPtr, int64_t>> read;
  auto readNext = [&]() {
    PacketPtr q = makePacket();
    int64_t qm = 0;
    if (!readPacket(*next, q, qm)) return false;
    head.push(q.get());
    read.emplace_back(std::move(q), qm);
    return true;
  };
  const bool hasAudio = readNext();
  // b: the first grid place after the cut where the next chunk's copied packets can resume, its
  // shift in [-frame/2, frame/2); the crossfade before b starts after the fade-in and where the
  // shifted audio has begun.
  const int64_t m0 = hasAudio ? read.front().second : js.j;
  int64_t b = js.a + frame_;
  int64_t d = 0;
  for (;; b += frame_) {
    d = ((b - m0) % frame_ + frame_) % frame_;
    if (d >= frame_ / 2) d -= frame_;
    if (b > js.j && b - js.xfade >= js.j + std::max<int64_t>(js.fade, d)) break;
  }
  js.b = b;
  js.shiftAfter = d;
  const int64_t needAfter = b + 2 * frame_ + frame_ / 2 + next->fileOffset();
  while (hasAudio && head.pcm().end() < needAfter && readNext()) {
  }
  for (PacketPtr& q : encodeJoin(encoder(), js, tail_->pcm(), head.pcm())) {
    ready_.push_back(std::move(q));
    pos_ += frame_;
    ++reencoded_;
  }
  cur_ = std::move(next);
  ++seg_;
  cur_->replay = std::move(read);
  shift_ = d;
}

void AudioPacketCopier::startTail(Segment& s) {
  if (s.tailStarted) return;
  s.tailStarted = true;
  if (!tail_)
    tail_ = std::make_unique<PacketDecoder>(s.input.stream(s.stream), s.origin, s.input.path());
  else
    tail_->reset(s.input.stream(s.stream), s.origin, s.input.path());
}

AudioEncoder& AudioPacketCopier::encoder() {
  if (!encoder_) encoder_ = makeJoinEncoder(par_.get());
  return *encoder_;
}

AudioPull AudioPacketCopier::next(AVPacket* out, bool /*wait*/) {
  while (ready_.empty() && seg_ < t_.segments.size()) step();
  if (ready_.empty()) {
    av_packet_unref(out);
    return AudioPull::End;
  }
  av_packet_unref(out);
  av_packet_move_ref(out, ready_.front().get());
  ready_.pop_front();
  return AudioPull::Packet;
}

}  // namespace sw::media
