#include "media/audio_prefetch.h"

#include <chrono>

namespace sw::media {

AudioPrefetch::AudioPrefetch(std::unique_ptr<AudioPacketSource> source,
                             const ExportControl& control)
    : source_(std::move(source)), control_(control) {
  thread_ = std::thread([this] { run(); });
}

AudioPrefetch::~AudioPrefetch() {
  {
    std::lock_guard<std::mutex> lock(m_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void AudioPrefetch::run() {
  try {
    for (;;) {
      PacketPtr p = makePacket();
      if (source_->next(p.get(), true) != AudioPull::Packet) break;
      std::unique_lock<std::mutex> lock(m_);
      cv_.wait(lock, [&] { return stop_ || queue_.size() < kMaxQueued; });
      if (stop_) break;
      queue_.push_back(std::move(p));
      lock.unlock();
      cv_.notify_all();
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(m_);
    error_ = std::current_exception();
  }
  {
    std::lock_guard<std::mutex> lock(m_);
    finished_ = true;
  }
  cv_.notify_all();
}

AudioPull AudioPrefetch::next(AVPacket* out, bool wait) {
  std::unique_lock<std::mutex> lock(m_);
  for (;;) {
    if (!queue_.empty()) {
      av_packet_unref(out);
      av_packet_move_ref(out, queue_.front().get());
      queue_.pop_front();
      lock.unlock();
      cv_.notify_all();
      return AudioPull::Packet;
    }
    if (error_) std::rethrow_exception(error_);
    if (finished_) return AudioPull::End;
    if (!wait) return AudioPull::Later;
    cv_.wait_for(lock, std::chrono::milliseconds(100));
    control_.checkCancel();
  }
}

}  // namespace sw::media
