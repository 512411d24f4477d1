// Drawing helpers of the local backend: deterministic backdrops from a prompt, captions burnt in
// with FFmpeg's drawtext (DejaVu Sans), and QImage <-> RGBA frame conversion.
#pragma once

#include <QImage>
#include <QString>
#include <QStringList>
#include <cstdint>

namespace sw::providers::local {

// Font used for captions (Debian fonts-dejavu-core).
inline constexpr const char* kCaptionFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// Deterministic 64-bit value from a text and a seed (SHA-256 based).
uint64_t stableHash(const QString& text, int64_t seed);

// Small deterministic PRNG (splitmix64).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next();
  double uniform() {
    return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0);
  }                                                      // [0,1)
  double signedUnit() { return uniform() * 2.0 - 1.0; }  // [-1,1)

 private:
  uint64_t state_;
};

// A w x h RGBA picture drawn from the prompt and seed: a two-colour gradient sky, a sun/moon and
// rolling hills, colours picked from the prompt's hash (and nudged by words like night, sea).
QImage drawBackdrop(const QString& prompt, int64_t seed, int width, int height);

// Splits text into at most maxLines lines of at most maxChars characters (ellipsis if cut).
QStringList wrapCaption(const QString& text, int maxChars, int maxLines);

// Writes the wrapped caption for a picture of the given width to `captionFile` and returns a
// drawtext filter (no trailing comma) that shows it at the bottom. When `fadeDuration` > 0 the
// caption fades in after the first frame and out before the end, so the first and the last frames
// stay clean (continuity frames carry no caption).
QString captionFilter(const QString& caption, const QString& captionFile, int width, int height,
                      double fadeDuration);

// Quotes a path or value for use as a filter option inside a filter graph description.
QString escapeFilterValue(const QString& value);

// Runs one picture through a video filter description ("[in]...[out]") and returns the first
// picture out, as RGBA.
QImage filterImage(const QImage& image, const QString& description, const QString& what);

}  // namespace sw::providers::local
