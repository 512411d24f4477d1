// model/project_files.h: SQLite's files and project folders recognised by name and stat only.
#include <gtest/gtest.h>

#include <QDir>
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
