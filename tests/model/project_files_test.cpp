// model/project_files.h: SQLite's files and project folders recognised by name and stat only.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include "model/project_files.h"
#include "model/project_store.h"

using namespace sw::model;

TEST(ProjectFiles, DatabaseFilesByName) {
  for (const char* name : {"project.db", "project.db-wal", "project.db-shm", "project.db-journal",
                           "backups/project-20240101-120000-000.db", "project-1.db.partial",
                           "project-1.db.partial-journal", "/abs/Test.scenewright/PROJECT.DB-WAL"})
    EXPECT_TRUE(isDatabaseFile(QLatin1String(name))) << name;
  for (const char* name : {"script.fountain", "01-storm.mp4", "exports", "project.dbx",
                           "notes-wal.txt", "db", "project.json"})
    EXPECT_FALSE(isDatabaseFile(QLatin1String(name))) << name;
}

TEST(ProjectFiles, EnclosingProjectFolder) {
  QTemporaryDir tmp;
  const QString folder = tmp.filePath(QStringLiteral("Test.scenewright"));
  ProjectStore::create(folder, QStringLiteral("Test"));
  ASSERT_TRUE(QDir(folder).mkpath(QStringLiteral("exports/sub")));
  EXPECT_EQ(enclosingProjectFolder(folder), folder);
  EXPECT_EQ(enclosingProjectFolder(QDir(folder).filePath(QStringLiteral("project.db"))), folder);
  EXPECT_EQ(enclosingProjectFolder(QDir(folder).filePath(QStringLiteral("exports/sub"))), folder);
  EXPECT_EQ(enclosingProjectFolder(QDir(folder).filePath(QStringLiteral("not/yet/x.mp4"))), folder);
  EXPECT_EQ(enclosingProjectFolder(tmp.path()), QString());
  // A project whose folder is not named *.scenewright is found by its project.db.
  const QString plain = tmp.filePath(QStringLiteral("plain"));
  ProjectStore::create(plain, QStringLiteral("Plain"));
  EXPECT_EQ(enclosingProjectFolder(QDir(plain).filePath(QStringLiteral("backups"))), plain);
  // Not created yet: the name alone does not make a project folder.
  EXPECT_EQ(enclosingProjectFolder(tmp.filePath(QStringLiteral("New.scenewright"))), QString());
}

namespace {

qint64 deadPid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  ::waitpid(pid, nullptr, 0);
  return pid;
}

QString touch(const QString& path, qint64 ageSeconds = 0) {
  QFile f(path);
  EXPECT_TRUE(f.open(QIODevice::WriteOnly)) << path.toStdString();
  f.write("half");
  f.flush();
  if (ageSeconds > 0)
    f.setFileTime(QDateTime::currentDateTime().addSecs(-ageSeconds),
                  QFileDevice::FileModificationTime);
  return path;
}

}  // namespace

TEST(ProjectFiles, OpeningSweepsWhatDeadWritersLeft) {
  QTemporaryDir tmp;
  const QString folder = tmp.filePath(QStringLiteral("Film.scenewright"));
  ProjectStore::create(folder, QStringLiteral("Film"));
  const QDir dir(folder);
  ASSERT_TRUE(dir.mkpath(QStringLiteral("assets")));
  const QString pid = QString::number(deadPid());
  const QString deadRoot = touch(dir.filePath(".final.part-" + pid + "-3f.mp4"));
  const QString deadAsset = touch(dir.filePath("assets/.door.part-" + pid + "-a1.wav"));
  const QString oldExport = touch(dir.filePath("exports/.final.part-9a3c.mp4"), 3 * 24 * 3600);
  const QString liveExport =
      touch(dir.filePath(QStringLiteral("exports/.final.part-%1-7b.mp4").arg(::getpid())));
  const QString userFile = touch(dir.filePath("exports/.notes.txt"), 3 * 24 * 3600);
  const QString deadImport = tmp.filePath(".Other.scenewright.part-" + pid + "-9.import");
  ASSERT_TRUE(QDir().mkpath(deadImport));
  touch(deadImport + QStringLiteral("/project.db"));
  const QString userDotFile = touch(tmp.filePath(".x.part-" + pid + "-1.mp4"));

  ProjectStore::open(folder);
  for (const QString& gone : {deadRoot, deadAsset, oldExport, deadImport})
    EXPECT_FALSE(QFileInfo::exists(gone)) << gone.toStdString();
  EXPECT_TRUE(QFileInfo::exists(liveExport));
  EXPECT_TRUE(QFileInfo::exists(userFile));
  EXPECT_TRUE(QFileInfo::exists(userDotFile)) << "next to the project only import folders go";
  EXPECT_TRUE(QFileInfo::exists(dir.filePath(QStringLiteral("project.db"))));
}
