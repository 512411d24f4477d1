#include "providers/local/local_video.h"

#include "media/filter_graph.h"
#include "media/media_error.h"
#include "media/media_writer.h"
#include "media/rgba_frame.h"
#include "providers/asset_cache.h"
#include "providers/local/local_drawing.h"
#include "providers/model_registry.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <cmath>

namespace sw::providers::local {

// Defined in local_drawing.cpp (FFmpeg types stay out of the backend's headers).
sw::media::FramePtr frameFromImage(const QImage& image);
QImage imageFromRgbaFrame(const AVFrame* frame);

namespace {

using Kind = ProviderError::Kind;

int even(int v) { return std::max(2, v - (v % 2)); }

QImage startPicture(const VideoRequest& r, int width, int height) {
  if (r.startImage.isEmpty()) return drawBackdrop(r.prompt, r.seed, width, height);
  QImage image(r.startImage);
  if (image.isNull())
    throw ProviderError(Kind::Invalid,
                        QStringLiteral("The start image %1 cannot be read as a picture "
                                       "(PNG or JPEG expected).")
                            .arg(r.startImage));
  return image.convertToFormat(QImage::Format_RGBA8888);
}

struct Camera {
  double zoom = 0.15;         // total zoom over the chunk
  double fx = 0.5, fy = 0.5;  // where the camera drifts to (fraction of the free margin)
};

Camera cameraFor(const VideoRequest& r) {
  Rng rng(stableHash(r.fullPrompt(), r.seed) ^ 0x5eedULL);
  Camera c;
  c.zoom = 0.10 + 0.15 * rng.uniform();
  c.fx = 0.2 + 0.6 * rng.uniform();
  c.fy = 0.2 + 0.6 * rng.uniform();
  return c;
}

// Frame i of the moving camera: a crop that starts as the whole picture and narrows smoothly,
// drawn at the chunk size with bilinear filtering (pure CPU code: identical on every run).
QImage cameraFrame(const QImage& source, const Camera& c, int i,
                   const LocalVideoGenerator::Plan& p) {
  const double t = p.frames > 1 ? static_cast<double>(i) / (p.frames - 1) : 0.0;
  const double zoom = 1.0 + c.zoom * t;
  const double w = source.width() / zoom, h = source.height() / zoom;
  QImage out(p.width, p.height, QImage::Format_RGBA8888);
  out.fill(Qt::black);
  QPainter painter(&out);
  painter.setRenderHint(QPainter::SmoothPixmapTransform);
  painter.drawImage(QRectF(0, 0, p.width, p.height), source,
                    QRectF((source.width() - w) * c.fx, (source.height() - h) * c.fy, w, h));
  return out;
}

void renderChunk(const VideoRequest& r, const LocalVideoGenerator::Plan& p, const QString& preset,
                 const QString& output, const GenerationContext& ctx) {
  sw::media::MediaWriter writer(output);
  writer.addVideoStream({.width = p.width,
                         .height = p.height,
                         .fps = {p.fps, 1},
                         .crf = 20,
                         .preset = preset.toStdString(),
                         .gop = p.fps});
  drawChunk(r, p, output + QStringLiteral(".caption.txt"), ctx, [&](const QImage& frame) {
    // a fresh zero-padded picture, so the encoder's converter never sees undefined row padding
    writer.writeVideo(frameFromImage(frame).get());
    ctx.reportProgress(
        95.0 * static_cast<double>(writer.videoFramesWritten()) / p.frames,
        QStringLiteral("drawing frame %1 of %2").arg(writer.videoFramesWritten()).arg(p.frames));
  });
  if (writer.videoFramesWritten() != p.frames)
    throw ProviderError(Kind::BadOutput,
                        QStringLiteral("Local video drawing produced %1 frames instead "
                                       "of %2.")
                            .arg(writer.videoFramesWritten())
                            .arg(p.frames));
  writer.finish();
}

}  // namespace

void drawChunk(const VideoRequest& r, const LocalVideoGenerator::Plan& p,
               const QString& captionFile, const GenerationContext& ctx,
               const std::function<void(const QImage&)>& sink) {
  using namespace sw::media;
  const QImage picture = startPicture(r, p.width, p.height);
  const Camera camera = cameraFor(r);
  struct Cleanup {
    QString path;
    ~Cleanup() { QFile::remove(path); }
  } cleanup{captionFile};
  const QString caption = r.fullPrompt().isEmpty() ? QStringLiteral("null")
                                                   : captionFilter(r.fullPrompt(), captionFile,
                                                                   p.width, p.height, p.duration);
  const std::string args = videoSourceArgs(p.width, p.height, AV_PIX_FMT_RGBA, AVRational{1, p.fps},
                                           AVRational{1, 1}, AVRational{p.fps, 1});
  FilterGraph graph({GraphInput{"in", false, args}}, {GraphOutput{"out", false, AV_PIX_FMT_RGBA}},
                    QStringLiteral("[in]%1[out]").arg(caption).toStdString(),
                    QStringLiteral("local video caption"));
  FramePtr pulled = makeFrame();
  for (int i = 0; i <= p.frames; ++i) {
    ctx.throwIfCancelled(QStringLiteral("Local video generation"));
    if (i < p.frames) {
      FramePtr in = frameFromImage(cameraFrame(picture, camera, i, p));
      in->pts = i;
      graph.push(0, in.get());
    } else {
      graph.push(0, nullptr);
    }
    while (graph.pull(0, pulled.get()) == FilterGraph::Pull::Frame) {
      sink(imageFromRgbaFrame(pulled.get()));
      av_frame_unref(pulled.get());
    }
  }
}

QString localOutputPath(const GenerationContext& ctx, const QString& prefix,
                        const QString& cacheKey, const QString& extension) {
  if (ctx.outputDir.isEmpty())
    throw ProviderError(Kind::Invalid,
                        QStringLiteral("No output folder was given for the generated file."));
  if (!QDir().mkpath(ctx.outputDir))
    throw ProviderError(Kind::Failed,
                        QStringLiteral("Cannot create the output folder %1.").arg(ctx.outputDir));
  return QDir(ctx.outputDir)
      .absoluteFilePath(QStringLiteral("%1-%2.%3").arg(prefix, cacheKey.left(16), extension));
}

LocalVideoGenerator::LocalVideoGenerator(const QJsonObject& options)
    : width_(options.value("width").toInt()),
      height_(options.value("height").toInt()),
      preset_(options.value("preset").toString(QStringLiteral("veryfast"))) {}

LocalVideoGenerator::Plan LocalVideoGenerator::plan(const VideoRequest& r) const {
  const ModelEntry& m = r.model;
  Plan p;
  p.width = even(width_ > 0 ? width_ : (r.width > 0 ? r.width : m.width));
  p.height = even(height_ > 0 ? height_ : (r.height > 0 ? r.height : m.height));
  p.fps = m.fps > 0 ? m.fps : 24;
  const double seconds =
      (m.durationControllable && r.duration > 0.0) ? r.duration : m.actualChunkDuration;
  p.frames = std::max(1, static_cast<int>(std::lround(seconds * p.fps)));
  p.duration = static_cast<double>(p.frames) / p.fps;
  return p;
}

GenerationResult LocalVideoGenerator::generate(const VideoRequest& request,
                                               const GenerationContext& ctx) {
  QElapsedTimer timer;
  timer.start();
  ModelRegistry::validate(request);
  ctx.throwIfCancelled(QStringLiteral("Local video generation"));
  const Plan p = plan(request);
  const QString key = AssetCache::key(cacheRequest(request, backendId()));
  const QString output = localOutputPath(ctx, QStringLiteral("video"), key, QStringLiteral("mp4"));
  try {
    renderChunk(request, p, preset_, output, ctx);
  } catch (const sw::media::MediaError& e) {
    throw ProviderError(Kind::Failed,
                        QStringLiteral("Local video generation failed: %1").arg(e.message()), e);
  }
  ctx.reportProgress(100.0, QStringLiteral("chunk ready"));
  GenerationResult result;
  result.filePath = output;
  result.mime = QStringLiteral("video/mp4");
  result.duration = p.duration;
  result.width = p.width;
  result.height = p.height;
  result.provider = backendId();
  result.model = request.model.key;
  result.seconds = timer.elapsed() / 1000.0;
  result.notes << (request.startImage.isEmpty() ? QStringLiteral("text-to-video")
                                                : QStringLiteral("image-to-video"));
  return result;
}

GenerationResult LocalImageGenerator::generate(const ImageRequest& request,
                                               const GenerationContext& ctx) {
  QElapsedTimer timer;
  timer.start();
  if (request.width < 2 || request.height < 2 || request.width > 7680 || request.height > 4320)
    throw ProviderError(Kind::Invalid,
                        QStringLiteral("A reference image of %1x%2 cannot be drawn; use "
                                       "a size up to 7680x4320.")
                            .arg(request.width)
                            .arg(request.height));
  ctx.throwIfCancelled(QStringLiteral("Local image generation"));
  const QString key = AssetCache::key(cacheRequest(request, backendId()));
  const QString output = localOutputPath(ctx, QStringLiteral("image"), key, QStringLiteral("png"));
  const QImage image = drawBackdrop(request.prompt, request.seed, request.width, request.height);
  QSaveFile file(output);
  if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
    throw ProviderError(
        Kind::Failed,
        QStringLiteral("Cannot write the reference image %1: %2.").arg(output, file.errorString()));
  GenerationResult result;
  result.filePath = output;
  result.mime = QStringLiteral("image/png");
  result.width = request.width;
  result.height = request.height;
  result.provider = backendId();
  result.model = QStringLiteral("local-backdrop");
  result.seconds = timer.elapsed() / 1000.0;
  return result;
}

}  // namespace sw::providers::local
