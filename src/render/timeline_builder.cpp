#include "render/timeline_builder.h"

#include <algorithm>

#include "media/music_fit.h"
#include "render/speech_timing.h"

namespace sw::render {

namespace {

double segmentLength(const TimelineSegment& s, double fps) {
  const double out = segmentOutPoint(s);
  double len = std::max(0.0, out - s.trimIn);
  if (s.dropFirstFrame && fps > 0) len = std::max(0.0, len - 1.0 / fps);
  return len;
}

}  // namespace

double segmentOutPoint(const TimelineSegment& s) {
  double out = s.fileDuration - s.trimOut;
  if (s.useful > 0) out = std::min(out, s.trimIn + s.useful);
  return out;
}

std::optional<FrameRate> sharedFrameRate(const QList<TimelineSegment>& segments) {
  if (segments.isEmpty()) return std::nullopt;
  const FrameRate first{segments.first().fpsNum, segments.first().fpsDen};
  if (first.num <= 0 || first.den <= 0) return std::nullopt;
  for (const TimelineSegment& s : segments)
    if (s.fpsNum != first.num || s.fpsDen != first.den) return std::nullopt;
  return first;
}

QList<double> segmentStarts(const TimelineInputs& in) {
  QList<double> starts;
  double t = 0;
  for (int i = 0; i < in.segments.size(); ++i) {
    starts.append(t);
    t += segmentLength(in.segments[i], in.fps);
    if (in.segments[i].crossfade && i + 1 < in.segments.size())
      t -= in.segments[i].transitionDuration;
  }
  return starts;
}

double timelineDuration(const TimelineInputs& in) {
  if (in.segments.isEmpty()) return 0;
  return segmentStarts(in).last() + segmentLength(in.segments.last(), in.fps);
}

double extendPictureTo(TimelineInputs& in, double seconds) {
  const double deficit = seconds - timelineDuration(in);
  if (in.segments.isEmpty() || deficit <= 1e-9) return timelineDuration(in);
  TimelineSegment& last = in.segments.last();
  if (last.useful > 0)
    last.useful = std::min(last.useful + deficit, last.fileDuration - last.trimOut - last.trimIn);
  return timelineDuration(in);
}

SpeechPlacement placeSpeech(const TimelineInputs& in) {
  SpeechTiming timing;
  timing.target = timelineDuration(in);
  timing.policy = SpeechPolicy::KeepDuration;
  if (in.narration) timing.items.append({QStringLiteral("narration"), in.narration->duration});
  for (const TimelineClip& line : in.dialogue)
    timing.items.append({QStringLiteral("dialogue"), line.duration, true, true});
  const SpeechLayout layout = layoutSpeech(timing);
  SpeechPlacement p;
  int k = 0;
  if (in.narration) p.narrationStart = layout.starts[k++];
  while (k < layout.starts.size()) p.dialogueStarts.append(layout.starts[k++]);
  return p;
}

media::RenderPlan buildRenderPlan(const TimelineInputs& in, const media::OutputSettings& output) {
  media::RenderPlan plan;
  plan.output = output;
  for (const TimelineSegment& s : in.segments) {
    media::VideoSegment seg;
    seg.file = s.file;
    seg.in = s.trimIn;
    seg.out = segmentOutPoint(s);
    seg.transition = s.crossfade ? media::Transition::Crossfade : media::Transition::Cut;
    seg.transitionDuration = s.crossfade ? s.transitionDuration : 0.0;
    seg.dropFirstFrame = s.dropFirstFrame;
    plan.segments.push_back(seg);
  }
  if (!plan.segments.empty()) {  // nothing transitions out of the last segment
    plan.segments.back().transition = media::Transition::Cut;
    plan.segments.back().transitionDuration = 0;
  }
  const double total = timelineDuration(in);
  auto speech = [&](const TimelineClip& c, media::AudioTrack track, double start) {
    if (start >= total) return;  // would start after the picture ends
    media::AudioClip clip;
    clip.file = c.file;
    clip.track = track;
    clip.start = start;
    clip.gainDb = c.gainDb;
    clip.fadeIn = 0.02;
    clip.fadeOut = 0.05;
    plan.audio.push_back(clip);
  };
  if (in.speechPlaced) {
    if (in.narration) speech(*in.narration, media::AudioTrack::Narration, in.narration->time);
    for (const TimelineClip& line : in.dialogue)
      speech(line, media::AudioTrack::Dialogue, line.time);
  } else {
    const SpeechPlacement placement = placeSpeech(in);
    if (in.narration && placement.narrationStart)
      speech(*in.narration, media::AudioTrack::Narration, *placement.narrationStart);
    for (int k = 0; k < in.dialogue.size(); ++k)
      speech(in.dialogue[k], media::AudioTrack::Dialogue, placement.dialogueStarts[k]);
  }
  if (in.music) {  // cropped with a fade-out, or looped with crossfades when too short
    media::AudioClip clip;
    clip.file = in.music->file;
    clip.track = media::AudioTrack::Music;
    clip.gainDb = kMusicBedGainDb + in.music->gainDb;
    clip.fadeIn = 0.5;
    const double seconds = in.music->duration > 0 ? in.music->duration : total;
    for (const media::AudioClip& c :
         media::fitMusic(clip, seconds, total, {kMusicLoopCrossfade, std::min(2.0, total / 4)}))
      plan.audio.push_back(c);
  }
  for (const TimelineClip& c : in.sfx) {
    if (c.time >= total) continue;
    media::AudioClip clip;
    clip.file = c.file;
    clip.track = media::AudioTrack::Sfx;
    clip.start = c.time;
    clip.gainDb = c.gainDb;
    clip.fadeOut = 0.05;
    plan.audio.push_back(clip);
  }
  return plan;
}

}  // namespace sw::render
