// Compatibility report: per input, what matches the output and which stitch path follows.
#pragma once

#include "media/timeline.h"

#include <QJsonObject>
#include <QStringList>

namespace sw::media {

enum class StitchPath { StreamCopy, SmartRender, FullReencode };
QString stitchPathName(StitchPath p);  // "stream-copy", "smart-render", "full-reencode"

struct SegmentCompat {
  QString file;
  bool codec = false;        // H.264
  bool profile = false;      // same profile as the first segment
  bool size = false;         // equals the output size
  bool pixelFormat = false;  // yuv420p
  bool frameRate = false;    // constant and equal to the output rate
  bool extradata = false;    // same SPS/PPS as the first segment
  bool upright = false;      // no display rotation (a rotated picture is turned on re-encode)
  bool hasAudio = false;
  bool audioLayout = false;  // AAC 48 kHz stereo (informative: audio is always rendered fresh)
  bool inOnKeyframe = false;
  bool outOnKeyframe = false;  // cut at a keyframe or at the end of the file
  QStringList notes;           // why something does not match
  bool streamMatches() const {
    return codec && profile && size && pixelFormat && frameRate && extradata && upright;
  }
};

struct CompatReport {
  std::vector<SegmentCompat> segments;
  StitchPath path = StitchPath::FullReencode;
  QString reason;
  QJsonObject toJson() const;
  QString toText() const;
};

CompatReport checkCompatibility(const Timeline& timeline);

}  // namespace sw::media
