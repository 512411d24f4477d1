// Regenerate any single asset with overridden inputs (issue 13, part 6) and K takes at once
// (part 7), with the real scenewright-cli on the local backends: each override becomes the
// asset's recipe (the scene, line, cue, character or narrator voice is edited), so `status` shows
// the new take as ready, and the old asset is kept.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include "media/probe.h"
#include "render/audio_takes.h"
#include "render_fixture.h"

using namespace sw;

namespace {

class RegenerateCli : public sw::testing::RenderFixture {
 protected:
  struct Run {
    int code = -1;
    QString out, err;
  };
  Run cli(QStringList args) {
    args.prepend(projectFolder());
    args.prepend(QStringLiteral("regenerate"));
    return run(args);
  }
  Run run(const QStringList& args) {
    QProcess p;
    p.setProcessEnvironment(cliEnvironment());
    p.start(QStringLiteral(SW_CLI), args);
    p.waitForFinished(180000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
  }
  // Slot kind -> state, as `status` shows them (the chunks left out).
  QMap<QString, QStringList> states() {
    const Run r = run({"status", projectFolder(), "--scene", "1", "--json"});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    QMap<QString, QStringList> out;
    for (const QJsonValue& v : QJsonDocument::fromJson(r.out.toUtf8())["slots"].toArray())
      if (v["kind"].toString() != QLatin1String("chunk"))
        out[v["kind"].toString()] << v["state"].toString();
    return out;
  }
  static QJsonObject recipe(const std::optional<model::Asset>& a) {
    return a ? a->parameters.value(QStringLiteral("recipe")).toObject() : QJsonObject{};
  }
};

TEST_F(RegenerateCli, EveryAssetTakesItsOverriddenInputsAsItsRecipe) {
  ASSERT_EQ(openStore()->job(renderAndWait(request()))->status, model::JobStatus::Completed);
  auto store = openStore();
  const model::Scene before = *store->scene(sceneId);
  const model::DialogueLine line = store->dialogueLines(sceneId).first();
  const model::SfxCue cue = store->sfxCues(sceneId).first();
  ASSERT_TRUE(before.narrationAssetId && before.musicAssetId && before.referenceAssetId);
  ASSERT_TRUE(line.assetId && cue.assetId);
  const QString lineId = QString::number(line.id), cueId = QString::number(cue.id);

  Run r = cli({"--narration", "--scene", "1", "--text", "The harbour wakes slowly.", "--voice",
               "en-us+m2"});
  ASSERT_EQ(r.code, 0) << r.err.toStdString();
  r = cli({"--line", lineId, "--text", "Cast off, now.", "--voice", "en-us+f2"});
  ASSERT_EQ(r.code, 0) << r.err.toStdString();
  r = cli({"--music", "--scene", "1", "--prompt", "slow strings", "--mood", "hopeful", "--tempo",
           "72"});
  ASSERT_EQ(r.code, 0) << r.err.toStdString();
  r = cli({"--sfx", cueId, "--prompt", "seagulls calling"});
  ASSERT_EQ(r.code, 0) << r.err.toStdString();
  r = cli({"--reference", "--scene", "1", "--prompt", "A foggy harbour at dawn", "--seed", "77"});
  ASSERT_EQ(r.code, 0) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains(QStringLiteral("estimated cost $0.00"))) << r.err.toStdString();

  // The stored inputs are the overrides...
  store = openStore();
  const model::Scene after = *store->scene(sceneId);
  EXPECT_EQ(after.narration, QStringLiteral("The harbour wakes slowly."));
  EXPECT_EQ(store->project().settings.value("narratorVoice").toString(), "en-us+m2");
  const model::DialogueLine newLine = store->dialogueLines(sceneId).first();
  EXPECT_EQ(newLine.text, QStringLiteral("Cast off, now."));
  for (const model::Character& c : store->characters())
    if (c.id == line.characterId) EXPECT_EQ(c.voice, QStringLiteral("en-us+f2"));
  EXPECT_EQ(after.musicPrompt, QStringLiteral("slow strings"));
  EXPECT_EQ(after.musicMood, QStringLiteral("hopeful"));
  EXPECT_EQ(after.musicTempo, 72);
  const model::SfxCue newCue = store->sfxCues(sceneId).first();
  EXPECT_EQ(newCue.description, QStringLiteral("seagulls calling"));
  EXPECT_EQ(after.visualPrompt, QStringLiteral("A foggy harbour at dawn"));

  // ...each new asset was made from them...
  EXPECT_EQ(recipe(store->asset(*after.narrationAssetId))["text"].toString(),
            QStringLiteral("The harbour wakes slowly."));
  EXPECT_EQ(recipe(store->asset(*after.narrationAssetId))["voice"].toString(), "en-us+m2");
  EXPECT_EQ(recipe(store->asset(*newLine.assetId))["voice"].toString(), "en-us+f2");
  EXPECT_EQ(recipe(store->asset(*after.musicAssetId))["mood"].toString(), "hopeful");
  EXPECT_EQ(recipe(store->asset(*newCue.assetId))["description"].toString(), "seagulls calling");
  const auto image = store->asset(*after.referenceAssetId);
  ASSERT_TRUE(image);
  EXPECT_EQ(image->parameters["seed"].toInt(), 77);
  EXPECT_EQ(image->parameters["prompt"].toString(), QStringLiteral("A foggy harbour at dawn"));

  // ...so the console shows them ready, and the old ones are kept.
  const QMap<QString, QStringList> now = states();
  for (const QString& kind : {"reference", "narration", "dialogue", "music", "sfx"})
    EXPECT_EQ(now.value(kind).value(0), QStringLiteral("ready")) << kind.toStdString();
  for (model::Id old : {*before.narrationAssetId, *before.musicAssetId, *before.referenceAssetId,
                        *line.assetId, *cue.assetId})
    EXPECT_TRUE(store->asset(old).has_value()) << old;
  EXPECT_NE(after.narrationAssetId, before.narrationAssetId);
  EXPECT_NE(newLine.assetId, line.assetId);
  EXPECT_NE(newCue.assetId, cue.assetId);

  // The old spellings still work.
  r = cli({"--music", "1", "--seed", "5"});
  ASSERT_EQ(r.code, 0) << r.err.toStdString();
  r = cli({"--dialogue", lineId});
  ASSERT_EQ(r.code, 0) << r.err.toStdString();
}

// --length: a music take of that many seconds (measured), kept beside the render's as a take
// of the scene's music (render/audio_takes.h); the music stays ready (length is no recipe input).
TEST_F(RegenerateCli, MusicOfAnotherLengthIsANewTakeOfTheScenesMusic) {
  removeSpeech();
  ASSERT_EQ(openStore()->job(renderAndWait(request()))->status, model::JobStatus::Completed);
  auto store = openStore();
  const model::Id first = *store->scene(sceneId)->musicAssetId;
  const Run r = cli({"--music", "--scene", "1", "--length", "2"});
  ASSERT_EQ(r.code, 0) << r.err.toStdString();
  store = openStore();
  const model::Id second = *store->scene(sceneId)->musicAssetId;
  ASSERT_NE(second, first);
  const model::Asset made = *store->asset(second);
  const media::ProbeResult probed = media::probe(made.filePath);
  ASSERT_NE(probed.audio(), nullptr);
  EXPECT_NEAR(probed.audio()->duration > 0 ? probed.audio()->duration : probed.duration, 2.0, 0.1);
  EXPECT_NEAR(made.duration, 2.0, 0.1);
  const QList<render::AudioTake> takes =
      render::audioTakes(*store, render::RegenerateTarget::Slot::Music, sceneId, 0);
  ASSERT_EQ(takes.size(), 2);
  EXPECT_EQ(takes[0].asset.id, first);
  EXPECT_FALSE(takes[0].active);
  EXPECT_EQ(takes[1].asset.id, second);
  EXPECT_TRUE(takes[1].active);
  EXPECT_TRUE(takes[1].seed.has_value());
  EXPECT_EQ(states().value(QStringLiteral("music")).value(0), QStringLiteral("ready"));
}

TEST_F(RegenerateCli, AFlagThatDoesNotApplyToTheSlotIsAUserError) {
  auto store = openStore();
  const QString lineId = QString::number(store->dialogueLines(sceneId).first().id);
  const struct {
    QStringList args;
    const char* message;
  } cases[] = {
      {{"--line", lineId, "--prompt", "x"}, "--prompt does not apply to --line"},
      {{"--narration", "--scene", "1", "--mood", "calm"}, "--mood does not apply to --narration"},
      {{"--music", "--scene", "1", "--takes", "3"}, "--takes does not apply to --music"},
      {{"--reference", "--scene", "1", "--text", "x"}, "--text does not apply to --reference"},
      {{"--sfx", "1", "--voice", "x"}, "--voice does not apply to --sfx"},
      {{"--narration"}, "--narration needs --scene N"},
      {{"--line", lineId, "--scene", "1"}, "--scene does not apply to --line"},
      {{"--music", "1", "--scene", "1"}, "leave out --scene"},
      {{"--music", "--scene", "1", "--tempo", "fast"}, "--tempo takes beats per minute"},
      {{"--music", "--scene", "1", "--length", "0"}, "--length takes the music's seconds"},
      {{"--narration", "--scene", "1", "--length", "3"}, "--length does not apply to --narration"},
      {{"--reference", "--scene", "1", "--takes", "0"}, "--takes takes a number"},
      {{"--chunk", "1", "--line", lineId}, "regenerate needs one of"},
  };
  for (const auto& c : cases) {
    const Run r = cli(c.args);
    EXPECT_EQ(r.code, 1) << c.args.join(' ').toStdString();
    EXPECT_TRUE(r.err.contains(QString::fromLatin1(c.message)))
        << c.args.join(' ').toStdString() << ": " << r.err.toStdString();
  }
  EXPECT_TRUE(openStore()->jobs().isEmpty()) << "no job was queued";
}

TEST_F(RegenerateCli, KTakesOfAChunkAreKeptWithTheirSeedsAndTheActiveTakeStays) {
  removeSpeech();
  ASSERT_EQ(openStore()->job(renderAndWait(request()))->status, model::JobStatus::Completed);
  auto store = openStore();
  const model::Chunk chunk = store->chunks(sceneId).at(1);
  const model::Id active = store->takes(chunk.id).first().id;
  const Run r = cli({"--chunk", QString::number(chunk.id), "--takes", "3", "--seed", "500"});
  ASSERT_EQ(r.code, 0) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains(QStringLiteral("Generating 3 takes of chunk %1 (seed 500 to 502); "
                                            "estimated cost $0.00")
                                 .arg(chunk.id)))
      << r.err.toStdString();
  const QList<model::Take> takes = store->takes(chunk.id);
  ASSERT_EQ(takes.size(), 4);
  QList<qint64> seeds;
  for (const model::Take& t : takes.mid(1)) {
    seeds << t.seed;
    EXPECT_TRUE(r.out.contains(
        QRegularExpression(QStringLiteral("take %1 +asset %2 +seed %3 +cost \\$0\\.00")
                               .arg(t.id)
                               .arg(t.assetId)
                               .arg(t.seed))))
        << r.out.toStdString();
  }
  EXPECT_EQ(seeds, (QList<qint64>{500, 501, 502}));
  EXPECT_EQ(store->chunk(chunk.id)->assetId, takes.first().assetId) << "the active take stays";
  EXPECT_EQ(takes.first().id, active);
  // Three different videos: one per seed.
  QSet<model::Id> assets;
  for (const model::Take& t : takes) assets.insert(t.assetId);
  EXPECT_EQ(assets.size(), 4);
  // The user picks one: it becomes active with its seed.
  ASSERT_EQ(
      run({"takes", projectFolder(), "--chunk", QString::number(chunk.id), "--use", "3"}).code, 0);
  EXPECT_EQ(openStore()->chunk(chunk.id)->seed, 501);
}

}  // namespace

TEST_F(RegenerateCli, KReferenceImagesAreKeptWithTheirSeedsAndTheImageInUseStays) {
  removeSpeech();
  ASSERT_EQ(openStore()->job(renderAndWait(request()))->status, model::JobStatus::Completed);
  auto store = openStore();
  const auto inUse = store->scene(sceneId)->referenceAssetId;
  ASSERT_TRUE(inUse);
  const Run r = cli({"--reference", "--scene", "1", "--takes", "3", "--seed", "40"});
  ASSERT_EQ(r.code, 0) << r.err.toStdString();
  EXPECT_TRUE(r.err.contains(
      QStringLiteral("Generating 3 takes of the reference image (seed 40 to 42); estimated cost")))
      << r.err.toStdString();
  store = openStore();
  EXPECT_EQ(store->scene(sceneId)->referenceAssetId, inUse) << "the image in use stays";
  for (int seed : {40, 41, 42}) {
    const QRegularExpression line(QStringLiteral("asset (\\d+) +seed %1 +cost").arg(seed));
    const QRegularExpressionMatch m = line.match(r.out);
    ASSERT_TRUE(m.hasMatch()) << r.out.toStdString();
    const auto image = store->asset(m.captured(1).toLongLong());
    ASSERT_TRUE(image);
    EXPECT_EQ(image->kind, QStringLiteral("image"));
    EXPECT_EQ(image->parameters["seed"].toInt(), seed);
    EXPECT_NE(image->id, *inUse);
  }
}
