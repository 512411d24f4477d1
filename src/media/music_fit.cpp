#include "media/music_fit.h"

#include <algorithm>

namespace sw::media {

std::vector<AudioClip> fitMusic(const AudioClip& music, double fileSeconds, double length,
                                const MusicFit& fit) {
  std::vector<AudioClip> out;
  if (length <= 0) return out;
  const double end = music.out < 0 ? fileSeconds : std::min(music.out, fileSeconds);
  const double span = end - music.in;  // one copy
  constexpr double kEpsilon = 1e-6;
  if (span <= kEpsilon || span >= length - kEpsilon) {  // cropped
    AudioClip c = music;
    const double d = span > kEpsilon ? length : std::max(span, 0.0);
    c.out = c.in + d;
    c.fadeOut = std::min(fit.fadeOut, d / 4);
    out.push_back(c);
    return out;
  }
  // The last copy plays whole and ends with the length, so the fade-out has room; the copies
  // before it repeat every span - x seconds, the one before the last cut to end x after it starts.
  const double x = std::min(fit.crossfade, span / 3);
  const double last = length - span;
  AudioClip copy = music;
  for (double offset = 0; offset < last - kEpsilon; offset += span - x) {
    copy.start = music.start + offset;
    copy.out = copy.in + std::min(span, last + x - offset);
    copy.fadeOut = x;
    out.push_back(copy);
    copy.fadeIn = x;
  }
  copy.start = music.start + last;
  copy.out = end;
  copy.fadeIn = out.empty() ? music.fadeIn : x;
  copy.fadeOut = std::min(fit.fadeOut, span - x);
  out.push_back(copy);
  return out;
}

}  // namespace sw::media
