// Smart render's re-encoded stretches ("islands") encoded concurrently: a few worker threads,
// each island with its own decoder, filter graph and x264 encoder (identical settings, so the
// parameter sets stay those of the source), results taken in timeline order. Workers run at most
// a few islands ahead of the consumer so memory stays bounded.
#pragma once

#include "media/encoders.h"
#include "media/export_control.h"
#include "media/timeline.h"

#include <QByteArray>

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace sw::media {

struct Island {
  int64_t first = 0, last = 0;  // output frames [first, last)
};

struct EncodedIsland {
  std::vector<PacketPtr> packets;  // pts/dts in timeBase; NAL units length-prefixed (avcC) when
                                   // encodeIsland got a lengthSize, else as the encoder wrote them
  AVRational timeBase{1, 30};
  int64_t frames = 0;
  QByteArray headers;  // the encoder's extradata (its SPS/PPS)
};

// Encodes one island synchronously. `lengthSize`: NAL length prefix of the source's avcC, or 0 to
// keep the encoder's own packets. `check` is called between frames (throws to stop).
EncodedIsland encodeIsland(const Timeline& t, const VideoEncodeSettings& settings,
                           const Island& island, int lengthSize,
                           const std::function<void()>& check);

// How many islands to encode at once for this picture size (cores + 1, capped by memory).
unsigned islandWorkers(int width, int height);
// x264 threads per island encoder: the islands already run side by side, and x264's frame
// threads cost CPU (7-10% here), so 1.5 x cores shared by the workers (rounded down), at least one.
int islandEncoderThreads(unsigned workers);

class IslandPool {
 public:
  IslandPool(const Timeline& t, const VideoEncodeSettings& settings, std::vector<Island> islands,
             int lengthSize, const ExportControl& control, unsigned threads);
  ~IslandPool();  // stops the workers and waits for them
  IslandPool(const IslandPool&) = delete;
  IslandPool& operator=(const IslandPool&) = delete;

  // Island i, encoded; call with i = 0, 1, 2... Rethrows the island's error (or cancellation).
  // While waiting, `waiting` (if set) is called about every 100 ms on the calling thread.
  EncodedIsland take(size_t i, const std::function<void()>& waiting = {});
  // Frames encoded so far by all workers (for progress).
  int64_t framesEncoded() const { return framesEncoded_; }

 private:
  void work();

  const Timeline& t_;
  const VideoEncodeSettings settings_;
  const std::vector<Island> islands_;
  const int lengthSize_;
  const ExportControl& control_;
  const size_t window_;  // islands a worker may run ahead of take()
  std::mutex m_;
  std::condition_variable cv_;
  std::vector<std::optional<EncodedIsland>> done_;
  std::vector<std::exception_ptr> errors_;
  size_t next_ = 0;   // next island to start
  size_t taken_ = 0;  // islands handed out by take()
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> framesEncoded_{0};
  std::vector<std::thread> workers_;
};

}  // namespace sw::media
