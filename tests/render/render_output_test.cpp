// Issue 9, blocker 4, in the render job (so the CLI's -o and the GUI's output choices are both
// covered): an output that is the project's store or its backups, a cached file, a file the
// render reads, or an existing path that is not a regular file fails the job before anything is
// generated, and the path is left exactly as it was.
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include "render_fixture.h"
#include "support/media_fixtures.h"

using namespace sw;
using sw::testing::RenderFixture;

namespace {

QByteArray bytesOf(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

mode_t typeOf(const QString& path) {
  struct stat st {};
  return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & S_IFMT) : 0;
}

class RenderOutput : public RenderFixture {
 protected:
  // Renders to `output`; expects a failed job naming `needle` with nothing generated.
  void expectRefused(const QString& output, const QString& needle) {
    SCOPED_TRACE(output.toStdString());
    render::RenderRequest r = request();
    r.outputPath = output;
    const model::Id job = renderAndWait(r);
    const auto row = openStore()->job(job);
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->status, model::JobStatus::Failed);
    EXPECT_TRUE(row->errorMessage.contains(needle))
        << row->errorMessage.toStdString() << "\nlacks " << needle.toStdString();
    EXPECT_EQ(eventsOfKind(job, QStringLiteral("asset.generated")), 0);
    EXPECT_EQ(openStore()->integrityCheck(), QStringLiteral("ok"));
  }
  QString db() const { return projectFolder() + QStringLiteral("/project.db"); }
};

}  // namespace

TEST_F(RenderOutput, TheProjectStoreItsCompanionsAndBackupsAreRefused) {
  const QString store = QStringLiteral("project's store");
  expectRefused(db(), store);
  expectRefused(db() + QStringLiteral("-wal"), store);
  expectRefused(db() + QStringLiteral("-shm"), store);
  QDir().mkpath(tmp.filePath(QStringLiteral("links")));
  ASSERT_TRUE(QFile::link(db(), tmp.filePath(QStringLiteral("links/symlink.mp4"))));
  expectRefused(tmp.filePath(QStringLiteral("links/symlink.mp4")), store);
  ASSERT_EQ(
      ::link(QFile::encodeName(db()).constData(),
             QFile::encodeName(tmp.filePath(QStringLiteral("links/hardlink.mp4"))).constData()),
      0);
  expectRefused(tmp.filePath(QStringLiteral("links/hardlink.mp4")), store);
  QDir().mkpath(projectFolder() + QStringLiteral("/backups"));
  expectRefused(projectFolder() + QStringLiteral("/backups/project-20250101-000000-000.db"),
                QStringLiteral("backups"));
  EXPECT_EQ(openStore()->project().name, QStringLiteral("Tiny"));
}

TEST_F(RenderOutput, FilesInTheAssetCacheAreRefusedAndKept) {
  ASSERT_EQ(openStore()->job(renderAndWait(request()))->status, model::JobStatus::Completed);
  auto store = openStore();
  const QString chunk = store->asset(*store->chunks(sceneId).first().assetId)->filePath;
  const QByteArray before = bytesOf(chunk);
  ASSERT_FALSE(before.isEmpty());
  expectRefused(chunk, QStringLiteral("asset cache"));
  expectRefused(cacheFolder() + QStringLiteral("/new.mp4"), QStringLiteral("asset cache"));
  const QString link = tmp.filePath(QStringLiteral("out/hardlink-to-chunk.mp4"));
  ASSERT_EQ(::link(QFile::encodeName(chunk).constData(), QFile::encodeName(link).constData()), 0);
  expectRefused(link, QStringLiteral("asset cache"));
  EXPECT_EQ(bytesOf(chunk), before);
}

TEST_F(RenderOutput, AFileTheRenderReadsIsRefused) {
  const QString knock = projectFolder() + QStringLiteral("/sfx/knock.wav");
  QDir().mkpath(QFileInfo(knock).absolutePath());
  testsupport::makeWav(knock, {});
  auto store = openStore();
  model::SfxCue cue = store->sfxCues(sceneId).first();
  cue.file = knock;
  store->updateSfxCue(cue);
  const QByteArray before = bytesOf(knock);
  expectRefused(knock, QStringLiteral("input"));
  EXPECT_EQ(bytesOf(knock), before);
}

TEST_F(RenderOutput, DevicesFifosAndFoldersAreRefusedAndStayWhatTheyWere) {
  const QString fifo = tmp.filePath(QStringLiteral("out/pipe.mp4"));
  QDir().mkpath(QFileInfo(fifo).absolutePath());
  ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
  expectRefused(fifo, QStringLiteral("fifo"));
  EXPECT_EQ(typeOf(fifo), mode_t(S_IFIFO));
  const QString folder = tmp.filePath(QStringLiteral("out/folder.mp4"));
  QDir().mkpath(folder);
  expectRefused(folder, QStringLiteral("folder"));
  EXPECT_EQ(typeOf(folder), mode_t(S_IFDIR));
  // A private null device (mknod needs root, as in CI): the render must not replace it.
  const QString device = tmp.filePath(QStringLiteral("out/null.mp4"));
  if (::mknod(QFile::encodeName(device).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
    GTEST_SKIP() << "mknod needs root; the fifo and the folder were checked";
  expectRefused(device, QStringLiteral("character device"));
  EXPECT_EQ(typeOf(device), mode_t(S_IFCHR));
}
