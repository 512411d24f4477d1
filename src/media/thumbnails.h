// Thumbnails and frames: keyframe thumbnails, filmstrips, the exact last frame of a video and the
// exact frame shown just before a cut.
//
// Cache: when a cache folder is given, thumbnails are stored there as <key>.png where key is the
// SHA-256 of (absolute path, file size, modification time in ms, time, width). This is cheap
// for multi-GB files; a file rewritten in place with the same size within the same millisecond
// would hit a stale entry (generation backends always write new files, so this is accepted).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

namespace sw::media {

class Thumbnailer {
 public:
  explicit Thumbnailer(const QString& cacheDir = {});

  // PNG of the keyframe at or before `seconds`, scaled to `width` (height keeps the aspect).
  QByteArray thumbnail(const QString& video, double seconds, int width);
  // Same, as a file (in the cache folder when there is one; else written to outPath).
  QString thumbnailFile(const QString& video, double seconds, int width,
                        const QString& outPath = {});
  // N thumbnails spread evenly over the video (at the middle of N equal spans).
  std::vector<QByteArray> filmstrip(const QString& video, int count, int width);
  // Cache key of a thumbnail (see the header comment).
  static QString cacheKey(const QString& video, double seconds, int width);

 private:
  QString cacheDir_;
};

// The exact last frame of the video (greatest best_effort_timestamp, decoder drained), full size,
// as a PNG file written atomically to pngPath. Throws MediaError when the file has no decodable
// video.
void saveLastFrame(const QString& video, const QString& pngPath);

// The exact frame a cut at `cutSeconds` (file time, the first frame at 0) shows last: the frame
// with the greatest timestamp before the cut, where a frame within a quarter frame of the cut
// counts as after it (so a cut on the frame grid keeps the frame that starts there out). A cut at
// or past the end gives the last frame, a cut at or before the first frame gives the first.
// Full size, PNG written atomically to pngPath. Returns the chosen frame's time in seconds.
// Throws MediaError when the file has no decodable video.
double saveFrameBeforeCut(const QString& video, double cutSeconds, const QString& pngPath);

}  // namespace sw::media
