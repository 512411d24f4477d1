// Narration-first timing: where a scene's speech goes and how long the scene must be for it.
// Narration first, then the dialogue lines in script order, one after the other with a gap and
// never overlapping. When the speech needs more than the scene's target, the scene is lengthened
// (the default) or keeps its duration and the lines past its end are named as cut or dropped.
// Pure logic: no I/O, no store.
#pragma once

#include <QList>
#include <QString>

namespace sw::render {

enum class SpeechPolicy { Lengthen, KeepDuration };

struct SpeechItem {
  QString what;           // "narration", "dialogue line 3 (MARA)"
  double seconds = 0.0;   // measured from the generated audio, else estimated
  bool measured = false;  // false: estimatedSpeechSeconds() of the text
  bool dialogue = false;  // a dialogue line (spread over the scene when it has time to spare)
};

constexpr double kSpeechLeadIn = 0.25;  // seconds before the first speech
constexpr double kSpeechGap = 0.35;     // between consecutive speech items
constexpr double kSpeechTail = 0.25;    // after the last speech, before the scene ends

struct SpeechTiming {
  QList<SpeechItem> items;  // narration first, then dialogue lines in script order
  double gap = kSpeechGap;
  double leadIn = kSpeechLeadIn;
  double tail = kSpeechTail;
  double target = 0.0;  // the scene's target duration
  SpeechPolicy policy = SpeechPolicy::Lengthen;
};

struct SpeechCut {
  int index = 0;         // into SpeechTiming::items
  QString what;          // the item's name
  double seconds = 0.0;  // of its audio that will not be heard
  bool dropped = false;  // starts at or after the scene's end: not heard at all
};

struct SpeechLayout {
  QList<double> starts;  // seconds from the scene start, one per item
  double needed = 0.0;   // lead-in + speech + gaps + tail (0 without speech)
  double end = 0.0;      // where the last item ends (0 without speech)
  double target = 0.0;
  double duration = 0.0;  // what the scene will last
  SpeechPolicy policy = SpeechPolicy::Lengthen;
  QList<SpeechCut> cuts;  // KeepDuration only (Lengthen never cuts)

  bool lengthened() const { return duration > target + 1e-9; }
};

// Lengthen: duration = needed rounded up to a tenth of a second when the speech needs more than
// the target, else the target. KeepDuration: the target. Items start in order at the lead-in,
// each at least `gap` after the previous one's end; when the scene has time to spare, dialogue
// line k of n may wait up to its share of the scene (leadIn + duration * k / n) as long as every
// later item still fits before the end.
SpeechLayout layoutSpeech(const SpeechTiming& timing);

// The estimate line: "speech needs 14.2 s; the scene will be 14.2 s" (lengthened), "speech needs
// 4.1 s of the scene's 10.0 s" (fits), "speech needs 14.2 s; keeping 10.0 s cuts: dialogue line
// 3 (MARA) by 1.4 s, dialogue line 4 (TOMAS) entirely (2.1 s)" (KeepDuration with cuts),
// "speech needs 10.1 s; keeping 10.0 s cuts no line" (only the tail is past the end); empty
// without speech.
QString describeSpeechLayout(const SpeechLayout& layout);
// "dialogue line 3 (MARA) by 1.4 s" / "dialogue line 4 (TOMAS) entirely (2.1 s)".
QString describeCut(const SpeechCut& cut);

// The name of dialogue line `number` (1-based, in script order) in events and warnings:
// "dialogue line 3 (MARA)".
QString dialogueLineName(int number, const QString& character);

// Seconds rounded up to the next tenth (14.21 -> 14.3; 14.2 stays 14.2).
double ceilTenth(double seconds);

}  // namespace sw::render
