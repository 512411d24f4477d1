#include "providers/cloud/keychain_thread.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <utility>

namespace sw::providers::cloud {

namespace {

// How long the application's exit waits for the thread to stop. Its jobs are all asynchronous,
// so it stops at once; the limit only keeps a broken keychain service from holding up the exit.
constexpr int kStopLimitMs = 5000;

struct State {
  QMutex mutex;
  QThread* thread = nullptr;  // lives in the main thread; deleted by stopKeychainThread()
  QObject* owner = nullptr;   // lives in `thread`; deleted when the thread finishes
  bool closed = false;        // the application is exiting: no new tasks, no restart
  quint64 tasksRun = 0;       // for tests
};

State& state() {
  static State s;
  return s;
}

// Post routine (in ~QCoreApplication, on the main thread). The jobs still pending are deleted
// with their owner when the thread finishes, so their callers get an answer at once.
void stopKeychainThread() {
  State& s = state();
  QThread* thread = nullptr;
  {
    QMutexLocker lock(&s.mutex);
    s.closed = true;
    thread = std::exchange(s.thread, nullptr);
    s.owner = nullptr;
  }
  if (!thread) return;
  thread->quit();
  if (!thread->wait(QDeadlineTimer(kStopLimitMs))) {
    // Destroying a running QThread aborts the process: leave it to the process exit.
    qWarning("The keychain thread did not stop within %d ms.", kStopLimitMs);
    return;
  }
  delete thread;
}

void startLocked(State& s) {
  auto* thread = new QThread;
  thread->setObjectName(QStringLiteral("sw-keychain"));
  auto* owner = new QObject;
  owner->moveToThread(thread);
  QObject::connect(thread, &QThread::finished, owner, &QObject::deleteLater);
  // The post routine stops and deletes it from the main thread, whichever thread started it.
  thread->moveToThread(QCoreApplication::instance()->thread());
  thread->start();
  s.thread = thread;
  s.owner = owner;
  qAddPostRoutine(stopKeychainThread);
}

}  // namespace

bool postToKeychainThread(std::function<void(QObject* owner)> task) {
  State& s = state();
  QMutexLocker lock(&s.mutex);
  if (s.closed || !QCoreApplication::instance()) return false;
  if (!s.thread) startLocked(s);
  QObject* owner = s.owner;
  return QMetaObject::invokeMethod(
      owner,
      [task = std::move(task), owner, &s] {
        {
          QMutexLocker count(&s.mutex);
          ++s.tasksRun;
        }
        task(owner);
      },
      Qt::QueuedConnection);
}

KeychainThreadInfo keychainThreadForTests() {
  State& s = state();
  QMutexLocker lock(&s.mutex);
  return {s.thread, s.tasksRun};
}

}  // namespace sw::providers::cloud
