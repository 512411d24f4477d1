// Opening a file that is not ours, too new, or damaged: a clear error, and nothing changes on disk.
#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "model/project_store.h"
#include "model/schema.h"

using namespace sw::model;

namespace {

QByteArray fileHash(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

class StoreDamage : public ::testing::Test {
 protected:
  QTemporaryDir tmp;
  QString dbPath() const { return tmp.filePath(QStringLiteral("project.db")); }

  // Makes a healthy project with some rows, closes it, and returns the db path.
  void makeProject(int scenes = 50) {
    auto store = ProjectStore::create(tmp.path(), QStringLiteral("Healthy"));
    store->transaction([&] {
      for (int i = 0; i < scenes; ++i) {
        Scene s;
        s.title = QStringLiteral("Scene %1").arg(i);
        s.script = QString(400, QLatin1Char('x'));
        store->addScene(s);
      }
    });
    store->database().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }

  StoreError::Kind openKind(ProjectStore::Check check = ProjectStore::Check::Full) {
    try {
      ProjectStore::open(tmp.path(), check);
    } catch (const StoreError& e) {
      lastMessage = e.message();
      return e.kind();
    }
    ADD_FAILURE() << "open() accepted a bad project";
    return StoreError::Kind::Invalid;
  }

  QString lastMessage;
};

}  // namespace

TEST_F(StoreDamage, MissingProject) {
  EXPECT_EQ(openKind(), StoreError::Kind::NotFound);
  EXPECT_TRUE(lastMessage.contains(QStringLiteral("project.db")));
  EXPECT_FALSE(QFile::exists(dbPath())) << "open must not create a project";
}

TEST_F(StoreDamage, WrongMagicIsNotAProject) {
  QFile f(dbPath());
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(4096, 'z'));
  f.close();
  const QByteArray before = fileHash(dbPath());
  EXPECT_EQ(openKind(), StoreError::Kind::NotAProject);
  EXPECT_TRUE(lastMessage.contains(QStringLiteral("not a Scenewright project")));
  EXPECT_EQ(fileHash(dbPath()), before);
}

TEST_F(StoreDamage, EmptyFileIsDamaged) {
  QFile f(dbPath());
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.close();
  EXPECT_EQ(openKind(), StoreError::Kind::Damaged);
  EXPECT_EQ(QFileInfo(dbPath()).size(), 0);
}

TEST_F(StoreDamage, ForeignSqliteDatabaseIsNotAProject) {
  {
    Database db(dbPath(), Database::Mode::Create);
    db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)");
    db.exec("INSERT INTO invoices (total) VALUES (9.5)");
  }
  const QByteArray before = fileHash(dbPath());
  EXPECT_EQ(openKind(), StoreError::Kind::NotAProject);
  // A job thread's second connection skips only the page scan, not the identity check.
  EXPECT_EQ(openKind(ProjectStore::Check::Known), StoreError::Kind::NotAProject);
  EXPECT_EQ(fileHash(dbPath()), before);
  EXPECT_FALSE(QFile::exists(dbPath() + QStringLiteral("-wal")));
}

TEST_F(StoreDamage, NewerSchemaIsRefusedUntouched) {
  makeProject(1);
  {
    Database db(dbPath(), Database::Mode::ReadWrite);
    db.exec(("PRAGMA user_version = " + std::to_string(schema::kCurrentVersion + 5)).c_str());
    db.exec("PRAGMA journal_mode = DELETE");
  }
  const QByteArray before = fileHash(dbPath());
  EXPECT_EQ(openKind(), StoreError::Kind::TooNew);
  EXPECT_TRUE(lastMessage.contains(QStringLiteral("newer Scenewright")));
  EXPECT_EQ(openKind(ProjectStore::Check::Known), StoreError::Kind::TooNew);
  EXPECT_EQ(fileHash(dbPath()), before);
}

TEST_F(StoreDamage, TruncatedFileIsDamagedAndUntouched) {
  makeProject();
  const qint64 size = QFileInfo(dbPath()).size();
  ASSERT_GT(size, 8192);
  ASSERT_TRUE(QFile::resize(dbPath(), size / 2));
  const QByteArray before = fileHash(dbPath());
  EXPECT_EQ(openKind(), StoreError::Kind::Damaged);
  EXPECT_TRUE(lastMessage.contains(QStringLiteral("damaged")));
  EXPECT_EQ(fileHash(dbPath()), before);
}

TEST_F(StoreDamage, CorruptedPagesAreDamaged) {
  makeProject();
  QFile f(dbPath());
  ASSERT_TRUE(f.open(QIODevice::ReadWrite));
  const qint64 size = f.size();
  // Scribble over the middle pages (b-tree content) but keep the header intact.
  f.seek(size / 3);
  f.write(QByteArray(int(size / 3), '\xA5'));
  f.close();
  EXPECT_EQ(openKind(), StoreError::Kind::Damaged);
}
