// FramePrefetcher: runs a TimelineVideoSource (decode + normalise + crossfade) on its own thread,
// a few frames ahead of the encoder, so scaling overlaps x264's work on the calling thread.
#pragma once

#include "media/video_source.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>

namespace sw::media {

class FramePrefetcher {
 public:
  static constexpr size_t kAhead = 6;  // frames decoded ahead (bounded memory)

  // Frames [first, last) of the output timeline (decoderThreads as in TimelineVideoSource).
  FramePrefetcher(const Timeline& t, int64_t first, int64_t last, int decoderThreads = 0);
  ~FramePrefetcher();  // stops the thread
  FramePrefetcher(const FramePrefetcher&) = delete;
  FramePrefetcher& operator=(const FramePrefetcher&) = delete;

  // Next frame (pts = output frame index); false at the end. Rethrows the reader's errors.
  bool next(AVFrame* out);

 private:
  void run();

  TimelineVideoSource source_;
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<FramePtr> frames_;
  bool finished_ = false;
  bool stop_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace sw::media
