#include "render/render_request.h"

#include <QJsonArray>

namespace sw::render {

QJsonObject RenderRequest::toJson() const {
  QJsonArray scenes;
  for (model::Id id : sceneIds) scenes.append(double(id));
  QJsonObject json{{"scenes", scenes},
                   {"narration", narration},
                   {"dialogue", dialogue},
                   {"music", music},
                   {"sfx", sfx},
                   {"resolution", resolution},
                   {"aspect", aspect},
                   {"preview", preview},
                   {"output", outputPath},
                   {"backend", backend},
                   {"model", modelKey},
                   {"offline", offline},
                   {"keepDuration", keepDuration}};
  if (budgetUsd) json.insert(QStringLiteral("budgetUsd"), *budgetUsd);
  if (keepStale) json.insert(QStringLiteral("keepStale"), true);
  if (!keepChunks.isEmpty()) {
    QJsonArray keep;
    for (model::Id id : keepChunks) keep.append(double(id));
    json.insert(QStringLiteral("keepChunks"), keep);
  }
  if (!batchId.isEmpty()) json.insert(QStringLiteral("batchId"), batchId);
  return json;
}

RenderRequest RenderRequest::fromJson(const QJsonObject& json) {
  RenderRequest r;
  r.sceneIds.clear();
  for (const QJsonValue& v : json.value(QStringLiteral("scenes")).toArray())
    r.sceneIds.append(model::Id(v.toDouble()));
  r.narration = json.value(QStringLiteral("narration")).toBool(true);
  r.dialogue = json.value(QStringLiteral("dialogue")).toBool(true);
  r.music = json.value(QStringLiteral("music")).toBool(true);
  r.sfx = json.value(QStringLiteral("sfx")).toBool(true);
  r.resolution = json.value(QStringLiteral("resolution")).toString(QStringLiteral("720p"));
  r.aspect = json.value(QStringLiteral("aspect")).toString(QStringLiteral("16:9"));
  r.preview = json.value(QStringLiteral("preview")).toBool(false);
  r.outputPath = json.value(QStringLiteral("output")).toString();
  r.backend = json.value(QStringLiteral("backend")).toString();
  r.modelKey = json.value(QStringLiteral("model")).toString();
  r.offline = json.value(QStringLiteral("offline")).toBool(false);
  r.keepDuration = json.value(QStringLiteral("keepDuration")).toBool(false);
  if (json.contains(QStringLiteral("budgetUsd")))
    r.budgetUsd = json.value(QStringLiteral("budgetUsd")).toDouble();
  r.keepStale = json.value(QStringLiteral("keepStale")).toBool(false);
  for (const QJsonValue& v : json.value(QStringLiteral("keepChunks")).toArray())
    r.keepChunks.append(model::Id(v.toDouble()));
  r.batchId = json.value(QStringLiteral("batchId")).toString();
  return r;
}

}  // namespace sw::render
