#include "media/frame_prefetch.h"

namespace sw::media {

FramePrefetcher::FramePrefetcher(const Timeline& t, int64_t first, int64_t last, int decoderThreads)
    : source_(t, first, last, decoderThreads) {
  thread_ = std::thread([this] { run(); });
}

FramePrefetcher::~FramePrefetcher() {
  {
    std::lock_guard<std::mutex> lock(m_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void FramePrefetcher::run() {
  try {
    for (;;) {
      FramePtr f = makeFrame();
      if (!source_.next(f.get())) break;
      std::unique_lock<std::mutex> lock(m_);
      cv_.wait(lock, [&] { return stop_ || frames_.size() < kAhead; });
      if (stop_) return;
      frames_.push_back(std::move(f));
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

bool FramePrefetcher::next(AVFrame* out) {
  std::unique_lock<std::mutex> lock(m_);
  cv_.wait(lock, [&] { return !frames_.empty() || finished_; });
  if (frames_.empty()) {
    if (error_) std::rethrow_exception(error_);
    return false;
  }
  av_frame_unref(out);
  av_frame_move_ref(out, frames_.front().get());
  frames_.pop_front();
  lock.unlock();
  cv_.notify_all();
  return true;
}

}  // namespace sw::media
