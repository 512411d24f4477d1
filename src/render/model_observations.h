// What video models really deliver: the duration, frame rate and size measured from every chunk
// file, recorded per model in the project (ProjectStore::modelObservations), so estimates and
// plans follow the service rather than the registry's numbers.
#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>

#include "media/probe.h"
#include "model/project_store.h"

namespace sw::render {

// A video file as measured (probe): 0 = unknown.
struct MeasuredVideo {
  double duration = 0.0;  // seconds of the video stream (the container's when it has none)
  int fpsNum = 0;         // nominal frame rate; 0 when unknown or variable
  int fpsDen = 1;
  int width = 0;
  int height = 0;

  double fps() const { return fpsNum > 0 && fpsDen > 0 ? double(fpsNum) / fpsDen : 0.0; }
  QJsonObject toJson() const;  // {"duration", "fpsNum", "fpsDen", "width", "height"}
  static MeasuredVideo fromJson(const QJsonObject& json);
};

MeasuredVideo measureVideo(const media::ProbeResult& probe);

// The measurement a job attached to a video asset (usableAsset: parameters["measured"]), if any.
std::optional<MeasuredVideo> measuredOf(const model::Asset& asset);

// Records what `modelKey` delivered in `asset` (its file probed now). Returns false, recording
// nothing, when the file cannot be probed or holds no video: the record is an estimate's input,
// never a reason to fail the chunk that was paid for.
bool recordChunkObservation(model::ProjectStore& store, const QString& modelKey,
                            const model::Asset& asset);

// The median duration of the chunks `modelKey` delivered in this project (the newest
// kObservationWindow records), or nullopt when none was recorded.
inline constexpr int kObservationWindow = 25;
std::optional<double> observedChunkSeconds(model::ProjectStore& store, const QString& modelKey);

}  // namespace sw::render
