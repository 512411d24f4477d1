#include "media/video_paths.h"

#include "media/encoders.h"
#include "media/frame_prefetch.h"
#include "media/media_error.h"
#include "media/media_input.h"
#include "media/parallel.h"
#include "media/piece_join.h"
#include "media/video_source.h"

#include <cmath>

namespace sw::media {

void VideoProgress::frames(int64_t done) const {
  control.checkCancel();
  control.report(
      from + (to - from) * std::min(1.0, static_cast<double>(done) / std::max<int64_t>(1, total)),
      QStringLiteral("video"));
}

VideoEncodeSettings outputEncodeSettings(const RenderPlan& plan, const Timeline& t) {
  VideoEncodeSettings s;
  s.width = t.width;
  s.height = t.height;
  s.fps = t.fps;
  s.crf = plan.output.crf;
  s.preset = plan.output.preset.toStdString();
  setOutputColour(s);  // the normalising graph converts every input to these
  return s;
}

void copyPackets(const ResolvedSegment& s, const Timeline& t, int64_t first, int64_t end,
                 int64_t outFrame, StitchMuxer& mux, const VideoProgress& progress) {
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
    if (key && pkt->pts >= endTs - half && pkt->pts != basePts)
      break;  // next copy range starts here
    const int64_t dts = pkt->dts == AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
    pkt->pts = outBase + av_rescale_q(pkt->pts - basePts, tb, outTb);
    pkt->dts = outBase + av_rescale_q(dts - basePts, tb, outTb);
    pkt->duration = av_rescale_q(pkt->duration, tb, outTb);
    mux.writeVideo(pkt.get(), outTb);
    progress.frames(outFrame + ++done);
  }
  if (basePts == AV_NOPTS_VALUE) {
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("%1: no keyframe found at %2 s to copy from.")
                         .arg(s.spec.file)
                         .arg(t.frameSeconds(first)));
  }
  if (done + 1 < end - first) {
    throw MediaError(
        MediaError::Kind::InvalidInput,
        QStringLiteral("%1 ends after %2 of %3 planned frames: the file is truncated or damaged.")
            .arg(s.spec.file)
            .arg(done)
            .arg(end - first));
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

std::vector<Island> planEncodeParts(int64_t totalFrames, int gopFrames, int64_t partFrames,
                                    unsigned workers) {
  const int64_t gop = std::max(1, gopFrames);
  const int64_t gops = (totalFrames + gop - 1) / gop;
  const int64_t partGops = std::max<int64_t>(1, (partFrames + gop / 2) / gop);
  const int64_t w = std::max(1u, workers);
  int64_t count = gops / partGops;
  if (partFrames <= 0 || w < 2 || count < 2) return {Island{0, totalFrames}};
  count = std::min(gops, (count + w - 1) / w * w);  // every worker busy in the last round
  // Whole GOPs shared out as evenly as possible, the larger parts first so the last round is short.
  std::vector<Island> parts;
  int64_t first = 0;
  for (int64_t i = 0; i < count; ++i) {
    const int64_t n = gops / count + (i < gops % count ? 1 : 0);
    const int64_t last = std::min(totalFrames, first + n * gop);
    parts.push_back(Island{first, last});
    first = last;
  }
  return parts;
}

namespace {

int64_t encodeWhole(const VideoEncodeSettings& settings, const Timeline& t, StitchMuxer& mux,
                    const VideoProgress& progress) {
  VideoEncoder enc(settings);
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

// x264's single encoder keeps about 1.87 of 2 cores busy and its frame threads cost ~10% more CPU
// per frame; independent GOP-aligned parts on one thread each fill the cores (bench (b): 0.88-0.91
// of ffmpeg's time, against 1.03 with one encoder). The reference encoder is opened only for the
// stream's parameters (~0.1 s, small next to a render that needs parts).
int64_t encodeParts(VideoEncodeSettings settings, const std::vector<Island>& parts,
                    unsigned workers, const Timeline& t, StitchMuxer& mux,
                    const VideoProgress& progress) {
  settings.threads = islandEncoderThreads(workers);
  QByteArray headers;
  {
    VideoEncoder reference(settings);  // the stream's parameters; every part must match them
    const AVCodecContext* c = reference.context();
    headers = QByteArray(reinterpret_cast<const char*>(c->extradata), c->extradata_size);
    mux.addVideoFromEncoder(c);
  }
  mux.start();
  IslandPool pool(t, settings, parts, 0, progress.control, workers);
  const auto reportProgress = [&] { progress.frames(pool.framesEncoded()); };
  int64_t encoded = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    EncodedIsland e = pool.take(i, reportProgress);
    if (e.headers != headers) {
      throw MediaError(
          MediaError::Kind::Internal,
          QStringLiteral("Encoded part %1 of %2 came out with different H.264 parameter sets; "
                         "set output.partSeconds to 0 to encode in one piece.")
              .arg(i + 1)
              .arg(parts.size()));
    }
    for (PacketPtr& pkt : e.packets) mux.writeVideo(pkt.get(), e.timeBase);
    encoded += e.frames;
    reportProgress();
  }
  return encoded;
}

}  // namespace

int64_t writeFullReencode(const RenderPlan& plan, const Timeline& t, StitchMuxer& mux,
                          const VideoProgress& progress, int* partsUsed, const PieceList& pieces,
                          int* piecesUsed) {
  const VideoEncodeSettings settings = outputEncodeSettings(plan, t);
  if (const auto encoded =
          writeWithPieces(settings, pieces, t, mux, progress, piecesUsed, partsUsed))
    return *encoded;
  const auto partFrames =
      static_cast<int64_t>(std::llround(plan.output.partSeconds * av_q2d(t.fps)));
  // One part per core: each part's decoding runs on a thread of its own beside its encoder.
  const unsigned workers = std::min(workerCount(), islandWorkers(t.width, t.height));
  const std::vector<Island> parts =
      planEncodeParts(t.totalFrames, keyframeInterval(settings), partFrames, workers);
  if (partsUsed) *partsUsed = static_cast<int>(parts.size());
  if (parts.size() < 2) return encodeWhole(settings, t, mux, progress);
  return encodeParts(settings, parts, std::min<unsigned>(workers, parts.size()), t, mux, progress);
}

}  // namespace sw::media
