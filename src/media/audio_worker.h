// AudioWorker: the fresh soundtrack (AudioRender: loudness measurement pass, then the streamed
// normalised AAC encode) produced on its own thread, so the audio work overlaps the video work.
// Packets wait in a bounded queue (kMaxQueued); the muxer pulls them without blocking until the
// video is done. The worker reports no progress (progress callbacks stay on the caller's thread);
// errors are rethrown by next(); destroying the worker stops it.
#pragma once

#include "media/audio_mix.h"
#include "media/muxer.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>

namespace sw::media {

class AudioWorker final : public AudioPacketSource {
 public:
  static constexpr size_t kMaxQueued = 512;  // AAC packets (~11 s at 48 kHz)

  // Probes the clips and opens the encoder on the calling thread (errors surface here), then
  // starts the thread. `control` is polled for cancellation while next() waits.
  AudioWorker(const RenderPlan& plan, const Timeline& t, const ExportControl& control);
  ~AudioWorker() override;
  AudioWorker(const AudioWorker&) = delete;
  AudioWorker& operator=(const AudioWorker&) = delete;

  const AVCodecParameters* parameters() const override { return render_->parameters(); }
  AVRational timeBase() const override { return render_->timeBase(); }
  AudioPull next(AVPacket* out, bool wait) override;
  // Loudness of the mix before normalisation; waits for the measurement pass.
  LoudnessStats measured();

 private:
  void run();
  bool push(PacketPtr packet);  // false when stopped

  const ExportControl& control_;
  std::atomic<bool> stop_{false};
  ExportControl threadControl_;  // no progress; cancelled through stop_
  std::unique_ptr<AudioRender> render_;
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<PacketPtr> queue_;
  bool measuredDone_ = false;
  bool finished_ = false;
  std::exception_ptr error_;
  std::thread thread_;
};

}  // namespace sw::media
