#include "media/audio_copy.h"

#include "media/audio_bus.h"
#include "media/media_error.h"

#include <cmath>
#include <cstdlib>

namespace sw::media {

namespace {

QString segmentBlocker(const ResolvedSegment& s, const ResolvedSegment& first, const Timeline& t) {
  const StreamInfo* a = s.probe.audio();
  if (!a) return QStringLiteral("%1 has no audio").arg(s.spec.file);
  if (a->codec != QLatin1String("aac") || a->profile != QLatin1String("LC") ||
      a->sampleRate != kMixRate || a->channels != 2) {
    return QStringLiteral("%1: audio is %2 %3 %4 Hz %5 ch, not AAC LC 48 kHz stereo")
        .arg(s.spec.file, a->codec, a->profile)
        .arg(a->sampleRate)
        .arg(a->channels);
  }
  if (a->extradata != first.probe.audio()->extradata) {
    return QStringLiteral("%1: AAC configuration differs from the first chunk").arg(s.spec.file);
  }
  const StreamInfo& v = *s.probe.video();
  const double offset = a->startTime - v.startTime;
  const double audioEnd = offset + a->duration;
  if (std::fabs(offset) > 0.001)
    return QStringLiteral("%1: audio does not start with the video").arg(s.spec.file);
  if (audioEnd + 0.010 < t.frameSeconds(s.inFrame + s.frames)) {
    return QStringLiteral("%1: audio ends before the segment's out point").arg(s.spec.file);
  }
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
    const QString why = segmentBlocker(s, t.segments.front(), t);
    if (!why.isEmpty()) return why;
  }
  return {};
}

AudioPacketCopier::AudioPacketCopier(const Timeline& t) : t_(t), par_(makeCodecParameters()) {
  MediaInput first(t.segments.front().spec.file);
  const AVCodecParameters* src = first.stream(first.audioStream())->codecpar;
  checkAv(avcodec_parameters_copy(par_.get(), src),
          QStringLiteral("Cannot copy the audio parameters"), first.path());
  if (par_->frame_size > 0) frame_ = par_->frame_size;
}

void AudioPacketCopier::openSegment() {
  const ResolvedSegment& s = t_.segments[seg_];
  input_.emplace(s.spec.file, false, MediaInput::OpenMode::HeaderOnly);
  stream_ = input_->audioStream();
  input_->onlyStream(stream_);
  const AVRational tb = input_->stream(stream_)->time_base;
  origin_ = av_rescale_q(input_->originMicros(), AV_TIME_BASE_Q, AVRational{1, kRate});
  start_ = frameToSample(t_, s.outStart);
  end_ = frameToSample(t_, s.outStart + s.frames);
  in_ = frameToSample(t_, s.inFrame);
  if (in_ > frame_) {
    input_->seek(stream_, av_rescale_q(origin_ + in_ - 2 * frame_, AVRational{1, kRate}, tb));
  }
}

void AudioPacketCopier::closeSegment() {
  input_.reset();
  ++seg_;
}

AudioPull AudioPacketCopier::next(AVPacket* out, bool /*wait*/) {
  const int64_t half = frame_ / 2;
  while (seg_ < t_.segments.size()) {
    if (!input_) openSegment();
    if (!input_->read(out)) {
      closeSegment();
      continue;
    }
    if (out->stream_index != stream_ || out->pts == AV_NOPTS_VALUE) continue;
    const AVRational tb = input_->stream(stream_)->time_base;
    const int64_t m = start_ + av_rescale_q(out->pts, tb, AVRational{1, kRate}) - origin_ - in_;
    const bool last = seg_ + 1 == t_.segments.size();
    if (pos_ == AV_NOPTS_VALUE) {
      // The first packet written is the priming frame (the output's edit list hides it).
      const int64_t priming = start_ - frame_;
      if (m < priming - half) {
        ++dropped_;
        continue;
      }
      pos_ = m <= priming + half ? priming : m;
    }
    if (m < pos_ - half) {
      ++dropped_;
      continue;
    }
    if (last ? pos_ >= end_ : m >= end_ - half) {
      closeSegment();
      continue;
    }
    maxShift_ = std::max(maxShift_, std::abs(pos_ - m));
    av_packet_free_side_data(out);
    out->pts = out->dts = pos_;
    out->duration = last ? std::min<int64_t>(frame_, end_ - pos_) : frame_;
    out->pos = -1;
    pos_ += frame_;
    return AudioPull::Packet;
  }
  av_packet_unref(out);
  return AudioPull::End;
}

}  // namespace sw::media
