#include "support/sample_project.h"

namespace sw::testsupport {

model::Id addHarbourScene(model::ProjectStore& store, const HarbourScene& harbour) {
  model::Scene scene;
  scene.title = harbour.title;
  scene.narration = QStringLiteral("The harbour was quiet.");
  scene.visualPrompt = QStringLiteral("a quiet harbour at night");
  scene.directionPrompt = QStringLiteral("slow pan");
  scene.targetDuration = harbour.seconds;
  scene.modelKey = harbour.modelKey;
  if (harbour.music) {
    scene.musicPrompt = QStringLiteral("soft strings");
    scene.musicMood = QStringLiteral("calm");
    scene.musicTempo = 80;
  }
  const model::Id sceneId = store.addScene(scene);

  const QString suffix = harbour.namesPerScene ? QStringLiteral(" %1").arg(sceneId) : QString();
  const model::Id mara =
      store.addCharacter({0, QStringLiteral("MARA") + suffix, harbour.maraVoice, {}});
  const model::Id tomas =
      store.addCharacter({0, QStringLiteral("TOMAS") + suffix, harbour.tomasVoice, {}});
  store.addDialogueLine({0, sceneId, 0, mara, QStringLiteral("Look."), std::nullopt});
  store.addDialogueLine({0, sceneId, 1, tomas, harbour.tomasLine, std::nullopt});
  if (harbour.sfx)
    store.addSfxCue(
        {0, sceneId, harbour.sfx->time, harbour.sfx->description, {}, harbour.sfx->gainDb, {}});
  return sceneId;
}

}  // namespace sw::testsupport
