#include "render/film_render.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#include "media/media_error.h"
#include "providers/asset_cache.h"
#include "providers/model_registry.h"
#include "render/render_queue.h"

namespace sw::render {

namespace {

QList<FilmScene> checkScenes(const QString& folder, const FilmRequest& request,
                             const QString& cacheFolder,
                             std::shared_ptr<const providers::ModelRegistry> registry) {
  auto store = model::ProjectStore::open(folder);
  if (!registry) {
    try {  // what the queue's jobs read too (render_queue.h)
      registry = std::make_shared<const providers::ModelRegistry>(providers::ModelRegistry::load());
    } catch (const std::exception&) {
      // Without a registry the scene state cannot size chunks: the scene is not current, and
      // its render job reports the registry's error.
    }
  }
  const providers::AssetCache cache(cacheFolder);
  QList<FilmScene> out;
  for (model::Id id : request.sceneIds) {
    const auto scene = store->scene(id);
    if (!scene) throw FilmError(QStringLiteral("Scene %1 no longer exists.").arg(id));
    out.append(checkFilmScene(*store, *scene, registry.get(), cache, request));
  }
  return out;
}

FilmResult stitchScenes(const QString& folder, const FilmRequest& request, FilmResult result,
                        const std::atomic<bool>* cancel,
                        const std::function<void(double, const QString&)>& report) {
  try {
    auto store = model::ProjectStore::open(folder);
    const media::RenderPlan plan = buildFilmPlan(*store, result.scenes, request.outputPath);
    media::ExportControl control;
    control.cancel = cancel;
    control.progress = report;
    result.report = media::stitch(plan, control);
    result.manifest = request.outputPath + QStringLiteral(".json");
    writeFilmManifest(buildFilmManifest(*store, result.scenes, plan, result.report),
                      result.manifest);
    result.output = request.outputPath;
  } catch (const std::exception& e) {
    result.error = QString::fromUtf8(e.what());
  }
  return result;
}

}  // namespace

FilmRender::FilmRender(RenderQueue& queue, QString projectFolder, FilmRequest request,
                       QObject* parent)
    : QObject(parent),
      queue_(queue),
      folder_(std::move(projectFolder)),
      request_(std::move(request)) {
  connect(&checkWatcher_, &QFutureWatcher<QList<FilmScene>>::finished, this, &FilmRender::checked);
  connect(&stitchWatcher_, &QFutureWatcher<FilmResult>::finished, this, &FilmRender::stitched);
}

FilmRender::~FilmRender() {
  cancel_ = true;
  checkWatcher_.waitForFinished();
  stitchWatcher_.waitForFinished();
}

void FilmRender::start() {
  Q_EMIT progress(QStringLiteral("checking the scenes"), 0);
  checkWatcher_.setFuture(QtConcurrent::run(checkScenes, folder_, request_, queue_.cacheDirectory(),
                                            queue_.modelRegistry()));
}

void FilmRender::cancel() {
  cancel_ = true;
  for (model::Id id : waiting_) queue_.cancel(id);
}

void FilmRender::fail(const QString& error) {
  disconnect(jobConnection_);
  disconnect(progressConnection_);
  result_.error = error;
  finished_ = true;
  Q_EMIT finished(false);
}

void FilmRender::checked() {
  try {
    result_.scenes = checkWatcher_.result();
  } catch (const std::exception& e) {
    fail(QString::fromUtf8(e.what()));
    return;
  }
  if (cancel_) {
    fail(QStringLiteral("Cancelled."));
    return;
  }
  RenderRequest scenes = request_.scene;
  scenes.kind = JobKind::Render;
  scenes.sceneIds.clear();
  scenes.outputPath.clear();  // each scene's render goes to exports/, where the film looks
  for (const FilmScene& f : result_.scenes)
    if (!f.current) scenes.sceneIds.append(f.scene.id);
  if (scenes.sceneIds.isEmpty()) {
    stitchFilm();
    return;
  }
  renderSpan_ = 55;
  jobConnection_ = connect(&queue_, &RenderQueue::jobFinished, this,
                           [this](qint64 id, int status, const QString&, const QString& error) {
                             sceneJobFinished(id, status, error);
                           });
  progressConnection_ =
      connect(&queue_, &RenderQueue::jobProgress, this,
              [this](qint64 id, const QString& stage, double pct, double) {
                if (!waiting_.contains(id)) return;
                const int total = result_.sceneJobs.size();
                const int done = total - waiting_.size();
                Q_EMIT progress(QStringLiteral("scene job %1: %2").arg(id).arg(stage),
                                renderBase_ + renderSpan_ * (done + pct / 100.0) / total);
              });
  try {
    result_.sceneJobs = queue_.enqueue(scenes);
  } catch (const std::exception& e) {
    fail(QString::fromUtf8(e.what()));
    return;
  }
  for (model::Id id : result_.sceneJobs) waiting_.insert(id);
}

void FilmRender::sceneJobFinished(qint64 jobId, int status, const QString& error) {
  if (!waiting_.remove(jobId)) return;
  if (status != int(model::JobStatus::Completed)) {
    for (model::Id id : waiting_) queue_.cancel(id);
    waiting_.clear();
    fail(QStringLiteral("The scene render (job %1) did not complete: %2").arg(jobId).arg(error));
    return;
  }
  if (waiting_.isEmpty()) {
    disconnect(jobConnection_);
    disconnect(progressConnection_);
    stitchFilm();
  }
}

void FilmRender::stitchFilm() {
  if (cancel_) {
    fail(QStringLiteral("Cancelled."));
    return;
  }
  const double base = renderBase_ + renderSpan_;
  QPointer<FilmRender> self(this);
  auto report = [self, base](double pct, const QString& stage) {
    QMetaObject::invokeMethod(
        self.data(),
        [self, base, pct, stage] {
          if (self)
            Q_EMIT self->progress(QStringLiteral("film: %1").arg(stage),
                                  base + (100 - base) * pct / 100.0);
        },
        Qt::QueuedConnection);
  };
  stitchWatcher_.setFuture(
      QtConcurrent::run(stitchScenes, folder_, request_, result_, &cancel_, report));
}

void FilmRender::stitched() {
  result_ = stitchWatcher_.result();
  if (!result_.error.isEmpty()) {
    fail(result_.error);
    return;
  }
  finished_ = true;
  Q_EMIT progress(QStringLiteral("done"), 100);
  Q_EMIT finished(true);
}

}  // namespace sw::render
