// The files a render job reads or uploads (reference image, chunk videos, speech, music, SFX
// files): each must be inside the project folder or the asset cache (model/asset_paths.h, the
// rule the project import applies too) and must be the media it claims, probed with media::probe
// before it is used or sent anywhere. Internal to src/render; throws JobFailure.
#pragma once

#include <QString>

#include "media/probe.h"
#include "model/asset_paths.h"

namespace sw::render {

enum class MediaKind { Image, Video, Audio };

struct CheckedFile {
  QString path;  // canonical
  media::ProbeResult probe;
};

// `what` names the file's role ("the reference image of scene 'Harbour'"). Throws JobFailure
// naming it and the path when the file is outside the roots, missing, not a regular file, or not
// an image / a video / audio as `kind` says.
CheckedFile checkInputFile(const QString& path, MediaKind kind, const model::AssetRoots& roots,
                           const QString& what);

}  // namespace sw::render
