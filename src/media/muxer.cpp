#include "media/muxer.h"

#include "media/media_error.h"

namespace sw::media {

StitchMuxer::StitchMuxer(OutputFile& out, AudioPacketSource* audio)
    : out_(out), audio_(audio), audioPkt_(makePacket()) {}

void StitchMuxer::addVideoFromEncoder(const AVCodecContext* encoder) {
  video_ = out_.addStream(encoder)->index;
}

void StitchMuxer::addVideoCopy(const AVCodecParameters* par, AVRational timeBase) {
  video_ = out_.addStreamCopy(par, timeBase)->index;
}

void StitchMuxer::start() {
  if (audio_) audioStream_ = out_.addStreamCopy(audio_->parameters(), audio_->timeBase())->index;
  out_.open(true);
}

AVRational StitchMuxer::videoTimeBase() const { return out_.stream(video_)->time_base; }

bool StitchMuxer::writeAudioUntil(double seconds, bool wait) {
  const AVRational tb = audio_ ? audio_->timeBase() : AVRational{1, 48000};
  while (audioStream_ >= 0 && !audioDone_) {
    if (!audioPending_) {
      const AudioPull r = audio_->next(audioPkt_.get(), wait);
      if (r == AudioPull::Later) return false;
      if (r == AudioPull::End) {
        audioDone_ = true;
        break;
      }
      audioPending_ = true;
    }
    AVPacket* p = audioPkt_.get();
    if (p->pts != AV_NOPTS_VALUE && p->pts * av_q2d(tb) > seconds) break;
    p->stream_index = audioStream_;
    out_.write(p, tb);
    av_packet_unref(p);
    audioPending_ = false;
  }
  return true;
}

void StitchMuxer::drainVideo(bool wait) {
  const AVRational st = videoTimeBase();
  while (!pendingVideo_.empty()) {
    AVPacket* pkt = pendingVideo_.front().get();
    const int64_t ts = pkt->dts != AV_NOPTS_VALUE ? pkt->dts : pkt->pts;
    const bool mustWait = wait || pendingBytes_ > kMaxPendingVideoBytes;
    if (!writeAudioUntil(ts * av_q2d(st) + 0.2, mustWait))
      return;  // audio not ready: keep queueing
    pendingBytes_ -= pkt->size;
    out_.write(pkt, st);
    pendingVideo_.pop_front();
    ++videoPackets_;
  }
}

void StitchMuxer::writeVideo(AVPacket* pkt, AVRational tb) {
  const AVRational st = videoTimeBase();
  av_packet_rescale_ts(pkt, tb, st);
  if (pkt->dts != AV_NOPTS_VALUE && lastDts_ != AV_NOPTS_VALUE && pkt->dts <= lastDts_) {
    pkt->dts = lastDts_ + 1;
    if (pkt->pts != AV_NOPTS_VALUE && pkt->pts < pkt->dts) pkt->pts = pkt->dts;
  }
  if (pkt->dts != AV_NOPTS_VALUE) lastDts_ = pkt->dts;
  PacketPtr own = makePacket();
  av_packet_move_ref(own.get(), pkt);
  own->stream_index = video_;
  pendingBytes_ += own->size;
  pendingVideo_.push_back(std::move(own));
  drainVideo(false);
}

void StitchMuxer::finish() {
  drainVideo(true);
  writeAudioUntil(1e18, true);
}

}  // namespace sw::media
