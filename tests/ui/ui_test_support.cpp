#include "ui_test_support.h"

#include <QCoreApplication>
#include <QTest>

#include "model/project_json.h"

namespace sw::ui::test {

model::Id addRichScene(model::ProjectStore& store, const QString& title, double seconds) {
  model::Scene scene;
  scene.title = title;
  scene.narration = QStringLiteral("The storm rolls in over the bay.");
  scene.visualPrompt = QStringLiteral("A lighthouse at dusk");
  scene.targetDuration = seconds;
  scene.modelKey = QStringLiteral("local");
  const model::Id id = store.addScene(scene);
  model::Character mara;
  mara.name = QStringLiteral("Mara %1").arg(id);
  mara.voice = QStringLiteral("en-us+f3");
  model::Character tomas;
  tomas.name = QStringLiteral("Tomas %1").arg(id);
  tomas.voice = QStringLiteral("en+m3");
  const model::Id a = store.addCharacter(mara);
  const model::Id b = store.addCharacter(tomas);
  store.addDialogueLine(model::DialogueLine{0, id, 0, a, QStringLiteral("Light the lamp."), {}});
  store.addDialogueLine(model::DialogueLine{0, id, 1, b, QStringLiteral("It is lit."), {}});
  store.addSfxCue(model::SfxCue{0, id, 1.0, QStringLiteral("thunder"), {}, 0.0, {}});
  return id;
}

bool spinUntil(const std::function<bool()>& done, int maxRounds) {
  for (int i = 0; i < maxRounds && !done(); ++i) QTest::qWait(50);
  return done();
}

std::unique_ptr<model::ProjectStore> importSample(const QString& folder) {
  return model::importProjectFile(
      QStringLiteral(SW_SOURCE_DIR "/resources/sample/sample_project.json"), folder, QString());
}

}  // namespace sw::ui::test
