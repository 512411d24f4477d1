#include <gtest/gtest.h>
#include <functional>
#include <limits>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <limits>

#include "model/project_json.h"

using namespace sw::model;

namespace {

QString samplePath() {
  return QStringLiteral(SW_SOURCE_DIR "/resources/sample/sample_project.json");
}

QString writeJson(const QTemporaryDir& tmp, const QString& name, const QJsonObject& doc) {
  const QString path = tmp.filePath(name);
  QFile f(path);
  f.open(QIODevice::WriteOnly);
  f.write(QJsonDocument(doc).toJson());
  return path;
}

}  // namespace

TEST(ProjectJson, SampleProjectImportsWithEverything) {
  QTemporaryDir tmp;
  auto store =
      importProjectFile(samplePath(), tmp.filePath(QStringLiteral("Sample.scenewright")), {});
  EXPECT_EQ(store->characters().size(), 2);
  const auto scenes = store->scenes();
  ASSERT_GE(scenes.size(), 2);
  ASSERT_LE(scenes.size(), 3);
  int lines = 0, cues = 0;
  for (const Scene& s : scenes) {
    EXPECT_FALSE(s.narration.isEmpty());
    EXPECT_FALSE(s.musicPrompt.isEmpty());
    lines += int(store->dialogueLines(s.id).size());
    cues += int(store->sfxCues(s.id).size());
  }
  EXPECT_GT(lines, 0);
  EXPECT_GT(cues, 0);
}

TEST(ProjectJson, ExportImportExportIsStable) {
  QTemporaryDir tmp;
  // Asset files are in the asset cache, as generated files are (an import refuses other places).
  const QString cache = QDir(QDir(tmp.path()).canonicalPath()).filePath(QStringLiteral("cache"));
  auto first = importProjectFile(samplePath(), tmp.filePath(QStringLiteral("a")), cache);
  // Add generated state so chunks, takes and assets are covered too.
  const Id scene = first->scenes().first().id;
  Asset a;
  a.kind = QStringLiteral("video");
  a.cacheKey = QStringLiteral("deadbeef");
  a.filePath = cache + QStringLiteral("/deadbeef.mp4");
  a.duration = 5;
  Asset b = a;
  b.cacheKey = QStringLiteral("cafe");
  const Id assetA = first->addAsset(a);
  const Id assetB = first->addAsset(b);
  Chunk c;
  c.sceneId = scene;
  c.prompt = QStringLiteral("waves");
  const Id chunk = first->addChunk(c);
  const Id takeA = first->addTake(
      {0, chunk, assetA, QStringLiteral("waves"), 1, QStringLiteral("local"), 0, {}});
  first->addTake({0, chunk, assetB, QStringLiteral("waves"), 2, QStringLiteral("local"), 0, {}});
  first->setActiveTake(chunk, takeA);
  Chunk kept = *first->chunk(chunk);
  kept.keptAssetId = assetA;  // "Keep as is" on the active take
  first->updateChunk(kept);

  const QJsonObject exported = exportProject(*first);
  const QString path = writeJson(tmp, QStringLiteral("a.json"), exported);
  auto second = importProjectFile(path, tmp.filePath(QStringLiteral("b")), cache);
  EXPECT_EQ(exportProject(*second), exported);
  const Chunk imported = second->chunks(second->scenes().first().id).first();
  EXPECT_EQ(second->asset(*imported.assetId)->cacheKey, QStringLiteral("deadbeef"));
  EXPECT_EQ(second->takes(imported.id).size(), 2);
  EXPECT_TRUE(imported.keptAsIs());
}

// Found with fuzz/fuzz_project_json: a seed beyond qint64 ("seed": 1e300) was converted with
// qint64(double), which is undefined (UBSan: float-cast-overflow). Seeds are clamped to the qint64
// range, so an exported INT64_MAX (read back as 2^63) imports as INT64_MAX again.
// A seed at the edge of the 64-bit range round-trips (export writes it as a double, which rounds
// up to 2^63: the import clamps it back); one far beyond is refused, naming the field.
TEST(ProjectJson, SeedsAtTheInt64EdgeRoundTripAndBeyondAreRefused) {
  QTemporaryDir tmp;
  QJsonObject doc = readJsonFile(samplePath());
  QJsonArray assets = doc["assets"].toArray();
  assets.append(QJsonObject{{"cacheKey", "k1"}, {"kind", "video"}, {"filePath", ""}});
  doc["assets"] = assets;
  QJsonArray scenes = doc["scenes"].toArray();
  QJsonObject scene = scenes[0].toObject();
  const QJsonArray takes{QJsonObject{{"asset", "k1"}, {"seed", -9223372036854775808.0}}};
  scene["chunks"] = QJsonArray{
      QJsonObject{
          {"prompt", "waves"}, {"seed", 9223372036854775807.0}, {"asset", "k1"}, {"takes", takes}},
      QJsonObject{{"prompt", "gulls"}, {"seed", 9223372036854775807.0}}};
  scenes[0] = scene;
  doc["scenes"] = scenes;
  const QString path = writeJson(tmp, QStringLiteral("seeds.json"), doc);
  auto store = importProjectFile(path, tmp.filePath(QStringLiteral("p")), {});
  const QList<Chunk> chunks = store->chunks(store->scenes().first().id);
  ASSERT_EQ(chunks.size(), 2);
  EXPECT_EQ(chunks[0].seed, std::numeric_limits<qint64>::max());
  EXPECT_EQ(chunks[1].seed, std::numeric_limits<qint64>::max());
  ASSERT_EQ(store->takes(chunks[0].id).size(), 1);
  EXPECT_EQ(store->takes(chunks[0].id).first().seed, std::numeric_limits<qint64>::min());

  QJsonObject far = doc;
  QJsonArray farScenes = far["scenes"].toArray();
  QJsonObject farScene = farScenes[0].toObject();
  farScene["chunks"] = QJsonArray{QJsonObject{{"prompt", "waves"}, {"seed", 1e300}}};
  farScenes[0] = farScene;
  far["scenes"] = farScenes;
  try {
    importProjectFile(writeJson(tmp, QStringLiteral("far.json"), far),
                      tmp.filePath(QStringLiteral("q")), {});
    ADD_FAILURE() << "a seed of 1e300 was accepted";
  } catch (const StoreError& e) {
    EXPECT_TRUE(e.message().contains(QStringLiteral("scenes[0].chunks[0]: 'seed'")))
        << e.message().toStdString();
  }
}

TEST(ProjectJson, InvalidDocumentsNameTheBadFieldAndCreateNothing) {
  QTemporaryDir tmp;
  QJsonObject doc = readJsonFile(samplePath());
  QJsonArray scenes = doc["scenes"].toArray();
  QJsonObject scene = scenes[0].toObject();
  QJsonArray dialogue = scene["dialogue"].toArray();
  dialogue.append(QJsonObject{{"character", "NOBODY"}, {"text", "boo"}});
  scene["dialogue"] = dialogue;
  scenes[0] = scene;
  doc["scenes"] = scenes;
  const QString path = writeJson(tmp, QStringLiteral("bad.json"), doc);
  const QString target = tmp.filePath(QStringLiteral("never"));
  try {
    importProjectFile(path, target, {});
    FAIL() << "import accepted an unknown character";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::Invalid);
    EXPECT_TRUE(e.message().contains(QStringLiteral("scenes[0].dialogue")));
    EXPECT_TRUE(e.message().contains(QStringLiteral("NOBODY")));
  }
  EXPECT_FALSE(QDir(target).exists());
}

// Every number has a range: out-of-range values are refused at import naming the JSON path (never
// SQLite's "CHECK constraint failed", never an infinity stored and exported as null).
TEST(ProjectJson, OutOfRangeValuesNameTheFieldAndCreateNothing) {
  QTemporaryDir tmp;
  const QJsonObject sample = readJsonFile(samplePath());
  const auto withScene = [&](const std::function<void(QJsonObject&)>& edit) {
    QJsonObject doc = sample;
    QJsonArray scenes = doc["scenes"].toArray();
    QJsonObject scene = scenes[0].toObject();
    edit(scene);
    scenes[0] = scene;
    doc["scenes"] = scenes;
    return doc;
  };
  QJsonObject badKind = sample;
  QJsonArray assets = badKind["assets"].toArray();
  assets.append(QJsonObject{{"cacheKey", "k1"}, {"kind", "executable"}});
  badKind["assets"] = assets;
  QJsonObject loud = sample;
  QJsonObject project = loud["project"].toObject();
  project["settings"] = QJsonObject{{"loudnessTarget", 4}};
  loud["project"] = project;
  // 400 nines: too large for a double.
  const QByteArray nines = QByteArray(400, '9');
  QJsonObject huge = withScene([](QJsonObject&) {});
  const std::vector<std::pair<QByteArray, QString>> cases = {
      {QJsonDocument(withScene([](QJsonObject& s) { s["targetDuration"] = -5; })).toJson(),
       "scenes[0]: 'targetDuration'"},
      {QJsonDocument(withScene([](QJsonObject& s) {
         QJsonArray sfx = s["sfx"].toArray();
         QJsonObject cue = sfx[0].toObject();
         cue["gainDb"] = 40;
         sfx[0] = cue;
         s["sfx"] = sfx;
       })).toJson(),
       "scenes[0].sfx[0]: 'gainDb'"},
      {QJsonDocument(badKind).toJson(), "kind 'executable'"},
      {QJsonDocument(loud).toJson(), "project.settings: 'loudnessTarget'"},
      {QJsonDocument(huge).toJson().replace("\"targetDuration\": 10",
                                            "\"targetDuration\": " + nines),
       "illegal number"},  // Qt's parser refuses it before any value reaches the store
  };
  for (const auto& [json, field] : cases) {
    QFile f(tmp.filePath(QStringLiteral("bad.json")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(json);
    f.close();
    const QString target = tmp.filePath(QStringLiteral("never"));
    try {
      importProjectFile(f.fileName(), target, {});
      ADD_FAILURE() << "accepted: " << field.toStdString();
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreError::Kind::Invalid) << e.message().toStdString();
      EXPECT_TRUE(e.message().contains(field)) << e.message().toStdString();
    }
    EXPECT_FALSE(QDir(target).exists());
  }
}

// The store itself refuses impossible numbers with words, whatever writes them (GUI, CLI, import).
TEST(ProjectJson, StoreRefusesImpossibleNumbersInWords) {
  QTemporaryDir tmp;
  auto store = ProjectStore::create(tmp.filePath(QStringLiteral("P")), QStringLiteral("P"));
  Scene scene;
  scene.title = QStringLiteral("Hall");
  scene.targetDuration = std::numeric_limits<double>::infinity();
  try {
    store->addScene(scene);
    FAIL() << "infinite duration stored";
  } catch (const StoreError& e) {
    EXPECT_EQ(e.kind(), StoreError::Kind::Invalid);
    EXPECT_TRUE(e.message().contains(QStringLiteral("Scene \"Hall\": duration")))
        << e.message().toStdString();
  }
  EXPECT_TRUE(store->scenes().isEmpty());
}

TEST(ProjectJson, MalformedJsonReportsThePosition) {
  QTemporaryDir tmp;
  const QString path = tmp.filePath(QStringLiteral("broken.json"));
  QFile f(path);
  f.open(QIODevice::WriteOnly);
  f.write("{\"format\": \"scenewright-project\", ");
  f.close();
  try {
    readJsonFile(path);
    FAIL();
  } catch (const StoreError& e) {
    EXPECT_TRUE(e.message().contains(QStringLiteral("not valid JSON at byte")));
  }
}

TEST(ProjectJson, WrongFormatOrVersionIsRefused) {
  EXPECT_THROW(validateProjectJson(QJsonObject{{"format", "other"}, {"version", 1}}), StoreError);
  EXPECT_THROW(validateProjectJson(QJsonObject{{"format", kProjectJsonFormat},
                                               {"version", 99},
                                               {"project", QJsonObject{{"name", "x"}}}}),
               StoreError);
  EXPECT_NO_THROW(validateProjectJson(QJsonObject{
      {"format", kProjectJsonFormat}, {"version", 1}, {"project", QJsonObject{{"name", "x"}}}}));
}

// A line marked for lip sync keeps its mark through export and import; unmarked lines write no
// field (older files read as off); a mark that is not a boolean is refused naming the line.
TEST(ProjectJson, LipSyncMarkRoundTrips) {
  QTemporaryDir tmp;
  auto first = importProjectFile(samplePath(), tmp.filePath(QStringLiteral("a")), {});
  const Id scene = first->scenes().first().id;
  DialogueLine line = first->dialogueLines(scene).first();
  line.lipSync = true;
  first->updateDialogueLine(line);
  const QJsonObject exported = exportProject(*first);
  const QJsonArray dialogue = exported["scenes"].toArray().first().toObject()["dialogue"].toArray();
  EXPECT_TRUE(dialogue.first().toObject()["lipSync"].toBool());
  if (dialogue.size() > 1) EXPECT_FALSE(dialogue[1].toObject().contains("lipSync"));
  auto second = importProjectFile(writeJson(tmp, QStringLiteral("a.json"), exported),
                                  tmp.filePath(QStringLiteral("b")), {});
  const QList<DialogueLine> lines = second->dialogueLines(second->scenes().first().id);
  EXPECT_TRUE(lines.first().lipSync);
  for (int i = 1; i < lines.size(); ++i) EXPECT_FALSE(lines[i].lipSync);

  QJsonObject bad = exported;
  QJsonArray scenes = bad["scenes"].toArray();
  QJsonObject s0 = scenes.first().toObject();
  QJsonArray d = s0["dialogue"].toArray();
  QJsonObject l0 = d.first().toObject();
  l0["lipSync"] = QStringLiteral("yes");
  d[0] = l0;
  s0["dialogue"] = d;
  scenes[0] = s0;
  bad["scenes"] = scenes;
  try {
    importProjectFile(writeJson(tmp, QStringLiteral("bad.json"), bad),
                      tmp.filePath(QStringLiteral("c")), {});
    FAIL() << "a non-boolean lipSync was accepted";
  } catch (const std::exception& e) {
    EXPECT_TRUE(QString::fromUtf8(e.what()).contains(QStringLiteral("lipSync"))) << e.what();
  }
}
