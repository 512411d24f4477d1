#include "providers/local/local_video.h"

#include "providers/asset_cache.h"
#include "providers/local/local_drawing.h"
#include "providers/model_registry.h"
#include "render/media/filter_graph.h"
#include "render/media/media_error.h"
#include "render/media/media_writer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QSaveFile>
#include <cmath>

namespace sw::providers::local {
namespace {

using Kind = ProviderError::Kind;

int even(int v) { return std::max(2, v - (v % 2)); }

QImage startPicture(const VideoRequest& r, int width, int height) {
  if (r.startImage.isEmpty()) return drawBackdrop(r.prompt, r.seed, width, height);
  QImage image(r.startImage);
  if (image.isNull())
    throw ProviderError(Kind::Invalid, QStringLiteral("The start image %1 cannot be read as a picture "
                                                      "(PNG or JPEG expected).").arg(r.startImage));
  return image.convertToFormat(QImage::Format_RGBA8888);
}

// scale up 2x (smooth zoompan), move the camera, caption, yuv420p.
QString graphFor(const VideoRequest& r, const LocalVideoGenerator::Plan& p, const QString& captionFile) {
  Rng rng(stableHash(r.fullPrompt(), r.seed) ^ 0x5eedULL);
  const double zoom = 0.10 + 0.15 * rng.uniform();
  const double fx = 0.2 + 0.6 * rng.uniform(), fy = 0.2 + 0.6 * rng.uniform();
  const int n = std::max(1, p.frames - 1);
  QString g = QStringLiteral("[in]scale=%1:%2:flags=bicubic,setsar=1,"
                             "zoompan=z='1+%3*on/%4':x='(iw-iw/zoom)*%5':y='(ih-ih/zoom)*%6':"
                             "d=%7:s=%8x%9:fps=%10")
                  .arg(p.width * 2).arg(p.height * 2).arg(zoom).arg(n).arg(fx).arg(fy)
                  .arg(p.frames).arg(p.width).arg(p.height).arg(p.fps);
  const QString caption = r.fullPrompt();
  if (!caption.isEmpty()) g += ',' + captionFilter(caption, captionFile, p.width, p.height, p.duration);
  return g + QStringLiteral(",format=yuv420p[out]");
}

void renderChunk(const VideoRequest& r, const LocalVideoGenerator::Plan& p, const QString& preset,
                 const QString& output, const GenerationContext& ctx) {
  using namespace sw::media;
  const QImage picture = startPicture(r, p.width, p.height);
  const QString captionFile = output + QStringLiteral(".caption.txt");
  struct Cleanup {
    QString path;
    ~Cleanup() { QFile::remove(path); }
  } cleanup{captionFile};
  FramePtr in = frameFromImage(picture);
  const std::string args = videoSourceArgs(in->width, in->height, AV_PIX_FMT_RGBA, AVRational{1, p.fps},
                                           AVRational{1, 1}, AVRational{p.fps, 1});
  FilterGraph graph({GraphInput{"in", false, args}}, {GraphOutput{"out", false, AV_PIX_FMT_YUV420P}},
                    graphFor(r, p, captionFile).toStdString(), QStringLiteral("local video drawing"));
  graph.push(0, in.get());
  graph.push(0, nullptr);
  MediaWriter writer(output);
  writer.addVideoStream({.width = p.width, .height = p.height, .fps = {p.fps, 1}, .crf = 20,
                         .preset = preset.toStdString(), .gop = p.fps});
  FramePtr frame = makeFrame();
  while (graph.pull(0, frame.get()) == FilterGraph::Pull::Frame) {
    ctx.throwIfCancelled(QStringLiteral("Local video generation"));
    writer.writeVideo(frame.get());
    av_frame_unref(frame.get());
    ctx.reportProgress(95.0 * static_cast<double>(writer.videoFramesWritten()) / p.frames,
                       QStringLiteral("drawing frame %1 of %2").arg(writer.videoFramesWritten()).arg(p.frames));
  }
  if (writer.videoFramesWritten() != p.frames)
    throw ProviderError(Kind::BadOutput, QStringLiteral("Local video drawing produced %1 frames instead "
                                                        "of %2.").arg(writer.videoFramesWritten()).arg(p.frames));
  writer.finish();
}

}  // namespace

QString localOutputPath(const GenerationContext& ctx, const QString& prefix, const QString& cacheKey,
                        const QString& extension) {
  if (ctx.outputDir.isEmpty())
    throw ProviderError(Kind::Invalid, QStringLiteral("No output folder was given for the generated file."));
  if (!QDir().mkpath(ctx.outputDir))
    throw ProviderError(Kind::Failed, QStringLiteral("Cannot create the output folder %1.").arg(ctx.outputDir));
  return QDir(ctx.outputDir).absoluteFilePath(
      QStringLiteral("%1-%2.%3").arg(prefix, cacheKey.left(16), extension));
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
  const double seconds = (m.durationControllable && r.duration > 0.0) ? r.duration : m.actualChunkDuration;
  p.frames = std::max(1, static_cast<int>(std::lround(seconds * p.fps)));
  p.duration = static_cast<double>(p.frames) / p.fps;
  return p;
}

GenerationResult LocalVideoGenerator::generate(const VideoRequest& request, const GenerationContext& ctx) {
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
    throw ProviderError(Kind::Failed, QStringLiteral("Local video generation failed: %1").arg(e.message()));
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

GenerationResult LocalImageGenerator::generate(const ImageRequest& request, const GenerationContext& ctx) {
  QElapsedTimer timer;
  timer.start();
  if (request.width < 2 || request.height < 2 || request.width > 7680 || request.height > 4320)
    throw ProviderError(Kind::Invalid, QStringLiteral("A reference image of %1x%2 cannot be drawn; use "
                                                      "a size up to 7680x4320.").arg(request.width).arg(request.height));
  ctx.throwIfCancelled(QStringLiteral("Local image generation"));
  const QString key = AssetCache::key(cacheRequest(request, backendId()));
  const QString output = localOutputPath(ctx, QStringLiteral("image"), key, QStringLiteral("png"));
  const QImage image = drawBackdrop(request.prompt, request.seed, request.width, request.height);
  QSaveFile file(output);
  if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit())
    throw ProviderError(Kind::Failed, QStringLiteral("Cannot write the reference image %1: %2.")
                                          .arg(output, file.errorString()));
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
