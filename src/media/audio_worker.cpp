#include "media/audio_worker.h"

#include "media/media_error.h"

#include <chrono>

namespace sw::media {

AudioWorker::AudioWorker(const RenderPlan& plan, const Timeline& t, const ExportControl& control)
    : control_(control), threadControl_{Progress{}, &stop_} {
  render_ = std::make_unique<AudioRender>(plan, t, threadControl_);
  thread_ = std::thread([this] { run(); });
}

AudioWorker::~AudioWorker() {
  {
    std::lock_guard<std::mutex> lock(m_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void AudioWorker::run() {
  try {
    render_->measure(0, 0);
    {
      std::lock_guard<std::mutex> lock(m_);
      measuredDone_ = true;
    }
    cv_.notify_all();
    for (;;) {
      PacketPtr p = makePacket();
      if (!render_->nextPacket(p.get()) || !push(std::move(p))) break;
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(m_);
    if (!stop_)
      error_ = std::current_exception();  // after stop_, the error is our own cancellation
  }
  {
    std::lock_guard<std::mutex> lock(m_);
    measuredDone_ = true;
    finished_ = true;
  }
  cv_.notify_all();
}

bool AudioWorker::push(PacketPtr packet) {
  std::unique_lock<std::mutex> lock(m_);
  cv_.wait(lock, [&] { return stop_ || queue_.size() < kMaxQueued; });
  if (stop_) return false;
  queue_.push_back(std::move(packet));
  lock.unlock();
  cv_.notify_all();
  return true;
}

AudioPull AudioWorker::next(AVPacket* out, bool wait) {
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

LoudnessStats AudioWorker::measured() {
  std::unique_lock<std::mutex> lock(m_);
  while (!measuredDone_) {
    cv_.wait_for(lock, std::chrono::milliseconds(100));
    control_.checkCancel();
  }
  if (error_) std::rethrow_exception(error_);
  return render_->measured();
}

}  // namespace sw::media
