// Clips the fake Replicate makes for one video prediction (ReplicateScenario::clip): the first
// frame is the request's image, and the picture then pans steadily, so neighbouring frames differ
// a little and a jump (a seam that does not continue the previous frame) stands out.
#pragma once

#include "fakecloud/fake_scenario.h"

#include <QByteArray>
#include <QJsonObject>

namespace sw::fakecloud {

// An MP4 (H.264, no audio) of llround(seconds * fps) frames of width x height. Frame k is
// `image` (PNG/JPEG/WebP bytes, scaled to the clip size) rolled k pixels to the left (wrapping
// round); without an image, a smooth colour pattern rolled the same way. Throws std::runtime_error
// when the image cannot be decoded or the clip cannot be written.
QByteArray makeGeneratedClip(const GeneratedClip& spec, const QByteArray& image);

// The image a video input carries: the first value that is a data:image/... URI or a URL of this
// fake's Files API (bytes looked up in `uploads`, by file id). Empty when there is none.
QByteArray inputImage(const QJsonObject& input, const QHash<QString, QByteArray>& uploads);

}  // namespace sw::fakecloud
