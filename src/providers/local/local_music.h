// Local music and sound effects, deterministic for a seed, no network.
//  - Music: played on a General MIDI soundfont through FluidSynth (music_arrangement.h,
//    fluid_music.h); without a soundfont, synthesised from oscillators: a four-bar chord
//    progression (major for bright moods, minor for sad/tense/dark ones) as a pad, a bass line on
//    the beat and, for energetic moods, kick/snare/hi-hat at the tempo; the mood also picks the
//    timbre and register. Exactly the requested duration, 48 kHz stereo.
//  - Sound effects from description keywords (thunder, rain, door/knock/slam, whoosh/wind, beep/
//    alarm/phone, footsteps, explosion/crash, bell/chime, glass, waves; else a soft impact): noise
//    bursts, filters and envelopes. 48 kHz stereo WAV.
#pragma once

#include "providers/capabilities.h"
#include "providers/local/wav_file.h"

#include <QJsonObject>

namespace sw::providers::local {

// The character the mood gives the arrangement (instruments, progression, patterns).
enum class MusicFeel { Neutral, Bright, Calm, Sad, Tense, Epic };

struct MusicStyle {
  MusicFeel feel = MusicFeel::Neutral;
  int tempo = 100;
  bool minor = false;
  bool drums = true;
  bool backbeat = false;    // snare on 2 and 4
  double brightness = 0.5;  // 0 = pure sines, 1 = bright saw-like
  int root = 0;             // semitones above A
};
// The style a request maps to (tempo 0 = the mood's default tempo).
MusicStyle musicStyle(const MusicRequest& request);
PcmAudio synthesiseMusic(const MusicRequest& request, const GenerationContext& ctx);
PcmAudio synthesiseEffect(const SoundEffectRequest& request);

// Plays the arrangement on a General MIDI soundfont through FluidSynth (fluid_music.h); when the
// soundfont cannot be read, synthesises it with the oscillators above and says so (a progress
// message and a note on the result). options: the "local" backend options ("soundfont").
class LocalMusicGenerator : public MusicGenerator {
 public:
  explicit LocalMusicGenerator(const QJsonObject& options = {});
  QString backendId() const override { return QStringLiteral("local"); }
  // The soundfont's identity (fluid_music.h) or empty for the oscillators.
  QString engineIdentity() const override;
  GenerationResult generate(const MusicRequest& request, const GenerationContext& ctx) override;
  double estimateCostUsd(const MusicRequest&) const override { return 0.0; }
  const QString& soundfont() const { return soundfont_; }

 private:
  QString soundfont_;
};

class LocalSoundEffectGenerator : public SoundEffectGenerator {
 public:
  QString backendId() const override { return QStringLiteral("local"); }
  GenerationResult generate(const SoundEffectRequest& request,
                            const GenerationContext& ctx) override;
  double estimateCostUsd(const SoundEffectRequest&) const override { return 0.0; }
};

}  // namespace sw::providers::local
