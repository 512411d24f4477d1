#include "render/scene_job.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <cmath>

#include "media/media_error.h"
#include "media/stitcher.h"
#include "model/store_error.h"
#include "providers/provider_error.h"
#include "render/chunk_planner.h"
#include "render/manifest.h"
#include "render/render_estimate.h"
#include "render/scene_job_state.h"

namespace sw::render {

using model::JobStatus;

void outputSize(const QString& resolution, const QString& aspect, int* width, int* height) {
  int h = 720;
  if (resolution == QLatin1String("480p"))
    h = 480;
  else if (resolution == QLatin1String("1080p"))
    h = 1080;
  else if (resolution == QLatin1String("2160p"))
    h = 2160;
  const auto even = [](double v) { return int(std::lround(v / 2)) * 2; };
  if (aspect == QLatin1String("9:16")) {
    *width = h;
    *height = even(h * 16.0 / 9.0);
  } else if (aspect == QLatin1String("1:1")) {
    *width = h;
    *height = h;
  } else {
    *width = even(h * 16.0 / 9.0);
    *height = h;
  }
}

QString defaultOutputPath(const QString& exportsFolder, const model::Scene& scene) {
  QString slug = scene.title.toLower();
  slug.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
  slug = slug.mid(0, 48);
  while (slug.endsWith(QLatin1Char('-'))) slug.chop(1);
  while (slug.startsWith(QLatin1Char('-'))) slug.remove(0, 1);
  if (slug.isEmpty()) slug = QStringLiteral("scene");
  return QDir(exportsFolder)
      .absoluteFilePath(
          QStringLiteral("%1-%2.mp4").arg(scene.position + 1, 2, 10, QLatin1Char('0')).arg(slug));
}

// ---------------------------------------------------------------- State helpers

void SceneJob::State::event(const QString& level, const QString& kind, const QString& message,
                            const QJsonObject& data) {
  store->addJobEvent({0, jobId, {}, level, kind, message, data});
}

void SceneJob::State::stage(const QString& text) {
  const double percent = progress.percent();
  store->updateJobProgress(jobId, text, percent);
  if (callbacks.progress) callbacks.progress(text, percent);
}

void SceneJob::State::unitProgress(ProgressPlan::Unit unit, double fraction, const QString& text) {
  progress.setUnitFraction(unit, fraction);
  stage(text);
}

void SceneJob::State::unitDone(ProgressPlan::Unit unit, const QString& text) {
  unitProgress(unit, 1.0, text);
}

RemoteLog SceneJob::State::remoteLog(const QString& cacheKey) {
  RemoteLog log = remoteLogFor(*store, jobId, cacheKey);
  log.event = [this](const QString& level, const QString& kind, const QString& message,
                     const QJsonObject& data) { event(level, kind, message, data); };
  return log;
}

SpendGuard SceneJob::State::spendGuard() {
  SpendGuard guard;
  guard.reserve = [this](double estimate, const QString& what) {
    if (request.offline)
      throw JobFailure(
          QStringLiteral("%1 is not in the asset cache, and a re-stitch never generates. "
                         "Render the scene (online or with the local backend) first.")
              .arg(what.left(1).toUpper() + what.mid(1)));
    QMutexLocker lock(&spendMutex);
    if (request.budgetUsd && spentUsd + estimate > *request.budgetUsd + 1e-9)
      throw JobFailure(QStringLiteral("Budget reached: %1 would cost about $%2, and $%3 of the $%4 "
                                      "budget is already committed. Raise the budget or use the "
                                      "local backend.")
                           .arg(what)
                           .arg(estimate, 0, 'f', 2)
                           .arg(spentUsd, 0, 'f', 2)
                           .arg(*request.budgetUsd, 0, 'f', 2));
    spentUsd += estimate;  // reserved until the real cost is known
  };
  guard.settle = [this](double estimate, double actual) {
    QMutexLocker lock(&spendMutex);
    spentUsd += actual - estimate;
  };
  return guard;
}

model::Asset SceneJob::State::recordAsset(const QString& kind, const CachedResult& r,
                                          const QJsonObject& parameters) {
  model::Asset a;
  a.kind = kind;
  a.cacheKey = r.key;
  a.filePath = r.path;
  a.mime = r.result.mime;
  a.duration = r.result.duration;
  a.width = r.result.width;
  a.height = r.result.height;
  a.provider = r.result.provider;
  a.model = r.result.model;
  a.parameters = parameters;
  a.cost = r.result.costUsd;
  const model::Id id = store->addAsset(a);
  if (auto existing = store->asset(id)) a = *existing;
  if (a.filePath != r.path) {  // the cache folder moved since the row was written
    store->setAssetFilePath(a.id, r.path);
    a.filePath = r.path;
  }
  event(QStringLiteral("info"),
        r.fromCache ? QStringLiteral("asset.cached") : QStringLiteral("asset.generated"),
        QStringLiteral("%1 %2").arg(
            kind, r.fromCache ? QStringLiteral("from cache") : QStringLiteral("generated")),
        QJsonObject{{"assetId", double(a.id)},
                    {"cacheKey", r.key},
                    {"provider", r.result.provider},
                    {"model", r.result.model},
                    {"cost", r.spentUsd},
                    {"seconds", r.result.seconds},
                    {"inputs", parameters},
                    {"notes", QJsonArray::fromStringList(r.result.notes)}});
  return a;
}

void SceneJob::State::throwIfCancelled() const {
  if (ctx.isCancelled())
    throw providers::ProviderError(providers::ProviderError::Kind::Cancelled,
                                   QStringLiteral("Render cancelled."));
}

// ---------------------------------------------------------------- SceneJob

SceneJob::SceneJob(QString projectFolder, model::Id jobId, RenderRequest request,
                   providers::Backends backends, std::shared_ptr<providers::AssetCache> cache)
    : folder_(std::move(projectFolder)),
      jobId_(jobId),
      request_(std::move(request)),
      backends_(std::move(backends)),
      cache_(std::move(cache)) {}

SceneJob::~SceneJob() = default;

void loadScene(SceneJob::State& s) {
  if (s.request.sceneIds.size() != 1)
    throw JobFailure(QStringLiteral("A render job needs exactly one scene."));
  auto scene = s.store->scene(s.request.sceneIds.first());
  if (!scene) throw JobFailure(QStringLiteral("The scene of this job was deleted."));
  s.scene = *scene;
  const QString projectDefault =
      s.store->project().settings.value(QStringLiteral("defaultModel")).toString();
  const QString key = !s.request.modelKey.isEmpty() ? s.request.modelKey : s.scene.modelKey;
  s.modelEntry = &s.backends.models->resolve(key, projectDefault);
  const ChunkPlan plan = s.onlyChunk
                             ? ChunkPlan{s.store->chunks(s.scene.id), false}
                             : planChunks(s.scene, *s.modelEntry, s.store->chunks(s.scene.id));
  if (plan.replaced) {
    s.store->replaceChunks(s.scene.id, plan.chunks);
    s.event(QStringLiteral("info"), QStringLiteral("plan"),
            QStringLiteral("Planned %1 chunks of %2 s with %3")
                .arg(plan.chunks.size())
                .arg(s.modelEntry->actualChunkDuration)
                .arg(s.modelEntry->key));
  }
  s.chunks = s.store->chunks(s.scene.id);
}

void planWork(SceneJob::State& s, bool withStitch) {
  const QString scene = QStringLiteral("scene '%1'").arg(s.scene.title);
  if (s.referenceUnit < 0 && s.modelEntry->supportsImageInput && s.backends.image &&
      !usableAsset(s, s.scene.referenceAssetId, MediaKind::Image,
                   QStringLiteral("the reference image of %1").arg(scene)))
    s.referenceUnit = s.progress.add(QStringLiteral("reference image"),
                                     callWeight(WorkKind::Image, s.backends.image->backendId()));
  for (const model::Chunk& chunk : std::as_const(s.chunks)) {
    if (s.chunkUnits.contains(chunk.id) || (s.onlyChunk && *s.onlyChunk != chunk.id)) continue;
    const bool usable =
        chunk.status == model::ChunkStatus::Ready || chunk.status == model::ChunkStatus::Stale;
    if (usable &&
        usableAsset(
            s, chunk.assetId, MediaKind::Video,
            QStringLiteral("the video of chunk %1 of %2").arg(chunk.position + 1).arg(scene)))
      continue;
    s.chunkUnits.insert(chunk.id, s.progress.add(QStringLiteral("chunk %1").arg(chunk.position + 1),
                                                 ProgressWeights::videoCall(*s.modelEntry)));
  }
  if (withStitch && s.stitchUnit < 0)
    s.stitchUnit =
        s.progress.add(QStringLiteral("stitch"),
                       ProgressWeights::stitch(s.scene.targetDuration,
                                               s.modelEntry->fps > 0 ? s.modelEntry->fps : 24));
}

namespace {

media::OutputSettings outputSettings(SceneJob::State& s, const QString& path) {
  media::OutputSettings out;
  out.path = path;
  const QString resolution = s.request.preview ? QStringLiteral("480p") : s.request.resolution;
  outputSize(resolution, s.request.aspect, &out.width, &out.height);
  out.resolution = QStringLiteral("custom");
  out.fpsNum = s.modelEntry->fps > 0 ? s.modelEntry->fps : 24;
  out.fpsDen = 1;
  out.preset = s.request.preview ? QStringLiteral("veryfast") : QStringLiteral("medium");
  out.crf = s.request.preview ? 28 : 20;
  out.loudnessTarget =
      s.store->project().settings.value(QStringLiteral("loudnessTarget")).toDouble(-16.0);
  out.ducking = true;
  out.chunkAudio = media::ChunkAudio::Replace;
  return out;
}

// The numbers the stitch will need, checked before anything is generated or paid for: the output
// settings (project loudness target, size, frame rate) and every SFX cue's time and gain.
void checkSettings(SceneJob::State& s) {
  try {
    media::validateOutput(outputSettings(s, QStringLiteral("check.mp4")));
    const QList<model::SfxCue> cues = s.store->sfxCues(s.scene.id);
    for (int i = 0; i < cues.size(); ++i) {
      media::AudioClip clip;
      clip.start = cues[i].time;
      clip.gainDb = cues[i].gainDb;
      media::validateClip(clip, QStringLiteral("SFX cue %1").arg(i + 1));
    }
  } catch (const media::MediaError& e) {
    throw JobFailure(QStringLiteral("Scene \"%1\" cannot be rendered as set up (%2). Fix it in the "
                                    "scene or project settings; nothing was generated.")
                         .arg(s.scene.title, e.message().section(QStringLiteral(": "), 1)),
                     core::ErrorKind::BadInput);
  }
}

// The estimate before anything is generated: the job's first event of each run.
void recordEstimate(SceneJob::State& s) {
  const QString videoBackend = s.backends.video ? s.backends.video->backendId() : QString();
  const RenderEstimate e =
      estimateRender(*s.store, s.request, s.backends.models.get(), videoBackend);
  s.event(QStringLiteral("info"), QStringLiteral("estimate"), e.summaryLine(), e.toJson());
}

QString stitchStage(const QString& mediaStage) {
  if (mediaStage == QLatin1String("audio")) return QStringLiteral("mixing audio");
  if (mediaStage == QLatin1String("video")) return QStringLiteral("encoding video");
  if (mediaStage == QLatin1String("finish") || mediaStage == QLatin1String("done"))
    return QStringLiteral("finishing");
  return QStringLiteral("stitching");
}

}  // namespace

namespace {

// A render or re-stitch: plan, generate what is missing, stitch, manifest. Sets the output.
void render(SceneJob::State& s, SceneJobResult& result) {
  recordEstimate(s);
  loadScene(s);
  const QString path = s.request.outputPath.isEmpty()
                           ? defaultOutputPath(s.store->exportsFolder(), s.scene)
                           : s.request.outputPath;
  checkSettings(s);
  checkBeforeGenerating(s, path);  // nothing is generated or uploaded before this
  planWork(s, true);
  startAudio(s);
  generateVideo(s);
  TimelineInputs timeline;
  timeline.fps = s.modelEntry->fps > 0 ? s.modelEntry->fps : 24;
  addSegments(s, timeline);
  collectAudio(s, timeline);
  s.throwIfCancelled();

  if (!QDir().mkpath(QFileInfo(path).absolutePath()))
    throw JobFailure(
        QStringLiteral("Cannot create the folder for %1: check the path and permissions.")
            .arg(path));
  const media::RenderPlan plan = buildRenderPlan(timeline, outputSettings(s, path));
  s.stage(QStringLiteral("stitching"));
  media::ExportControl control;
  control.cancel = s.ctx.cancelFlag.get();
  // The stitch's own percent moves inside its unit; the unit ends once the file is in place.
  control.progress = [&s](double percent, const QString& stage) {
    s.unitProgress(s.stitchUnit, std::min(percent, 99.0) / 100.0, stitchStage(stage));
  };
  const media::StitchReport report = media::stitch(plan, control);
  s.event(QStringLiteral("info"), QStringLiteral("stitch"), report.summary(), report.toJson());
  writeManifest(*s.store, s.scene, plan, report, path + QStringLiteral(".json"));
  result.outputPath = path;
}

}  // namespace

SceneJobResult SceneJob::run(const SceneJobCallbacks& callbacks) {
  State s;
  s.jobId = jobId_;
  s.request = request_;
  s.backends = backends_;
  s.cache = cache_;
  s.callbacks = callbacks;
  s.folder = folder_;
  s.ctx.cancelFlag = cancel_;
  s.ctx.detachFlag = detach_;
  SceneJobResult result;
  QElapsedTimer timer;
  timer.start();
  try {
    s.store = model::ProjectStore::open(folder_,
                                        model::ProjectStore::Check::Known);  // the queue checked it
    s.store->setJobStatus(jobId_, JobStatus::Processing);
    s.stage(QStringLiteral("planning"));
    if (request_.kind == JobKind::Regenerate)
      regenerate(s, result);
    else
      render(s, result);
    result.costUsd = s.spentUsd;
    s.store->setJobOutput(jobId_, result.outputPath, s.spentUsd);
    // 100% only now: the output file is in place (a render's) and every step is recorded.
    s.progress.complete();
    s.store->updateJobProgress(jobId_, QStringLiteral("done"), 100);
    s.store->setJobStatus(jobId_, JobStatus::Completed);
    const double seconds = timer.elapsed() / 1000.0;
    s.event(
        QStringLiteral("info"), QStringLiteral("completed"),
        result.outputPath.isEmpty()
            ? QStringLiteral("Regenerated in %1 s").arg(seconds, 0, 'f', 1)
            : QStringLiteral("Rendered %1 in %2 s").arg(result.outputPath).arg(seconds, 0, 'f', 1),
        QJsonObject{{"seconds", seconds}, {"cost", s.spentUsd}});
    if (callbacks.progress) callbacks.progress(QStringLiteral("done"), 100);
    return result;
  } catch (const std::exception& e) {
    const bool cancelled = cancel_->load();
    result.status = cancelled ? JobStatus::Cancelled : JobStatus::Failed;
    result.error = cancelled ? QStringLiteral("Cancelled.") : QString::fromStdString(e.what());
    result.costUsd = s.spentUsd;
  }
  // Waits for audio still being generated so nothing outlives the job.
  for (AudioWork& w : s.audio) w.future.waitForFinished();
  if (s.store) {
    try {
      s.event(result.status == JobStatus::Cancelled ? QStringLiteral("warning")
                                                    : QStringLiteral("error"),
              QStringLiteral("stopped"), result.error);
      s.store->setJobOutput(jobId_, QString(), s.spentUsd);
      s.store->setJobStatus(jobId_, result.status, result.error);
    } catch (const std::exception&) {
      // The store itself failed (disk full?); the error in `result` still reaches the caller.
    }
  }
  return result;
}

}  // namespace sw::render
