// Helpers shared by the provider tests.
#pragma once

#include "providers/capabilities.h"
#include "providers/model_registry.h"

#include <QImage>
#include <QString>

namespace sw::providers::test {

// The built-in registry (no user override).
const ModelRegistry& builtinRegistry();
// A context writing into dir.
GenerationContext contextFor(const QString& dir);
QString sha256File(const QString& path);
void writeFile(const QString& path, const QByteArray& bytes);
// Mean absolute difference per channel (0..255) of two RGB pictures of the same size.
double meanAbsDiff(const QImage& a, const QImage& b);
// The first frame of a video, decoded at full size (width given) as RGB.
QImage firstFrame(const QString& video, int width);

}  // namespace sw::providers::test
