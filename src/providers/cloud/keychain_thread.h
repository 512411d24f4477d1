// The one thread that owns every keychain job. QtKeychain keeps a process-wide job queue and the
// Secret Service client under it (libsecret, GDBus) answers on the context of the thread that
// asked: driven from several threads, or from local event loops that end before the answer
// comes, they crash (issue 9). So every job is made, started and answered on this thread, which
// runs its own event loop: started on first use, stopped when the application exits
// (qAddPostRoutine: quit + wait). Callers on any thread post a task and wait for its answer.
// Internal to the cloud providers (keychain_store.cpp); not part of their public headers.
#pragma once

#include <QtGlobal>
#include <functional>

class QObject;
class QThread;

namespace sw::providers::cloud {

// Runs `task` on the keychain thread, later, with `owner`: a QObject living there, to parent the
// task's jobs (those still pending are deleted when the thread stops). Returns false, and never
// runs the task, when there is no QCoreApplication or the application is exiting. If the
// thread stops before the task ran, the task is destroyed without running.
bool postToKeychainThread(std::function<void(QObject* owner)> task);

// For tests: the keychain thread (null before first use) and how many tasks ran on it.
struct KeychainThreadInfo {
  QThread* thread = nullptr;
  quint64 tasksRun = 0;
};
KeychainThreadInfo keychainThreadForTests();

}  // namespace sw::providers::cloud
