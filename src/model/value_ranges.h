// The ranges every number of a project must lie in. The store checks them on every write (so the
// GUI, the CLI, script import and JSON import all stop at the same line, with a message naming the
// field instead of SQLite's "CHECK constraint failed"), and JSON import checks them again with the
// document's own path ("scenes[3].targetDuration") in the message. Infinity and NaN are refused.
#pragma once

#include <QString>

namespace sw::model {

struct Chunk;
struct Scene;
struct SfxCue;
struct Take;

namespace ranges {

inline constexpr double kMinSceneSeconds = 0.1, kMaxSceneSeconds = 3600.0;
inline constexpr int kMaxTempo = 400;  // BPM; 0 = unspecified
inline constexpr double kMinGainDb = -60.0, kMaxGainDb = 20.0;
inline constexpr double kMaxTransitionSeconds = 10.0;
inline constexpr double kMaxCostUsd = 100000.0;
inline constexpr double kMaxMediaSeconds = 24 * 3600.0;
inline constexpr double kMinLoudness = -40.0, kMaxLoudness = -5.0;  // LUFS

// Throws StoreError(Invalid): "<field> (<value>) must be between <lo> and <hi><unit>."
void check(double value, double lo, double hi, const QString& field, const QString& unit = {});

void checkScene(const Scene& scene);
void checkSfxCue(const SfxCue& cue);
void checkChunk(const Chunk& chunk);
void checkTake(const Take& take);

}  // namespace ranges
}  // namespace sw::model
