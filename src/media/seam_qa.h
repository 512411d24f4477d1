// Seam QA: what a viewer sees and hears at each join of a rendered file. Around every seam time
// only a window (0.5 s each side) is decoded: pictures scaled to a small grey image, sound mixed
// to mono. Per seam it reports
//   repeated frame  one still pair of frames at the join while the chunk around it moves
//   frozen run      two or more still pairs in a row in the window while the chunk moves
//   black frames    near-black pictures at the join between pictures that are not black
//   jump            the picture difference across the join against the chunk's own motion:
//                   mean absolute grey difference of the join pair divided by the median of the
//                   moving pairs' differences on both sides
//   audio dropout   a near-silent run (below -54 dBFS or 30 dB under the window's level, 3 ms
//                   to 40 ms) at the join with sound on both sides of it, that does not
//                   begin or end where one of the plan's audio clips does, in sound that has
//                   no such gap of its own elsewhere in the window (speech has many)
//   click           the largest sample step at the join against the window's own slope (its
//                   99th percentile step away from the join)
// A bad seam is a finding, not an error: analyseSeams() throws only when the file cannot be
// read (MediaError naming it).
#pragma once

#include "media/render_plan.h"

#include <QJsonObject>
#include <QString>
#include <vector>

namespace sw::media {

struct SeamQaOptions {
  double windowSeconds = 0.5;  // decoded on each side of a seam
  int analysisWidth = 160;     // grey picture width (height keeps the aspect)
  // Picture thresholds (grey levels 0..255).
  double stillDiff = 0.3;       // a pair this similar is "still" (a repeat) ...
  double stillFraction = 0.25;  // ... or one below this fraction of the window's median pair
  double minMotion = 2.0;       // the chunk moves when its median moving difference is above
  double jumpRatio = 3.0;       // join difference / the chunk's own motion
  double minJumpDiff = 6.0;     // ... and at least this much
  double blackMean = 24.0;      // a black frame's mean grey level is at most
  int joinFrames = 3;           // black frames are looked for this many frames either side
  // Sound thresholds (full scale 1.0).
  double silenceLevel = 0.002;      // -54 dBFS ...
  double silenceBelowLevel = 0.03;  // ... or 30 dB under the window's RMS, whichever is higher
  double minDropoutMs = 3.0;
  double maxDropoutMs = 40.0;  // longer silences are taken for pauses in the sources
  double soundLevel = 0.003;   // RMS of the 20 ms on each side of a dropout: there is sound
  double joinAudioMs = 25.0;   // dropouts and clicks are looked for this far either side
  // Where the plan's own audio clips (narration, dialogue, music, SFX) start and end, seconds on
  // the output: a silence beginning or ending within edgeToleranceMs of one is the sources' own
  // (the gap between two lines), not a dropout.
  std::vector<double> audioEdges;
  double edgeToleranceMs = 10.0;
  double clickRatio = 6.0;     // join step / the window's 99th percentile step
  double minClickStep = 0.05;  // ... and at least this large
};

enum class SeamIssueKind { RepeatedFrame, FrozenRun, BlackFrames, Jump, AudioDropout, Click };
QString seamIssueName(SeamIssueKind kind);  // "repeated-frame", "frozen", "black", "jump", ...

struct SeamIssue {
  SeamIssueKind kind;
  double time = 0;   // seconds in the file where it is
  double value = 0;  // frames (repeat, frozen, black), ratio (jump, click), ms (dropout)
  QString message;   // "jump: the picture changes 12.3x more than the chunk's own motion"
};

struct SeamFinding {
  int index = 0;    // 1 = the join between the first and the second segment
  double time = 0;  // seconds: the first frame of the following segment
  bool crossfade = false;
  bool video = false;    // pictures were analysed (the file has video there)
  bool audio = false;    // sound was analysed
  double joinDiff = 0;   // grey difference of the join pair
  double motion = 0;     // median moving difference around it (0 = the chunk is still)
  double jumpRatio = 0;  // joinDiff / max(motion, minMotion)
  double clickRatio = 0;
  std::vector<SeamIssue> issues;
  bool ok() const { return issues.empty(); }
};

struct SeamQaReport {
  QString file;
  std::vector<SeamFinding> seams;
  std::vector<double> audioEdges;  // the options' audio edges the analysis respected
  double elapsed = 0;              // wall-clock seconds spent analysing

  int badSeams() const;
  QJsonObject toJson() const;
  static SeamQaReport fromJson(const QJsonObject& json);
  // "3 seams checked, all clean" / "3 seams checked, 1 bad: seam 2 at 4.000 s: jump (...)".
  QString summary() const;
};

// Analyses the joins at `seamTimes` (seconds, ascending). A seam where the file has no pictures
// or sound around it gets video / audio false: nothing was analysed there.
// `crossfades` (optional, one per seam) marks seams that are crossfades: no jump is reported there.
SeamQaReport analyseSeams(const QString& file, const std::vector<double>& seamTimes,
                          const std::vector<bool>& crossfades = {},
                          const SeamQaOptions& options = {});

// One join measured before any render, from the two files as a render cuts them: the pictures of
// `before` up to `beforeOut` (seconds in the file; < 0 = its end) laid end to end with those of
// `after` from `afterIn` (its first frame there skipped when `dropFirstFrame`: a continuation
// starts with its predecessor's last frame), windowSeconds of each, through the same picture
// analysis as analyseSeams() (jump, repeated frame, freeze, black frames; no sound). The finding's
// time is 0; beforeFrame / afterFrame are the file times of the join pair (the last frame shown of
// `before`, the first of `after`), -1 when a file has no pictures there, and beforeStep /
// afterStep each file's frame interval there (seconds). Throws MediaError naming a file that
// cannot be read.
struct JoinInput {
  QString before;
  double beforeOut = -1;
  QString after;
  double afterIn = 0;
  bool dropFirstFrame = false;
  bool crossfade = false;
};
struct JoinFinding {
  SeamFinding seam;
  double beforeFrame = -1;
  double afterFrame = -1;
  double beforeStep = 0;
  double afterStep = 0;
};
JoinFinding analyseJoin(const JoinInput& join, const SeamQaOptions& options = {});

// Where a plan's segments join on its output: probes the segments (throws MediaError naming a
// missing or unusable one). The second member: whether each join is a crossfade.
struct PlanSeams {
  std::vector<double> times;
  std::vector<bool> crossfades;
  std::vector<double> audioEdges;  // SeamQaOptions::audioEdges
};
PlanSeams seamsOfPlan(const RenderPlan& plan);

// The seams of a rendered file from its manifest (<file>.json): the "seamQa" member a render
// wrote (with its audio edges), else the "plan" member resolved against its segment files. Throws
// MediaError naming the manifest when it is missing, unreadable or has neither.
PlanSeams seamsFromManifest(const QString& manifestPath);

}  // namespace sw::media
