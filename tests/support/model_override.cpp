#include "support/model_override.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace sw::testsupport {

QString modelOverridePath(const QString& configHome) {
  return QDir(configHome).filePath(QStringLiteral("Scenewright/Scenewright/models.json"));
}

::testing::AssertionResult writeModelOverride(const QString& path, const QJsonObject& models) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
    return ::testing::AssertionFailure()
           << "cannot write " << path.toStdString() << ": " << f.errorString().toStdString();
  const QByteArray json = QJsonDocument(QJsonObject{{"models", models}}).toJson();
  if (f.write(json) != json.size() || !f.flush())
    return ::testing::AssertionFailure() << "cannot write " << path.toStdString();
  return ::testing::AssertionSuccess();
}

QJsonObject tinyLocalModel(double chunkSeconds, int fps) {
  return QJsonObject{
      {"display_name", "Tiny local (tests)"},
      {"backend", "local"},
      {"model_id", "scenewright/local-pan-zoom"},
      {"version", "1"},
      {"endpoint", ""},
      {"cost_per_call", 0.0},
      {"fps", fps},
      {"width", 320},
      {"height", 180},
      {"actual_chunk_duration", chunkSeconds},
      {"duration_controllable", true},
      {"allowed_durations", QJsonArray{}},
      {"resolutions", QJsonArray{}},
      {"min_width", 320},
      {"min_height", 180},
      {"max_width", 1280},
      {"max_height", 720},
      {"supports_image_input", true},
      {"requires_image_input", false},
      {"max_reference_images", 0},
      {"params",
       QJsonObject{
           {"prompt", "prompt"}, {"image", "image"}, {"duration", "duration"}, {"seed", "seed"}}},
      {"fixed_inputs", QJsonObject{}}};
}

}  // namespace sw::testsupport
