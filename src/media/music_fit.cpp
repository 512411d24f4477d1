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
  auto finish = [&](AudioClip c, double offset) {  // the last copy: cropped, fades out
    const double d = std::min(span, length - offset);
    c.out = c.in + d;
    c.fadeOut = std::min(fit.fadeOut, d / 4);
    out.push_back(c);
  };
  if (span <= kEpsilon || span >= length - kEpsilon) {
    finish(music, 0);
    return out;
  }
  const double x = std::min(fit.crossfade, span / 3);
  const double step = span - x;
  AudioClip copy = music;
  copy.out = end;
  double offset = 0;
  // Another copy is needed while the current one ends before the length.
  while (offset + span < length - kEpsilon) {
    copy.start = music.start + offset;
    copy.fadeOut = x;
    out.push_back(copy);
    copy.fadeIn = x;
    offset += step;
  }
  copy.start = music.start + offset;
  finish(copy, offset);
  return out;
}

}  // namespace sw::media
