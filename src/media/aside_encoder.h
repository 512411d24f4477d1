// AsideEncoder: an AAC encode on its own thread, fed frame by frame. AudioRender feeds it the
// output of a limited measuring pass; when that pass lands on target, its packets are the
// encode, and the limiter does not run a last time just to produce them. The frames are
// references (av_frame_ref), so feeding costs no copy; the queue is bounded, so a slow encoder
// holds the feeder back instead of growing memory. Destroying it stops the thread.
#pragma once

#include "media/encoders.h"
#include "media/ffmpeg_raii.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace sw::media {

class AsideEncoder {
 public:
  static constexpr size_t kMaxQueuedFrames = 64;
  // Above this many bytes of packets the encode gives up (the caller encodes afterwards).
  static constexpr size_t kMaxPacketBytes = size_t{32} << 20;

  explicit AsideEncoder(const AudioEncodeSettings& settings);
  ~AsideEncoder();
  AsideEncoder(const AsideEncoder&) = delete;
  AsideEncoder& operator=(const AsideEncoder&) = delete;

  // A frame in the encoder's format; false once the encode gave up (too many bytes).
  bool push(const AVFrame* frame);
  // Flushes and waits. Null when it gave up; rethrows an encoder error.
  std::unique_ptr<AudioEncoder> finish(std::deque<PacketPtr>& packets);

 private:
  void run();

  std::unique_ptr<AudioEncoder> encoder_;
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<FramePtr> frames_;
  std::deque<PacketPtr> packets_;
  size_t bytes_ = 0;
  bool ending_ = false;
  bool stop_ = false;
  bool gaveUp_ = false;
  bool done_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace sw::media
