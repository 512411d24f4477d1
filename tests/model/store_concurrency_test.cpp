// A reader sees consistent snapshots while a writer commits; a writer killed mid-transaction
// leaves a project that opens and passes the integrity check.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>
#include <QTemporaryDir>
#include <atomic>
#include <chrono>
#include <csignal>
#include <thread>

#include "model/project_store.h"
#include "support/wait.h"

using namespace sw::model;

TEST(StoreConcurrency, ReaderSeesOldSnapshotUntilWriterCommits) {
  QTemporaryDir tmp;
  auto writer = ProjectStore::create(tmp.path(), QStringLiteral("W"));
  writer->addScene(Scene{});
  auto reader = ProjectStore::open(tmp.path());
  ASSERT_EQ(reader->scenes().size(), 1);

  Transaction tx(writer->database());
  for (int i = 0; i < 10; ++i) writer->addScene(Scene{});
  // Uncommitted rows are invisible to the other connection, and it is not blocked.
  EXPECT_EQ(reader->scenes().size(), 1);
  tx.commit();
  EXPECT_EQ(reader->scenes().size(), 11);
}

// A writer that holds the lock longer than SQLite's usual few seconds (a big import) makes another
// connection wait, not fail with "database is locked": its write lands once the lock is free.
TEST(StoreConcurrency, AWriteWaitsForALongWriterInsteadOfFailing) {
  QTemporaryDir tmp;
  auto holder = ProjectStore::create(tmp.path(), QStringLiteral("W"));
  auto other = ProjectStore::open(tmp.path());
  std::atomic<bool> started{false};
  std::thread longWriter([&] {
    Transaction tx(holder->database());
    holder->addScene(Scene{});  // takes the write lock
    started = true;
    std::this_thread::sleep_for(std::chrono::seconds(6));  // longer than the old 5 s wait
    tx.commit();
  });
  EXPECT_TRUE(sw::testsupport::waitUntil([&] { return started.load(); }));
  bool wrote = false;
  QString error;
  try {
    other->addScene(Scene{});
    wrote = true;
  } catch (const StoreError& e) {
    error = e.message();
  }
  longWriter.join();
  EXPECT_TRUE(wrote) << error.toStdString();
  EXPECT_EQ(other->scenes().size(), 2);
}

TEST(StoreConcurrency, ReaderThreadDuringCommitsNeverSeesAPartialBatch) {
  QTemporaryDir tmp;
  ProjectStore::create(tmp.path(), QStringLiteral("W"));
  std::atomic<bool> done{false};
  std::atomic<int> badSnapshots{0};
  std::thread readerThread([&] {
    auto reader = ProjectStore::open(tmp.path());
    while (!done) {
      const int n = int(reader->scenes().size());
      if (n % 5 != 0) ++badSnapshots;  // the writer adds scenes in batches of five
    }
  });
  auto writer = ProjectStore::open(tmp.path());
  for (int batch = 0; batch < 40; ++batch)
    writer->transaction([&] {
      for (int i = 0; i < 5; ++i) writer->addScene(Scene{});
    });
  done = true;
  readerThread.join();
  EXPECT_EQ(badSnapshots, 0);
  EXPECT_EQ(writer->scenes().size(), 200);
}

TEST(StoreConcurrency, KillDuringWriteLeavesAnOpenableProject) {
  QTemporaryDir tmp;
  {
    auto store = ProjectStore::create(tmp.path(), QStringLiteral("K"));
    store->addScene(Scene{});
  }
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Child: write forever inside one big transaction, telling the parent once it is under way.
    close(ready[0]);
    try {
      auto store = ProjectStore::open(tmp.path());
      Transaction tx(store->database());
      for (int i = 0;; ++i) {
        Scene s;
        s.script = QString(2000, QLatin1Char('w'));
        store->addScene(s);
        if (i == 200) {
          const char byte = 1;
          if (write(ready[1], &byte, 1) != 1) _exit(3);
        }
      }
    } catch (...) {
      _exit(2);
    }
  }
  close(ready[1]);
  char byte = 0;
  ASSERT_EQ(read(ready[0], &byte, 1), 1) << "child never started writing";
  close(ready[0]);
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));

  auto store = ProjectStore::open(tmp.path());
  EXPECT_EQ(store->integrityCheck(), QStringLiteral("ok"));
  EXPECT_EQ(store->scenes().size(), 1) << "the killed transaction must leave no rows";
  store->addScene(Scene{});
  EXPECT_EQ(store->scenes().size(), 2);
}
