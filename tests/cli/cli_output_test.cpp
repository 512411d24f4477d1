// Issue 9, blockers 3 and 4, through the real scenewright-cli binary: -o never destroys the
// project's store, a cached file, an input, a device, a folder or a fifo (exit 1, the path left as
// it was), and import-json refuses files outside the project folder and the asset cache.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "media/image_encode.h"
#include "media/probe.h"
#include "model/project_store.h"
#include "support/media_fixtures.h"

#include <cstring>

namespace {

struct CliRun {
  int code = -1;
  QString out;
  QString err;
};

QByteArray bytesOf(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct stat statOf(const QString& path) {
  struct stat st {};
  ::lstat(QFile::encodeName(path).constData(), &st);
  return st;
}

// A registry entry for 1 s chunks at 320x180 on the local backend (fast on the old code too).
QJsonObject tinyModel() {
  return QJsonObject{{"display_name", "Tiny local (tests)"},
                     {"backend", "local"},
                     {"model_id", "scenewright/local-pan-zoom"},
                     {"version", "1"},
                     {"endpoint", ""},
                     {"cost_per_call", 0.0},
                     {"fps", 12},
                     {"width", 320},
                     {"height", 180},
                     {"actual_chunk_duration", 1.0},
                     {"duration_controllable", true},
                     {"allowed_durations", QJsonArray{}},
                     {"resolutions", QJsonArray{}},
                     {"min_width", 320},
                     {"min_height", 180},
                     {"max_width", 1280},
                     {"max_height", 720},
                     {"supports_image_input", false},
                     {"requires_image_input", false},
                     {"max_reference_images", 0},
                     {"params", QJsonObject{{"prompt", "prompt"}, {"seed", "seed"}}},
                     {"fixed_inputs", QJsonObject{}}};
}

class CliOutput : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(tmp.isValid());
    const QString models = config() + QStringLiteral("/Scenewright/Scenewright/models.json");
    QDir().mkpath(QFileInfo(models).absolutePath());
    QFile f(models);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(QJsonObject{{"models", QJsonObject{{"tiny", tinyModel()}}}}).toJson());
    f.close();
    auto store = sw::model::ProjectStore::create(project(), QStringLiteral("Out"));
    sw::model::Scene scene;
    scene.title = QStringLiteral("Harbour");
    scene.visualPrompt = QStringLiteral("a quiet harbour");
    scene.targetDuration = 1.0;
    scene.modelKey = QStringLiteral("tiny");
    store->addScene(scene);
    QDir().mkpath(cache());
    sw::testsupport::ClipSpec spec;
    spec.seconds = 1.0;
    in1 = sw::testsupport::makeClip(tmp.filePath(QStringLiteral("in1.mp4")), spec);
    in2 = sw::testsupport::makeClip(tmp.filePath(QStringLiteral("in2.mp4")), spec);
  }

  QString project() const { return tmp.filePath(QStringLiteral("P.scenewright")); }
  QString db() const { return project() + QStringLiteral("/project.db"); }
  QString cache() const { return tmp.filePath(QStringLiteral("cache")); }
  QString config() const { return tmp.filePath(QStringLiteral("config")); }

  CliRun cli(const QStringList& args) const {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config());
    env.insert(QStringLiteral("SCENEWRIGHT_CACHE_DIR"), cache());
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(SW_CLI), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
  }
  CliRun render(const QString& output) const {
    return cli(
        {"render", project(), "--scene", "1", "--preview", "--tracks", "none", "-o", output});
  }
  CliRun stitch(const QString& output, const QStringList& inputs) const {
    return cli(QStringList{"stitch", "-o", output} + inputs);
  }
  // Exit 1 with `needle` on stderr, and nothing claims to have been written.
  static void expectRefused(const CliRun& r, const QString& needle) {
    EXPECT_EQ(r.code, 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(needle))
        << r.err.toStdString() << "\nlacks " << needle.toStdString();
    EXPECT_FALSE(r.err.contains(QStringLiteral("rendered"))) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
  }
  void expectProjectIntact() const {
    EXPECT_TRUE(bytesOf(db()).startsWith(QByteArray("SQLite format 3\0", 16)));
    const CliRun info = cli({"info", project()});
    EXPECT_EQ(info.code, 0) << info.err.toStdString();
  }

  QTemporaryDir tmp;
  QString in1, in2;
};

}  // namespace

TEST_F(CliOutput, RenderRefusesTheProjectStoreItsCompanionsAndBackups) {
  for (const QString& output :
       {db(), db() + QStringLiteral("-wal"), db() + QStringLiteral("-shm")}) {
    SCOPED_TRACE(output.toStdString());
    expectRefused(render(output), QStringLiteral("project's store"));
    expectProjectIntact();
  }
  QDir().mkpath(project() + QStringLiteral("/backups"));
  expectRefused(render(project() + QStringLiteral("/backups/project-1.db")),
                QStringLiteral("backups"));
  ASSERT_TRUE(QFile::link(db(), tmp.filePath(QStringLiteral("looks-harmless.mp4"))));
  expectRefused(render(tmp.filePath(QStringLiteral("looks-harmless.mp4"))),
                QStringLiteral("project's store"));
  expectProjectIntact();
}

TEST_F(CliOutput, RenderAndStitchRefuseAFileInTheAssetCache) {
  const QString cached = cache() + QStringLiteral("/0123abcd.mp4");
  ASSERT_TRUE(QFile::copy(in1, cached));
  const QByteArray before = bytesOf(cached);
  expectRefused(render(cached), QStringLiteral("asset cache"));
  expectRefused(stitch(cached, {in2}), QStringLiteral("asset cache"));
  EXPECT_EQ(bytesOf(cached), before);
  expectRefused(stitch(cache() + QStringLiteral("/new.mp4"), {in1, in2}),
                QStringLiteral("asset cache"));
  EXPECT_FALSE(QFileInfo::exists(cache() + QStringLiteral("/new.mp4")));
}

TEST_F(CliOutput, StitchRefusesItsOwnInputAlsoThroughLinks) {
  const QByteArray before = bytesOf(in1);
  expectRefused(stitch(in1, {in1, in2}), QStringLiteral("input 1"));
  ASSERT_TRUE(QFile::link(in1, tmp.filePath(QStringLiteral("sym.mp4"))));
  expectRefused(stitch(tmp.filePath(QStringLiteral("sym.mp4")), {in1, in2}),
                QStringLiteral("input 1"));
  ASSERT_EQ(::link(QFile::encodeName(in1).constData(),
                   QFile::encodeName(tmp.filePath(QStringLiteral("hard.mp4"))).constData()),
            0);
  expectRefused(stitch(tmp.filePath(QStringLiteral("hard.mp4")), {in2, in1}),
                QStringLiteral("input 2"));
  EXPECT_EQ(bytesOf(in1), before);
  // The refusal is one line, as every CLI error.
  EXPECT_EQ(stitch(in1, {in1, in2}).err.count(QLatin1Char('\n')), 1);
}

TEST_F(CliOutput, FifosFoldersAndDevicesAreRefusedAndStayWhatTheyWere) {
  const QString fifo = tmp.filePath(QStringLiteral("pipe.mp4"));
  ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
  expectRefused(render(fifo), QStringLiteral("fifo"));
  expectRefused(stitch(fifo, {in1, in2}), QStringLiteral("fifo"));
  EXPECT_TRUE(S_ISFIFO(statOf(fifo).st_mode));
  const QString folder = tmp.filePath(QStringLiteral("folder.mp4"));
  QDir().mkpath(folder);
  expectRefused(render(folder), QStringLiteral("folder"));
  expectRefused(stitch(folder, {in1, in2}), QStringLiteral("folder"));
  EXPECT_TRUE(S_ISDIR(statOf(folder).st_mode));
  // A private null device node (mknod needs root, as in CI): never replaced.
  const QString device = tmp.filePath(QStringLiteral("null.mp4"));
  if (::mknod(QFile::encodeName(device).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
    GTEST_SKIP() << "mknod needs root; the fifo and the folder were checked";
  expectRefused(render(device), QStringLiteral("character device"));
  expectRefused(stitch(device, {in1, in2}), QStringLiteral("character device"));
  EXPECT_TRUE(S_ISCHR(statOf(device).st_mode));
}

// Runs only against a fixed build: on the old code, as root, it would replace the machine's
// /dev/null with a regular file (the private-node test above shows that failure safely).
TEST_F(CliOutput, DevNullStaysACharacterDevice) {
  const struct stat before = statOf(QStringLiteral("/dev/null"));
  ASSERT_TRUE(S_ISCHR(before.st_mode));
  expectRefused(render(QStringLiteral("/dev/null")), QStringLiteral("character device"));
  expectRefused(stitch(QStringLiteral("/dev/null"), {in1, in2}),
                QStringLiteral("character device"));
  const struct stat after = statOf(QStringLiteral("/dev/null"));
  EXPECT_TRUE(S_ISCHR(after.st_mode));
  EXPECT_EQ(after.st_rdev, before.st_rdev);
  EXPECT_EQ(after.st_ino, before.st_ino);
}

TEST_F(CliOutput, ImportRefusesAReferenceImageOutsideTheProjectAndTheCache) {
  const QString secret = QDir(tmp.path()).canonicalPath() + QStringLiteral("/home/.ssh/id_rsa");
  QDir().mkpath(QFileInfo(secret).absolutePath());
  QFile key(secret);
  ASSERT_TRUE(key.open(QIODevice::WriteOnly));
  key.write("-----BEGIN OPENSSH PRIVATE KEY-----\n");
  key.close();
  const QJsonObject doc{
      {"format", "scenewright-project"},
      {"version", 1},
      {"project", QJsonObject{{"name", "Shared"}}},
      {"assets",
       QJsonArray{QJsonObject{{"kind", "image"}, {"cacheKey", "k1"}, {"filePath", secret}}}},
      {"scenes", QJsonArray{QJsonObject{{"title", "One"}, {"referenceAsset", "k1"}}}}};
  const QString json = tmp.filePath(QStringLiteral("shared.json"));
  QFile f(json);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(QJsonDocument(doc).toJson());
  f.close();
  const QString target = tmp.filePath(QStringLiteral("Shared.scenewright"));
  const CliRun r = cli({"import-json", json, target});
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(r.err.contains(QStringLiteral("assets[0]"))) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains(secret)) << r.err.toStdString();
  EXPECT_EQ(r.err.count(QLatin1Char('\n')), 1) << r.err.toStdString();
  EXPECT_FALSE(QFileInfo::exists(target));
}

TEST_F(CliOutput, StitchTakesAStillImageForSomeSeconds) {
  sw::media::FramePtr f = sw::media::makeFrame();
  f->format = AV_PIX_FMT_RGB24;
  f->width = 64;
  f->height = 64;
  ASSERT_GE(av_frame_get_buffer(f.get(), 0), 0);
  for (int y = 0; y < 64; ++y) std::memset(f->data[0] + y * f->linesize[0], 200, 64 * 3);
  const QString png = tmp.filePath(QStringLiteral("title.png"));
  sw::media::writeFileAtomically(png, sw::media::encodePng(f.get()));
  const QString out = tmp.filePath(QStringLiteral("still.mp4"));
  const CliRun r = stitch(out, {in1, png + QStringLiteral("@0.4"), in2});
  ASSERT_EQ(r.code, 0) << r.err.toStdString();
  EXPECT_NEAR(sw::media::probe(out).video()->duration, 2.4, 0.021);
  // Without a duration it is refused, saying how to give one.
  expectRefused(stitch(tmp.filePath(QStringLiteral("x.mp4")), {in1, png}),
                QStringLiteral("IMAGE@SECONDS"));
}
