#include "render/scene_job.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

#include "media/media_error.h"
#include "media/stitcher.h"
#include "model/store_error.h"
#include "providers/provider_error.h"
#include "render/chunk_planner.h"
#include "render/job_bundle.h"
#include "render/manifest.h"
#include "render/picture_reuse.h"
#include "render/render_estimate.h"
#include "render/scene_job_state.h"
#include "render/seam_check.h"
#include "render/speech_estimate.h"
#include "render/spend_ledger.h"

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

void SceneJob::State::failPart(const QString& what, const QString& error) {
  QMutexLocker lock(&spendMutex);
  if (failedPart.isEmpty()) failedPart = QStringLiteral("%1 failed: %2").arg(what, error);
}

// Reservations go to the store (spend_ledger.h) through a connection of the calling thread's own
// (audio calls reserve on the job's audio pool): one per paid call, so a batch's jobs and a
// resumed job's earlier runs count. Free calls (local backends) touch no store.
SpendGuard SceneJob::State::spendGuard() {
  SpendGuard guard;
  const QString project = store->folder();  // called on the job thread
  guard.reserve = [this, project](double estimate, const QString& what) {
    if (request.offline)
      throw JobFailure(
          QStringLiteral("%1 is not in the asset cache, and a re-stitch never generates. "
                         "Render the scene (online or with the local backend) first.")
              .arg(what.left(1).toUpper() + what.mid(1)));
    QMutexLocker lock(&spendMutex);
    if (!failedPart.isEmpty())
      throw JobFailure(QStringLiteral("Stopped before %1: %2. Nothing new is generated after a "
                                      "failure; fix it and resume (what was generated is cached).")
                           .arg(what, failedPart));
    if (estimate <= 0.0) return;
    const auto spend = model::ProjectStore::open(project, model::ProjectStore::Check::Known);
    const Reservation r = reserveSpend(*spend, jobId, request, estimate, what);
    if (!r.granted)
      throw JobFailure(QStringLiteral("Budget reached: %1 would cost about $%2, and $%3 of the $%4 "
                                      "budget is already committed (this render, every scene of "
                                      "its batch and every earlier run). Raise the budget or use "
                                      "the local backend.")
                           .arg(what)
                           .arg(estimate, 0, 'f', 2)
                           .arg(r.committedUsd, 0, 'f', 2)
                           .arg(r.budgetUsd.value_or(0.0), 0, 'f', 2));
    spentUsd += estimate;  // reserved until the real cost is known
  };
  guard.settle = [this, project](double estimate, double actual) {
    QMutexLocker lock(&spendMutex);
    if (estimate <= 0.0 && actual <= 0.0) return;
    spentUsd += actual - estimate;
    try {
      const auto spend = model::ProjectStore::open(project, model::ProjectStore::Check::Known);
      settleSpend(*spend, jobId, estimate, actual);
    } catch (const std::exception&) {
      // The result must still reach the cache; the reservation stays open in the store and keeps
      // counting against the budget (never less than was spent) until the next run releases it.
    }
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

namespace {
providers::BackendSettings runningBackends(const providers::Backends& b);
}  // namespace

namespace {
// The render's chosen frame rate: the model's (registry), else 24.
int chosenFps(const SceneJob::State& s) { return s.modelEntry->fps > 0 ? s.modelEntry->fps : 24; }
}  // namespace

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
  s.stateOptions = stateOptions(s.request, runningBackends(s.backends));
  s.stateOptions.videoEngine = s.backends.video ? s.backends.video->engineIdentity() : QString();
  s.stateOptions.imageEngine = s.backends.image ? s.backends.image->engineIdentity() : QString();
  if (s.request.offline)  // a re-stitch renders what is there: nothing is regenerated
    for (const model::Chunk& c : s.store->chunks(s.scene.id))
      s.stateOptions.keepChunks.insert(c.id);
  s.chunks = s.store->chunks(s.scene.id);
  s.sceneSeconds = s.scene.targetDuration;
}

// The chunk plan for the duration the speech asks (generateSpeech set sceneSeconds): the scene
// state decides how many chunks cover it; generateVideo adds the ones missing.
void planScene(SceneJob::State& s) {
  s.stateOptions.sceneSeconds = s.sceneSeconds;
  s.stateOptions.exactDuration = s.sceneSeconds > s.scene.targetDuration + 1e-9;
  if (s.onlyChunk) return;  // regenerate keeps the scene's chunks as they are
  const SceneState state = currentState(s);
  s.event(QStringLiteral("info"), QStringLiteral("plan"),
          QStringLiteral("%1 chunks of about %2 s with %3 cover %4 s")
              .arg(state.chunksNeeded)
              .arg(expectedChunkSeconds(*s.store, *s.modelEntry), 0, 'f', 2)
              .arg(s.modelEntry->key)
              .arg(state.duration, 0, 'f', 2),
          state.toJson());
  s.chunks = s.store->chunks(s.scene.id);
}

SceneState currentState(SceneJob::State& s) {
  return sceneState(*s.store, s.scene.id, s.backends.models.get(), *s.cache, s.stateOptions);
}

void planWork(SceneJob::State& s, bool withStitch) {
  const SceneState state = currentState(s);
  QSet<int> wanted;
  for (const Slot& slot : state.items) {
    if (slot.kind == SlotKind::Reference && slot.willGenerate && s.referenceUnit < 0 &&
        s.backends.image && !s.onlyChunk)
      s.referenceUnit = s.progress.add(QStringLiteral("reference image"),
                                       callWeight(WorkKind::Image, s.backends.image->backendId()));
    if (slot.kind != SlotKind::Chunk) continue;
    if (s.onlyChunk ? slot.rowId == *s.onlyChunk
                    : slot.willGenerate && slot.index < state.chunksNeeded)
      wanted.insert(slot.index);
  }
  for (auto it = s.chunkUnits.begin(); it != s.chunkUnits.end();) {  // planned before a re-plan
    if (wanted.contains(it.key()) || s.progress.unitFraction(it.value()) > 0) {
      ++it;
      continue;
    }
    s.progress.dropUnit(it.value());
    it = s.chunkUnits.erase(it);
  }
  for (int index : std::as_const(wanted))
    if (!s.chunkUnits.contains(index))
      s.chunkUnits.insert(index, s.progress.add(QStringLiteral("chunk %1").arg(index + 1),
                                                ProgressWeights::videoCall(*s.modelEntry)));
  if (withStitch && s.stitchUnit < 0)
    s.stitchUnit = s.progress.add(QStringLiteral("stitch"),
                                  ProgressWeights::stitch(s.sceneSeconds, chosenFps(s)));
}

media::OutputSettings renderOutputSettings(SceneJob::State& s, const QString& path,
                                           std::optional<FrameRate> fps) {
  media::OutputSettings out;
  out.path = path;
  const QString resolution = s.request.preview ? QStringLiteral("480p") : s.request.resolution;
  outputSize(resolution, s.request.aspect, &out.width, &out.height);
  out.resolution = QStringLiteral("custom");
  out.fpsNum = fps ? fps->num : chosenFps(s);
  out.fpsDen = fps ? fps->den : 1;
  out.preset = s.request.preview ? QStringLiteral("veryfast") : QStringLiteral("medium");
  out.crf = s.request.preview ? 28 : 20;
  out.loudnessTarget =
      s.store->project().settings.value(QStringLiteral("loudnessTarget")).toDouble(-16.0);
  out.ducking = true;
  out.chunkAudio = media::ChunkAudio::Replace;
  return out;
}

namespace {

// The numbers the stitch will need, checked before anything is generated or paid for: the output
// settings (project loudness target, size, frame rate) and every SFX cue's time and gain.
void checkSettings(SceneJob::State& s) {
  try {
    media::validateOutput(renderOutputSettings(s, QStringLiteral("check.mp4")));
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

// The backend ids of the generators the job runs with (the request's backend already applied).
providers::BackendSettings runningBackends(const providers::Backends& b) {
  providers::BackendSettings out;
  const auto id = [](const auto& generator, const QString& fallback) {
    return generator ? generator->backendId() : fallback;
  };
  out.video = id(b.video, out.video);
  out.image = id(b.image, QString());
  out.speech = id(b.speech, out.speech);
  out.music = id(b.music, out.music);
  out.soundEffect = id(b.soundEffect, out.soundEffect);
  return out;
}

// The estimate before anything is generated: the job's first event of each run, with the speech
// timing from what is generated and the text of the rest (the job measures it in generateSpeech).
void recordEstimate(SceneJob::State& s) {
  const RenderEstimate e = estimateRender(*s.store, s.request, s.backends.models.get(),
                                          runningBackends(s.backends), s.cache->directory());
  QString message = e.summaryLine();
  QJsonObject data = e.toJson();
  if (s.request.sceneIds.size() == 1) {
    const SpeechLayout speech = estimateSpeech(*s.store, s.request.sceneIds.first(), s.request);
    const QString line = describeSpeechLayout(speech);
    if (!line.isEmpty()) {
      message += QStringLiteral("; ") + line;
      data.insert(
          QStringLiteral("speech"),
          QJsonObject{{"line", line}, {"needed", speech.needed}, {"duration", speech.duration}});
    }
  }
  s.event(QStringLiteral("info"), QStringLiteral("estimate"), message, data);
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

// The bundle of a render (job_bundle.h): the plan, the assets, what made it.
void writeSceneBundle(SceneJob::State& s, const media::RenderPlan& plan, const QString& output) {
  s.stage(QStringLiteral("writing the bundle"));
  BundleContents contents;
  contents.plan = plan;
  const model::Project project = s.store->project();
  contents.job = QJsonObject{{"project", QJsonObject{{"name", project.name}, {"folder", s.folder}}},
                             {"scene", QJsonObject{{"id", double(s.scene.id)},
                                                   {"position", s.scene.position + 1},
                                                   {"title", s.scene.title}}},
                             {"output", QFileInfo(output).fileName()},
                             {"settings", s.request.toJson()}};
  contents.manifest = buildManifest(*s.store, s.scene, plan, media::StitchReport{});
  writeBundle(contents, s.request.bundlePath);
  s.event(QStringLiteral("info"), QStringLiteral("bundle"),
          QStringLiteral("Wrote the job bundle %1").arg(s.request.bundlePath),
          QJsonObject{{"bundle", s.request.bundlePath}});
}

// A render or re-stitch: plan, generate what is missing, stitch, manifest. Sets the output.
void render(SceneJob::State& s, SceneJobResult& result) {
  releaseOpenReservations(*s.store, s.jobId);  // an earlier run died in the middle of a call
  recordEstimate(s);
  loadScene(s);
  const QString path = s.request.outputPath.isEmpty()
                           ? defaultOutputPath(s.store->exportsFolder(), s.scene)
                           : s.request.outputPath;
  checkSettings(s);
  checkBeforeGenerating(s, path);  // nothing is generated or uploaded before this
  planWork(s, true);               // from the estimated speech: progress has its whole plan
  generateSpeech(s);               // fails fast, before any video is planned or paid for
  planScene(s);
  planWork(s, false);  // the measured speech's plan: chunks added or dropped
  startAudio(s);
  const bool bundle = !s.request.bundlePath.isEmpty();
  if (!bundle) startPieces(s, path);  // a bundle is stitched elsewhere: nothing to encode ahead
  generateVideo(s);
  media::PieceList pieces = finishPieces(s);
  TimelineInputs timeline;
  addSegments(s, timeline);
  // One measured frame rate for every chunk: the output keeps it (no 24 -> 30 judder).
  const std::optional<FrameRate> fps = sharedFrameRate(timeline.segments);
  timeline.fps = fps ? fps->value() : chosenFps(s);
  // Lines marked for lip sync: their frames are replaced, so no piece encoded ahead still holds
  // the picture of its chunk.
  if (applyLipSync(s, timeline)) pieces = media::PieceList();
  extendPictureTo(timeline, s.sceneSeconds);
  collectAudio(s, timeline);
  s.throwIfCancelled();
  if (bundle) {
    writeSceneBundle(s, buildRenderPlan(timeline, renderOutputSettings(s, path, fps)), path);
    result.outputPath = s.request.bundlePath;
    return;
  }

  if (!QDir().mkpath(QFileInfo(path).absolutePath()))
    throw JobFailure(
        QStringLiteral("Cannot create the folder for %1: check the path and permissions.")
            .arg(path));
  const media::RenderPlan plan = buildRenderPlan(timeline, renderOutputSettings(s, path, fps));
  // Only the audio changed since the last render to this file: its picture is copied as it is.
  QString why;
  const std::unique_ptr<ReusedPicture> picture = ReusedPicture::forPlan(plan, &why);
  if (picture)
    s.event(QStringLiteral("info"), QStringLiteral("picture.reused"),
            QStringLiteral("The picture is the last render's: its video is copied and only the "
                           "audio is mixed again."),
            QJsonObject{{"output", path}});
  else if (QFileInfo::exists(path))
    s.event(QStringLiteral("info"), QStringLiteral("picture.new"),
            QStringLiteral("The picture is rendered again: %1.").arg(why),
            QJsonObject{{"output", path}, {"why", why}});
  s.stage(QStringLiteral("stitching"));
  media::ExportControl control;
  control.cancel = s.ctx.cancelFlag.get();
  // The stitch's own percent moves inside its unit; the unit ends once the file is in place.
  control.progress = [&s](double percent, const QString& stage) {
    s.unitProgress(s.stitchUnit, std::min(percent, 99.0) / 100.0, stitchStage(stage));
  };
  const media::StitchReport report = media::stitch(picture ? picture->plan() : plan, control,
                                                   picture ? media::PieceList() : pieces);
  s.event(QStringLiteral("info"), QStringLiteral("stitch"), report.summary(), report.toJson());
  writeManifest(*s.store, s.scene, plan, report, path + QStringLiteral(".json"));
  checkRenderSeams(*s.store, s.jobId, plan, path);  // events + the manifest's "seamQa"
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
    s.store->setJobOutput(jobId_, result.outputPath,
                          jobSpending(*s.store, jobId_).costUsd);  // every run
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
    s.failPart(QStringLiteral("the render"), result.error);  // audio not started yet never starts
  }
  // Waits for audio still being generated so nothing outlives the job.
  for (AudioWork& w : s.audio) w.future.waitForFinished();
  result.costUsd = s.spentUsd;  // with what the calls in flight cost
  if (s.store) {
    try {
      s.event(result.status == JobStatus::Cancelled ? QStringLiteral("warning")
                                                    : QStringLiteral("error"),
              QStringLiteral("stopped"), result.error);
      s.store->setJobOutput(jobId_, QString(), jobSpending(*s.store, jobId_).costUsd);
      s.store->setJobStatus(jobId_, result.status, result.error);
    } catch (const std::exception&) {
      // The store itself failed (disk full?); the error in `result` still reaches the caller.
    }
  }
  return result;
}

}  // namespace sw::render
