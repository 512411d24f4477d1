// Music fitted to a length: a file longer than the length is cropped and fades out; a shorter
// one is repeated, each repeat starting `crossfade` seconds before the previous one ends, the
// outgoing copy fading out while the incoming one fades in (linear, so the gains sum to 1 and the
// join has no step). The last copy plays whole, ends with the length and fades out; the copy
// before it is cut to hand over to it.
#pragma once

#include "media/render_plan.h"

#include <vector>

namespace sw::media {

struct MusicFit {
  double crossfade = 1.0;  // at a loop join; at most a third of the music's length
  double fadeOut = 2.0;    // at the end; at most the last copy after its crossfade
};

// `music` is the clip as the plan would have it (file, in/out, gain, fade-in, start); the music
// lasts `fileSeconds` (measured) and must fill [music.start, music.start + length). Returns the
// clips to put in the plan, in time order; empty when length <= 0.
std::vector<AudioClip> fitMusic(const AudioClip& music, double fileSeconds, double length,
                                const MusicFit& fit = {});

}  // namespace sw::media
