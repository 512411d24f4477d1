// A huge project JSON import commits in batches: another connection writes between them without
// waiting; and importProjectFile builds the project next to its target and renames it into place.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include "model/project_files.h"
#include "model/project_json.h"

using namespace sw::model;

namespace {

// A generated document: `scenes` scenes with one dialogue line and one SFX cue each.
QJsonObject bigDocument(int scenes) {
  QJsonArray list;
  for (int i = 0; i < scenes; ++i)
    list.append(
        QJsonObject{{"title", QStringLiteral("Scene %1").arg(i)},
                    {"targetDuration", 6},
                    {"dialogue", QJsonArray{QJsonObject{{"character", "ADA"}, {"text", "Line"}}}},
                    {"sfx", QJsonArray{QJsonObject{{"time", 1.0}, {"description", "door"}}}}});
  return QJsonObject{{"format", kProjectJsonFormat},
                     {"version", kProjectJsonVersion},
                     {"project", QJsonObject{{"name", "Big"}}},
                     {"characters", QJsonArray{QJsonObject{{"name", "ADA"}}}},
                     {"scenes", list}};
}

QString writeJson(const QTemporaryDir& tmp, const QJsonObject& doc) {
  QFile f(tmp.filePath(QStringLiteral("doc.json")));
  EXPECT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(QJsonDocument(doc).toJson(QJsonDocument::Compact));
  return f.fileName();
}

// Counts how often the connection found the database locked (and gives up at once).
int countBusy(void* counter, int) {
  ++*static_cast<int*>(counter);
  return 0;
}

QStringList importLeftovers(const QString& parent) {
  return QDir(parent).entryList({QStringLiteral(".*.import")},
                                QDir::Dirs | QDir::Files | QDir::Hidden);
}

}  // namespace

TEST(ProjectImportBatches, AnotherConnectionWritesBetweenBatchesWithoutWaiting) {
  QTemporaryDir tmp;
  const QString folder = tmp.filePath(QStringLiteral("big.scenewright"));
  auto store = ProjectStore::create(folder, QStringLiteral("Big"));
  auto other = ProjectStore::open(folder, ProjectStore::Check::Known);
  int busy = 0;
  sqlite3_busy_handler(other->database().handle(), countBusy, &busy);
  int writes = 0;
  ImportOptions options;
  options.batchRows = 500;
  options.betweenBatches = [&](qint64 rows) {
    EXPECT_EQ(rows % 500, 0);
    other->addCharacter(Character{0, QStringLiteral("Guest %1").arg(writes), {}, {}});
    ++writes;
  };
  importProject(*store, bigDocument(2000), tmp.path(), options);  // 1 + 2000 * 3 rows
  EXPECT_EQ(busy, 0) << "the other connection found the import's write lock held";
  EXPECT_EQ(writes, 12);
  EXPECT_EQ(store->scenes().size(), 2000);
  EXPECT_EQ(store->characters().size(), 1 + writes);
}

TEST(ProjectImportBatches, ZeroBatchRowsIsOneTransaction) {
  // batchRows 0: one transaction, so nothing runs between batches.
  QTemporaryDir tmp;
  const QString folder = tmp.filePath(QStringLiteral("big.scenewright"));
  auto store = ProjectStore::create(folder, QStringLiteral("Big"));
  auto other = ProjectStore::open(folder, ProjectStore::Check::Known);
  int busy = 0;
  sqlite3_busy_handler(other->database().handle(), countBusy, &busy);
  bool called = false;
  ImportOptions options;
  options.betweenBatches = [&](qint64) { called = true; };
  importProject(*store, bigDocument(300), tmp.path(), options);
  EXPECT_FALSE(called);
  EXPECT_EQ(store->scenes().size(), 300);
}

TEST(ProjectImportBatches, ARefusedReferenceWritesNothingEvenWithBatches) {
  QTemporaryDir tmp;
  auto store = ProjectStore::create(tmp.filePath(QStringLiteral("p")), QStringLiteral("P"));
  QJsonObject doc = bigDocument(50);
  QJsonArray scenes = doc["scenes"].toArray();
  QJsonObject last = scenes.last().toObject();
  last["musicAsset"] = QStringLiteral("missing-key");
  scenes.replace(scenes.size() - 1, last);
  doc["scenes"] = scenes;
  ImportOptions options;
  options.batchRows = 10;
  EXPECT_THROW(importProject(*store, doc, tmp.path(), options), StoreError);
  EXPECT_TRUE(store->scenes().isEmpty());
  EXPECT_TRUE(store->characters().isEmpty());
}

TEST(ProjectImportFile, BuildsNextToTheTargetAndLeavesNoBuildFolder) {
  QTemporaryDir tmp;
  const QString json = writeJson(tmp, bigDocument(30));
  const QString target = tmp.filePath(QStringLiteral("new.scenewright"));
  bool sawBuild = false;
  ImportOptions options{{}, 20, [&](qint64) {
                          sawBuild = !importLeftovers(tmp.path()).isEmpty();
                          EXPECT_FALSE(QFileInfo::exists(target)) << "a half project is visible";
                        }};
  auto store = importProjectFile(json, target, tmp.path(), options);
  EXPECT_TRUE(sawBuild);
  EXPECT_EQ(store->folder(), target);
  EXPECT_EQ(store->scenes().size(), 30);
  EXPECT_TRUE(importLeftovers(tmp.path()).isEmpty());
  EXPECT_TRUE(QFileInfo(target + QStringLiteral("/exports")).isDir());
}

TEST(ProjectImportFile, AnExistingFolderWithoutAProjectGetsOne) {
  QTemporaryDir tmp;
  const QString target = tmp.filePath(QStringLiteral("shared"));
  ASSERT_TRUE(QDir().mkpath(target + QStringLiteral("/assets")));
  QFile sfx(target + QStringLiteral("/assets/door.wav"));
  ASSERT_TRUE(sfx.open(QIODevice::WriteOnly));
  sfx.close();
  QJsonObject doc = bigDocument(2);
  QJsonArray scenes = doc["scenes"].toArray();
  QJsonObject first = scenes[0].toObject();
  first["sfx"] = QJsonArray{QJsonObject{{"time", 1.0}, {"file", "assets/door.wav"}}};
  scenes.replace(0, first);
  doc["scenes"] = scenes;
  auto store = importProjectFile(writeJson(tmp, doc), target, tmp.filePath(QStringLiteral("c")));
  ASSERT_EQ(store->sfxCues(store->scenes().first().id).size(), 1);
  EXPECT_EQ(store->sfxCues(store->scenes().first().id).first().file,
            QFileInfo(sfx).canonicalFilePath())
      << "relative to the target folder, not to the build folder";
  EXPECT_TRUE(QFileInfo::exists(sfx.fileName()));
  EXPECT_TRUE(importLeftovers(tmp.path()).isEmpty());
}

TEST(ProjectImportFile, AFailedImportLeavesNothing) {
  QTemporaryDir tmp;
  QJsonObject doc = bigDocument(5);
  QJsonArray scenes = doc["scenes"].toArray();
  QJsonObject first = scenes[0].toObject();
  first["sfx"] = QJsonArray{QJsonObject{{"time", 1.0}, {"file", "/etc/passwd"}}};
  scenes.replace(0, first);
  doc["scenes"] = scenes;
  const QString target = tmp.filePath(QStringLiteral("p"));
  EXPECT_THROW(importProjectFile(writeJson(tmp, doc), target, tmp.path()), StoreError);
  EXPECT_FALSE(QFileInfo::exists(target));
  EXPECT_TRUE(importLeftovers(tmp.path()).isEmpty());
}

TEST(ProjectImportFile, RefusesAFolderThatHoldsAProject) {
  QTemporaryDir tmp;
  const QString target = tmp.filePath(QStringLiteral("p"));
  ProjectStore::create(target, QStringLiteral("Mine"))->addScene(Scene{});
  EXPECT_THROW(importProjectFile(writeJson(tmp, bigDocument(1)), target, tmp.path()), StoreError);
  EXPECT_EQ(ProjectStore::open(target)->project().name, QStringLiteral("Mine"));
  EXPECT_EQ(ProjectStore::open(target)->scenes().size(), 1);
}
