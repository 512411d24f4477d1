// Bounded waiting for tests: every wait has a limit, so a broken build fails instead of hanging.
// The limit is a safety net (a minute), never an assertion about speed.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace sw::testsupport {

inline constexpr std::chrono::milliseconds kWaitLimit{60000};

// Polls pred every `step` until it holds or `limit` passes; returns pred()'s last answer.
inline bool waitUntil(const std::function<bool()>& pred,
                      std::chrono::milliseconds limit = kWaitLimit,
                      std::chrono::milliseconds step = std::chrono::milliseconds(2)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!pred()) {
    if (std::chrono::steady_clock::now() >= deadline) return pred();
    std::this_thread::sleep_for(step);
  }
  return true;
}

}  // namespace sw::testsupport
