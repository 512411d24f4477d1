#include "media/aside_encoder.h"

#include "media/media_error.h"

namespace sw::media {

AsideEncoder::AsideEncoder(const AudioEncodeSettings& settings)
    : encoder_(std::make_unique<AudioEncoder>(settings)) {
  thread_ = std::thread([this] { run(); });
}

AsideEncoder::~AsideEncoder() {
  {
    std::lock_guard<std::mutex> lock(m_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool AsideEncoder::push(const AVFrame* frame) {
  FramePtr f = makeFrame();
  checkAv(av_frame_ref(f.get(), frame), QStringLiteral("Cannot keep an audio frame"), {});
  std::unique_lock<std::mutex> lock(m_);
  cv_.wait(lock, [&] { return done_ || frames_.size() < kMaxQueuedFrames; });
  if (done_) return false;  // finished early: gave up, or an error
  frames_.push_back(std::move(f));
  lock.unlock();
  cv_.notify_all();
  return true;
}

void AsideEncoder::run() {
  bool tooLarge = false;
  const auto keep = [this, &tooLarge](AVPacket* p) {
    bytes_ += static_cast<size_t>(p->size);
    tooLarge = tooLarge || bytes_ > kMaxPacketBytes;
    if (!tooLarge) packets_.emplace_back(av_packet_clone(p));
  };
  try {
    while (!tooLarge) {
      FramePtr f;
      {
        std::unique_lock<std::mutex> lock(m_);
        cv_.wait(lock, [&] { return stop_ || ending_ || !frames_.empty(); });
        if (stop_) break;
        if (frames_.empty()) {  // ending, and everything is encoded
          lock.unlock();
          encoder_->flush(keep);
          break;
        }
        f = std::move(frames_.front());
        frames_.pop_front();
      }
      cv_.notify_all();
      encoder_->push(f.get(), keep);
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(m_);
    error_ = std::current_exception();
  }
  {
    std::lock_guard<std::mutex> lock(m_);
    gaveUp_ = tooLarge;
    done_ = true;
    frames_.clear();
  }
  cv_.notify_all();
}

std::unique_ptr<AudioEncoder> AsideEncoder::finish(std::deque<PacketPtr>& packets) {
  {
    std::lock_guard<std::mutex> lock(m_);
    ending_ = true;
  }
  cv_.notify_all();
  thread_.join();
  if (error_) std::rethrow_exception(error_);
  if (gaveUp_) return nullptr;
  packets = std::move(packets_);
  return std::move(encoder_);
}

}  // namespace sw::media
