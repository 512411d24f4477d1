// The user's own media file made an asset like a generated one: probed first (measure, never
// trust: duration, frame rate, size, sample rate come from FFmpeg), copied into the asset cache
// under a content key (capability "user", backend "user", the file's SHA-256), and described by an
// asset row with provider "user", the measurements and where it came from. Worker thread only:
// probing and copying a large file takes longer than a frame.
#pragma once

#include <QString>

#include "model/types.h"

namespace sw::ui {

enum class UserMediaKind { Audio, Video, Image };

struct UserMedia {
  model::Asset asset;  // not yet in the store (id 0)
  QString error;       // the file was refused: why, naming it; nothing was copied
};

// `assetKind` is the row's kind (music, speech, sfx, video, image). Never throws.
UserMedia importUserMedia(const QString& source, UserMediaKind kind, const QString& assetKind,
                          const QString& cacheDirectory);

}  // namespace sw::ui
