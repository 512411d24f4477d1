// Issue 9, blocker 3: a shared project JSON may only refer to files in the project folder or the
// asset cache. Anything else (a private key, ../ escapes, a symlink leading out) is refused on
// import, naming the asset and the path; relative paths are relative to the project folder.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include "model/project_json.h"

using namespace sw::model;

namespace {

void writeFile(const QString& path, const QByteArray& bytes) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly)) << path.toStdString();
  f.write(bytes);
}

// One scene whose reference image is the asset 'ref1' at `filePath`, and one SFX cue with `sfx`.
QJsonObject sharedDocument(const QString& filePath, const QString& sfx = {}) {
  return QJsonObject{
      {"format", kProjectJsonFormat},
      {"version", 1},
      {"project", QJsonObject{{"name", "Shared"}}},
      {"assets", QJsonArray{QJsonObject{{"kind", "image"},
                                        {"cacheKey", "ref1"},
                                        {"filePath", filePath},
                                        {"mime", "image/png"}}}},
      {"scenes",
       QJsonArray{QJsonObject{
           {"title", "One"},
           {"referenceAsset", "ref1"},
           {"sfx", QJsonArray{QJsonObject{{"time", 1.0}, {"description", "knock"}, {"file", sfx}}}},
       }}}};
}

// Changes the current directory for the lifetime of the object.
class CurrentDirectory {
 public:
  explicit CurrentDirectory(const QString& path) : previous_(QDir::currentPath()) {
    QDir::setCurrent(path);
  }
  ~CurrentDirectory() { QDir::setCurrent(previous_); }

 private:
  QString previous_;
};

class ProjectJsonPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(tmp.isValid());
    root = QDir(tmp.path()).canonicalPath();
    writeFile(secret(), "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n");
  }
  QString secret() const { return root + QStringLiteral("/outside/id_rsa"); }
  QString project() const { return root + QStringLiteral("/Shared.scenewright"); }
  QString cache() const { return root + QStringLiteral("/cache"); }

  std::unique_ptr<ProjectStore> import(const QJsonObject& doc) {
    const QString json = root + QStringLiteral("/shared.json");
    QFile f(json);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(doc).toJson());
    f.close();
    return importProjectFile(json, project(), cache());
  }
  // Imports `doc`, expecting a refusal whose message names `needles`; returns the message.
  QString expectRefused(const QJsonObject& doc, const QStringList& needles) {
    try {
      import(doc);
      ADD_FAILURE() << "the import accepted a file outside the project and the cache";
      return {};
    } catch (const StoreError& e) {
      EXPECT_EQ(e.kind(), StoreError::Kind::Invalid);
      for (const QString& n : needles)
        EXPECT_TRUE(e.message().contains(n))
            << e.message().toStdString() << "\nlacks " << n.toStdString();
      EXPECT_FALSE(QFileInfo::exists(project() + QStringLiteral("/project.db")));
      return e.message();
    }
  }

  QTemporaryDir tmp;
  QString root;
};

}  // namespace

TEST_F(ProjectJsonPaths, ReferenceAssetOutsideIsRefusedNamingTheAssetAndThePath) {
  expectRefused(sharedDocument(secret()), {QStringLiteral("assets[0]"), QStringLiteral("ref1"),
                                           secret(), QStringLiteral("outside")});
  EXPECT_FALSE(QFileInfo::exists(project())) << "the new folder is removed again";
}

TEST_F(ProjectJsonPaths, DotDotEscapesAreRefused) {
  for (const QString& path :
       {QStringLiteral("../outside/id_rsa"), QStringLiteral("media/../../outside/id_rsa"),
        project() + QStringLiteral("/../outside/id_rsa"),
        project() + QStringLiteral("/exports/../../outside/id_rsa")}) {
    SCOPED_TRACE(path.toStdString());
    expectRefused(sharedDocument(path), {QStringLiteral("assets[0]"), path});
  }
}

TEST_F(ProjectJsonPaths, SymlinkInsideTheProjectLeadingOutsideIsRefused) {
  ASSERT_TRUE(QDir().mkpath(project()));
  ASSERT_TRUE(QFile::link(secret(), project() + QStringLiteral("/ref.png")));
  ASSERT_TRUE(QFile::link(root + QStringLiteral("/outside"), project() + QStringLiteral("/media")));
  expectRefused(sharedDocument(project() + QStringLiteral("/ref.png")),
                {QStringLiteral("leads to"), secret()});
  expectRefused(sharedDocument(QStringLiteral("media/id_rsa")),
                {QStringLiteral("media/id_rsa"), secret()});
  // A link that leads nowhere cannot be checked: refused too.
  ASSERT_TRUE(QFile::link(root + QStringLiteral("/outside/later"),
                          project() + QStringLiteral("/dangling.png")));
  expectRefused(sharedDocument(QStringLiteral("dangling.png")), {QStringLiteral("dangling.png")});
}

TEST_F(ProjectJsonPaths, RelativePathsAreRelativeToTheProjectFolderNeverTheCwd) {
  writeFile(project() + QStringLiteral("/media/ref.png"), "png");
  writeFile(root + QStringLiteral("/cwd/knock.wav"), "wav");  // only in the current directory
  const CurrentDirectory cwd(root + QStringLiteral("/cwd"));
  auto store = import(sharedDocument(QStringLiteral("media/ref.png"), QStringLiteral("knock.wav")));
  const Scene scene = store->scenes().first();
  EXPECT_EQ(store->asset(*scene.referenceAssetId)->filePath,
            project() + QStringLiteral("/media/ref.png"));
  EXPECT_EQ(store->sfxCues(scene.id).first().file, project() + QStringLiteral("/knock.wav"));
}

TEST_F(ProjectJsonPaths, SfxFileOutsideIsRefused) {
  writeFile(root + QStringLiteral("/outside/knock.wav"), "wav");
  expectRefused(sharedDocument(QString(), root + QStringLiteral("/outside/knock.wav")),
                {QStringLiteral("scenes[0].sfx[0]"), root + QStringLiteral("/outside/knock.wav")});
  expectRefused(sharedDocument(QString(), QStringLiteral("../outside/knock.wav")),
                {QStringLiteral("scenes[0].sfx[0]"), QStringLiteral("../outside/knock.wav")});
}

TEST_F(ProjectJsonPaths, FilesInTheCacheOrTheProjectAndEmptyPathsAreKept) {
  writeFile(cache() + QStringLiteral("/ref1.png"), "png");
  auto store = import(sharedDocument(cache() + QStringLiteral("/ref1.png")));
  EXPECT_EQ(store->assetByCacheKey(QStringLiteral("ref1"))->filePath,
            cache() + QStringLiteral("/ref1.png"));
  store.reset();
  QDir(project()).removeRecursively();
  store = import(sharedDocument(QString()));  // found by cache key when rendering
  EXPECT_EQ(store->assetByCacheKey(QStringLiteral("ref1"))->filePath, QString());
}
