// Issue 9, blocker 3, in the render job: every file a job reads or uploads must be inside the
// project folder or the asset cache and be the media it claims, checked before anything is
// generated. Relative SFX files are relative to the project folder, never the current directory.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include "media/thumbnails.h"
#include "render_fixture.h"
#include "support/media_fixtures.h"

using namespace sw;
using sw::testing::RenderFixture;

namespace {

void writeText(const QString& path, const QByteArray& bytes) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(bytes);
}

// Changes the current directory for the lifetime of the object.
class CurrentDirectory {
 public:
  explicit CurrentDirectory(const QString& path) : previous_(QDir::currentPath()) {
    QDir().mkpath(path);
    QDir::setCurrent(path);
  }
  ~CurrentDirectory() { QDir::setCurrent(previous_); }

 private:
  QString previous_;
};

class RenderFiles : public RenderFixture {
 protected:
  void setSfxFile(const QString& file) {
    auto store = openStore();
    model::SfxCue cue = store->sfxCues(sceneId).first();
    cue.file = file;
    store->updateSfxCue(cue);
  }
  void setReference(const QString& file) {
    auto store = openStore();
    model::Asset a;
    a.kind = QStringLiteral("image");
    a.cacheKey = QStringLiteral("shared-reference");
    a.filePath = file;
    a.mime = QStringLiteral("image/png");
    model::Scene scene = *store->scene(sceneId);
    scene.referenceAssetId = store->addAsset(a);
    store->updateScene(scene);
  }
  // The job failed naming every needle, before anything was generated or written.
  void expectRefusedBeforeGenerating(model::Id job, const QStringList& needles) {
    const auto row = openStore()->job(job);
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->status, model::JobStatus::Failed);
    for (const QString& n : needles)
      EXPECT_TRUE(row->errorMessage.contains(n))
          << row->errorMessage.toStdString() << "\nlacks " << n.toStdString();
    EXPECT_EQ(eventsOfKind(job, QStringLiteral("asset.generated")), 0);
    EXPECT_EQ(eventsOfKind(job, QStringLiteral("asset.cached")), 0);
    EXPECT_FALSE(QFileInfo::exists(request().outputPath));
  }
  QString outside(const QString& name) const {
    return QDir(tmp.path()).canonicalPath() + QStringLiteral("/outside/") + name;
  }
};

}  // namespace

TEST_F(RenderFiles, SfxFileOutsideTheProjectFailsTheJobBeforeAnythingIsGenerated) {
  QDir().mkpath(QFileInfo(outside("knock.wav")).absolutePath());
  testsupport::makeWav(outside("knock.wav"), {});
  setSfxFile(outside("knock.wav"));
  expectRefusedBeforeGenerating(renderAndWait(request()),
                                {QStringLiteral("door knock"), outside("knock.wav")});
  setSfxFile(QStringLiteral("../outside/knock.wav"));
  expectRefusedBeforeGenerating(renderAndWait(request()), {outside("knock.wav")});
}

TEST_F(RenderFiles, RelativeSfxFileIsInTheProjectFolderNotTheCurrentDirectory) {
  const QString inProject =
      QDir(projectFolder()).canonicalPath() + QStringLiteral("/sfx/knock.wav");
  QDir().mkpath(QFileInfo(inProject).absolutePath());
  testsupport::makeWav(inProject, {0.5});
  setSfxFile(QStringLiteral("sfx/knock.wav"));
  const CurrentDirectory cwd(tmp.filePath(QStringLiteral("somewhere-else")));
  const model::Id job = renderAndWait(request());
  const auto row = openStore()->job(job);
  ASSERT_EQ(row->status, model::JobStatus::Completed) << row->errorMessage.toStdString();
  QFile f(request().outputPath + QStringLiteral(".json"));
  ASSERT_TRUE(f.open(QIODevice::ReadOnly));
  const QJsonArray audio =
      QJsonDocument::fromJson(f.readAll()).object()["plan"].toObject()["audio"].toArray();
  QStringList files;
  for (const QJsonValue& clip : audio) files << clip.toObject()["file"].toString();
  EXPECT_TRUE(files.contains(inProject)) << files.join(' ').toStdString();
}

TEST_F(RenderFiles, TextPretendingToBeAPngFailsBeforeAnyGeneration) {
  const QString fake = QDir(projectFolder()).canonicalPath() + QStringLiteral("/ref.png");
  writeText(fake, "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAA\n");
  setReference(fake);
  expectRefusedBeforeGenerating(renderAndWait(request()), {QStringLiteral("reference image"), fake,
                                                           QStringLiteral("not an image")});
}

TEST_F(RenderFiles, ReferenceImageOutsideTheProjectIsNeverUsed) {
  // A real PNG, so only the place is wrong.
  QDir().mkpath(QFileInfo(outside("photo.png")).absolutePath());
  const QString clip = testsupport::makeClip(outside("clip.mp4"), {});
  media::saveLastFrame(clip, outside("photo.png"));
  setReference(outside("photo.png"));
  expectRefusedBeforeGenerating(renderAndWait(request()),
                                {QStringLiteral("reference image"), outside("photo.png")});
}

TEST_F(RenderFiles, ChunkVideoThatIsNotAVideoFailsBeforeItIsStitched) {
  ASSERT_EQ(openStore()->job(renderAndWait(request()))->status, model::JobStatus::Completed);
  QFile::remove(request().outputPath);
  auto store = openStore();
  const QString chunkFile = store->asset(*store->chunks(sceneId).first().assetId)->filePath;
  writeText(chunkFile, "not a video at all, just text in the cache");
  const model::Id job = renderAndWait(request());
  const auto row = openStore()->job(job);
  EXPECT_EQ(row->status, model::JobStatus::Failed);
  EXPECT_TRUE(row->errorMessage.contains(QStringLiteral("chunk 1")))
      << row->errorMessage.toStdString();
  EXPECT_TRUE(row->errorMessage.contains(QStringLiteral("not a video")))
      << row->errorMessage.toStdString();
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("asset.generated")), 0);
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("asset.cached")), 0) << "failed before the audio";
}
