// probe() answers again from memory only for the same bytes: a file with another identity (inode,
// size, modification time) is probed afresh, and a file changed in the last two seconds is never
// answered from memory (timestamps are coarser than a quick rewrite in place).
#include "media/media_error.h"
#include "media/probe.h"
#include "support/media_fixtures.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <gtest/gtest.h>
#include <QFile>
#include <QTemporaryDir>
#include <ctime>

using namespace sw::media;
using namespace sw::testsupport;

namespace {

// Sets the file's access and modification times `secondsAgo` seconds into the past.
void age(const QString& path, int secondsAgo) {
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  timespec times[2] = {now, now};
  times[0].tv_sec -= secondsAgo;
  times[1].tv_sec -= secondsAgo;
  ASSERT_EQ(utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);
}

// Overwrites the file's bytes in place (same inode, same size).
void overwriteInPlace(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::ReadWrite));
  ASSERT_EQ(f.write(bytes.left(f.size())), f.size());
}

}  // namespace

TEST(MediaProbeMemo, AnOldFileRewrittenIsProbedAgain) {
  QTemporaryDir dir;
  ClipSpec a;
  a.seconds = 1.0;
  const QString path = makeClip(dir.filePath("a.mp4"), a);
  age(path, 60);
  EXPECT_NEAR(probe(path).duration, 1.0, 0.05);
  EXPECT_NEAR(probe(path).duration, 1.0, 0.05);  // the same bytes: the same answer
  ClipSpec b = a;
  b.seconds = 2.0;
  const QString other = makeClip(dir.filePath("b.mp4"), b);
  ASSERT_TRUE(QFile::remove(path));
  ASSERT_TRUE(QFile::copy(other, path));
  age(path, 30);
  EXPECT_NEAR(probe(path).duration, 2.0, 0.05);
}

TEST(MediaProbeMemo, AFileJustDamagedInPlaceIsNotAnsweredFromMemory) {
  QTemporaryDir dir;
  const QString path = makeClip(dir.filePath("a.mp4"));
  age(path, 0);  // changed just now, however long the clip took to write
  struct stat before {};
  ASSERT_EQ(::stat(QFile::encodeName(path).constData(), &before), 0);
  EXPECT_GT(probe(path).duration, 0.5);
  // Damaged within the same timestamp tick: the same size, inode and modification time.
  overwriteInPlace(path, QByteArray(1 << 20, 'x'));
  const timespec times[2] = {before.st_atim, before.st_mtim};
  ASSERT_EQ(utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);
  EXPECT_THROW(probe(path), MediaError);
}
