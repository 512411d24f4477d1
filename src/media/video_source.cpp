#include "media/video_source.h"

#include "media/encoders.h"
#include "media/media_error.h"

extern "C" {
#include <libavutil/pixdesc.h>
}

#include <cmath>
#include <cstdio>
#include <cstring>

namespace sw::media {

namespace {

// swscale's name of a YUV matrix, or nullptr for one it does not know (then left alone).
const char* matrixName(AVColorSpace c) {
  switch (c) {
    case AVCOL_SPC_BT709:
      return "bt709";
    case AVCOL_SPC_SMPTE170M:
    case AVCOL_SPC_BT470BG:
      return "smpte170m";
    case AVCOL_SPC_FCC:
      return "fcc";
    case AVCOL_SPC_SMPTE240M:
      return "smpte240m";
    case AVCOL_SPC_BT2020_NCL:
    case AVCOL_SPC_BT2020_CL:
      return "bt2020";
    default:
      return nullptr;
  }
}

// Scale options that convert the source's YUV matrix and range to the timeline's (BT.709 for HD,
// BT.601 below: encoders.h setOutputColour). An untagged source is read as players read it:
// BT.709 from 720 lines up, BT.601 below. Nothing is added when they already agree, so a
// same-size input stays a pass-through.
std::string colourOptions(const AVCodecContext* d, const StreamInfo& v, const Timeline& t) {
  const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(d->pix_fmt);
  const bool rgb = desc && (desc->flags & AV_PIX_FMT_FLAG_RGB);
  const char* out = matrixName(t.matrix);
  if (!out) out = matrixName(defaultMatrix(t.width, t.height));
  std::string o;
  if (!rgb) {
    AVColorSpace c = d->colorspace != AVCOL_SPC_UNSPECIFIED
                         ? d->colorspace
                         : static_cast<AVColorSpace>(v.colorSpace);
    const char* in = matrixName(c);
    if (c == AVCOL_SPC_UNSPECIFIED) in = matrixName(defaultMatrix(v.width, v.height));
    if (in && std::strcmp(in, out) != 0)
      o += std::string(":in_color_matrix=") + in + ":out_color_matrix=" + out;
    const bool jpegFormat = d->pix_fmt == AV_PIX_FMT_YUVJ420P ||
                            d->pix_fmt == AV_PIX_FMT_YUVJ422P || d->pix_fmt == AV_PIX_FMT_YUVJ444P;
    if (d->color_range == AVCOL_RANGE_JPEG && !jpegFormat) o += ":in_range=pc:out_range=tv";
  } else {
    o += std::string(":out_color_matrix=") + out + ":out_range=tv";
  }
  return o;
}

// The filters that turn the picture upright, as ffmpeg's autorotate does. `rotation` is the
// display matrix angle (counter-clockwise degrees, StreamInfo::rotation).
std::string uprightFilters(int rotation) {
  switch (((-rotation) % 360 + 360) % 360) {
    case 90:
      return "transpose=clock,";
    case 180:
      return "hflip,vflip,";
    case 270:
      return "transpose=cclock,";
    default:
      return {};
  }
}

std::string normaliseChain(const AVCodecContext* d, const ResolvedSegment& seg, const Timeline& t) {
  const StreamInfo& v = *seg.probe.video();
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "[in]%sscale=%d:%d:force_original_aspect_ratio=decrease:force_divisible_by=2%s,"
                "format=yuv420p,pad=%d:%d:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,"
                "fps=fps=%d/%d[out]",
                uprightFilters(v.rotation).c_str(), t.width, t.height,
                colourOptions(d, v, t).c_str(), t.width, t.height, t.fps.num, t.fps.den);
  return buf;
}

// A still image's graph counts in output frames: its one picture at 0, the input closed at the
// segment's length, so fps holds it for exactly that many frames.
AVRational graphTimeBase(const FrameReader& r, const ResolvedSegment& seg, const Timeline& t) {
  return seg.still() ? av_inv_q(t.fps) : r.timeBase();
}

std::unique_ptr<FilterGraph> makeGraph(const FrameReader& r, const ResolvedSegment& seg,
                                       const Timeline& t) {
  const AVCodecContext* d = r.context();
  const AVRational fr = d->framerate.num > 0 && !seg.still() ? d->framerate : t.fps;
  GraphInput in{"in", false,
                videoSourceArgs(d->width, d->height, d->pix_fmt, graphTimeBase(r, seg, t),
                                d->sample_aspect_ratio, fr)};
  GraphOutput out;
  out.label = "out";
  return std::make_unique<FilterGraph>(
      std::vector<GraphInput>{in}, std::vector<GraphOutput>{out}, normaliseChain(d, seg, t),
      QStringLiteral("video normalisation of %1").arg(seg.spec.file));
}

// Start of the GOP holding file frame `want` (from the probed keyframes), so only that GOP is
// decoded; without a keyframe list, a quarter second early.
double seekTarget(const ResolvedSegment& seg, const Timeline& t, int64_t want) {
  const double at = t.frameSeconds(want);
  const double half = 0.5 * t.frameSeconds(1);
  double best = -1;
  for (double k : seg.probe.video()->keyframes) {
    if (k <= at + half) best = std::max(best, k);
  }
  return best >= 0 ? best : std::max(0.0, at - 0.25);
}

}  // namespace

SegmentVideoReader::SegmentVideoReader(const ResolvedSegment& seg, const Timeline& t, int64_t skip,
                                       int decoderThreads)
    : seg_(seg),
      input_(seg.spec.file, !seg.still()),
      reader_(input_, input_.videoStream(), decoderThreads),
      decoded_(makeFrame()),
      want_(seg.inFrame + skip),
      end_(seg.inFrame + seg.frames) {
  graph_ = makeGraph(reader_, seg, t);
  if (want_ > 0 && !seg.still()) seekTo(seekTarget(seg, t, want_));
}

void SegmentVideoReader::seekTo(double seconds) { reader_.seek(seconds); }

bool SegmentVideoReader::pullGraph(AVFrame* out) {
  for (;;) {
    if (graphDone_) return false;
    switch (graph_->pull(0, out)) {
      case FilterGraph::Pull::Frame:
        return true;
      case FilterGraph::Pull::Eof:
        graphDone_ = true;
        return false;
      case FilterGraph::Pull::Again:
        break;
    }
    if (graphClosed_) {
      graphDone_ = true;
      return false;
    }
    if (seg_.still() && endPts_ == AV_NOPTS_VALUE) {
      if (!reader_.next(decoded_.get())) {
        throw MediaError(MediaError::Kind::InvalidInput,
                         QStringLiteral("%1: the picture cannot be decoded.").arg(seg_.spec.file));
      }
      decoded_->pts = 0;
      endPts_ = seg_.frames;
      graph_->push(0, decoded_.get());
    } else if (!seg_.still() && reader_.next(decoded_.get())) {
      const int64_t pts =
          decoded_->pts != AV_NOPTS_VALUE ? decoded_->pts : decoded_->best_effort_timestamp;
      int64_t duration = decoded_->pkt_duration;
      if (duration <= 0 && reader_.context()->framerate.num > 0)
        duration = av_rescale_q(1, av_inv_q(reader_.context()->framerate), reader_.timeBase());
      if (pts != AV_NOPTS_VALUE) endPts_ = pts + std::max<int64_t>(duration, 1);
      graph_->push(0, decoded_.get());
    } else {
      // The stream ends where its last frame ends, not where it starts: fps keeps that frame.
      if (endPts_ != AV_NOPTS_VALUE)
        graph_->close(0, endPts_);
      else
        graph_->push(0, nullptr);
      graphClosed_ = true;
    }
  }
}

bool SegmentVideoReader::next(AVFrame* out) {
  if (want_ >= end_) return false;
  while (pullGraph(out)) {
    if (out->pts < want_) continue;  // before the in point (decoded from the previous keyframe)
    out->pts = want_++ - seg_.inFrame;
    return true;
  }
  throw MediaError(
      MediaError::Kind::InvalidInput,
      QStringLiteral("%1 ends after %2 frames, before the planned out point (frame %3): "
                     "the file is truncated or damaged.")
          .arg(seg_.spec.file)
          .arg(want_)
          .arg(end_));
}

TimelineVideoSource::TimelineVideoSource(const Timeline& t, int64_t first, int64_t last,
                                         int decoderThreads)
    : t_(t),
      decoderThreads_(decoderThreads),
      pos_(first),
      last_(last),
      readers_(t.segments.size()),
      a_(makeFrame()),
      b_(makeFrame()) {}

TimelineVideoSource::~TimelineVideoSource() = default;

size_t TimelineVideoSource::segmentAt(int64_t frame) const {
  for (size_t i = 0; i < t_.segments.size(); ++i) {
    const ResolvedSegment& s = t_.segments[i];
    if (frame >= s.outStart && frame < s.outStart + s.frames) return i;
  }
  return t_.segments.size() - 1;
}

SegmentVideoReader& TimelineVideoSource::reader(size_t seg) {
  if (!readers_[seg]) {
    const ResolvedSegment& s = t_.segments[seg];
    readers_[seg] = std::make_unique<SegmentVideoReader>(s, t_, pos_ - s.outStart, decoderThreads_);
  }
  return *readers_[seg];
}

bool TimelineVideoSource::next(AVFrame* out) {
  if (pos_ >= last_) return false;
  const size_t i = segmentAt(pos_);
  for (size_t k = 0; k < i; ++k) readers_[k].reset();  // segments behind us
  const ResolvedSegment& s = t_.segments[i];
  const bool overlap = i + 1 < t_.segments.size() && pos_ >= s.outStart + s.frames - s.xfadeFrames;
  if (!reader(i).next(overlap ? a_.get() : out)) {
    throw MediaError(MediaError::Kind::Internal,
                     QStringLiteral("%1 gave fewer frames than planned").arg(s.spec.file));
  }
  if (overlap) {
    const ResolvedSegment& n = t_.segments[i + 1];
    if (!reader(i + 1).next(b_.get())) {
      throw MediaError(MediaError::Kind::Internal,
                       QStringLiteral("%1 gave fewer frames than planned").arg(n.spec.file));
    }
    const double alpha =
        static_cast<double>(pos_ - n.outStart + 1) / static_cast<double>(s.xfadeFrames + 1);
    av_frame_unref(out);
    out->format = a_->format;
    out->width = a_->width;
    out->height = a_->height;
    checkAv(av_frame_get_buffer(out, 0), QStringLiteral("Out of memory (crossfade frame)"),
            QString());
    blendFrames(a_.get(), b_.get(), alpha, out);
  } else if (s.dipOutFrames > 0 || s.dipInFrames > 0) {
    dip(s, out);
  }
  out->pts = pos_++;
  out->pict_type = AV_PICTURE_TYPE_NONE;
  return true;
}

// Fade-out frame k of n (k from 0) keeps (n - 1 - k) / n of the picture: the segment's last frame
// is black. Fade-in frame k of m shows (k + 1) / m: the next segment's frame m - 1 is whole again.
void TimelineVideoSource::dip(const ResolvedSegment& s, AVFrame* frame) {
  const int64_t local = pos_ - s.outStart;
  double level = 1.0;
  if (local < s.dipInFrames) level = static_cast<double>(local + 1) / s.dipInFrames;
  const int64_t fadeOut = local - (s.frames - s.dipOutFrames);
  if (fadeOut >= 0)
    level = std::min(level, static_cast<double>(s.dipOutFrames - 1 - fadeOut) / s.dipOutFrames);
  if (level >= 1.0) return;
  if (!black_ || black_->width != frame->width || black_->height != frame->height) {
    black_ = makeFrame();
    black_->format = frame->format;
    black_->width = frame->width;
    black_->height = frame->height;
    checkAv(av_frame_get_buffer(black_.get(), 0), QStringLiteral("Out of memory (dip frame)"),
            QString());
    // Limited-range black: Y 16, Cb and Cr 128 (every picture here is 4:2:0, limited range).
    for (int p = 0; p < 3; ++p) {
      const int h = p ? (frame->height + 1) / 2 : frame->height;
      std::memset(black_->data[p], p ? 128 : 16, static_cast<size_t>(black_->linesize[p]) * h);
    }
  }
  checkAv(av_frame_make_writable(frame), QStringLiteral("Out of memory (dip frame)"), QString());
  blendFrames(frame, black_.get(), 1.0 - level, frame);
}

void blendFrames(const AVFrame* a, const AVFrame* b, double alpha, AVFrame* out) {
  const int wb = static_cast<int>(std::lround(alpha * 256));
  const int wa = 256 - wb;
  for (int p = 0; p < 3; ++p) {
    const int w = p ? (a->width + 1) / 2 : a->width;
    const int h = p ? (a->height + 1) / 2 : a->height;
    for (int y = 0; y < h; ++y) {
      const uint8_t* ra = a->data[p] + y * a->linesize[p];
      const uint8_t* rb = b->data[p] + y * b->linesize[p];
      uint8_t* ro = out->data[p] + y * out->linesize[p];
      for (int x = 0; x < w; ++x)
        ro[x] = static_cast<uint8_t>((ra[x] * wa + rb[x] * wb + 128) >> 8);
    }
  }
}

}  // namespace sw::media
