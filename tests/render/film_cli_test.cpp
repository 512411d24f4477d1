// `render DIR --film` with the real scenewright-cli on three tiny scenes: the film's length,
// chapters and manifest; a current scene render reused and a stale one rendered again; the per
// boundary override; the film plan for `stitch --plan`; clear errors for bad choices.
#include <gtest/gtest.h>

extern "C" {
#include <libavformat/avformat.h>
}

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include "render_fixture.h"
#include "support/media_fixtures.h"
#include "support/sample_project.h"

using namespace sw;

namespace {

QStringList chapterTitles(const QString& path, std::vector<double>* starts = nullptr) {
  AVFormatContext* ctx = nullptr;
  QStringList out;
  if (avformat_open_input(&ctx, path.toUtf8().constData(), nullptr, nullptr) < 0) return out;
  for (unsigned i = 0; i < ctx->nb_chapters; ++i) {
    const AVDictionaryEntry* t = av_dict_get(ctx->chapters[i]->metadata, "title", nullptr, 0);
    out << (t ? QString::fromUtf8(t->value) : QString());
    if (starts) starts->push_back(ctx->chapters[i]->start * av_q2d(ctx->chapters[i]->time_base));
  }
  avformat_close_input(&ctx);
  return out;
}

QJsonObject readJson(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(f.readAll()).object();
}

class FilmCli : public sw::testing::RenderFixture {
 protected:
  void SetUp() override {
    RenderFixture::SetUp();
    removeSpeech();  // each scene lasts its target
    auto store = openStore();
    model::Scene first = *store->scene(sceneId);
    first.title = QStringLiteral("Dawn");
    first.targetDuration = 2.0;
    store->updateScene(first);
    for (const QString& title : {QStringLiteral("Market"), QStringLiteral("Night")}) {
      testsupport::HarbourScene h;
      h.title = title;
      h.seconds = 2.0;
      h.namesPerScene = true;
      h.tomasLine.clear();
      if (title == QLatin1String("Night")) h.sfx = testsupport::SfxSpec{1.0, "A gull", 0.0};
      const model::Id id = testsupport::addHarbourScene(*store, h);
      model::Scene s = *store->scene(id);
      s.narration.clear();
      store->updateScene(s);
      for (const model::DialogueLine& line : store->dialogueLines(id))
        store->removeDialogueLine(line.id);
    }
  }
  struct Run {
    int code = -1;
    QString out, err;
  };
  Run cli(const QStringList& args) {
    QProcess p;
    p.setProcessEnvironment(cliEnvironment());
    p.start(QStringLiteral(SW_CLI), args);
    p.waitForFinished(300000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
  }
  QString film() const { return tmp.filePath(QStringLiteral("film.mp4")); }
  Run renderFilm(const QStringList& more = {}) {
    return cli(QStringList{"render", projectFolder(), "--film", "--preview", "-o", film()} + more);
  }
  QList<bool> reused() {
    QList<bool> out;
    for (const QJsonValue& v : readJson(film() + ".json")["scenes"].toArray())
      out << v["reused"].toBool();
    return out;
  }
};

TEST_F(FilmCli, JoinsScenesWithChaptersAndReusesCurrentRenders) {
  const Run first = renderFilm({"--transition", "crossfade:0.5"});
  ASSERT_EQ(first.code, 0) << first.err.toStdString();
  EXPECT_EQ(first.out.trimmed(), film());
  std::vector<double> starts;
  EXPECT_EQ(
      chapterTitles(film(), &starts),
      (QStringList{QStringLiteral("Dawn"), QStringLiteral("Market"), QStringLiteral("Night")}));
  const QJsonObject manifest = readJson(film() + ".json");
  EXPECT_EQ(manifest["format"].toString(), QStringLiteral("scenewright-film-manifest"));
  const QJsonArray scenes = manifest["scenes"].toArray();
  ASSERT_EQ(scenes.size(), 3);
  double sum = 0;
  for (const QJsonValue& v : scenes) {
    EXPECT_TRUE(QFileInfo::exists(v["manifest"].toString()))
        << v["manifest"].toString().toStdString();
    sum += readJson(v["manifest"].toString())["stitch"].toObject()["duration"].toDouble();
  }
  EXPECT_EQ(reused(), (QList<bool>{false, false, false}));
  // Two crossfades of 0.5 s: the film is the scenes' sum minus 1 s, to the frame (12 fps).
  const int frames = testsupport::countVideoFrames(film());
  EXPECT_NEAR(frames / 12.0, sum - 1.0, 0.5 / 12);
  ASSERT_EQ(starts.size(), 3u);
  const double firstSeconds =
      readJson(scenes[0]["manifest"].toString())["stitch"].toObject()["duration"].toDouble();
  EXPECT_NEAR(starts[1], firstSeconds - 0.5, 1.0 / 12);

  // Nothing changed: every scene render is current and reused.
  const QDateTime rendered = QFileInfo(scenes[1]["render"].toString()).lastModified();
  const Run again = renderFilm({"--transition", "crossfade:0.5"});
  ASSERT_EQ(again.code, 0) << again.err.toStdString();
  EXPECT_EQ(reused(), (QList<bool>{true, true, true})) << again.err.toStdString();
  EXPECT_EQ(QFileInfo(scenes[1]["render"].toString()).lastModified(), rendered);

  // Scene 2's prompt changes: only it is rendered again.
  const Run edit =
      cli({"edit", projectFolder(), "--scene", "2", "--visual-prompt", "Stalls under red awnings"});
  ASSERT_EQ(edit.code, 0) << edit.err.toStdString();
  const Run third = renderFilm({"--transition", "crossfade:0.5"});
  ASSERT_EQ(third.code, 0) << third.err.toStdString();
  EXPECT_EQ(reused(), (QList<bool>{true, false, true})) << third.err.toStdString();
  EXPECT_TRUE(third.err.contains(QStringLiteral("scene 2 (Market): rendered")))
      << third.err.toStdString();

  // A level is in no recipe: lowering scene 3's gull renders scene 3 again, and only it.
  {
    auto store = openStore();
    const model::Id night = store->scenes().at(2).id;
    model::SfxCue cue = store->sfxCues(night).at(0);
    cue.gainDb = -6.0;
    store->updateSfxCue(cue);
  }
  const Run fourth = renderFilm({"--transition", "crossfade:0.5"});
  ASSERT_EQ(fourth.code, 0) << fourth.err.toStdString();
  EXPECT_EQ(reused(), (QList<bool>{true, true, false})) << fourth.err.toStdString();
  EXPECT_TRUE(fourth.err.contains(QStringLiteral("level changed"))) << fourth.err.toStdString();
  // A film without sound effects does not reuse the renders that have them (Dawn's cue is the
  // fixture's, the gull is Night's; Market has none).
  const Run dry =
      renderFilm({"--transition", "crossfade:0.5", "--tracks", "narration,dialogue,music"});
  ASSERT_EQ(dry.code, 0) << dry.err.toStdString();
  EXPECT_EQ(reused(), (QList<bool>{false, true, false})) << dry.err.toStdString();
  EXPECT_TRUE(dry.err.contains(QStringLiteral("rendered with sound effects")))
      << dry.err.toStdString();
}

TEST_F(FilmCli, CutsAreStreamCopiesAndABoundaryOverrideApplies) {
  const Run cut = renderFilm({"--scenes", "1-2"});
  ASSERT_EQ(cut.code, 0) << cut.err.toStdString();
  EXPECT_EQ(readJson(film() + ".json")["stitch"].toObject()["path"].toString(),
            QStringLiteral("stream-copy"));
  EXPECT_EQ(chapterTitles(film()).size(), 2);

  // Scene 1 dips into scene 2 whatever the film says: the frame at the boundary is black.
  const Run edit = cli({"edit", projectFolder(), "--scene", "1", "--transition", "dip:0.5"});
  ASSERT_EQ(edit.code, 0) << edit.err.toStdString();
  EXPECT_EQ(openStore()->sceneTransition(sceneId), QStringLiteral("dip:0.5"));
  const Run dip = renderFilm({"--scenes", "1-2"});
  ASSERT_EQ(dip.code, 0) << dip.err.toStdString();
  const QJsonObject m = readJson(film() + ".json");
  EXPECT_EQ(m["scenes"].toArray().at(0)["transitionOut"].toString(), QStringLiteral("dip:0.5"));
  const double boundary = m["scenes"].toArray().at(1)["chapterStart"].toDouble();
  const auto frames = testsupport::decodeVideoFrames(film());
  const auto at = static_cast<size_t>(std::llround(boundary * 12));
  ASSERT_GT(frames.size(), at);
  EXPECT_LT(frames[at - 1].meanLuma, 20);  // the last frame of scene 1: black
  EXPECT_GT(frames[at + 4].meanLuma, 30);  // scene 2 back up
}

TEST_F(FilmCli, WritesAPlanThatStitchRunsFromAnotherFolder) {
  ASSERT_EQ(renderFilm({"--scenes", "1,3"}).code, 0);
  const QString planPath = tmp.filePath(QStringLiteral("plan/film.json"));
  ASSERT_TRUE(QDir(tmp.path()).mkpath(QStringLiteral("plan")));
  const Run plan =
      cli({"render", projectFolder(), "--film", "--preview", "--scenes", "1,3", "--transition",
           "dip:0.5", "-o", tmp.filePath("plan/out.mp4"), "--write-plan", planPath});
  ASSERT_EQ(plan.code, 0) << plan.err.toStdString();
  const QJsonObject json = readJson(planPath);
  const QJsonArray segments = json["segments"].toArray();
  ASSERT_EQ(segments.size(), 2);
  EXPECT_TRUE(QFileInfo(segments[0]["file"].toString()).isRelative());
  EXPECT_EQ(json["output"].toObject()["path"].toString(), QStringLiteral("out.mp4"));
  QProcess p;
  p.setProcessEnvironment(cliEnvironment());
  p.setWorkingDirectory(QDir::rootPath());
  p.start(QStringLiteral(SW_CLI), {"stitch", "--plan", planPath});
  ASSERT_TRUE(p.waitForFinished(120000));
  EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
  EXPECT_EQ(chapterTitles(tmp.filePath("plan/out.mp4")),
            (QStringList{QStringLiteral("Dawn"), QStringLiteral("Night")}));
}

TEST_F(FilmCli, AFilmBundleMovedElsewhereRendersWithOnlyTheCli) {
  const QString bundle = tmp.filePath(QStringLiteral("made/story.swjob"));
  const Run b = cli({"bundle", projectFolder(), "--film", "--preview", "--scenes", "1,3",
                     "--transition", "dip:0.5", "-o", bundle});
  ASSERT_EQ(b.code, 0) << b.err.toStdString();
  EXPECT_EQ(b.out.trimmed(), bundle);
  const QJsonObject job = readJson(bundle + "/job.json");
  EXPECT_EQ(job["kind"].toString(), QStringLiteral("film"));
  EXPECT_EQ(job["output"].toString(), QStringLiteral("story.mp4"));
  EXPECT_EQ(job["scenes"].toArray().size(), 2);
  EXPECT_EQ(job["scenes"].toArray().at(0)["transitionOut"].toString(), QStringLiteral("dip:0.5"));
  const QJsonArray segments = readJson(bundle + "/plan.json")["segments"].toArray();
  ASSERT_EQ(segments.size(), 2);
  EXPECT_EQ(segments[0]["file"].toString(), QStringLiteral("scenes/01.swjob/01-dawn.mp4"));

  // Moved away from the project and the cache, run from another current directory.
  const QString moved = tmp.filePath(QStringLiteral("elsewhere/story.swjob"));
  ASSERT_TRUE(QDir(tmp.path()).mkpath(QStringLiteral("elsewhere")));
  ASSERT_TRUE(QDir().rename(bundle, moved));
  QProcess p;
  QProcessEnvironment env = cliEnvironment();
  env.insert(QStringLiteral("SCENEWRIGHT_CLI"), QStringLiteral(SW_CLI));
  p.setProcessEnvironment(env);
  p.setWorkingDirectory(QDir::rootPath());
  p.start(QStringLiteral("/bin/sh"), {moved + "/run.sh"});
  ASSERT_TRUE(p.waitForFinished(180000));
  ASSERT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
  const QString out = moved + "/story.mp4";
  EXPECT_EQ(chapterTitles(out), (QStringList{QStringLiteral("Dawn"), QStringLiteral("Night")}));
  // A dip keeps the sum: the film has the two scene renders' frames.
  const int sum = testsupport::countVideoFrames(moved + "/scenes/01.swjob/01-dawn.mp4") +
                  testsupport::countVideoFrames(moved + "/scenes/02.swjob/03-night.mp4");
  EXPECT_GT(sum, 30);
  EXPECT_NEAR(testsupport::countVideoFrames(out), sum, 1);
  EXPECT_FALSE(QFileInfo::exists(bundle));
}

TEST_F(FilmCli, BadChoicesAreRefusedClearly) {
  const struct {
    QStringList args;
    QString message;
  } cases[] = {
      {{"--scenes", "0"}, "there is no scene 0 (the project has 3)"},
      {{"--scenes", "2-9"}, "there is no scene 9"},
      {{"--scenes", "3-1"}, "runs backwards"},
      {{"--scenes", "1,x"}, "\"x\" is not a scene number"},
      {{"--scenes", "1,1"}, "scene 1 is named twice"},
      {{"--transition", "wipe"}, "unknown transition \"wipe\""},
      {{"--transition", "crossfade:abc"}, "crossfade needs seconds between 0 and 10"},
      {{"--transition", "dip:0"}, "dip needs seconds"},
  };
  for (const auto& c : cases) {
    const Run r = renderFilm(c.args);
    EXPECT_EQ(r.code, 1) << c.args.join(' ').toStdString();
    EXPECT_TRUE(r.err.contains(c.message))
        << c.args.join(' ').toStdString() << ": " << r.err.toStdString();
  }
  const Run noOutput = cli({"render", projectFolder(), "--film"});
  EXPECT_EQ(noOutput.code, 1);
  EXPECT_TRUE(noOutput.err.contains(QStringLiteral("--film needs -o FILM.mp4")));
  const Run noFilm = cli({"render", projectFolder(), "--scene", "1", "--scenes", "1"});
  EXPECT_EQ(noFilm.code, 1);
  EXPECT_TRUE(noFilm.err.contains(QStringLiteral("--scenes needs --film")));
  EXPECT_FALSE(QFileInfo::exists(film()));
}

}  // namespace
