// Issue 12, capability 9, through the real scenewright-cli binary: a render runs seam QA on its
// output (a "seam QA:" line on stderr, a "seamQa" member in the manifest), and `qa FILE --json`
// runs the same analysis on any file, with the seam times from its manifest or from --seams.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include "model/project_store.h"
#include "support/media_fixtures.h"

namespace {

struct CliRun {
  int code = -1;
  QString out;
  QString err;
};

// 1 s chunks at 320x180 on the local backend.
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

class CliQa : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(tmp.isValid());
    const QString models = config() + QStringLiteral("/Scenewright/Scenewright/models.json");
    QDir().mkpath(QFileInfo(models).absolutePath());
    QFile f(models);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(QJsonObject{{"models", QJsonObject{{"tiny", tinyModel()}}}}).toJson());
    f.close();
    auto store = sw::model::ProjectStore::create(project(), QStringLiteral("QA"));
    sw::model::Scene scene;
    scene.title = QStringLiteral("Harbour");
    scene.visualPrompt = QStringLiteral("a quiet harbour");
    scene.targetDuration = 3.0;
    scene.modelKey = QStringLiteral("tiny");
    store->addScene(scene);
    QDir().mkpath(cache());
  }

  QString project() const { return tmp.filePath(QStringLiteral("P.scenewright")); }
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

  QTemporaryDir tmp;
};

QJsonObject jsonOf(const QByteArray& bytes) { return QJsonDocument::fromJson(bytes).object(); }

TEST_F(CliQa, RenderReportsItsSeamsAndQaReadsThemFromTheManifest) {
  const QString out = tmp.filePath(QStringLiteral("scene.mp4"));
  const CliRun render =
      cli({"render", project(), "--scene", "1", "--preview", "--tracks", "none", "-o", out});
  ASSERT_EQ(render.code, 0) << render.err.toStdString();
  EXPECT_TRUE(render.err.contains(QStringLiteral("seam QA: 2 seam(s) checked")))
      << render.err.toStdString();

  QFile manifestFile(out + QStringLiteral(".json"));
  ASSERT_TRUE(manifestFile.open(QIODevice::ReadOnly));
  const QJsonObject seamQa = jsonOf(manifestFile.readAll())["seamQa"].toObject();
  const QJsonArray seams = seamQa["seams"].toArray();
  ASSERT_EQ(seams.size(), 2);
  EXPECT_NEAR(seams[0].toObject()["time"].toDouble(), 1.0, 0.1);
  EXPECT_NEAR(seams[1].toObject()["time"].toDouble(), 2.0, 0.1);
  EXPECT_TRUE(seams[0].toObject()["video"].toBool());

  const CliRun qa = cli({"qa", out, "--json"});
  ASSERT_EQ(qa.code, 0) << qa.err.toStdString();
  const QJsonObject report = jsonOf(qa.out.toUtf8());
  ASSERT_EQ(report["seams"].toArray().size(), 2) << qa.out.toStdString();
  EXPECT_EQ(report["seams"].toArray()[1].toObject()["time"].toDouble(),
            seams[1].toObject()["time"].toDouble());
  EXPECT_EQ(report["badSeams"].toInt(), seamQa["badSeams"].toInt());
}

TEST_F(CliQa, SeamsOptionFindsAJumpInAFileWithoutManifest) {
  // Two different clips joined by stream copy: bars, then a plain grey picture.
  sw::testsupport::ClipSpec bars;
  bars.seconds = 1.0;
  bars.audio = false;
  sw::testsupport::ClipSpec grey = bars;
  grey.solidLuma = 120;
  const QString a = sw::testsupport::makeClip(tmp.filePath(QStringLiteral("a.mp4")), bars);
  const QString b = sw::testsupport::makeClip(tmp.filePath(QStringLiteral("b.mp4")), grey);
  const QString joined = tmp.filePath(QStringLiteral("joined.mp4"));
  ASSERT_EQ(cli({"stitch", "-o", joined, a, b}).code, 0);

  const CliRun noManifest = cli({"qa", joined});
  EXPECT_EQ(noManifest.code, 1);
  EXPECT_TRUE(noManifest.err.contains(QStringLiteral("--seams"))) << noManifest.err.toStdString();

  const CliRun qa = cli({"qa", joined, "--json", "--seams", "1.0"});
  ASSERT_EQ(qa.code, 0) << qa.err.toStdString();
  const QJsonArray seams = jsonOf(qa.out.toUtf8())["seams"].toArray();
  ASSERT_EQ(seams.size(), 1) << qa.out.toStdString();
  const QJsonArray issues = seams[0].toObject()["issues"].toArray();
  ASSERT_FALSE(issues.isEmpty()) << qa.out.toStdString();
  EXPECT_EQ(issues[0].toObject()["kind"].toString(), QStringLiteral("jump"))
      << qa.out.toStdString();

  const CliRun text = cli({"qa", joined, "--seams", "1.0"});
  EXPECT_TRUE(text.out.contains(QStringLiteral("seam 1 at 1.000 s: jump")))
      << text.out.toStdString();
}

}  // namespace
