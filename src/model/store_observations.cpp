// ProjectStore: what video models really delivered (model_observations).
#include "model/project_store.h"
#include "model/store_util.h"

namespace sw::model {

void ProjectStore::addModelObservation(const ModelObservation& o) {
  Statement st = db_->prepare(
      "INSERT OR IGNORE INTO model_observations (model_key, asset_id, duration, fps, width, "
      "height, recorded) VALUES (?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, o.modelKey)
      .bind(2, o.assetId)
      .bind(3, o.duration)
      .bind(4, o.fps)
      .bind(5, o.width)
      .bind(6, o.height)
      .bind(7, o.recorded.isValid() ? detail::timeText(o.recorded) : detail::nowText())
      .run();
}

QList<ModelObservation> ProjectStore::modelObservations(const QString& modelKey, int limit) {
  Statement st = db_->prepare(
      "SELECT id, model_key, asset_id, duration, fps, width, height, recorded "
      "FROM model_observations WHERE model_key = ? ORDER BY id DESC LIMIT ?");
  st.bind(1, modelKey).bind(2, limit);
  QList<ModelObservation> out;
  while (st.step()) {
    ModelObservation o;
    o.id = st.int64(0);
    o.modelKey = st.text(1);
    o.assetId = st.optionalId(2);
    o.duration = st.real(3);
    o.fps = st.real(4);
    o.width = int(st.int64(5));
    o.height = int(st.int64(6));
    o.recorded = detail::parseTime(st.text(7));
    out.append(o);
  }
  return out;
}

}  // namespace sw::model
