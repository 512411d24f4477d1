// Model inputs for Replicate, written with each model's own field names: video inputs come from
// the model registry entry (hailuo sends the start frame as `first_frame_image`, wan as
// `image`); image, music and speech use the known models of docs/cloud-protocols.md §2.
#pragma once

#include "providers/capabilities.h"
#include "providers/cloud/replicate_client.h"

#include <functional>

namespace sw::providers::cloud {

// Turns a local file into a model input value (data URI or uploaded file URL).
using FileInput = std::function<QString(const QString& path)>;

QJsonObject videoInput(const VideoRequest& request, const FileInput& fileInput);
ReplicateModel videoModel(const ModelEntry& entry);

// Known non-video models (name, pinned version for community models).
ReplicateModel imageModel(const QString& requested);   // default black-forest-labs/flux-schnell
ReplicateModel musicModel(const QString& requested);   // default meta/musicgen (pinned version)
ReplicateModel speechModel(const QString& requested);  // default minimax/speech-02-turbo

QJsonObject imageInput(const ImageRequest& request);
QJsonObject musicInput(const MusicRequest& request);
QJsonObject speechInput(const SpeechRequest& request, const ReplicateModel& model);

// The aspect ratio of flux-schnell's list closest to width:height.
QString closestAspectRatio(int width, int height);

}  // namespace sw::providers::cloud
