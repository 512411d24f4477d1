#include "render/manifest.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

#include "model/project_json.h"

namespace sw::render {

QJsonArray manifestChunks(model::ProjectStore& store, const model::Scene& scene) {
  QJsonArray chunks;
  for (const model::Chunk& c : store.chunks(scene.id))
    chunks.append(
        QJsonObject{{"position", c.position + 1},
                    {"prompt", c.prompt},
                    {"direction", c.direction},
                    {"seed", double(c.seed)},
                    {"model", c.modelKey},
                    {"asset", c.assetId ? store.asset(*c.assetId).value_or(model::Asset{}).cacheKey
                                        : QString()}});
  return chunks;
}

QJsonObject buildManifest(model::ProjectStore& store, const model::Scene& scene,
                          const media::RenderPlan& plan, const media::StitchReport& report) {
  QSet<QString> used;
  for (const auto& seg : plan.segments) used.insert(seg.file);
  for (const auto& clip : plan.audio) used.insert(clip.file);
  QJsonArray assets;
  double cost = 0;
  for (const model::Asset& a : store.assets()) {
    if (!used.contains(a.filePath)) continue;
    assets.append(model::assetToJson(a));
    cost += a.cost;
  }
  const QJsonArray chunks = manifestChunks(store, scene);
  return {{"format", "scenewright-manifest"},
          {"version", 1},
          {"created", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
          {"project", store.project().name},
          {"scene",
           QJsonObject{
               {"id", double(scene.id)}, {"title", scene.title}, {"position", scene.position + 1}}},
          {"chunks", chunks},
          {"assets", assets},
          {"totalAssetCostUsd", cost},
          {"stitch", report.toJson()},
          {"plan", plan.toJson()}};
}

void writeManifest(model::ProjectStore& store, const model::Scene& scene,
                   const media::RenderPlan& plan, const media::StitchReport& report,
                   const QString& path) {
  const QByteArray bytes =
      QJsonDocument(buildManifest(store, scene, plan, report)).toJson(QJsonDocument::Indented);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
    throw std::runtime_error(QStringLiteral("Cannot write the render manifest %1 (%2).")
                                 .arg(path, file.errorString())
                                 .toStdString());
}

}  // namespace sw::render
