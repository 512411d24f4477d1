// Builds the media engine's RenderPlan for one scene from its generated assets and their
// measured durations. Pure logic: no I/O, so placement rules are unit-tested directly.
#pragma once

#include <QList>
#include <QString>
#include <optional>

#include "media/render_plan.h"

namespace sw::render {

struct TimelineSegment {
  QString file;
  double fileDuration = 0.0;  // measured (probe)
  double trimIn = 0.0;
  double trimOut = 0.0;
  double useful = 0.0;     // at most this many seconds after trimIn (0 = no limit)
  bool crossfade = false;  // into the next segment
  double transitionDuration = 0.0;
  bool dropFirstFrame = false;  // starts with its predecessor's last frame
  int fpsNum = 0;               // measured (probe) frame rate of the file; 0 = unknown or variable
  int fpsDen = 1;
};

struct FrameRate {
  int num = 0;
  int den = 1;
  double value() const { return den > 0 ? double(num) / den : 0.0; }
};
// The frame rate every segment shares (measured, same num/den), or nullopt when one is unknown
// or they differ: then the render's chosen rate applies.
std::optional<FrameRate> sharedFrameRate(const QList<TimelineSegment>& segments);
// Where the segment is cut in its file (seconds): its end minus trimOut, or earlier when only
// `useful` seconds after trimIn belong to the scene. The frame shown last is the one just before.
double segmentOutPoint(const TimelineSegment& segment);

struct TimelineClip {
  QString file;
  double duration = 0.0;  // measured
  double time = 0.0;      // SFX only: cue time
  double gainDb = 0.0;
};

struct TimelineInputs {
  QList<TimelineSegment> segments;
  double fps = 24.0;
  std::optional<TimelineClip> narration;
  QList<TimelineClip> dialogue;  // in script order
  std::optional<TimelineClip> music;
  QList<TimelineClip> sfx;
};

// Where speech goes: narration from 0.25 s, then each dialogue line no earlier than the start of
// "its" segment (lines spread evenly over the segments) and never over the previous speech.
struct SpeechPlacement {
  std::optional<double> narrationStart;
  QList<double> dialogueStarts;
};
SpeechPlacement placeSpeech(const TimelineInputs& inputs);

// Seconds of video the plan produces (trims, dropped frames and crossfade overlaps included).
double timelineDuration(const TimelineInputs& inputs);
QList<double> segmentStarts(const TimelineInputs& inputs);

constexpr double kMusicBedGainDb = -8.0;

media::RenderPlan buildRenderPlan(const TimelineInputs& inputs,
                                  const media::OutputSettings& output);

}  // namespace sw::render
