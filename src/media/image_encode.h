// Converts a decoded video frame to PNG bytes with FFmpeg's png encoder (no Qt Gui needed).
#pragma once

#include "media/ffmpeg_raii.h"

#include <QByteArray>
#include <QString>

namespace sw::media {

// width <= 0 keeps the frame's width; the height follows the display aspect ratio (even).
// `rotation` is the stream's display matrix angle (StreamInfo::rotation, quarter turns): the
// picture is turned upright first, as players show it, and `width` is the upright width.
QByteArray encodePng(const AVFrame* frame, int width = 0, int rotation = 0);
// Writes bytes to path through a temporary file + rename (never a partial PNG).
void writeFileAtomically(const QString& path, const QByteArray& bytes);

}  // namespace sw::media
