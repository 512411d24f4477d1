// Progress reporting and cancellation for long media operations.
#pragma once

#include <QString>
#include <atomic>
#include <functional>

namespace sw::media {

// percent: 0..100 over the whole operation; stage: "probe", "audio", "video", "finish".
using Progress = std::function<void(double percent, const QString& stage)>;

struct ExportControl {
  Progress progress;                          // may be empty
  const std::atomic<bool>* cancel = nullptr;  // set to true to stop (checked between packets)

  // Throws MediaError(Cancelled) when the token is set.
  void checkCancel() const;
  void report(double percent, const QString& stage) const {
    if (progress) progress(percent, stage);
  }
};

}  // namespace sw::media
