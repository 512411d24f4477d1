#include "ui_test_support.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QJsonObject>
#include <QTest>

#include "model/project_json.h"
#include "providers/model_registry.h"
#include "render/app_settings.h"
#include "support/model_override.h"
#include "support/sample_project.h"

namespace sw::ui::test {

model::Id addRichScene(model::ProjectStore& store, const QString& title, double seconds) {
  testsupport::HarbourScene harbour;
  harbour.title = title;
  harbour.seconds = seconds;
  harbour.modelKey = QStringLiteral("local");
  harbour.maraVoice = QStringLiteral("en-us+f3");
  harbour.tomasVoice = QStringLiteral("en+m3");
  harbour.tomasLine = QStringLiteral("It is lit.");  // UiModels checks an edit of it is undone
  harbour.music = false;
  harbour.sfx = testsupport::SfxSpec{1.0, QStringLiteral("thunder"), 0.0};
  harbour.namesPerScene = true;
  return testsupport::addHarbourScene(store, harbour);
}

bool spinUntil(const std::function<bool()>& done, int maxRounds) {
  for (int i = 0; i < maxRounds && !done(); ++i) QTest::qWait(50);
  return done();
}

std::unique_ptr<model::ProjectStore> importSample(const QString& folder) {
  return model::importProjectFile(
      QStringLiteral(SW_SOURCE_DIR "/resources/sample/sample_project.json"), folder, QString());
}

QString useShortLocalChunks() {
  render::AppSettings settings;
  settings.backendOptions = QJsonObject{{"local", QJsonObject{{"width", 320}, {"height", 180}}}};
  settings.save();
  const QString path = providers::ModelRegistry::userOverridePath();
  EXPECT_TRUE(testsupport::writeModelOverride(
      path, QJsonObject{{"local", QJsonObject{{"actual_chunk_duration", 1.0}, {"fps", 12}}}}));
  return path;
}

}  // namespace sw::ui::test
