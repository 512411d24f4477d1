// Ctrl-C (SIGINT) and SIGTERM for the commands that write through temporary files (stitch,
// render, restitch, regenerate): while an InterruptGuard lives, the signal only sets a flag the
// work polls (ExportControl::cancel, the render queue's cancel), so the work stops between
// packets and its destructors delete the temporary files. main.cpp then exits with the
// conventional 128 + signal number (130 for SIGINT, 143 for SIGTERM).
#pragma once

#include <QString>
#include <atomic>
#include <memory>

namespace sw::cli {

class InterruptGuard {
 public:
  InterruptGuard();   // installs the handlers
  ~InterruptGuard();  // restores the previous handlers
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  // Set once SIGINT or SIGTERM arrived (never cleared while the process lives).
  static const std::atomic<bool>* token();
  // The same flag for APIs that take shared ownership of their cancel token.
  static std::shared_ptr<std::atomic<bool>> sharedToken();
  static bool interrupted() { return token()->load(); }

 private:
  struct Saved;
  std::unique_ptr<Saved> saved_;
};

// The signal that interrupted the command (SIGINT, SIGTERM) or 0.
int interruptingSignal();
QString signalName(int signal);  // "SIGINT"

}  // namespace sw::cli
