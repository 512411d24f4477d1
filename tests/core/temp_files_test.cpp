// Temporary names carry the writer's pid; the sweep removes a dead writer's entries only.
#include "core/temp_files.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

using namespace sw::core;

namespace {

// A child process that lives until killed.
struct LiveChild {
  pid_t pid = ::fork();
  LiveChild() {
    if (pid == 0) {
      ::pause();
      ::_exit(0);
    }
  }
  ~LiveChild() {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
  }
};

// The pid of a process that has exited and been reaped.
qint64 deadPid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

QString touch(const QDir& dir, const QString& name, qint64 ageSeconds = 0) {
  QFile f(dir.filePath(name));
  EXPECT_TRUE(f.open(QIODevice::WriteOnly));
  f.write("partial");
  f.flush();  // before the time is set: a later flush would set it again
  if (ageSeconds > 0)
    f.setFileTime(QDateTime::currentDateTime().addSecs(-ageSeconds),
                  QFileDevice::FileModificationTime);
  return f.fileName();
}

QString withPid(const QString& stem, qint64 pid, const QString& suffix) {
  return QStringLiteral(".%1.part-%2-abc123.%3").arg(stem).arg(pid).arg(suffix);
}

}  // namespace

TEST(CoreTempFiles, NamesCarryThisProcessPid) {
  const QString name = tempName(QStringLiteral("final"), QStringLiteral("mp4"));
  EXPECT_TRUE(name.startsWith(QStringLiteral(".final.part-%1-").arg(::getpid())))
      << name.toStdString();
  EXPECT_TRUE(name.endsWith(QLatin1String(".mp4")));
  EXPECT_EQ(tempWriterPid(name), qint64(::getpid()));
  EXPECT_NE(tempName(QStringLiteral("final")), tempName(QStringLiteral("final")));
  EXPECT_EQ(tempWriterPid(tempTemplate(QStringLiteral("x"), QStringLiteral("png"))),
            qint64(::getpid()));
  EXPECT_FALSE(tempWriterPid(QStringLiteral("final.mp4")));
  EXPECT_FALSE(tempWriterPid(QStringLiteral(".final.part-3f9a.mp4")));  // no pid
}

TEST(CoreTempFiles, SweepRemovesDeadWritersAndKeepsLiveOnes) {
  QTemporaryDir tmp;
  const QDir dir(tmp.path());
  LiveChild live;
  const QString mine = touch(dir, tempName(QStringLiteral("mine"), QStringLiteral("mp4")));
  const QString alive =
      touch(dir, withPid(QStringLiteral("live"), live.pid, QStringLiteral("mp4")));
  const QString dead =
      touch(dir, withPid(QStringLiteral("dead"), deadPid(), QStringLiteral("mp4")));
  const QString finalFile = touch(dir, QStringLiteral("final.mp4"), 3 * 24 * 3600);
  const QStringList removed = sweepStaleTemps(dir.path());
  EXPECT_TRUE(QFileInfo::exists(mine));
  EXPECT_TRUE(QFileInfo::exists(alive));
  EXPECT_FALSE(QFileInfo::exists(dead));
  EXPECT_TRUE(QFileInfo::exists(finalFile)) << "not a temporary name: never swept";
  EXPECT_EQ(removed, QStringList{QFileInfo(dead).absoluteFilePath()});
}

TEST(CoreTempFiles, ADeadWritersFolderIsRemovedWithItsContent) {
  QTemporaryDir tmp;
  const QDir dir(tmp.path());
  const QString name =
      withPid(QStringLiteral("film.scenewright"), deadPid(), QStringLiteral("import"));
  ASSERT_TRUE(dir.mkpath(name + QStringLiteral("/exports")));
  touch(QDir(dir.filePath(name)), QStringLiteral("project.db"));
  EXPECT_EQ(sweepStaleTemps(dir.path()).size(), 1);
  EXPECT_FALSE(dir.exists(name));
}

TEST(CoreTempFiles, AReusedPidDoesNotKeepAnOldTempAlive) {
  QTemporaryDir tmp;
  const QDir dir(tmp.path());
  LiveChild live;  // started now; the file was last written two hours ago
  const QString old =
      touch(dir, withPid(QStringLiteral("old"), live.pid, QStringLiteral("mp4")), 2 * 3600);
  sweepStaleTemps(dir.path());
  EXPECT_FALSE(QFileInfo::exists(old));
}

TEST(CoreTempFiles, NamesWithoutAPidAreSweptAfterADay) {
  QTemporaryDir tmp;
  const QDir dir(tmp.path());
  const SweepOptions legacy{{QStringLiteral(".incoming-*")}, false};
  const QString fresh = touch(dir, QStringLiteral(".incoming-1234.mp4"), 3600);
  const QString stale = touch(dir, QStringLiteral(".incoming-5678.mp4"), 2 * 24 * 3600);
  const QString entry = touch(dir, QStringLiteral("0123abcd.mp4"), 2 * 24 * 3600);
  sweepStaleTemps(dir.path(), legacy);
  EXPECT_TRUE(QFileInfo::exists(fresh));
  EXPECT_FALSE(QFileInfo::exists(stale));
  EXPECT_TRUE(QFileInfo::exists(entry));
  sweepStaleTemps(dir.path(), SweepOptions{{}, true});  // a folder of files in transit
  EXPECT_FALSE(QFileInfo::exists(entry));
  EXPECT_TRUE(QFileInfo::exists(fresh));
}
