// AudioPrefetch: runs another AudioPacketSource on its own thread (the audio copy path's join
// frames are decoded and encoded while the video is copied). Packets wait in a bounded queue
// (kMaxQueued); next(wait=false) answers Later while the thread has none ready. Errors are
// rethrown by next(); destroying the prefetcher stops its thread.
#pragma once

#include "media/export_control.h"
#include "media/muxer.h"

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace sw::media {

class AudioPrefetch final : public AudioPacketSource {
 public:
  static constexpr size_t kMaxQueued = 256;  // AAC packets (~5 s at 48 kHz)

  // `control` is polled for cancellation while next() waits.
  AudioPrefetch(std::unique_ptr<AudioPacketSource> source, const ExportControl& control);
  ~AudioPrefetch() override;
  AudioPrefetch(const AudioPrefetch&) = delete;
  AudioPrefetch& operator=(const AudioPrefetch&) = delete;

  const AVCodecParameters* parameters() const override { return source_->parameters(); }
  AVRational timeBase() const override { return source_->timeBase(); }
  AudioPull next(AVPacket* out, bool wait) override;

 private:
  void run();

  std::unique_ptr<AudioPacketSource> source_;
  const ExportControl& control_;
  bool stop_ = false;  // guarded by m_
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<PacketPtr> queue_;
  bool finished_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace sw::media
