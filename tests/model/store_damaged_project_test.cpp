// A project's own database with a damaged header is named as damaged (and can be replaced by a
// backup), while a file that is not an SQLite database in a folder that is no project is still
// "not a Scenewright project".
#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "model/project_store.h"
#include "model/store_backup.h"

using namespace sw::model;

namespace {

QByteArray fileHash(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

// Overwrites `length` bytes at `offset` of a closed database (tests only: no store is open).
void scribble(const QString& file, qint64 offset, const QByteArray& bytes) {
  QFile f(file);
  ASSERT_TRUE(f.open(QIODevice::ReadWrite));
  ASSERT_TRUE(f.seek(offset));
  ASSERT_EQ(f.write(bytes), bytes.size());
}

class StoreDamagedProject : public ::testing::Test {
 protected:
  QTemporaryDir tmp;
  QString folder() const { return tmp.filePath(QStringLiteral("Lighthouse.scenewright")); }
  QString db() const { return QDir(folder()).filePath(QStringLiteral("project.db")); }

  void makeProject(const QString& at, int scenes) {
    auto store = ProjectStore::create(at, QStringLiteral("Lighthouse"));
    for (int i = 0; i < scenes; ++i) {
      Scene s;
      s.title = QStringLiteral("Scene %1").arg(i + 1);
      store->addScene(s);
    }
    store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }

  StoreError openError(const QString& at) {
    try {
      ProjectStore::open(at);
    } catch (const StoreError& e) {
      return e;
    }
    ADD_FAILURE() << "open() accepted a bad project";
    return StoreError(StoreError::Kind::Invalid, {});
  }
};

}  // namespace

TEST_F(StoreDamagedProject, OverwrittenHeaderIsDamagedButAForeignFileIsNotAProject) {
  makeProject(folder(), 3);
  scribble(db(), 0, QByteArray(16, '\x5A'));  // the "SQLite format 3" magic
  const QByteArray before = fileHash(db());
  const StoreError e = openError(folder());
  EXPECT_EQ(e.kind(), StoreError::Kind::Damaged) << e.message().toStdString();
  EXPECT_TRUE(e.message().contains(QStringLiteral("project.db is damaged: ")))
      << e.message().toStdString();
  EXPECT_FALSE(e.message().contains(QStringLiteral("not a Scenewright project")));
  EXPECT_EQ(fileHash(db()), before) << "nothing was changed";
  // A file that is not an SQLite database, in a folder with no trace of a project: not ours.
  const QString plain = tmp.filePath(QStringLiteral("plain"));
  QDir().mkpath(plain);
  QFile f(QDir(plain).filePath(QStringLiteral("project.db")));
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(QByteArray("not a database at all, just text") + QByteArray(4096, 't'));
  f.close();
  const StoreError foreign = openError(plain);
  EXPECT_EQ(foreign.kind(), StoreError::Kind::NotAProject);
  EXPECT_TRUE(foreign.message().contains(QStringLiteral("not a Scenewright project")));
}

TEST_F(StoreDamagedProject, ProjectWithBackupsIsDamagedWhateverItsFolderName) {
  const QString plain = tmp.filePath(QStringLiteral("plain"));
  makeProject(plain, 1);
  backupProject(plain,
                QDir(plain).filePath(QStringLiteral("backups/project-20260101-120000-000.db")));
  scribble(QDir(plain).filePath(QStringLiteral("project.db")), 0, QByteArray(100, '\0'));
  EXPECT_EQ(openError(plain).kind(), StoreError::Kind::Damaged);
}

TEST_F(StoreDamagedProject, OverwrittenApplicationIdOfAProjectIsDamaged) {
  makeProject(folder(), 1);
  scribble(db(), 68, QByteArray(4, '\0'));  // the header's application id
  const StoreError e = openError(folder());
  EXPECT_EQ(e.kind(), StoreError::Kind::Damaged) << e.message().toStdString();
  EXPECT_TRUE(e.message().contains(QStringLiteral("is damaged: ")));
}

TEST_F(StoreDamagedProject, MissingProjectDoesNotSendTheUserToTheCli) {
  const StoreError e = openError(tmp.path());
  EXPECT_EQ(e.kind(), StoreError::Kind::NotFound);
  EXPECT_FALSE(e.message().contains(QStringLiteral("scenewright-cli")))
      << e.message().toStdString();
}

TEST_F(StoreDamagedProject, ReplacingADamagedDatabaseKeepsItAside) {
  makeProject(folder(), 2);
  const QString backup = QDir(folder()).filePath(QStringLiteral("backups/project-1.db"));
  backupProject(folder(), backup);
  scribble(db(), 0, QByteArray(16, '\x5A'));
  const QByteArray damagedBytes = fileHash(db());
  ASSERT_EQ(openError(folder()).kind(), StoreError::Kind::Damaged);
  EXPECT_THROW(restoreProject(backup, folder()), StoreError);  // cannot write into it
  const QString kept = QDir(folder()).filePath(QStringLiteral("backups/damaged-1.db"));
  replaceDamagedProject(backup, folder(), kept);
  EXPECT_EQ(fileHash(kept), damagedBytes) << "the damaged file is kept as it was";
  auto store = ProjectStore::open(folder());
  EXPECT_EQ(store->scenes().size(), 2);
  EXPECT_FALSE(QFile::exists(db() + QStringLiteral(".partial")));
}
