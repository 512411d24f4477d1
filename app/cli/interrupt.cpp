#include "interrupt.h"

#include <csignal>

namespace sw::cli {

namespace {

std::atomic<bool> gCancel{false};
std::atomic<int> gSignal{0};

extern "C" void onInterrupt(int signal) {
  // Async-signal-safe: lock-free atomics only.
  int none = 0;
  gSignal.compare_exchange_strong(none, signal);
  gCancel.store(true);
}

}  // namespace

struct InterruptGuard::Saved {
  struct sigaction interrupt {};
  struct sigaction terminate {};
};

InterruptGuard::InterruptGuard() : saved_(std::make_unique<Saved>()) {
  struct sigaction action {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, &saved_->interrupt);
  sigaction(SIGTERM, &action, &saved_->terminate);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &saved_->interrupt, nullptr);
  sigaction(SIGTERM, &saved_->terminate, nullptr);
}

const std::atomic<bool>* InterruptGuard::token() { return &gCancel; }

std::shared_ptr<std::atomic<bool>> InterruptGuard::sharedToken() {
  // Aliasing constructor: shares nothing, points at the process-wide flag.
  return std::shared_ptr<std::atomic<bool>>(std::shared_ptr<void>(), &gCancel);
}

int interruptingSignal() { return gSignal.load(); }

QString signalName(int signal) {
  switch (signal) {
    case SIGINT:
      return QStringLiteral("SIGINT (Ctrl-C)");
    case SIGTERM:
      return QStringLiteral("SIGTERM");
    default:
      return QStringLiteral("signal %1").arg(signal);
  }
}

}  // namespace sw::cli
