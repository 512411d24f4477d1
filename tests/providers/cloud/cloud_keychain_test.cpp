// The keychain store with no keychain service (issue 9): reads from several threads at once
// answer with an error text (keys then come from the environment), never crash, and every job
// ran on the one keychain thread. This test case is its own process (gtest_discover_tests):
// the D-Bus address is set before anything in it touches D-Bus.
#include <gtest/gtest.h>

#include <QDeadlineTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>
#include <memory>
#include <vector>

#include "providers/cloud/keychain_thread.h"
#include "providers/cloud/service_config.h"
#include "support/wait.h"

using namespace sw::providers::cloud;

TEST(CloudKeychain, ReadsFromFourThreadsAtOnceAnswerOnOneThread) {
  QTemporaryDir dir;
  qputenv("DBUS_SESSION_BUS_ADDRESS",
          QStringLiteral("unix:path=%1").arg(dir.filePath(QStringLiteral("no-bus"))).toUtf8());
  constexpr int kThreads = 4;
  constexpr int kRounds = 20;
  const KeychainThreadInfo before = keychainThreadForTests();
  QSet<QString> errors;
  QThread* keychainThread = nullptr;
  for (int round = 0; round < kRounds; ++round) {
    std::vector<SecretStore::Result> results(kThreads);
    std::vector<QThread*> callers(kThreads, nullptr);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back(QThread::create([&results, &callers, i] {
        callers[i] = QThread::currentThread();
        results[i] = makeKeychainStore()->read(QStringLiteral("replicate-api-key"));
      }));
    }
    for (auto& t : threads) t->start();
    for (auto& t : threads) {
      if (!t->wait(QDeadlineTimer(sw::testsupport::kWaitLimit.count()))) {
        (void)t.release();  // still running: destroying it would abort; fail instead
        FAIL() << "a keychain read did not return, round " << round;
      }
    }
    const KeychainThreadInfo now = keychainThreadForTests();
    if (!keychainThread) keychainThread = now.thread;
    EXPECT_EQ(now.thread, keychainThread) << "round " << round;  // the same thread every round
    for (int i = 0; i < kThreads; ++i) {
      EXPECT_FALSE(results[i].error.isEmpty()) << "round " << round << " thread " << i;
      EXPECT_TRUE(results[i].value.isEmpty());
      EXPECT_NE(callers[i], now.thread);
      errors.insert(results[i].error);
    }
  }
  const KeychainThreadInfo after = keychainThreadForTests();
  ASSERT_NE(after.thread, nullptr);
  if (before.thread) {
    EXPECT_EQ(after.thread, before.thread);
  }
  EXPECT_TRUE(after.thread->isRunning());
  EXPECT_NE(after.thread, QThread::currentThread());
  // One task per read, every one run on that thread.
  EXPECT_EQ(after.tasksRun - before.tasksRun, quint64(kThreads * kRounds));
  for (const QString& e : errors) std::printf("keychain answer: %s\n", qPrintable(e));
}
