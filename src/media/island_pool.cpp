#include "media/island_pool.h"

#include "media/frame_prefetch.h"
#include "media/h264_params.h"
#include "media/media_error.h"
#include "media/parallel.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace sw::media {

namespace {

struct Stopped {};  // unwinds a worker when the pool shuts down

PacketPtr lengthPrefixed(const AVPacket* p, int lengthSize) {
  const QByteArray avcc = annexBToLengthPrefixed(p->data, p->size, lengthSize);
  PacketPtr out = makePacket();
  checkAv(av_new_packet(out.get(), static_cast<int>(avcc.size())), QStringLiteral("Out of memory"),
          QString());
  std::copy(avcc.begin(), avcc.end(), out->data);
  checkAv(av_packet_copy_props(out.get(), p), QStringLiteral("Out of memory"), QString());
  return out;
}

}  // namespace

EncodedIsland encodeIsland(const Timeline& t, const VideoEncodeSettings& settings,
                           const Island& island, int lengthSize,
                           const std::function<void()>& check) {
  EncodedIsland result;
  VideoEncoder enc(settings);
  result.timeBase = enc.context()->time_base;
  result.headers = QByteArray(reinterpret_cast<const char*>(enc.context()->extradata),
                              enc.context()->extradata_size);
  FramePrefetcher src(t, island.first, island.last, 1);  // the islands are the parallelism
  FramePtr f = makeFrame();
  // Smart render keeps the source's avcC extradata, so its NAL units must be length-prefixed;
  // full-reencode parts (lengthSize 0) keep the encoder's packets and its extradata.
  auto sink = [&](AVPacket* p) {
    if (lengthSize > 0) {
      result.packets.push_back(lengthPrefixed(p, lengthSize));
      return;
    }
    PacketPtr own = makePacket();
    av_packet_move_ref(own.get(), p);
    result.packets.push_back(std::move(own));
  };
  while (src.next(f.get())) {
    check();
    enc.encode(f.get(), sink);
    ++result.frames;
  }
  enc.encode(nullptr, sink);
  return result;
}

unsigned islandWorkers(int width, int height) {
  // x264 keeps about 200 picture-sized buffers per encoder (lookahead, frame threads, half-pel
  // planes): ~280 MB at 720p, ~620 MB at 1080p. More encoders than cores + 1 buys nothing.
  constexpr double kBudget = 1.5 * 1024 * 1024 * 1024;
  const double perEncoder = static_cast<double>(width) * height * 1.5 * 200;
  const auto byMemory = static_cast<unsigned>(kBudget / perEncoder);
  return std::clamp(byMemory, 1u, workerCount() + 1);
}

int islandEncoderThreads(unsigned workers) {
  return std::max(1, static_cast<int>(1.5 * workerCount() / std::max(1u, workers)));
}

IslandPool::IslandPool(const Timeline& t, const VideoEncodeSettings& settings,
                       std::vector<Island> islands, int lengthSize, const ExportControl& control,
                       unsigned threads)
    : t_(t),
      settings_(settings),
      islands_(std::move(islands)),
      lengthSize_(lengthSize),
      control_(control),
      window_(2 * std::max(1u, threads)),
      done_(islands_.size()),
      errors_(islands_.size()) {
  const size_t n = std::min<size_t>(islands_.size(), std::max(1u, threads));
  for (size_t k = 0; k < n; ++k) workers_.emplace_back([this] { work(); });
}

IslandPool::~IslandPool() {
  {
    std::lock_guard<std::mutex> lock(m_);
    stop_ = true;
  }
  cv_.notify_all();
  for (std::thread& w : workers_) w.join();
}

void IslandPool::work() {
  const auto check = [this] {
    if (stop_) throw Stopped{};
    control_.checkCancel();
    ++framesEncoded_;
  };
  for (;;) {
    size_t i;
    {
      std::unique_lock<std::mutex> lock(m_);
      cv_.wait(lock, [&] { return stop_ || next_ >= islands_.size() || next_ < taken_ + window_; });
      if (stop_ || next_ >= islands_.size()) return;
      i = next_++;
    }
    std::optional<EncodedIsland> result;
    std::exception_ptr error;
    try {
      result = encodeIsland(t_, settings_, islands_[i], lengthSize_, check);
    } catch (const Stopped&) {
      return;
    } catch (...) {
      error = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(m_);
      done_[i] = std::move(result);
      errors_[i] = error;
    }
    cv_.notify_all();
  }
}

EncodedIsland IslandPool::take(size_t i, const std::function<void()>& waiting) {
  std::unique_lock<std::mutex> lock(m_);
  while (!done_[i] && !errors_[i]) {
    cv_.wait_for(lock, std::chrono::milliseconds(100));
    control_
        .checkCancel();  // a cancel while every worker is deep in x264 still stops within a second
    if (waiting) {
      lock.unlock();
      waiting();
      lock.lock();
    }
  }
  if (errors_[i]) std::rethrow_exception(errors_[i]);
  EncodedIsland out = std::move(*done_[i]);
  done_[i].reset();
  taken_ = i + 1;
  lock.unlock();
  cv_.notify_all();
  return out;
}

}  // namespace sw::media
