#include "media/timeline.h"

#include "media/encoders.h"
#include "media/media_error.h"
#include "media/media_input.h"
#include "media/parallel.h"

#include <cmath>

namespace sw::media {

namespace {

ProbeResult probeSegment(const VideoSegment& s, size_t i) {
  ProbeOptions options;
  options.requireVideo = !s.isStill();  // missing / empty / still image / no video: clear errors
  ProbeResult r = probe(s.file, options);
  if (s.isStill() && (!r.video() || !r.stillImage)) {
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("Segment %1 (%2) has a duration, so it must be a still image "
                                    "(PNG, JPEG...); for a video give in and out instead.")
                         .arg(i)
                         .arg(s.file));
  }
  return r;
}

void resolveOutput(const RenderPlan& plan, Timeline& t) {
  const StreamInfo* v = t.segments.front().probe.video();
  t.width = plan.output.width > 0 ? plan.output.width : v->displayWidth();
  t.height = plan.output.height > 0 ? plan.output.height : v->displayHeight();
  t.width -= t.width % 2;
  t.height -= t.height % 2;
  v = nullptr;  // the rate of the first video (a still image has none of its own)
  for (const ResolvedSegment& s : t.segments) {
    if (!s.still()) {
      v = s.probe.video();
      break;
    }
  }
  if (plan.output.fpsNum > 0) {
    t.fps = AVRational{plan.output.fpsNum, plan.output.fpsDen};
  } else if (v && v->frameRateNum > 0 && !v->variableFrameRate) {
    t.fps = AVRational{v->frameRateNum, v->frameRateDen};
  } else {
    t.fps = AVRational{30, 1};
  }
  t.matrix = defaultMatrix(t.width, t.height);
}

void placeSegment(ResolvedSegment& s, const Timeline& t, size_t i) {
  const StreamInfo* v = s.probe.video();
  const double fps = av_q2d(t.fps);
  if (s.still()) {
    s.inFrame = 0;
    s.frames = std::llround(s.spec.duration * fps);
    if (s.frames < 1) {
      throw MediaError(MediaError::Kind::InvalidInput,
                       QStringLiteral("Segment %1 (%2): a still image's duration (%3 s) is "
                                      "shorter than one output frame.")
                           .arg(i)
                           .arg(s.spec.file)
                           .arg(s.spec.duration));
    }
    return;
  }
  double in = s.spec.in;
  if (s.spec.dropFirstFrame) in += v->frameRate() > 0 ? 1.0 / v->frameRate() : 1.0 / fps;
  const double fileEnd = v->duration > 0 ? v->duration : s.probe.duration;
  const double wanted = s.spec.out < 0 ? fileEnd : s.spec.out;
  if (wanted > fileEnd + 1.5 / fps) {
    throw MediaError(
        MediaError::Kind::InvalidInput,
        QStringLiteral("Segment %1 (%2): out point %3 s is past the end of the video (%4 s).")
            .arg(i)
            .arg(s.spec.file)
            .arg(wanted)
            .arg(fileEnd));
  }
  const double out = std::min(wanted, fileEnd);  // a rounding frame past the end: the end
  s.inFrame = std::llround(in * fps);
  s.frames = std::llround(out * fps) - s.inFrame;
  if (s.frames < 1) {
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("Segment %1 (%2) is shorter than one frame after trimming.")
                         .arg(i)
                         .arg(s.spec.file));
  }
}

}  // namespace

Timeline resolveTimeline(const RenderPlan& plan) {
  plan.validate();
  Timeline t;
  t.segments.resize(plan.segments.size());
  // Probing is mostly avformat_find_stream_info decoding a frame per stream: spread it.
  parallelFor(plan.segments.size(), workerCount(), [&](size_t i) {
    t.segments[i].spec = plan.segments[i];
    t.segments[i].probe = probeSegment(plan.segments[i], i);
  });
  resolveOutput(plan, t);
  for (size_t i = 0; i < t.segments.size(); ++i) placeSegment(t.segments[i], t, i);
  int64_t at = 0;
  for (size_t i = 0; i < t.segments.size(); ++i) {
    ResolvedSegment& s = t.segments[i];
    s.outStart = at;
    const bool last = i + 1 == t.segments.size();
    if (!last && s.spec.transition == Transition::Crossfade) {
      s.xfadeFrames = std::llround(s.spec.transitionDuration * av_q2d(t.fps));
      const int64_t limit = std::min(s.frames, t.segments[i + 1].frames) - 1;
      if (s.xfadeFrames > limit) {
        throw MediaError(
            MediaError::Kind::InvalidInput,
            QStringLiteral(
                "Segment %1 (%2): the crossfade (%3 s) is longer than the segments it joins.")
                .arg(i)
                .arg(s.spec.file)
                .arg(s.spec.transitionDuration));
      }
    }
    if (!last && s.spec.transition == Transition::Dip) {
      const int64_t whole = std::llround(s.spec.transitionDuration * av_q2d(t.fps));
      s.dipOutFrames = whole / 2;
      t.segments[i + 1].dipInFrames = whole - s.dipOutFrames;
      if (s.dipOutFrames > s.frames - s.dipInFrames ||
          t.segments[i + 1].dipInFrames > t.segments[i + 1].frames) {
        throw MediaError(
            MediaError::Kind::InvalidInput,
            QStringLiteral("Segment %1 (%2): the dip (%3 s) is longer than the segments it joins.")
                .arg(i)
                .arg(s.spec.file)
                .arg(s.spec.transitionDuration));
      }
    }
    at += s.frames - s.xfadeFrames;
  }
  t.totalFrames = at;
  return t;
}

}  // namespace sw::media
