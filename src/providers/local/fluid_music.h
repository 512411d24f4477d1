// The local music's instruments: FluidSynth playing the arrangement (music_arrangement.h) on a
// General MIDI soundfont, offline (no audio driver), one synthesiser per take with fixed settings
// (48 kHz, one CPU core, float output), so the same seed gives bit-identical samples.
// The soundfont: $SCENEWRIGHT_SOUNDFONT, else the local backend's "soundfont" option, else
// /usr/share/sounds/sf2/FluidR3_GM.sf2 (Debian's fluid-soundfont-gm).
#pragma once

#include "providers/local/local_music.h"

#include <QJsonObject>
#include <QString>
#include <cstdint>

namespace sw::providers::local {

QString defaultSoundfontPath();  // Debian's fluid-soundfont-gm
// The soundfont the local music uses with these "local" backend options.
QString soundfontPath(const QJsonObject& localOptions);

// What identifies a take made on this soundfont: the FluidSynth version, the arrangement's
// version and the soundfont's name, size and SHA-256 of its first MiB. Empty when the file
// cannot be read (the take is then synthesised without it).
QString soundfontIdentity(const QString& soundfontPath);

// Plays the style's arrangement for exactly `frames` frames of 48 kHz stereo. Throws
// ProviderError(Failed) when FluidSynth cannot load the soundfont, Cancelled when ctx is.
PcmAudio playOnSoundfont(const MusicStyle& style, uint64_t seed, int64_t frames,
                         const QString& soundfontPath, const GenerationContext& ctx);

}  // namespace sw::providers::local
