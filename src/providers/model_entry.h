// ModelEntry: one video model of the registry (resources/models.json, overridable by the user's
// <AppConfigLocation>/models.json). Plain value; ModelRegistry loads and validates against it.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <cmath>

namespace sw::providers {

struct Resolution {
  QString name;  // the value sent in the model's resolution field, e.g. "720p"
  int width = 0;
  int height = 0;
};

// The model's own input field names. Empty = the model has no such field.
struct ModelParams {
  QString prompt = QStringLiteral("prompt");
  QString image;     // first frame / start image (hailuo: first_frame_image, wan: image)
  QString duration;  // seconds field
  QString seed;
  QString resolution;  // takes Resolution::name
  QString fps;
  QString numFrames;  // frame-count field (models that take frames instead of seconds)
  QString negativePrompt;
  QString referenceImages;  // array of image URIs (models with max_reference_images > 0)
};

struct ModelEntry {
  QString key;  // registry key: hailuo, wan, zeroscope, animatediff, runway, local
  QString displayName;
  QString backend;           // "local" or a cloud backend id ("replicate")
  QString modelId;           // e.g. "minimax/hailuo-2.3-fast" (empty for local)
  QString version;           // pinned version (community models) or empty for official models
  QString endpoint;          // "model" (official, /v1/models/{id}/predictions) or "version"
  double costPerCall = 0.0;  // USD per generated chunk
  int fps = 24;
  int width = 0;
  int height = 0;
  double actualChunkDuration = 5.0;  // seconds the model really outputs per call
  bool durationControllable = false;
  QList<double> allowedDurations;  // values accepted in the duration field
  QList<Resolution> resolutions;   // fixed sizes; empty = any even size in [min, max]
  int minWidth = 0, minHeight = 0, maxWidth = 0, maxHeight = 0;
  bool supportsImageInput = false;
  bool requiresImageInput = false;  // image-to-video only (no text-to-video fallback)
  int maxReferenceImages = 0;
  ModelParams params;
  // "max_seconds": how long one prediction of this model may run on the service before it is
  // cancelled remotely and the chunk fails (0: the backend's default for video, 20 min).
  double maxSeconds = 0.0;
  QJsonObject fixedInputs;  // constant inputs always sent (e.g. prompt_optimizer: false)
  QJsonObject raw;          // the merged JSON object this entry was read from
};

// Number of chunks a scene of `sceneSeconds` needs: ceil(duration / actual_chunk_duration).
// 30 s with hailuo (5 s) = 6; with animatediff (2 s) = 15. 0 for a non-positive duration.
inline int chunkCount(double sceneSeconds, double actualChunkDuration) {
  if (sceneSeconds <= 0.0 || actualChunkDuration <= 0.0) return 0;
  return static_cast<int>(std::ceil(sceneSeconds / actualChunkDuration - 1e-9));
}
inline int chunkCount(double sceneSeconds, const ModelEntry& model) {
  return chunkCount(sceneSeconds, model.actualChunkDuration);
}

}  // namespace sw::providers
