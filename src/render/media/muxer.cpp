#include "render/media/muxer.h"

namespace sw::media {

StitchMuxer::StitchMuxer(OutputFile& out, const AVCodecContext* audioEncoder, AudioSource nextAudio)
    : out_(out), nextAudio_(std::move(nextAudio)), audioPkt_(makePacket()), audioEnc_(audioEncoder) {
  if (audioEncoder) audioTb_ = audioEncoder->time_base;
}

void StitchMuxer::addVideoFromEncoder(const AVCodecContext* encoder) { video_ = out_.addStream(encoder)->index; }

void StitchMuxer::addVideoCopy(const AVCodecParameters* par, AVRational timeBase) {
  video_ = out_.addStreamCopy(par, timeBase)->index;
}

void StitchMuxer::start() {
  if (audioEnc_) audioStream_ = out_.addStream(audioEnc_)->index;
  out_.open(true);
}

AVRational StitchMuxer::videoTimeBase() const { return out_.stream(video_)->time_base; }

void StitchMuxer::writeAudioUntil(double seconds) {
  while (audioStream_ >= 0 && !audioDone_) {
    if (!audioPending_) {
      audioPending_ = nextAudio_(audioPkt_.get());
      if (!audioPending_) {
        audioDone_ = true;
        break;
      }
    }
    AVPacket* p = audioPkt_.get();
    if (p->pts != AV_NOPTS_VALUE && p->pts * av_q2d(audioTb_) > seconds) break;
    p->stream_index = audioStream_;
    out_.write(p, audioTb_);
    av_packet_unref(p);
    audioPending_ = false;
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
  const int64_t ts = pkt->dts != AV_NOPTS_VALUE ? pkt->dts : pkt->pts;
  writeAudioUntil(ts * av_q2d(st) + 0.2);
  pkt->stream_index = video_;
  out_.write(pkt, st);
  ++videoPackets_;
}

void StitchMuxer::finish() { writeAudioUntil(1e18); }

}  // namespace sw::media
