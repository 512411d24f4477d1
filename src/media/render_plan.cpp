#include "media/render_plan.h"

#include "media/media_error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>
#include <limits>

namespace sw::media {

namespace {

[[noreturn]] void bad(const QString& what) {
  throw MediaError(MediaError::Kind::InvalidInput,
                   QStringLiteral("Invalid render plan: %1").arg(what));
}

double num(const QJsonObject& o, const char* key, double fallback) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined() || v.isNull()) return fallback;
  if (!v.isDouble()) bad(QStringLiteral("\"%1\" must be a number").arg(QLatin1String(key)));
  return v.toDouble();
}

// A whole-number field: a value outside int is refused here (converting it would be undefined);
// the field's own range is checked by validate().
int intNum(const QJsonObject& o, const char* key, int fallback, const QString& field) {
  const double v = num(o, key, fallback);
  if (!(v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max()))
    bad(QStringLiteral("%1 (%2) is out of range").arg(field).arg(v));
  return static_cast<int>(v);
}

QJsonObject segmentJson(const VideoSegment& s) {
  QJsonObject t{{"type", transitionName(s.transition)}};
  if (s.transition != Transition::Cut) t["duration"] = s.transitionDuration;
  QJsonObject o{
      {"file", s.file}, {"in", s.in}, {"transition", t}, {"dropFirstFrame", s.dropFirstFrame}};
  o["out"] = s.out < 0 ? QJsonValue() : QJsonValue(s.out);
  if (s.isStill()) o["duration"] = s.duration;
  if (!s.chapter.isEmpty()) o["chapter"] = s.chapter;
  return o;
}

VideoSegment segmentFromJson(const QJsonObject& o, int i) {
  VideoSegment s;
  s.file = o.value("file").toString();
  if (s.file.isEmpty()) bad(QStringLiteral("segments[%1].file is missing").arg(i));
  s.in = num(o, "in", 0.0);
  s.out = num(o, "out", -1.0);
  s.dropFirstFrame = o.value("dropFirstFrame").toBool(false);
  s.duration = num(o, "duration", -1.0);
  const QJsonObject t = o.value("transition").toObject();
  const QString type = t.value("type").toString(QStringLiteral("cut"));
  s.chapter = o.value("chapter").toString();
  if (type == QLatin1String("crossfade") || type == QLatin1String("dip")) {
    s.transition = type == QLatin1String("dip") ? Transition::Dip : Transition::Crossfade;
    s.transitionDuration = num(t, "duration", 0.5);
  } else if (type != QLatin1String("cut")) {
    bad(QStringLiteral("segments[%1].transition.type \"%2\" is not cut, crossfade or dip")
            .arg(i)
            .arg(type));
  }
  return s;
}

QJsonObject clipJson(const AudioClip& c) {
  QJsonObject o{{"file", c.file},      {"track", trackName(c.track)}, {"start", c.start},
                {"in", c.in},          {"gainDb", c.gainDb},          {"fadeIn", c.fadeIn},
                {"fadeOut", c.fadeOut}};
  o["out"] = c.out < 0 ? QJsonValue() : QJsonValue(c.out);
  return o;
}

AudioClip clipFromJson(const QJsonObject& o, int i) {
  AudioClip c;
  c.file = o.value("file").toString();
  if (c.file.isEmpty()) bad(QStringLiteral("audio[%1].file is missing").arg(i));
  bool ok = false;
  c.track = trackFromName(o.value("track").toString(), &ok);
  if (!ok) bad(QStringLiteral("audio[%1].track must be narration, dialogue, music or sfx").arg(i));
  c.start = num(o, "start", 0.0);
  c.in = num(o, "in", 0.0);
  c.out = num(o, "out", -1.0);
  c.gainDb = num(o, "gainDb", 0.0);
  c.fadeIn = num(o, "fadeIn", 0.0);
  c.fadeOut = num(o, "fadeOut", 0.0);
  return c;
}

QJsonObject outputJson(const OutputSettings& s) {
  return QJsonObject{{"path", s.path},
                     {"resolution", s.resolution},
                     {"width", s.width},
                     {"height", s.height},
                     {"fps", QStringLiteral("%1/%2").arg(s.fpsNum).arg(s.fpsDen)},
                     {"crf", s.crf},
                     {"preset", s.preset},
                     {"audioBitrate", s.audioBitrate},
                     {"loudness", s.loudnessTarget},
                     {"ducking", s.ducking},
                     {"chunkAudio", s.chunkAudio == ChunkAudio::Keep ? "keep" : "replace"},
                     {"copyChunkAudio", s.copyChunkAudio},
                     {"partSeconds", s.partSeconds}};
}

void parseFps(const QJsonValue& v, OutputSettings& s) {
  if (v.isUndefined() || v.isNull()) return;
  if (v.isDouble()) {
    const double f = v.toDouble();
    if (!(std::abs(f) <= kMaxFps * 1000))
      bad(QStringLiteral("output.fps (%1) is out of range").arg(f));
    s.fpsNum = static_cast<int>(std::lround(f * 1000));
    s.fpsDen = 1000;
    if (s.fpsNum % 1000 == 0) {
      s.fpsNum /= 1000;
      s.fpsDen = 1;
    }
    return;
  }
  const QStringList parts = v.toString().split('/');
  bool a = false, b = parts.size() == 1;
  s.fpsNum = parts.value(0).toInt(&a);
  s.fpsDen = parts.size() > 1 ? parts[1].toInt(&b) : 1;
  if (!a || !b || s.fpsNum < 0 || s.fpsDen <= 0)
    bad(QStringLiteral("output.fps \"%1\" is not N or N/D").arg(v.toString()));
}

OutputSettings outputFromJson(const QJsonObject& o) {
  OutputSettings s;
  s.path = o.value("path").toString();
  s.resolution = o.value("resolution").toString(QStringLiteral("source"));
  s.width = intNum(o, "width", 0, QStringLiteral("output.width"));
  s.height = intNum(o, "height", 0, QStringLiteral("output.height"));
  if (resolutionPreset(s.resolution, &s.width, &s.height)) {
  } else if (s.resolution != QLatin1String("custom") && s.resolution != QLatin1String("source")) {
    bad(QStringLiteral("output.resolution \"%1\" is not 480p, 720p, 1080p, 2160p, custom or source")
            .arg(s.resolution));
  }
  parseFps(o.value("fps"), s);
  s.crf = intNum(o, "crf", 23, QStringLiteral("output.crf"));
  s.preset = o.value("preset").toString(QStringLiteral("medium"));
  s.audioBitrate = intNum(o, "audioBitrate", 160000, QStringLiteral("output.audioBitrate"));
  s.loudnessTarget = num(o, "loudness", -16.0);
  s.ducking = o.value("ducking").toBool(true);
  s.copyChunkAudio = o.value("copyChunkAudio").toBool(true);
  s.partSeconds = num(o, "partSeconds", 8.0);
  const QString ca = o.value("chunkAudio").toString(QStringLiteral("keep"));
  if (ca != QLatin1String("keep") && ca != QLatin1String("replace"))
    bad(QStringLiteral("output.chunkAudio must be keep or replace"));
  s.chunkAudio = ca == QLatin1String("keep") ? ChunkAudio::Keep : ChunkAudio::Replace;
  return s;
}

}  // namespace

bool resolutionPreset(const QString& name, int* width, int* height) {
  struct P {
    const char* n;
    int w, h;
  };
  static const P presets[] = {
      {"480p", 854, 480}, {"720p", 1280, 720}, {"1080p", 1920, 1080}, {"2160p", 3840, 2160}};
  for (const P& p : presets) {
    if (name == QLatin1String(p.n)) {
      *width = p.w;
      *height = p.h;
      return true;
    }
  }
  return false;
}

QString transitionName(Transition t) {
  switch (t) {
    case Transition::Crossfade:
      return QStringLiteral("crossfade");
    case Transition::Dip:
      return QStringLiteral("dip");
    case Transition::Cut:
      break;
  }
  return QStringLiteral("cut");
}

QString trackName(AudioTrack t) {
  switch (t) {
    case AudioTrack::Narration:
      return QStringLiteral("narration");
    case AudioTrack::Dialogue:
      return QStringLiteral("dialogue");
    case AudioTrack::Music:
      return QStringLiteral("music");
    case AudioTrack::Sfx:
      return QStringLiteral("sfx");
  }
  return {};
}

AudioTrack trackFromName(const QString& name, bool* ok) {
  *ok = true;
  for (AudioTrack t :
       {AudioTrack::Narration, AudioTrack::Dialogue, AudioTrack::Music, AudioTrack::Sfx}) {
    if (trackName(t) == name) return t;
  }
  *ok = false;
  return AudioTrack::Narration;
}

QJsonObject RenderPlan::toJson() const {
  QJsonArray segs, clips;
  for (const VideoSegment& s : segments) segs.append(segmentJson(s));
  for (const AudioClip& c : audio) clips.append(clipJson(c));
  return QJsonObject{
      {"version", version}, {"segments", segs}, {"audio", clips}, {"output", outputJson(output)}};
}

RenderPlan RenderPlan::fromJson(const QJsonObject& json) {
  RenderPlan p;
  p.version = intNum(json, "version", 1, QStringLiteral("version"));
  if (p.version != 1)
    bad(QStringLiteral("version %1 is not supported (expected 1)").arg(p.version));
  const QJsonArray segs = json.value("segments").toArray();
  for (int i = 0; i < segs.size(); ++i)
    p.segments.push_back(segmentFromJson(segs[i].toObject(), i));
  const QJsonArray clips = json.value("audio").toArray();
  for (int i = 0; i < clips.size(); ++i) p.audio.push_back(clipFromJson(clips[i].toObject(), i));
  p.output = outputFromJson(json.value("output").toObject());
  p.validate();
  return p;
}

RenderPlan RenderPlan::fromJsonFile(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) {
    throw MediaError(MediaError::Kind::NotFound,
                     QStringLiteral("Cannot read the plan %1: %2").arg(path, f.errorString()));
  }
  QJsonParseError err{};
  const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
  if (!doc.isObject()) {
    bad(QStringLiteral("%1 is not a JSON object (%2 at offset %3)")
            .arg(path, err.errorString())
            .arg(err.offset));
  }
  RenderPlan plan = fromJson(doc.object());
  // A plan is portable (a job bundle, a plan next to its media): a relative path names a file
  // beside the plan, wherever the plan is run from.
  const QDir base = QFileInfo(path).absoluteDir();
  const auto resolve = [&base](QString& file) {
    if (!file.isEmpty() && QFileInfo(file).isRelative()) file = base.absoluteFilePath(file);
  };
  for (VideoSegment& s : plan.segments) resolve(s.file);
  for (AudioClip& c : plan.audio) resolve(c.file);
  resolve(plan.output.path);
  return plan;
}

namespace {

// A time in seconds: finite, not negative, at most a day (a NaN or an infinity from a hand-edited
// plan is refused here, not deep in FFmpeg).
void checkSeconds(double v, const QString& field, bool allowUnset = false) {
  if (allowUnset && v < 0) return;  // -1 = "to the end"
  if (!std::isfinite(v) || v < 0 || v > kMaxSeconds)
    bad(QStringLiteral("%1 (%2) must be between 0 and %3 seconds")
            .arg(field)
            .arg(v)
            .arg(kMaxSeconds));
}

void checkRange(double v, double lo, double hi, const QString& field, const QString& unit) {
  if (!std::isfinite(v) || v < lo || v > hi)
    bad(QStringLiteral("%1 (%2) must be between %3 and %4 %5")
            .arg(field)
            .arg(v)
            .arg(lo)
            .arg(hi)
            .arg(unit));
}

}  // namespace

void validateOutput(const OutputSettings& output) {
  if ((output.width % 2) || (output.height % 2) || output.width < 0 || output.height < 0) {
    bad(QStringLiteral("output size %1x%2 must be even").arg(output.width).arg(output.height));
  }
  for (const int side : {output.width, output.height})
    if (side != 0 && (side < kMinOutputSide || side > kMaxOutputSide))
      bad(QStringLiteral("output size %1x%2: each side must be between %3 and %4 pixels")
              .arg(output.width)
              .arg(output.height)
              .arg(kMinOutputSide)
              .arg(kMaxOutputSide));
  if (output.fpsNum != 0) {
    if (output.fpsNum < 0 || output.fpsDen <= 0)
      bad(QStringLiteral("output.fps %1/%2 is not a frame rate")
              .arg(output.fpsNum)
              .arg(output.fpsDen));
    checkRange(double(output.fpsNum) / output.fpsDen, kMinFps, kMaxFps,
               QStringLiteral("output.fps"), QStringLiteral("frames per second"));
  }
  if (output.crf < 0 || output.crf > 51) bad(QStringLiteral("output.crf must be 0..51"));
  static const QStringList presets = {"ultrafast", "superfast", "veryfast", "faster",   "fast",
                                      "medium",    "slow",      "slower",   "veryslow", "placebo"};
  if (!presets.contains(output.preset))
    bad(QStringLiteral("output.preset \"%1\" is not one of %2")
            .arg(output.preset, presets.join(QStringLiteral(", "))));
  if (output.audioBitrate < kMinAudioBitrate || output.audioBitrate > kMaxAudioBitrate)
    bad(QStringLiteral("output.audioBitrate (%1) must be between %2 and %3 bits/s")
            .arg(output.audioBitrate)
            .arg(kMinAudioBitrate)
            .arg(kMaxAudioBitrate));
  checkRange(output.loudnessTarget, kMinLoudness, kMaxLoudness, QStringLiteral("output.loudness"),
             QStringLiteral("LUFS"));
  if (!std::isfinite(output.partSeconds) || output.partSeconds < 0 || output.partSeconds > 3600)
    bad(QStringLiteral("output.partSeconds must be 0 (one encoder) or up to 3600 seconds"));
}

void validateClip(const AudioClip& c, const QString& field) {
  checkSeconds(c.start, field + QStringLiteral(".start"));
  checkSeconds(c.in, field + QStringLiteral(".in"));
  checkSeconds(c.out, field + QStringLiteral(".out"), true);
  checkSeconds(c.fadeIn, field + QStringLiteral(".fadeIn"));
  checkSeconds(c.fadeOut, field + QStringLiteral(".fadeOut"));
  if (c.out >= 0 && c.out <= c.in) bad(QStringLiteral("%1: out must be after in").arg(field));
  checkRange(c.gainDb, kMinGainDb, kMaxGainDb, field + QStringLiteral(".gain"),
             QStringLiteral("dB"));
}

void RenderPlan::validate() const {
  if (segments.empty()) bad(QStringLiteral("no video segments"));
  if (output.path.isEmpty()) bad(QStringLiteral("output.path is missing"));
  for (size_t i = 0; i < segments.size(); ++i) {
    const VideoSegment& s = segments[i];
    const QString field = QStringLiteral("segments[%1]").arg(i);
    checkSeconds(s.in, field + QStringLiteral(".in"));
    checkSeconds(s.out, field + QStringLiteral(".out"), true);
    if (s.isStill()) {
      checkSeconds(s.duration, field + QStringLiteral(".duration"));
      if (s.duration <= 0)
        bad(QStringLiteral("%1.duration (%2) must be positive").arg(field).arg(s.duration));
      if (s.in > 0 || s.out >= 0 || s.dropFirstFrame)
        bad(QStringLiteral("%1: a still image (duration set) takes no in, out or dropFirstFrame")
                .arg(field));
    }
    if (!std::isfinite(s.transitionDuration) || s.transitionDuration < 0 ||
        s.transitionDuration > kMaxTransitionSeconds)
      bad(QStringLiteral("%1: the transition duration must be between 0 and %2 seconds")
              .arg(field)
              .arg(kMaxTransitionSeconds));
    if (s.out >= 0 && s.out <= s.in)
      bad(QStringLiteral("segments[%1]: out (%2) must be after in (%3)")
              .arg(i)
              .arg(s.out)
              .arg(s.in));
    if (s.transition != Transition::Cut && s.transitionDuration <= 0) {
      bad(QStringLiteral("segments[%1]: %2 duration must be positive")
              .arg(i)
              .arg(transitionName(s.transition)));
    }
  }
  for (size_t i = 0; i < audio.size(); ++i)
    validateClip(audio[i], QStringLiteral("audio[%1]").arg(i));
  validateOutput(output);
}

}  // namespace sw::media
