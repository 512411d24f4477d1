#include "render/model_observations.h"

#include <algorithm>

#include "media/media_error.h"

namespace sw::render {

QJsonObject MeasuredVideo::toJson() const {
  return QJsonObject{{"duration", duration},
                     {"fpsNum", fpsNum},
                     {"fpsDen", fpsDen},
                     {"width", width},
                     {"height", height}};
}

MeasuredVideo MeasuredVideo::fromJson(const QJsonObject& o) {
  MeasuredVideo m;
  m.duration = o.value(QStringLiteral("duration")).toDouble();
  m.fpsNum = o.value(QStringLiteral("fpsNum")).toInt();
  m.fpsDen = std::max(1, o.value(QStringLiteral("fpsDen")).toInt(1));
  m.width = o.value(QStringLiteral("width")).toInt();
  m.height = o.value(QStringLiteral("height")).toInt();
  return m;
}

MeasuredVideo measureVideo(const media::ProbeResult& probe) {
  MeasuredVideo m;
  m.duration = probe.duration;
  if (const media::StreamInfo* v = probe.video()) {
    if (v->duration > 0) m.duration = v->duration;
    if (v->frameRateNum > 0 && v->frameRateDen > 0 && !v->variableFrameRate) {
      m.fpsNum = v->frameRateNum;
      m.fpsDen = v->frameRateDen;
    }
    m.width = v->width;
    m.height = v->height;
  }
  return m;
}

std::optional<MeasuredVideo> measuredOf(const model::Asset& asset) {
  const QJsonValue v = asset.parameters.value(QStringLiteral("measured"));
  if (!v.isObject()) return std::nullopt;
  return MeasuredVideo::fromJson(v.toObject());
}

bool recordChunkObservation(model::ProjectStore& store, const QString& modelKey,
                            const model::Asset& asset) {
  media::ProbeResult probe;
  try {
    media::ProbeOptions options;
    options.keyframes = false;
    probe = media::probe(asset.filePath, options);
  } catch (const media::MediaError&) {
    return false;
  }
  if (!probe.video()) return false;
  const MeasuredVideo m = measureVideo(probe);
  if (m.duration <= 0) return false;
  model::ModelObservation o;
  o.modelKey = modelKey;
  o.assetId = asset.id;
  o.duration = m.duration;
  o.fps = m.fps();
  o.width = m.width;
  o.height = m.height;
  store.addModelObservation(o);
  return true;
}

std::optional<double> observedChunkSeconds(model::ProjectStore& store, const QString& modelKey) {
  QList<double> d;
  for (const model::ModelObservation& o : store.modelObservations(modelKey, kObservationWindow))
    if (o.duration > 0) d.append(o.duration);
  if (d.isEmpty()) return std::nullopt;
  std::sort(d.begin(), d.end());
  const qsizetype n = d.size();
  return n % 2 ? d[n / 2] : (d[n / 2 - 1] + d[n / 2]) / 2;
}

}  // namespace sw::render
