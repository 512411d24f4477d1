// Headless editing with the real scenewright-cli: `status` shows the scene state a render will
// act on, `edit` changes a rendered scene's fields, `takes` lists and chooses takes.
#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include "render_fixture.h"

using namespace sw;

namespace {

class SceneCli : public sw::testing::RenderFixture {
 protected:
  // Without speech, so the scene lasts its 2.5 s target (speech would lengthen it).
  void SetUp() override {
    RenderFixture::SetUp();
    removeSpeech();
  }
  struct Run {
    int code = -1;
    QString out, err;
  };
  Run cli(const QStringList& args) {
    QProcess p;
    p.setProcessEnvironment(cliEnvironment());
    p.start(QStringLiteral(SW_CLI), args);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
  }
  QJsonObject status() {
    const Run r = cli({"status", projectFolder(), "--scene", "1", "--json"});
    EXPECT_EQ(r.code, 0) << r.err.toStdString();
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
  }
  QStringList chunkStates(const QJsonObject& status) {
    QStringList out;
    for (const QJsonValue& v : status["slots"].toArray())
      if (v["kind"].toString() == QLatin1String("chunk")) out << v["state"].toString();
    return out;
  }
};

TEST_F(SceneCli, StatusEditAndTakesFollowTheDirectorsLoop) {
  QJsonObject before = status();
  EXPECT_EQ(before["chunksNeeded"].toInt(), 3);
  EXPECT_EQ(before["toGenerate"].toInt(), int(before["slots"].toArray().size()));
  ASSERT_EQ(openStore()->job(renderAndWait(request()))->status, model::JobStatus::Completed);
  EXPECT_EQ(chunkStates(status()), QStringList(3, QStringLiteral("ready")));
  EXPECT_EQ(status()["toGenerate"].toInt(), 0);

  const Run edit = cli({"edit", projectFolder(), "--scene", "1", "--visual-prompt",
                        "Fishing boats at dawn", "--duration", "2.5"});
  ASSERT_EQ(edit.code, 0) << edit.err.toStdString();
  EXPECT_TRUE(edit.out.contains(QStringLiteral("visual-prompt"))) << edit.out.toStdString();
  const QJsonObject edited = status();
  EXPECT_EQ(chunkStates(edited), QStringList(3, QStringLiteral("out of date")));
  EXPECT_TRUE(edited["slots"].toArray().at(1)["why"].toString().contains(QStringLiteral("prompt")));

  // scenes --json names the chunk ids; takes lists one take per chunk and can choose it.
  const Run scenes = cli({"scenes", projectFolder(), "--json"});
  ASSERT_EQ(scenes.code, 0) << scenes.err.toStdString();
  const QJsonArray ids =
      QJsonDocument::fromJson(scenes.out.toUtf8()).array().at(0).toObject()["chunkIds"].toArray();
  ASSERT_EQ(ids.size(), 3);
  const QString chunk = QString::number(qint64(ids.at(0).toDouble()));
  const Run takes = cli({"takes", projectFolder(), "--chunk", chunk, "--json"});
  ASSERT_EQ(takes.code, 0) << takes.err.toStdString();
  const QJsonArray list = QJsonDocument::fromJson(takes.out.toUtf8()).array();
  ASSERT_EQ(list.size(), 1);
  EXPECT_TRUE(list.at(0)["active"].toBool());
  EXPECT_FALSE(list.at(0)["prompt"].toString().contains(QStringLiteral("Fishing")));
  EXPECT_EQ(cli({"takes", projectFolder(), "--chunk", chunk, "--use", "1"}).code, 0);
  EXPECT_EQ(cli({"takes", projectFolder(), "--chunk", chunk, "--use", "2"}).code, 1);

  // Bad input is named: an unknown model, nothing to change, no scene.
  const Run badModel = cli({"edit", projectFolder(), "--scene", "1", "--model", "nope"});
  EXPECT_EQ(badModel.code, 1);
  EXPECT_TRUE(badModel.err.contains(QStringLiteral("nope"))) << badModel.err.toStdString();
  EXPECT_EQ(cli({"edit", projectFolder(), "--scene", "1"}).code, 1);
  EXPECT_EQ(cli({"status", projectFolder(), "--scene", "9"}).code, 1);
}

}  // namespace
