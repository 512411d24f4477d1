#include "providers/local/music_arrangement.h"

#include "providers/local/local_drawing.h"

#include <algorithm>
#include <cmath>

namespace sw::providers::local {
namespace {

constexpr uint8_t kPad = 0, kComp = 1, kBass = 2, kLead = 3, kDrums = 9;
constexpr int kKick = 36, kSnare = 38, kClosedHat = 42, kCrash = 49;

// Folds a pitch class into [low, low + 12).
int fold(int pitchClass, int low) {
  int n = low + ((pitchClass - low) % 12 + 12) % 12;
  return n;
}

class Score {
 public:
  Score(int64_t frames, int sampleRate) : frames_(frames), rate_(sampleRate) {}
  int64_t at(double seconds) const { return std::llround(seconds * rate_); }
  void program(uint8_t channel, int program) {
    events_.push_back({0, MidiEvent::Program, channel, uint8_t(program), 0});
  }
  void control(uint8_t channel, int controller, int value) {
    events_.push_back({0, MidiEvent::Control, channel, uint8_t(controller), uint8_t(value)});
  }
  // A note from `start` for `length` seconds; cut at the end of the take.
  void note(uint8_t channel, int key, int velocity, double start, double length) {
    const int64_t on = at(start);
    if (on >= frames_ || key < 0 || key > 127) return;
    const int64_t off = std::min(frames_ - 1, std::max(on + 1, at(start + length)));
    const uint8_t v = uint8_t(std::clamp(velocity, 1, 127));
    events_.push_back({on, MidiEvent::NoteOn, channel, uint8_t(key), v});
    events_.push_back({off, MidiEvent::NoteOff, channel, uint8_t(key), 0});
  }
  std::vector<MidiEvent> take() {
    // Note-offs before note-ons at the same frame, so a repeated note sounds again.
    std::stable_sort(events_.begin(), events_.end(), [](const MidiEvent& a, const MidiEvent& b) {
      if (a.frame != b.frame) return a.frame < b.frame;
      return (a.type == MidiEvent::NoteOff) > (b.type == MidiEvent::NoteOff);
    });
    return std::move(events_);
  }

 private:
  int64_t frames_;
  int rate_;
  std::vector<MidiEvent> events_;
};

struct Context {
  const MusicStyle& style;
  Rng& rng;
  Score& score;
  double beat;  // seconds
  int keyPc;    // pitch class of the key root (C = 0)
  int humanise(int velocity) { return velocity + int(std::lround(rng.signedUnit() * 6)); }
};

std::vector<int> chordTones(const Context& c, const ChordStep& chord) {
  const int pc = (c.keyPc + chord.root) % 12;
  return {pc, (pc + (chord.minor ? 3 : 4)) % 12, (pc + 7) % 12};
}

void playPad(Context& c, const ChordStep& chord, double barStart) {
  const int velocity = c.style.feel == MusicFeel::Epic ? 72 : 58;
  for (int pc : chordTones(c, chord))
    c.score.note(kPad, fold(pc, 55), c.humanise(velocity), barStart, 4 * c.beat + 0.05);
}

void playComp(Context& c, const ChordStep& chord, double barStart) {
  const std::vector<int> tones = chordTones(c, chord);
  const double b = c.beat;
  switch (c.style.feel) {
    case MusicFeel::Bright:  // strummed on every beat and the off-beats of 2 and 4
      for (double t : {0.0, 1.0, 1.5, 2.0, 3.0, 3.5}) {
        const int strum[4] = {tones[0], tones[1], tones[2], tones[0]};
        for (int i = 0; i < 4; ++i)  // low to high, 12 ms apart; the last root an octave up
          c.score.note(kComp, fold(strum[i], i == 3 ? 58 : 52), c.humanise(t == 0.0 ? 80 : 66),
                       barStart + t * b + 0.012 * i, 0.45 * b);
      }
      break;
    case MusicFeel::Calm:  // a rising arpeggio in eighths over two octaves
    case MusicFeel::Sad:
      for (int i = 0; i < 8; ++i) {
        const int pc = tones[size_t(i % 3)];
        const int key = fold(pc, (c.style.feel == MusicFeel::Sad ? 55 : 60) + (i >= 4 ? 12 : 0));
        c.score.note(kComp, key, c.humanise(i == 0 ? 62 : 50), barStart + i * 0.5 * b, 1.2 * b);
      }
      break;
    case MusicFeel::Tense:  // a pizzicato ostinato: root, fifth, root, minor second above
      for (int i = 0; i < 8; ++i) {
        const int pc = i % 4 == 3 ? (tones[0] + 1) % 12 : i % 2 == 1 ? tones[2] : tones[0];
        c.score.note(kComp, fold(pc, 48), c.humanise(i % 2 == 0 ? 76 : 60), barStart + i * 0.5 * b,
                     0.3 * b);
      }
      break;
    case MusicFeel::Epic:  // brass stabs on 1, the and of 2, and 4
      for (double t : {0.0, 1.5, 3.0})
        for (int pc : tones)
          c.score.note(kComp, fold(pc, 53), c.humanise(84), barStart + t * b, 0.8 * b);
      break;
    case MusicFeel::Neutral:  // piano chords on 1 and 3
      for (double t : {0.0, 2.0})
        for (int pc : tones)
          c.score.note(kComp, fold(pc, 57), c.humanise(64), barStart + t * b, 1.9 * b);
      break;
  }
}

void playBass(Context& c, const ChordStep& chord, double barStart) {
  const int root = fold((c.keyPc + chord.root) % 12, 33), fifth = root + 7;
  const double b = c.beat;
  switch (c.style.feel) {
    case MusicFeel::Calm:
    case MusicFeel::Sad:
      c.score.note(kBass, root + 12, c.humanise(70), barStart, 4 * b);
      break;
    case MusicFeel::Tense:
      for (int i = 0; i < 8; ++i)
        c.score.note(kBass, root, c.humanise(72), barStart + i * 0.5 * b, 0.4 * b);
      break;
    case MusicFeel::Epic:
      c.score.note(kBass, root, c.humanise(90), barStart, 2 * b);
      c.score.note(kBass, root, c.humanise(84), barStart + 2 * b, 2 * b);
      break;
    default: {
      const int line[4] = {root, root, fifth, root};
      for (int i = 0; i < 4; ++i)
        c.score.note(kBass, line[i], c.humanise(i == 0 ? 88 : 74), barStart + i * b, 0.9 * b);
    }
  }
}

// A melody stepping through the key's scale, on chord tones at the start of each bar.
void playLead(Context& c, const std::vector<ChordStep>& chords, int bars) {
  static const int major[7] = {0, 2, 4, 5, 7, 9, 11};
  static const int minor[7] = {0, 2, 3, 5, 7, 8, 10};
  const int* scale = c.style.minor ? minor : major;
  const bool slow = c.style.feel == MusicFeel::Calm || c.style.feel == MusicFeel::Sad ||
                    c.style.feel == MusicFeel::Tense;
  const double step = (slow ? 2.0 : 1.0) * c.beat;
  int degree = 7 + int(c.rng.uniform() * 5);  // scale steps above the root an octave below 60
  const int base = fold(c.keyPc, 55);
  for (int bar = 0; bar < bars; ++bar) {
    const ChordStep& chord = chords[size_t(bar) % chords.size()];
    for (double t = 0; t < 4 * c.beat - 1e-9; t += step) {
      if (t > 0 && c.rng.uniform() < 0.22) continue;  // a rest
      if (t == 0) {                                   // the nearest chord tone
        const int target = chord.root;
        for (int d = 0; d < 3; ++d) {
          const int pc = scale[((degree + d) % 7 + 7) % 7];
          if (pc == target || pc == (target + (chord.minor ? 3 : 4)) % 12 ||
              pc == (target + 7) % 12) {
            degree += d;
            break;
          }
        }
      } else {
        degree += int(std::lround(c.rng.signedUnit() * 2.0));
      }
      degree = std::clamp(degree, 4, 14);
      const int key = base + 12 * (degree / 7) + scale[degree % 7];
      const double length = step * (c.rng.uniform() < 0.3 ? 1.9 : 0.95);
      c.score.note(kLead, key, c.humanise(slow ? 66 : 78), 4 * c.beat * bar + t, length);
    }
  }
}

void playDrums(Context& c, int bars) {
  const double b = c.beat;
  for (int bar = 0; bar < bars; ++bar) {
    const double start = 4 * b * bar;
    if (bar % 4 == 0 && c.style.backbeat) c.score.note(kDrums, kCrash, c.humanise(84), start, b);
    for (int beat = 0; beat < 4; ++beat) {
      const double t = start + beat * b;
      const bool kick = c.style.backbeat                   ? beat % 2 == 0
                        : c.style.feel == MusicFeel::Tense ? beat == 0
                                                           : true;
      if (kick) c.score.note(kDrums, kKick, c.humanise(96), t, 0.5 * b);
      if (c.style.backbeat && beat % 2 == 1)
        c.score.note(kDrums, kSnare, c.humanise(92), t, 0.5 * b);
      for (int h = 0; h < 2; ++h)
        c.score.note(kDrums, kClosedHat, c.humanise(h == 0 ? 64 : 50), t + h * 0.5 * b, 0.25 * b);
    }
  }
}

}  // namespace

Instruments instrumentsFor(MusicFeel feel) {
  switch (feel) {  // General MIDI programs, 0-based
    case MusicFeel::Bright:
      return {4, 25, 33, 73};  // e-piano, steel guitar, fingered bass, flute
    case MusicFeel::Calm:
      return {89, 46, 32, 0};  // warm pad, harp, acoustic bass, piano
    case MusicFeel::Sad:
      return {48, 0, 42, 40};  // strings, piano, cello, violin
    case MusicFeel::Tense:
      return {44, 45, 43, 68};  // tremolo and pizzicato strings, contrabass, oboe
    case MusicFeel::Epic:
      return {48, 61, 43, 60};  // strings, brass section, contrabass, horn
    case MusicFeel::Neutral:
      break;
  }
  return {48, 0, 32, 71};  // strings, piano, acoustic bass, clarinet
}

std::vector<ChordStep> progressionFor(MusicFeel feel, int variant) {
  const bool second = variant % 2 != 0;
  switch (feel) {
    case MusicFeel::Bright:  // I V vi IV / I IV V IV
      if (second) return {{0, false}, {5, false}, {7, false}, {5, false}};
      return {{0, false}, {7, false}, {9, true}, {5, false}};
    case MusicFeel::Calm:  // I vi IV V / I IV I V
      if (second) return {{0, false}, {5, false}, {0, false}, {7, false}};
      return {{0, false}, {9, true}, {5, false}, {7, false}};
    case MusicFeel::Sad:  // i VI III VII / i iv VI V
      if (second) return {{0, true}, {5, true}, {8, false}, {7, false}};
      return {{0, true}, {8, false}, {3, false}, {10, false}};
    case MusicFeel::Tense:  // i VI iv V / i bII i V
      if (second) return {{0, true}, {1, false}, {0, true}, {7, false}};
      return {{0, true}, {8, false}, {5, true}, {7, false}};
    case MusicFeel::Epic:  // i VI III VII / i VII VI VII
      if (second) return {{0, true}, {10, false}, {8, false}, {10, false}};
      return {{0, true}, {8, false}, {3, false}, {10, false}};
    case MusicFeel::Neutral:
      break;
  }
  if (second) return {{9, true}, {5, false}, {0, false}, {7, false}};  // vi IV I V
  return {{0, false}, {9, true}, {5, false}, {7, false}};              // I vi IV V
}

std::vector<MidiEvent> arrange(const MusicStyle& style, uint64_t seed, int64_t frames,
                               int sampleRate) {
  Score score(frames, sampleRate);
  Rng rng(seed);
  const double beat = 60.0 / style.tempo;
  Context c{style, rng, score, beat, (9 + style.root) % 12};  // style.root: semitones above A
  const Instruments inst = instrumentsFor(style.feel);
  score.program(kPad, inst.pad);
  score.program(kComp, inst.comp);
  score.program(kBass, inst.bass);
  score.program(kLead, inst.lead);
  score.control(kPad, 7, 78);  // channel volumes: the pad under the rest
  score.control(kComp, 7, 96);
  score.control(kBass, 7, 104);
  score.control(kLead, 7, 92);
  score.control(kPad, 10, 44);  // pan: pad and comp apart, bass and lead centred
  score.control(kComp, 10, 84);
  const std::vector<ChordStep> chords = progressionFor(style.feel, int(rng.next() % 2));
  const int bars = int(double(frames) / sampleRate / (4 * beat)) + 1;
  for (int bar = 0; bar < bars; ++bar) {
    const ChordStep& chord = chords[size_t(bar) % chords.size()];
    const double start = 4 * beat * bar;
    playPad(c, chord, start);
    playComp(c, chord, start);
    playBass(c, chord, start);
  }
  playLead(c, chords, bars);
  if (style.drums) playDrums(c, bars);
  return score.take();
}

}  // namespace sw::providers::local
