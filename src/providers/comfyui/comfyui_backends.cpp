#include "providers/comfyui/comfyui_backends.h"

#include "providers/comfyui/comfyui_client.h"

#include "media/media_error.h"
#include "media/probe.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <cmath>

Q_LOGGING_CATEGORY(lcComfyVideo, "scenewright.comfyui.video")

namespace sw::providers::comfyui {

namespace {
using K = ProviderError::Kind;
}

QStringList compareDelivered(const WorkflowValues& asked, const media::ProbeResult& probe) {
  QStringList notes;
  const media::StreamInfo* v = probe.video();
  if (!v) return {QStringLiteral("the output holds no video stream")};
  if (asked.width && asked.height &&
      (v->displayWidth() != *asked.width || v->displayHeight() != *asked.height))
    notes << QStringLiteral("delivered %1x%2, asked %3x%4")
                 .arg(v->displayWidth())
                 .arg(v->displayHeight())
                 .arg(*asked.width)
                 .arg(*asked.height);
  const double fps = v->frameRate();
  if (asked.fps && fps > 0 && std::abs(fps - *asked.fps) > 0.01)
    notes << QStringLiteral("delivered %1 fps, asked %2 fps")
                 .arg(fps, 0, 'g', 5)
                 .arg(*asked.fps, 0, 'g', 5);
  // The frame count: the container's, else the stream's duration at its rate.
  const qint64 frames = v->frameCount > 0 ? v->frameCount
                        : fps > 0         ? std::llround(v->duration * fps)
                                          : 0;
  if (asked.frames && frames > 0 && frames != *asked.frames)
    notes << QStringLiteral("delivered %1 frames, asked %2").arg(frames).arg(*asked.frames);
  return notes;
}

QUrl comfyBaseUrl(const QJsonObject& options, const QProcessEnvironment& environment) {
  QString text = options.value(QStringLiteral("baseUrl")).toString().trimmed();
  if (text.isEmpty()) text = environment.value(QStringLiteral("COMFYUI_URL")).trimmed();
  if (text.isEmpty()) text = QStringLiteral("http://127.0.0.1:8188");
  if (!text.contains(QLatin1String("://"))) text.prepend(QStringLiteral("http://"));
  while (text.endsWith('/')) text.chop(1);
  return QUrl(text);
}

ComfyUIBackend::ComfyUIBackend(const QJsonObject& options, const QString& workflowKey,
                               const QString& defaultWorkflow)
    : options_(options), base_(comfyBaseUrl(options, QProcessEnvironment::systemEnvironment())) {
  const double scale = options.value(QStringLiteral("timeScale")).toDouble(1.0);
  clock_ = scale == 1.0 ? cloud::systemClock() : std::make_shared<const cloud::ScaledClock>(scale);
  retry_.maxAttempts = std::max(1, options.value(QStringLiteral("maxAttempts")).toInt(5));
  const QString source = options.value(workflowKey + QStringLiteral("Workflow")).toString();
  try {
    workflow_ = Workflow::load(source.isEmpty() ? defaultWorkflow : source,
                               options.value(workflowKey + QStringLiteral("Mapping")).toString());
  } catch (const ProviderError& e) {
    loadError_ = e.message();  // reported by the first generate(), not when settings are read
  }
}

QString ComfyUIBackend::engineIdentity() const {
  return workflow_ ? QStringLiteral("comfyui-workflow:") + workflow_->sha256() : QString();
}

const Workflow& ComfyUIBackend::workflow() const {
  if (!workflow_) throw ProviderError(K::Invalid, loadError_, false);
  return *workflow_;
}

cloud::HttpClient ComfyUIBackend::http(const GenerationContext& ctx) const {
  cloud::HttpClient::Options o;
  o.clock = clock_;
  o.retry = retry_;
  const auto flag = ctx.cancelFlag;
  o.cancelled = [flag] { return flag && flag->load(); };
  return cloud::HttpClient(o);
}

GenerationResult ComfyUIBackend::finish(const cloud::DownloadedFile& file, const QString& promptId,
                                        double seconds) const {
  GenerationResult r = cloud::resultFromFile(file.path, file.contentType);
  r.costUsd = 0.0;
  r.seconds = seconds;
  r.provider = backendId();
  r.model = QStringLiteral("comfyui:") + workflow().label();
  r.remoteId = promptId;
  r.notes << QStringLiteral("ComfyUI workflow %1 (sha256 %2)")
                 .arg(workflow().label(), workflow().sha256().left(12));
  return r;
}

ComfyUIVideo::ComfyUIVideo(const QJsonObject& options)
    : ComfyUIBackend(options, QStringLiteral("video"), QStringLiteral("wan22_i2v")) {}

GenerationResult ComfyUIVideo::generate(const VideoRequest& request, const GenerationContext& ctx) {
  const Workflow& w = workflow();
  const QString what = QStringLiteral("Video chunk (ComfyUI %1)").arg(w.label());
  QElapsedTimer timer;
  timer.start();
  const bool takesImage = w.mapping().inputs.contains(QStringLiteral("start_image"));
  if (takesImage && request.startImage.isEmpty())
    throw ProviderError(K::Invalid,
                        QStringLiteral("%1: the workflow needs a start image and this chunk has "
                                       "none; give the scene a reference image or choose a "
                                       "text-to-video workflow (ltxv_t2v)")
                            .arg(what),
                        false);
  cloud::HttpClient client = http(ctx);
  ComfyUIClient comfy(base_, client);
  WorkflowValues v;
  v.prompt = request.fullPrompt();
  v.seed = request.seed;
  const QString negative = options_.value(QStringLiteral("negativePrompt")).toString();
  if (!negative.isEmpty()) v.negativePrompt = negative;
  const double fps = request.fps > 0 ? request.fps : request.model.fps;
  const double seconds =
      request.duration > 0.0 ? request.duration : request.model.actualChunkDuration;
  if (fps > 0) v.fps = fps;
  if (fps > 0 && seconds > 0) v.frames = int(std::llround(seconds * fps));
  const int width = request.width > 0 ? request.width : request.model.width;
  const int height = request.height > 0 ? request.height : request.model.height;
  if (width > 0 && height > 0) {
    v.width = width;
    v.height = height;
  }
  if (takesImage) v.startImage = comfy.uploadImage(request.startImage);
  const RunOutcome out = comfy.run(w.apply(v), w.mapping().outputNode, ctx, what);
  ctx.reportProgress(95.0, QStringLiteral("%1: downloading").arg(what));
  const auto file = comfy.download(out.files.first(), ctx.outputDir, cloud::ExpectedMedia::Video);
  GenerationResult r = finish(file, out.promptId, timer.elapsed() / 1000.0);
  // Measure, never trust: a workflow may round the size (latents in steps of 16 or 32), fix its
  // own frame rate or frame count (4n + 1) whatever the mapping sent. The job records what was
  // measured (render/model_observations.h); here it is compared with what was asked.
  try {
    media::ProbeOptions po;
    po.keyframes = false;
    WorkflowValues sent = v;  // the frame count as sent (frame_step)
    if (sent.frames) sent.frames = w.frameCount(*sent.frames);
    const QStringList differences = compareDelivered(sent, media::probe(file.path, po));
    if (!differences.isEmpty()) {
      const QString note = QStringLiteral("ComfyUI workflow %1 %2")
                               .arg(w.label(), differences.join(QStringLiteral("; ")));
      r.notes << note;
      qCWarning(lcComfyVideo).noquote() << note;
      ctx.reportProgress(100.0, QStringLiteral("%1: %2").arg(what, note));
    }
  } catch (const media::MediaError& e) {
    r.notes << QStringLiteral("the output could not be measured: %1").arg(e.message());
  }
  if (!takesImage && !request.startImage.isEmpty())
    r.notes << QStringLiteral("text-to-video: the workflow takes no start image");
  else if (!takesImage)
    r.notes << QStringLiteral("text-to-video");
  return r;
}

ComfyUIImage::ComfyUIImage(const QJsonObject& options)
    : ComfyUIBackend(options, QStringLiteral("image"), QStringLiteral("flux_schnell")) {}

GenerationResult ComfyUIImage::generate(const ImageRequest& request, const GenerationContext& ctx) {
  const Workflow& w = workflow();
  const QString what = QStringLiteral("Reference image (ComfyUI %1)").arg(w.label());
  QElapsedTimer timer;
  timer.start();
  cloud::HttpClient client = http(ctx);
  ComfyUIClient comfy(base_, client);
  WorkflowValues v;
  v.prompt = request.style.trimmed().isEmpty()
                 ? request.prompt
                 : request.prompt.trimmed() + QStringLiteral(". ") + request.style.trimmed();
  v.seed = request.seed;
  const QString negative = options_.value(QStringLiteral("negativePrompt")).toString();
  if (!negative.isEmpty()) v.negativePrompt = negative;
  if (request.width > 0 && request.height > 0) {
    v.width = request.width;
    v.height = request.height;
  }
  const RunOutcome out = comfy.run(w.apply(v), w.mapping().outputNode, ctx, what);
  const auto file = comfy.download(out.files.first(), ctx.outputDir, cloud::ExpectedMedia::Image);
  return finish(file, out.promptId, timer.elapsed() / 1000.0);
}

void registerComfyUIBackends(BackendFactory& factory) {
  factory.addVideo(QStringLiteral("comfyui"), [](const BackendEnvironment& env) {
    return std::make_shared<ComfyUIVideo>(env.optionsFor(QStringLiteral("comfyui")));
  });
  factory.addImage(QStringLiteral("comfyui"), [](const BackendEnvironment& env) {
    return std::make_shared<ComfyUIImage>(env.optionsFor(QStringLiteral("comfyui")));
  });
}

}  // namespace sw::providers::comfyui
