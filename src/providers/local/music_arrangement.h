// The local music's arrangement as General MIDI events, played by FluidSynth (fluid_music.h).
// The mood's feel picks the instruments (GM programs) and the chord progression (one of two,
// by seed), the tempo the beat (drums on MIDI channel 10), the seed the key and the melody.
// Pure data: the same style, seed and length give the same events.
#pragma once

#include "providers/local/local_music.h"

#include <cstdint>
#include <vector>

namespace sw::providers::local {

struct MidiEvent {
  int64_t frame = 0;  // sample frame at which it happens
  enum Type : uint8_t { Program, NoteOn, NoteOff, Control } type = NoteOn;
  uint8_t channel = 0;  // 0-based (9 = GM percussion)
  uint8_t key = 0;      // note, program or controller number
  uint8_t value = 0;    // velocity or controller value
};

struct Instruments {
  int pad = 48;   // sustained chords
  int comp = 0;   // rhythm: strums, arpeggios, stabs
  int bass = 32;  // bass line
  int lead = 71;  // melody
};
Instruments instrumentsFor(MusicFeel feel);

struct ChordStep {
  int root = 0;  // semitones above the key root
  bool minor = false;
};
// The feel's progression, one bar per chord; `variant` (0 or 1) picks one of its two.
std::vector<ChordStep> progressionFor(MusicFeel feel, int variant);

// Every event of a `frames`-long take at `sampleRate`, in time order; notes still sounding at the
// end get their note-off at the last frame.
std::vector<MidiEvent> arrange(const MusicStyle& style, uint64_t seed, int64_t frames,
                               int sampleRate);

}  // namespace sw::providers::local
