#include "media/compat.h"

#include <QJsonArray>
#include <cmath>

namespace sw::media {

QString stitchPathName(StitchPath p) {
  switch (p) {
    case StitchPath::StreamCopy:
      return QStringLiteral("stream-copy");
    case StitchPath::SmartRender:
      return QStringLiteral("smart-render");
    case StitchPath::FullReencode:
      return QStringLiteral("full-reencode");
  }
  return {};
}

namespace {

bool keyframeAt(const StreamInfo& v, double t, double halfFrame) {
  for (double k : v.keyframes) {
    if (std::fabs(k - t) <= halfFrame) return true;
  }
  return false;
}

int64_t fileFrames(const StreamInfo& v, AVRational fps) {
  if (v.frameCount > 0) return v.frameCount;
  return std::llround(v.duration * av_q2d(fps));
}

SegmentCompat checkSegment(const ResolvedSegment& s, const ResolvedSegment& first,
                           const Timeline& t) {
  SegmentCompat c;
  c.file = s.spec.file;
  const StreamInfo& v = *s.probe.video();
  const StreamInfo& v0 = *first.probe.video();
  c.codec = v.codec == QLatin1String("h264");
  c.profile = v.profile == v0.profile;
  c.size = v.width == t.width && v.height == t.height;
  c.pixelFormat = v.pixelFormat == QLatin1String("yuv420p");
  c.frameRate = !v.variableFrameRate &&
                v.frameRateNum * int64_t(t.fps.den) == int64_t(v.frameRateDen) * t.fps.num;
  c.extradata = v.extradata == v0.extradata;
  c.upright = v.rotation == 0;
  if (!c.codec) c.notes << QStringLiteral("codec %1, not h264").arg(v.codec);
  if (!c.profile)
    c.notes << QStringLiteral("profile %1 differs from %2").arg(v.profile, v0.profile);
  if (!c.size)
    c.notes << QStringLiteral("size %1x%2, output %3x%4")
                   .arg(v.width)
                   .arg(v.height)
                   .arg(t.width)
                   .arg(t.height);
  if (!c.pixelFormat) c.notes << QStringLiteral("pixel format %1, not yuv420p").arg(v.pixelFormat);
  if (!c.frameRate) {
    c.notes << (v.variableFrameRate ? QStringLiteral("variable frame rate")
                                    : QStringLiteral("%1 fps, output %2 fps")
                                          .arg(v.frameRate(), 0, 'f', 3)
                                          .arg(av_q2d(t.fps), 0, 'f', 3));
  }
  if (!c.upright)
    c.notes
        << QStringLiteral("display rotation %1 deg (copied packets would lose it)").arg(v.rotation);
  if (!c.extradata && c.codec)
    c.notes << QStringLiteral("H.264 parameter sets (SPS/PPS) differ from the first chunk");
  if (const StreamInfo* a = s.probe.audio()) {
    c.hasAudio = true;
    c.audioLayout = a->codec == QLatin1String("aac") && a->sampleRate == 48000 && a->channels == 2;
  }
  const double half = 0.5 / av_q2d(t.fps);
  c.inOnKeyframe = keyframeAt(v, t.frameSeconds(s.inFrame), half);
  const int64_t end = s.inFrame + s.frames;
  c.outOnKeyframe = end >= fileFrames(v, t.fps) || keyframeAt(v, t.frameSeconds(end), half);
  if (!c.inOnKeyframe)
    c.notes << QStringLiteral("in point %1 s is inside a GOP")
                   .arg(t.frameSeconds(s.inFrame), 0, 'f', 3);
  if (!c.outOnKeyframe)
    c.notes << QStringLiteral("out point %1 s is inside a GOP").arg(t.frameSeconds(end), 0, 'f', 3);
  return c;
}

}  // namespace

CompatReport checkCompatibility(const Timeline& t) {
  CompatReport r;
  bool allMatch = true, allKeyCuts = true, crossfade = false;
  for (const ResolvedSegment& s : t.segments) {
    r.segments.push_back(checkSegment(s, t.segments.front(), t));
    allMatch = allMatch && r.segments.back().streamMatches();
    allKeyCuts = allKeyCuts && r.segments.back().inOnKeyframe && r.segments.back().outOnKeyframe;
    crossfade = crossfade || s.xfadeFrames > 0 || s.dipOutFrames > 0;
  }
  if (!allMatch) {
    r.path = StitchPath::FullReencode;
    QStringList why;
    for (const SegmentCompat& c : r.segments) {
      if (!c.streamMatches())
        why << QStringLiteral("%1: %2").arg(c.file, c.notes.join(QStringLiteral(", ")));
    }
    r.reason = QStringLiteral("inputs differ from the output: ") + why.join(QStringLiteral("; "));
  } else if (allKeyCuts && !crossfade) {
    r.path = StitchPath::StreamCopy;
    r.reason = QStringLiteral("every input matches the output and every cut falls on a keyframe");
  } else {
    r.path = StitchPath::SmartRender;
    r.reason = crossfade
                   ? QStringLiteral(
                         "inputs match the output; crossfades and dips need the GOPs around them "
                         "re-encoded")
                   : QStringLiteral("inputs match the output; some cuts fall inside a GOP");
  }
  return r;
}

QJsonObject CompatReport::toJson() const {
  QJsonArray segs;
  for (const SegmentCompat& c : segments) {
    segs.append(QJsonObject{{"file", c.file},
                            {"codec", c.codec},
                            {"profile", c.profile},
                            {"size", c.size},
                            {"pixelFormat", c.pixelFormat},
                            {"frameRate", c.frameRate},
                            {"extradata", c.extradata},
                            {"upright", c.upright},
                            {"hasAudio", c.hasAudio},
                            {"audioLayout", c.audioLayout},
                            {"inOnKeyframe", c.inOnKeyframe},
                            {"outOnKeyframe", c.outOnKeyframe},
                            {"notes", QJsonArray::fromStringList(c.notes)}});
  }
  return QJsonObject{{"path", stitchPathName(path)}, {"reason", reason}, {"segments", segs}};
}

QString CompatReport::toText() const {
  QStringList lines{QStringLiteral("stitch path: %1 (%2)").arg(stitchPathName(path), reason)};
  for (const SegmentCompat& c : segments) {
    lines << QStringLiteral("  %1: %2")
                 .arg(c.file, c.notes.isEmpty() ? QStringLiteral("matches")
                                                : c.notes.join(QStringLiteral(", ")));
  }
  return lines.join('\n');
}

}  // namespace sw::media
