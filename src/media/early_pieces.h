// Pieces of a full re-encode made before the stitch ("encode while generating"): one segment of a
// plan, normalised and encoded alone with the output's encoder settings while the segments after
// it are still being made. stitch() joins the pieces that match its timeline exactly (same file,
// in/out, dropped first frame, output frame grid, encoder settings and H.264 parameter sets) by
// copying their packets, and encodes only the rest; a piece that does not match is never used.
// Pieces are held in memory (the packets of one chunk: a few MB), so nothing is left on disk by
// a cancelled, paused or failed job.
#pragma once

#include "media/encoders.h"
#include "media/island_pool.h"
#include "media/render_plan.h"
#include "media/timeline.h"

#include <QString>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace sw::media {

struct EncodedPiece {
  VideoSegment spec;             // the segment as its one-segment plan gave it
  VideoEncodeSettings settings;  // the output's (outputEncodeSettings of that plan)
  int64_t inFrame = 0;           // placement on the output frame grid (ResolvedSegment)
  int64_t frames = 0;
  EncodedIsland video;  // the encoder's packets, pts/dts counted from the piece's first frame
};
using PieceList = std::vector<std::shared_ptr<const EncodedPiece>>;

// Whether `piece` is exactly segment `i` of `t` encoded with `settings` (x264 threads aside: the
// parameter sets are compared when the pieces are joined). Segments in or next to a crossfade,
// and stills, never match.
bool pieceMatches(const EncodedPiece& piece, const Timeline& t, size_t i,
                  const VideoEncodeSettings& settings);

// The x264 threads a piece, and the stitch's encode of the segments without one, use: the piece
// encoder is one worker, the stitch usually has only the last chunk left to encode.
int pieceEncoderThreads();

// What the worker did with one submitted segment (for the job's events).
struct PieceReport {
  int key = 0;
  bool encoded = false;  // false: skipped (its stream needs no re-encode) or failed
  QString note;          // why not, when not encoded
  int64_t frames = 0;
  double seconds = 0;       // wall time of the encode
  qint64 finishedAtMs = 0;  // QDateTime::currentMSecsSinceEpoch() when it finished
};

// One worker thread encoding submitted one-segment plans in order. Thread-safe; the destructor
// stops the worker (a piece being encoded is abandoned) and waits for it.
class PieceEncoder {
 public:
  explicit PieceEncoder(const std::atomic<bool>* cancel);
  ~PieceEncoder();
  PieceEncoder(const PieceEncoder&) = delete;
  PieceEncoder& operator=(const PieceEncoder&) = delete;

  // Queues `plan` (exactly one video segment and its output settings) under `key`; a piece or a
  // queued plan of the same key is dropped first.
  void submit(int key, RenderPlan plan);
  // Waits for the worker to be idle and returns every piece made, in key order. Drop: what is
  // still queued is dropped (the piece being encoded is finished); Encode: it is encoded first.
  enum class Queued { Drop, Encode };
  PieceList finish(Queued queued = Queued::Drop);
  // Reports of the segments done since the last call.
  std::vector<PieceReport> takeReports();

 private:
  struct Job {
    int key;
    RenderPlan plan;
  };
  void work();

  const std::atomic<bool>* cancel_;
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<Job> queue_;
  std::vector<std::pair<int, std::shared_ptr<const EncodedPiece>>> pieces_;
  std::vector<PieceReport> reports_;
  bool busy_ = false;
  std::atomic<bool> stop_{false};
  std::thread worker_;
};

}  // namespace sw::media
