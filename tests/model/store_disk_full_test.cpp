// A full disk is a full disk: the store says so (StoreError::Kind::DiskFull, "The disk is full"),
// never that the project is damaged, and what was saved before is still there. The limit comes
// from RLIMIT_FSIZE in a forked child (a gtest death test): writes past it fail with EFBIG or come
// up short, as on a full disk, with no root or special file system.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <QFileInfo>
#include <QTemporaryDir>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "model/project_store.h"

using namespace sw::model;

namespace {

void limitFileSize(rlim_t bytes) {
  std::signal(SIGXFSZ, SIG_IGN);  // write() fails instead of the kernel killing the process
  const rlimit limit{bytes, bytes};
  if (setrlimit(RLIMIT_FSIZE, &limit) != 0) std::_Exit(3);
}

// Exits 0 only for a DiskFull error that says the disk is full and does not say "damaged".
[[noreturn]] void expectDiskFull(const std::function<void()>& work) {
  try {
    work();
  } catch (const StoreError& e) {
    std::fprintf(stderr, "%s\n", e.what());
    const bool words = e.message().contains(QLatin1String("disk is full")) &&
                       !e.message().contains(QLatin1String("damaged"));
    std::_Exit(e.kind() == StoreError::Kind::DiskFull &&
                       e.errorKind() == sw::core::ErrorKind::DiskFull && words
                   ? 0
                   : 2);
  }
  std::_Exit(1);
}

Scene bigScene(int i) {
  Scene s;
  s.title = QStringLiteral("Scene %1").arg(i);
  s.script = QString(64 * 1024, QLatin1Char('x'));
  return s;
}

}  // namespace

TEST(StoreDiskFull, AWriteOnAFullDiskSaysTheDiskIsFull) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  QTemporaryDir tmp;
  ProjectStore::create(tmp.path(), QStringLiteral("Full"))->addScene(bigScene(0));
  const qint64 before = QFileInfo(tmp.filePath(QStringLiteral("project.db"))).size();
  EXPECT_EXIT(
      {
        auto store = ProjectStore::open(tmp.path());
        limitFileSize(rlim_t(before + 8 * 1024));
        expectDiskFull([&] {
          for (int i = 1; i < 64; ++i) store->addScene(bigScene(i));
        });
      },
      ::testing::ExitedWithCode(0), "disk is full");
  // What was saved before the disk filled up is still there.
  EXPECT_EQ(ProjectStore::open(tmp.path())->scenes().size(), 1);
}

TEST(StoreDiskFull, OpeningOnAFullDiskIsNotDamage) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  QTemporaryDir tmp;
  ProjectStore::create(tmp.path(), QStringLiteral("Full"))->addScene(bigScene(0));
  // Opening needs the -shm file (32 KiB): with no room for it, opening must not blame the file.
  EXPECT_EXIT(
      {
        limitFileSize(1024);
        expectDiskFull([&] { ProjectStore::open(tmp.path())->addScene(bigScene(1)); });
      },
      ::testing::ExitedWithCode(0), "disk is full");
  EXPECT_EQ(ProjectStore::open(tmp.path())->scenes().size(), 1);
}
