// Local video and image backends: no network, no keys, deterministic for a seed.
//  - LocalVideoGenerator draws a chunk: the start image (or a backdrop drawn from the prompt) under
//  a
//    slow moving camera (a crop narrowing from the full frame toward a seed-chosen point), the
//    prompt as a caption (FFmpeg drawtext) that fades in after the first frame and out before the
//    last, at the model's chunk duration, fps and size, encoded to H.264 MP4 by MediaWriter. The
//    first frame is the start image scaled to the chunk size (continuity).
//  - LocalImageGenerator draws the scene's reference image from the prompt (PNG).
// Options (BackendEnvironment::optionsFor("local")): "width"/"height" override the drawing size
// for every model (e.g. 320x180 previews), "preset" the x264 preset (default "veryfast").
#pragma once

#include "providers/capabilities.h"

#include <QImage>
#include <QJsonObject>
#include <functional>

namespace sw::providers::local {

class LocalVideoGenerator : public VideoGenerator {
 public:
  explicit LocalVideoGenerator(const QJsonObject& options = {});
  QString backendId() const override { return QStringLiteral("local"); }
  GenerationResult generate(const VideoRequest& request, const GenerationContext& ctx) override;
  double estimateCostUsd(const VideoRequest&) const override { return 0.0; }

  struct Plan {
    int width = 0, height = 0, fps = 24, frames = 0;
    double duration = 0.0;
  };
  // Size, fps and frame count the generator will produce for a request.
  Plan plan(const VideoRequest& request) const;

 private:
  int width_ = 0, height_ = 0;
  QString preset_;
};

class LocalImageGenerator : public ImageGenerator {
 public:
  QString backendId() const override { return QStringLiteral("local"); }
  GenerationResult generate(const ImageRequest& request, const GenerationContext& ctx) override;
  double estimateCostUsd(const ImageRequest&) const override { return 0.0; }
};

// Draws the chunk's pictures (RGBA, plan size) in order and hands each to sink; this is what
// generate() encodes. Deterministic: the same request gives the same pictures bit for bit.
void drawChunk(const VideoRequest& request, const LocalVideoGenerator::Plan& plan,
               const QString& captionFile, const GenerationContext& ctx,
               const std::function<void(const QImage&)>& sink);

// <ctx.outputDir>/<prefix>-<first 16 hex of the request's cache key>.<ext>, folder created.
QString localOutputPath(const GenerationContext& ctx, const QString& prefix,
                        const QString& cacheKey, const QString& extension);

}  // namespace sw::providers::local
