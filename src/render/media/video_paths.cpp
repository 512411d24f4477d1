#include "render/media/video_paths.h"

#include "render/media/encoders.h"
#include "render/media/frame_prefetch.h"
#include "render/media/media_error.h"
#include "render/media/media_input.h"
#include "render/media/video_source.h"

#include <cmath>

namespace sw::media {

void VideoProgress::frames(int64_t done) const {
  control.checkCancel();
  control.report(from + (to - from) * std::min(1.0, static_cast<double>(done) / std::max<int64_t>(1, total)),
                 QStringLiteral("video"));
}

VideoEncodeSettings outputEncodeSettings(const RenderPlan& plan, const Timeline& t) {
  VideoEncodeSettings s;
  s.width = t.width;
  s.height = t.height;
  s.fps = t.fps;
  s.crf = plan.output.crf;
  s.preset = plan.output.preset.toStdString();
  return s;
}

void copyPackets(const ResolvedSegment& s, const Timeline& t, int64_t first, int64_t end, int64_t outFrame,
                 StitchMuxer& mux, const VideoProgress& progress) {
  MediaInput in(s.spec.file, true, MediaInput::OpenMode::HeaderOnly);
  const int vi = in.videoStream();
  in.onlyStream(vi);
  AVStream* st = in.stream(vi);
  const AVRational tb = st->time_base;
  const AVRational frameTb = av_inv_q(t.fps);
  const int64_t origin = av_rescale_q(in.originMicros(), AV_TIME_BASE_Q, tb);
  const int64_t half = std::max<int64_t>(1, av_rescale_q(1, frameTb, tb) / 2);
  const int64_t firstTs = origin + av_rescale_q(first, frameTb, tb);
  const int64_t endTs = origin + av_rescale_q(end, frameTb, tb);
  if (first > 0) in.seek(vi, firstTs);
  PacketPtr pkt = makePacket();
  int64_t basePts = AV_NOPTS_VALUE;
  const AVRational outTb = mux.videoTimeBase();
  const int64_t outBase = av_rescale_q(outFrame, frameTb, outTb);
  int64_t done = 0;
  while (in.read(pkt.get())) {
    if (pkt->stream_index != vi || pkt->pts == AV_NOPTS_VALUE) continue;
    const bool key = pkt->flags & AV_PKT_FLAG_KEY;
    if (basePts == AV_NOPTS_VALUE) {
      if (!key || pkt->pts < firstTs - half) continue;  // before our first keyframe
      basePts = pkt->pts;
    }
    if (key && pkt->pts >= endTs - half && pkt->pts != basePts) break;  // next copy range starts here
    const int64_t dts = pkt->dts == AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
    pkt->pts = outBase + av_rescale_q(pkt->pts - basePts, tb, outTb);
    pkt->dts = outBase + av_rescale_q(dts - basePts, tb, outTb);
    pkt->duration = av_rescale_q(pkt->duration, tb, outTb);
    mux.writeVideo(pkt.get(), outTb);
    progress.frames(outFrame + ++done);
  }
  if (basePts == AV_NOPTS_VALUE) {
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("%1: no keyframe found at %2 s to copy from.").arg(s.spec.file).arg(t.frameSeconds(first)));
  }
  if (done + 1 < end - first) {
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("%1 ends after %2 of %3 planned frames: the file is truncated or damaged.")
                         .arg(s.spec.file).arg(done).arg(end - first));
  }
}

void writeStreamCopy(const Timeline& t, StitchMuxer& mux, const VideoProgress& progress) {
  const ResolvedSegment& s0 = t.segments.front();
  {
    MediaInput first(s0.spec.file, true);
    AVStream* st = first.stream(first.videoStream());
    mux.addVideoCopy(st->codecpar, st->time_base);
  }
  mux.start();
  for (const ResolvedSegment& s : t.segments) {
    copyPackets(s, t, s.inFrame, s.inFrame + s.frames, s.outStart, mux, progress);
  }
}

int64_t writeFullReencode(const RenderPlan& plan, const Timeline& t, StitchMuxer& mux,
                          const VideoProgress& progress) {
  VideoEncoder enc(outputEncodeSettings(plan, t));
  mux.addVideoFromEncoder(enc.context());
  mux.start();
  FramePrefetcher src(t, 0, t.totalFrames);  // decoding and scaling overlap the encoder
  FramePtr f = makeFrame();
  const AVRational tb = enc.context()->time_base;
  auto sink = [&](AVPacket* p) { mux.writeVideo(p, tb); };
  int64_t n = 0;
  while (src.next(f.get())) {
    enc.encode(f.get(), sink);
    progress.frames(++n);
  }
  enc.encode(nullptr, sink);
  return n;
}

}  // namespace sw::media
