#include "render/render_queue.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimer>
#include <QUuid>
#include <algorithm>
#include <cerrno>
#include <csignal>

#include "model/project_store.h"
#include "providers/asset_cache.h"
#include "render/progress_plan.h"
#include "render/regenerate.h"
#include "render/render_estimate.h"
#include "render/scene_job.h"
#include "render/scene_lease.h"

namespace sw::render {

using model::Id;
using model::JobStatus;

namespace {

// The pid of the last `started` or `waiting` event: the process that owns the job.
qint64 ownerPid(model::ProjectStore& store, Id jobId) {
  qint64 pid = 0;
  for (const model::JobEvent& e : store.jobEvents(jobId))
    if (e.kind == QLatin1String("started") || e.kind == QLatin1String("waiting"))
      pid = qint64(e.data.value(QStringLiteral("pid")).toDouble());
  return pid;
}

bool leaseAlive(const std::optional<model::SceneLease>& lease) {
  return lease && model::ProjectStore::leaseHolderAlive(*lease);
}

}  // namespace

int recoverInterruptedJobs(model::ProjectStore& store) {
  int marked = 0;
  for (const model::RenderJob& job : store.jobs()) {
    if (job.status != JobStatus::Processing && job.status != JobStatus::Queued) continue;
    // A farm job runs on the cluster: `farm fetch` settles it (farm/farm_jobs.h).
    if (job.spec.value(QStringLiteral("kind")).toString() == QLatin1String("farm")) continue;
    // A job holding its scene's lease runs, in this process too (a regenerate on a worker
    // thread of the GUI) or in another one.
    if (leaseAlive(store.leaseOfJob(job.id))) continue;
    const qint64 pid = ownerPid(store, job.id);
    // A queued job waits in a live process's queue; a processing one without a lease runs in
    // this process only if it holds a lease (checked above).
    const bool self = job.status == JobStatus::Queued && pid == qint64(getpid());
    const bool alive = pid > 0 && (self || (pid != qint64(getpid()) && ::kill(pid_t(pid), 0) == 0));
    if (alive) continue;
    store.setJobStatus(job.id, JobStatus::Interrupted,
                       job.status == JobStatus::Queued
                           ? QStringLiteral("Interrupted (the app stopped before the job ran).")
                           : QStringLiteral("Interrupted (the app stopped while rendering)."));
    ++marked;
  }
  // Chunks left 'generating' by a job that no longer runs are pending again, with a note.
  for (const model::Scene& scene : store.scenes()) {
    if (leaseAlive(store.sceneLease(scene.id))) continue;
    for (const model::Chunk& chunk : store.chunks(scene.id))
      if (chunk.status == model::ChunkStatus::Generating)
        store.setChunkStatus(chunk.id, model::ChunkStatus::Pending,
                             QStringLiteral("Generation stopped before this chunk was finished; "
                                            "render the scene or regenerate the chunk."));
  }
  return marked;
}

namespace {

// Scenes rendered side by side: local generation and stitching are CPU-bound, so two at a time;
// a job whose chunks come from a cloud service mostly waits on the network, so it gets a thread
// of its own (up to kMaxThreads) instead of holding back the rest of a batch.
constexpr int kCpuJobs = 2;
constexpr int kMaxThreads = 8;

bool generatesRemotely(model::ProjectStore& store, const RenderRequest& request,
                       const providers::Backends& backends) {
  if (request.offline || !backends.video || !backends.models ||
      backends.video->backendId() == QLatin1String("local"))
    return false;
  const auto scene = store.scene(request.sceneIds.value(0));
  if (!scene) return false;
  const QString key = !request.modelKey.isEmpty() ? request.modelKey : scene->modelKey;
  try {
    const QString projectDefault =
        store.project().settings.value(QStringLiteral("defaultModel")).toString();
    return backends.models->resolve(key, projectDefault).backend != QLatin1String("local");
  } catch (const std::exception&) {
    return false;  // an unknown model: the job itself reports it
  }
}

// Sets the calling thread's nice value (Linux: per thread, inherited by the threads it starts).
// Only ever raised: a pool thread that ran a background job stays in the background.
void lowerThreadPriority(int nice) {
  if (nice <= 0) return;
  const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
  errno = 0;
  const int now = ::getpriority(PRIO_PROCESS, tid);
  if (errno == 0 && now < nice) ::setpriority(PRIO_PROCESS, tid, nice);
}

}  // namespace

struct RenderQueue::Private {
  QString folder;
  QThreadPool pool;
  std::unique_ptr<model::ProjectStore> store;  // GUI-thread connection: job rows only
  providers::BackendSettings settings;
  QJsonObject options;
  std::shared_ptr<const providers::ModelRegistry> models;
  QString cacheDir = providers::AssetCache::defaultDirectory();
  QHash<Id, std::shared_ptr<SceneJob>> running;
  QHash<Id, QElapsedTimer> clocks;
  QHash<Id, EtaEstimator> etas;  // per running job, from its measured progress
  QSet<Id> pausing;
  QSet<Id> remote;  // running jobs that generate on a cloud service
  QHash<Id, std::shared_ptr<SceneLeaseKeeper>> leases;  // the scene lease of each running job
  QList<Id> waiting;  // jobs whose scene another job holds, in the order they asked
  QTimer waitTimer;   // retries the waiting jobs
  BusyScene busyMode = BusyScene::Wait;
  int workerNice = 0;

  void updatePoolSize() {
    pool.setMaxThreadCount(std::min(kMaxThreads, kCpuJobs + int(remote.size())));
  }
};

RenderQueue::RenderQueue(const QString& projectFolder, QObject* parent)
    : QObject(parent), d(std::make_unique<Private>()) {
  if (!QCoreApplication::instance())
    throw std::logic_error(
        "RenderQueue reports through queued signals: create a QCoreApplication first");
  d->folder = projectFolder;
  d->updatePoolSize();  // scenes of a batch render side by side
  d->store = model::ProjectStore::open(projectFolder);
  recoverInterruptedJobs(*d->store);
  d->waitTimer.setInterval(500);
  connect(&d->waitTimer, &QTimer::timeout, this, [this] { retryWaiting(); });
}

RenderQueue::~RenderQueue() {
  for (auto& job : d->running) job->cancel();
  d->pool.waitForDone();
  d->leases.clear();  // releases the scenes
  for (Id id : std::as_const(d->waiting)) {
    try {
      d->store->setJobStatus(
          id, JobStatus::Interrupted,
          QStringLiteral("Interrupted (the app stopped while the job waited for its scene)."));
    } catch (const std::exception&) {
    }
  }
}

void RenderQueue::setBusySceneMode(BusyScene mode) { d->busyMode = mode; }

void RenderQueue::retryWaiting() {
  const QList<Id> waiting = d->waiting;
  d->waiting.clear();
  for (Id id : waiting) {
    const auto row = d->store->job(id);
    if (!row) continue;
    if (row->status == JobStatus::Completed || row->status == JobStatus::Cancelled) {
      // Finished meanwhile by the process that held it.
      Q_EMIT jobChanged(id);
      Q_EMIT jobFinished(id, int(row->status), row->outputPath, row->errorMessage);
      continue;
    }
    resume(id);
  }
  if (d->waiting.isEmpty()) d->waitTimer.stop();
}

// Takes the job's scene lease; false when another live job holds the scene (the job then
// waits or is refused, see BusyScene).
bool RenderQueue::takeLease(Id jobId, const model::RenderJob& row) {
  if (!row.sceneId) return true;  // its scene was deleted: the job itself reports it
  std::optional<model::SceneLease> holder;
  auto keeper = tryTakeSceneLease(*d->store, *row.sceneId, jobId, &holder);
  if (keeper) {
    d->leases.insert(jobId, std::move(keeper));
    return true;
  }
  const QString message = sceneBusyMessage(*d->store, *holder);
  const bool sameJob = holder->jobId == jobId;  // still running in another process
  if (d->busyMode == BusyScene::Wait) {
    if (!d->waiting.contains(jobId)) d->waiting.append(jobId);
    const QString stage = QStringLiteral("waiting for job %1").arg(holder->jobId);
    if (!sameJob && (row.stage != stage || row.status != JobStatus::Queued)) {
      d->store->setJobStatus(jobId, JobStatus::Queued);
      d->store->updateJobProgress(jobId, stage, 0);
      d->store->addJobEvent(
          {0,
           jobId,
           {},
           QStringLiteral("info"),
           QStringLiteral("waiting"),
           message,
           QJsonObject{{"holder", double(holder->jobId)}, {"pid", double(getpid())}}});
      Q_EMIT jobChanged(jobId);
    }
    d->waitTimer.start();
    return false;
  }
  if (!sameJob) {
    d->store->setJobStatus(jobId, JobStatus::Failed, message);
    d->store->addJobEvent(
        {0,
         jobId,
         {},
         QStringLiteral("error"),
         QStringLiteral("refused"),
         message,
         QJsonObject{{"holder", double(holder->jobId)}, {"pid", double(getpid())}}});
  }
  // Queued: enqueue() refuses before its caller (the CLI's drive()) has connected.
  QMetaObject::invokeMethod(
      this,
      [this, jobId, message] {
        Q_EMIT jobChanged(jobId);
        Q_EMIT jobFinished(jobId, int(JobStatus::Failed), QString(), message);
      },
      Qt::QueuedConnection);
  return false;
}

void RenderQueue::setBackendSettings(const providers::BackendSettings& settings,
                                     const QJsonObject& options) {
  d->settings = settings;
  d->options = options;
}

std::shared_ptr<const providers::ModelRegistry> RenderQueue::modelRegistry() const {
  return d->models;
}

void RenderQueue::setModelRegistry(std::shared_ptr<const providers::ModelRegistry> models) {
  d->models = std::move(models);
}

void RenderQueue::setWorkerNice(int nice) { d->workerNice = std::clamp(nice, 0, 19); }

void RenderQueue::setCacheDirectory(const QString& directory) { d->cacheDir = directory; }
QString RenderQueue::cacheDirectory() const { return d->cacheDir; }

QList<Id> RenderQueue::enqueue(const RenderRequest& request) {
  QList<RenderRequest> jobs;
  if (request.kind == JobKind::Regenerate) {
    jobs.append(resolveRegenerate(*d->store, request));
  } else {
    for (Id sceneId : request.sceneIds) {
      RenderRequest one = request;
      one.sceneIds = {sceneId};
      one.offline = one.kind == JobKind::Restitch || request.offline;
      one.kind = one.offline ? JobKind::Restitch : JobKind::Render;
      if (request.sceneIds.size() > 1) one.outputPath.clear();  // a batch writes to exports/
      jobs.append(one);
    }
  }
  QList<Id> ids;
  // The jobs of one request share its budget (spend_ledger.h).
  const QString batchId = request.batchId.isEmpty()
                              ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                              : request.batchId;
  for (RenderRequest one : std::as_const(jobs)) {
    one.batchId = batchId;
    model::RenderJob job;
    if (!one.sceneIds.isEmpty() && d->store->scene(one.sceneIds.first()))
      job.sceneId = one.sceneIds.first();
    job.spec = one.toJson();
    job.stage = QStringLiteral("waiting");
    const Id id = d->store->createJob(job);
    ids.append(id);
    Q_EMIT jobChanged(id);
    resume(id);
  }
  return ids;
}

void RenderQueue::resume(Id jobId) {
  if (d->running.contains(jobId)) return;
  d->waiting.removeAll(jobId);
  const auto row = d->store->job(jobId);
  if (!row) return;
  if (!takeLease(jobId, *row)) return;
  RenderRequest request = RenderRequest::fromJson(row->spec);
  const providers::BackendSettings settings = renderBackends(d->settings, request);
  providers::Backends backends;
  try {
    // Without setModelRegistry() the factory reads models.json for each job (a few KB): edits
    // to the user's models.json apply to the next job without a restart.
    backends = providers::makeBackendFactory(d->models, d->options).create(settings);
  } catch (const std::exception& e) {
    const QString error = QStringLiteral("Cannot set up the generation backends: %1")
                              .arg(QString::fromUtf8(e.what()));
    d->store->setJobStatus(jobId, JobStatus::Failed, error);
    d->leases.remove(jobId);
    Q_EMIT jobChanged(jobId);
    Q_EMIT jobFinished(jobId, int(JobStatus::Failed), QString(), error);
    return;
  }
  auto cache = std::make_shared<providers::AssetCache>(d->cacheDir);
  auto job = std::make_shared<SceneJob>(d->folder, jobId, request, backends, cache);
  d->running.insert(jobId, job);
  if (generatesRemotely(*d->store, request, backends)) {
    d->remote.insert(jobId);
    d->updatePoolSize();
  }
  d->clocks[jobId].start();
  d->etas[jobId] = EtaEstimator();
  d->store->setJobStatus(jobId, JobStatus::Queued);
  const QString kind = toString(request.kind);
  d->store->addJobEvent({0,
                         jobId,
                         {},
                         QStringLiteral("info"),
                         QStringLiteral("started"),
                         QStringLiteral("%1 started").arg(kind.left(1).toUpper() + kind.mid(1)),
                         QJsonObject{{"pid", double(getpid())}, {"kind", kind}}});
  Q_EMIT jobChanged(jobId);

  QPointer<RenderQueue> self(this);
  SceneJobCallbacks callbacks;
  callbacks.progress = [self, jobId](const QString& stage, double percent) {
    QMetaObject::invokeMethod(
        self,
        [self, jobId, stage, percent] {
          if (!self || !self->d->running.contains(jobId)) return;
          const double seconds = self->d->clocks.value(jobId).elapsed() / 1000.0;
          const double eta = self->d->etas[jobId].update(seconds, percent / 100.0);
          Q_EMIT self->jobProgress(jobId, stage, percent, eta);
        },
        Qt::QueuedConnection);
  };
  callbacks.chunkChanged = [self](Id sceneId, Id chunkId) {
    QMetaObject::invokeMethod(
        self,
        [self, sceneId, chunkId] {
          if (self) Q_EMIT self->chunkChanged(sceneId, chunkId);
        },
        Qt::QueuedConnection);
  };
  d->pool.start([self, job, jobId, callbacks, nice = d->workerNice] {
    lowerThreadPriority(nice);
    const SceneJobResult result = job->run(callbacks);
    QMetaObject::invokeMethod(
        self,
        [self, jobId, result] {
          if (!self) return;
          self->d->running.remove(jobId);
          self->d->etas.remove(jobId);
          self->d->leases.remove(jobId);  // the scene is free for the next job
          if (self->d->remote.remove(jobId)) self->d->updatePoolSize();
          JobStatus status = result.status;
          if (self->d->pausing.remove(jobId) && status == JobStatus::Cancelled) {
            self->d->store->setJobStatus(jobId, JobStatus::Interrupted, QStringLiteral("Paused."));
            status = JobStatus::Interrupted;
          }
          Q_EMIT self->jobChanged(jobId);
          Q_EMIT self->jobFinished(jobId, int(status), result.outputPath, result.error);
          if (!self->d->waiting.isEmpty()) self->retryWaiting();
        },
        Qt::QueuedConnection);
  });
}

void RenderQueue::cancel(Id jobId) {
  if (auto job = d->running.value(jobId)) {
    job->cancel();
    return;
  }
  const bool waited = d->waiting.removeAll(jobId) > 0;
  const auto row = d->store->job(jobId);
  if (waited && row && row->status == JobStatus::Processing) return;  // runs elsewhere
  if (row && (row->status == JobStatus::Queued || row->status == JobStatus::Interrupted)) {
    d->store->setJobStatus(jobId, JobStatus::Cancelled, QStringLiteral("Cancelled."));
    Q_EMIT jobChanged(jobId);
    if (waited) Q_EMIT jobFinished(jobId, int(JobStatus::Cancelled), QString(), "Cancelled.");
  }
}

// Pausing stops the job at once without cancelling remote predictions: everything generated so
// far is in the cache, and a prediction in flight is polled again by its stored id on continue.
// A job waiting for its scene stops waiting: it becomes 'interrupted' ("Paused.") at once, so
// it does not start when the job ahead of it ends (quitting pauses every job of the queue).
void RenderQueue::pause(Id jobId) {
  if (auto job = d->running.value(jobId)) {
    d->pausing.insert(jobId);
    job->pause();
    return;
  }
  if (d->waiting.removeAll(jobId) == 0) return;
  if (d->waiting.isEmpty()) d->waitTimer.stop();
  const auto row = d->store->job(jobId);
  if (!row || row->status != JobStatus::Queued) return;  // runs in another process
  const QString paused = QStringLiteral("Paused.");
  d->store->setJobStatus(jobId, JobStatus::Interrupted, paused);
  Q_EMIT jobChanged(jobId);
  Q_EMIT jobFinished(jobId, int(JobStatus::Interrupted), QString(), paused);
}

void RenderQueue::unpause(Id jobId) { resume(jobId); }
void RenderQueue::retryFailed(Id jobId) { resume(jobId); }
bool RenderQueue::isRunning(Id jobId) const { return d->running.contains(jobId); }
bool RenderQueue::isWaiting(Id jobId) const { return d->waiting.contains(jobId); }

void RenderQueue::waitForIdle() {
  while (!d->running.isEmpty() || !d->waiting.isEmpty()) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (d->running.isEmpty() && d->waiting.isEmpty()) break;
    QThread::msleep(5);
  }
  QCoreApplication::processEvents();
}

}  // namespace sw::render
