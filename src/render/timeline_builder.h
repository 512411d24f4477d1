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
  double time = 0.0;      // SFX: cue time; speech: start when TimelineInputs::speechPlaced
  double gainDb = 0.0;
};

struct TimelineInputs {
  QList<TimelineSegment> segments;
  double fps = 24.0;
  std::optional<TimelineClip> narration;
  QList<TimelineClip> dialogue;  // in script order
  std::optional<TimelineClip> music;
  QList<TimelineClip> sfx;
  // The speech clips carry their start in `time` (the job's SpeechLayout); otherwise
  // placeSpeech() places them in the picture's duration.
  bool speechPlaced = false;
};

// Where speech goes in a picture of timelineDuration(): the narration-first layout of
// speech_timing.h (layoutSpeech, KeepDuration: narration from the lead-in, then the dialogue in
// order, spread over the picture when it has time to spare, never overlapping).
struct SpeechPlacement {
  std::optional<double> narrationStart;
  QList<double> dialogueStarts;
};
SpeechPlacement placeSpeech(const TimelineInputs& inputs);

// Seconds of video the plan produces (trims, dropped frames and crossfade overlaps included).
double timelineDuration(const TimelineInputs& inputs);
QList<double> segmentStarts(const TimelineInputs& inputs);
// When the picture is shorter than `seconds` (the repeated first frames dropped at the joins
// shorten it), the last segment plays on as far as its file goes. Returns the picture's seconds.
double extendPictureTo(TimelineInputs& inputs, double seconds);

constexpr double kMusicBedGainDb = -8.0;
constexpr double kMusicLoopCrossfade = 1.0;  // seconds, where music shorter than the scene loops

media::RenderPlan buildRenderPlan(const TimelineInputs& inputs,
                                  const media::OutputSettings& output);

}  // namespace sw::render
