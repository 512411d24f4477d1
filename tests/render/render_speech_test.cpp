// Narration-first timing in a real render (local backend): speech longer than the scene's target
// lengthens the scene and every line is heard whole; keeping the duration names the cut line; a
// speech failure fails the job before any video is generated.
#include <QJsonArray>
#include <QProcess>
#include <algorithm>
#include <cmath>

#include "media/probe.h"
#include "render_fixture.h"
#include "support/media_fixtures.h"
#include "support/sample_project.h"

using namespace sw;
using sw::testing::RenderFixture;

namespace {

constexpr double kWindow = 0.02;  // seconds

// RMS of each 20 ms window of the file's audio (48 kHz mono).
std::vector<double> windows(const QString& path) {
  const std::vector<float> s = testsupport::decodeAudioMono(path);
  const size_t n = size_t(kWindow * 48000);
  std::vector<double> out;
  for (size_t at = 0; at + n <= s.size(); at += n) {
    double sum = 0;
    for (size_t i = at; i < at + n; ++i) sum += double(s[i]) * s[i];
    out.push_back(std::sqrt(sum / double(n)));
  }
  return out;
}

// Seconds of the file that are voiced: windows above a tenth of its loudest window.
double voicedSeconds(const std::vector<double>& w) {
  const double peak = w.empty() ? 0.0 : *std::max_element(w.begin(), w.end());
  return kWindow *
         double(std::count_if(w.begin(), w.end(), [&](double v) { return v > 0.1 * peak; }));
}

// The end of the voiced audio in the file (seconds).
double voicedEnd(const std::vector<double>& w) {
  const double peak = w.empty() ? 0.0 : *std::max_element(w.begin(), w.end());
  for (size_t i = w.size(); i-- > 0;)
    if (w[i] > 0.1 * peak) return kWindow * double(i + 1);
  return 0;
}

class RenderSpeech : public RenderFixture {
 protected:
  // A 2.5 s scene with narration, MARA's "Look." and a long line for TOMAS (about 5 s); no music
  // and no SFX, so the output's audio is the speech alone.
  model::Id longDialogueScene(const QString& maraVoice = QStringLiteral("en-us+f3")) {
    testsupport::HarbourScene harbour;
    harbour.title = QStringLiteral("Quay");
    harbour.namesPerScene = true;
    harbour.music = false;
    harbour.maraVoice = maraVoice;
    harbour.tomasVoice = QStringLiteral("en+m3");
    harbour.tomasLine = QStringLiteral(
        "The lamps are lit along the quay, and every boat is coming home before the storm.");
    return testsupport::addHarbourScene(*openStore(), harbour);
  }
  render::RenderRequest requestFor(model::Id scene) const {
    render::RenderRequest r = request();
    r.sceneIds = {scene};
    return r;
  }
  std::optional<model::JobEvent> event(model::Id job, const QString& kind) {
    for (const model::JobEvent& e : openStore()->jobEvents(job))
      if (e.kind == kind) return e;
    return std::nullopt;
  }
  // The speech files of the scene: narration, then the dialogue lines in order.
  QStringList speechFiles(model::Id scene) {
    auto store = openStore();
    QStringList files;
    files << store->asset(*store->scene(scene)->narrationAssetId)->filePath;
    for (const model::DialogueLine& line : store->dialogueLines(scene))
      files << store->asset(*line.assetId)->filePath;
    return files;
  }
};

}  // namespace

TEST_F(RenderSpeech, DialogueLongerThanTheSceneLengthensItAndEveryLineIsHeardWhole) {
  const model::Id scene = longDialogueScene();
  const model::Id job = renderAndWait(requestFor(scene));
  const auto row = openStore()->job(job);
  ASSERT_EQ(row->status, model::JobStatus::Completed) << row->errorMessage.toStdString();
  const QString out = request().outputPath;

  // The speech as generated, measured on its own files.
  const QStringList files = speechFiles(scene);
  ASSERT_EQ(files.size(), 3);
  double speechSeconds = 0, speechVoiced = 0;
  for (const QString& f : files) {
    speechSeconds += media::probe(f).duration;
    speechVoiced += voicedSeconds(windows(f));
  }
  ASSERT_GT(speechSeconds, 4.0);  // well over the 2.5 s target

  // The output is long enough for all of it, and as much of it is voiced as in the files.
  const double outSeconds = media::probe(out).duration;
  EXPECT_GT(outSeconds, speechSeconds);
  const std::vector<double> heard = windows(out);
  EXPECT_NEAR(voicedSeconds(heard), speechVoiced, 0.1 * speechVoiced);

  // Each line ends where the layout put it: the last voiced 100 ms of its file are voiced in the
  // output at the same place.
  const auto timing = event(job, QStringLiteral("speech.timing"));
  ASSERT_TRUE(timing.has_value());
  EXPECT_TRUE(timing->message.contains(QStringLiteral("the scene will be")))
      << timing->message.toStdString();
  const QJsonArray items = timing->data[QStringLiteral("items")].toArray();
  ASSERT_EQ(items.size(), 3);
  const double outPeak = *std::max_element(heard.begin(), heard.end());
  for (int i = 0; i < items.size(); ++i) {
    const double end =
        items[i].toObject()[QStringLiteral("start")].toDouble() + voicedEnd(windows(files[i]));
    ASSERT_LT(end, outSeconds) << i;
    const size_t last = size_t(end / kWindow) - 1;
    const double tail =
        *std::max_element(heard.begin() + long(last) - 5, heard.begin() + long(last) + 1);
    EXPECT_GT(tail, 0.05 * outPeak) << "line " << i << " is not heard up to " << end << " s";
  }
  EXPECT_FALSE(event(job, QStringLiteral("speech.cut")).has_value());
  // Announced in the job's estimate, before anything was generated (from the text).
  const auto estimate = event(job, QStringLiteral("estimate"));
  ASSERT_TRUE(estimate.has_value());
  EXPECT_TRUE(estimate->message.contains(QStringLiteral("; speech needs ")))
      << estimate->message.toStdString();
  // The stored scene keeps the target it was given.
  EXPECT_DOUBLE_EQ(openStore()->scene(scene)->targetDuration, 2.5);
}

TEST_F(RenderSpeech, KeepingTheDurationWarnsAndNamesTheCutLine) {
  const model::Id scene = longDialogueScene();
  render::RenderRequest r = requestFor(scene);
  r.keepDuration = true;
  const model::Id job = renderAndWait(r);
  const auto row = openStore()->job(job);
  ASSERT_EQ(row->status, model::JobStatus::Completed) << row->errorMessage.toStdString();
  const auto cut = event(job, QStringLiteral("speech.cut"));
  ASSERT_TRUE(cut.has_value());
  EXPECT_EQ(cut->level, QStringLiteral("warning"));
  const QString tomas = QStringLiteral("dialogue line 2 (TOMAS %1)").arg(scene);
  EXPECT_TRUE(cut->message.contains(QStringLiteral("keeping 2.5 s cuts: ") + tomas))
      << cut->message.toStdString();
  EXPECT_LT(media::probe(request().outputPath).duration, 2.5 + 0.1);
}

TEST_F(RenderSpeech, ASpeechFailureFailsTheJobBeforeAnyVideo) {
  const model::Id scene = longDialogueScene(QStringLiteral("nosuchlanguage+x"));
  const model::Id job = renderAndWait(requestFor(scene));
  const auto row = openStore()->job(job);
  ASSERT_EQ(row->status, model::JobStatus::Failed);
  EXPECT_TRUE(row->errorMessage.contains(QStringLiteral("dialogue line 1 (MARA")))
      << row->errorMessage.toStdString();
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("asset.generated"), QStringLiteral("video")), 0);
  EXPECT_EQ(eventsOfKind(job, QStringLiteral("asset.generated"), QStringLiteral("image")), 0);
  for (const model::Chunk& c : openStore()->chunks(scene))
    EXPECT_NE(c.status, model::ChunkStatus::Ready);
}

TEST_F(RenderSpeech, TheCliEstimatesTheTimingAndKeepsTheDurationWhenAsked) {
  const model::Id scene = longDialogueScene();
  const QString tomas = QStringLiteral("dialogue line 2 (TOMAS %1)").arg(scene);
  auto render = [&](const QStringList& extra) {
    QProcess cli;
    cli.setProcessEnvironment(cliEnvironment());
    cli.start(QStringLiteral(SW_CLI),
              QStringList{QStringLiteral("render"), projectFolder(), QStringLiteral("--scene"),
                          QString::number(scene), QStringLiteral("--preview"), QStringLiteral("-o"),
                          tmp.filePath(QStringLiteral("out/cli.mp4"))} +
                  extra);
    EXPECT_TRUE(cli.waitForFinished(600000));
    EXPECT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
    return QString::fromUtf8(cli.readAllStandardError());
  };
  // Before anything is generated, from the text: lengthened by default.
  const QString lengthened = render({});
  EXPECT_TRUE(lengthened.contains(QStringLiteral("; the scene will be ")))
      << lengthened.toStdString();
  // Measured now (generated): kept when asked, naming the line that is cut, before and after.
  const QString kept = render({QStringLiteral("--keep-duration")});
  EXPECT_TRUE(kept.contains(QStringLiteral("keeping 2.5 s cuts: ") + tomas)) << kept.toStdString();
  const auto jobs = openStore()->jobs();
  ASSERT_EQ(jobs.size(), 2);
  int warned = 0;  // the second job only
  for (const model::RenderJob& j : jobs)
    warned += event(j.id, QStringLiteral("speech.cut")) ? 1 : 0;
  EXPECT_EQ(warned, 1);
  EXPECT_LT(media::probe(tmp.filePath(QStringLiteral("out/cli.mp4"))).duration, 2.6);
}
