#include "render/regenerate.h"

#include <unistd.h>
#include <QThread>

#include "render/scene_job_state.h"
#include "render/scene_lease.h"

namespace sw::render {

namespace {

// Takes the scene's lease for the regenerate job: waits while another live job holds it (when
// asked to), else fails naming that job.
std::unique_ptr<SceneLeaseKeeper> takeLease(SceneJob::State& s, model::Id sceneId, bool wait) {
  QString announced;
  for (;;) {
    std::optional<model::SceneLease> holder;
    if (auto keeper = tryTakeSceneLease(*s.store, sceneId, s.jobId, &holder)) return keeper;
    const QString message = sceneBusyMessage(*s.store, *holder);
    if (!wait) throw JobFailure(message);
    if (announced != message) {
      announced = message;
      s.store->updateJobProgress(s.jobId, QStringLiteral("waiting for job %1").arg(holder->jobId),
                                 0);
      s.store->addJobEvent(
          {0,
           s.jobId,
           {},
           QStringLiteral("info"),
           QStringLiteral("waiting"),
           message,
           QJsonObject{{"holder", double(holder->jobId)}, {"pid", double(getpid())}}});
    }
    if (s.ctx.isCancelled()) throw JobFailure(QStringLiteral("Cancelled."));
    QThread::msleep(250);
  }
}

}  // namespace

RegenerateResult regenerateChunk(const QString& projectFolder, const RegenerateRequest& request,
                                 const providers::Backends& backends,
                                 std::shared_ptr<providers::AssetCache> cache,
                                 std::shared_ptr<std::atomic<bool>> cancel,
                                 std::function<void(const QString&, double)> progress) {
  RegenerateResult result;
  SceneJob::State s;
  try {
    s.store = model::ProjectStore::open(projectFolder);
    auto chunk = s.store->chunk(request.chunkId);
    if (!chunk) throw JobFailure(QStringLiteral("Chunk %1 does not exist.").arg(request.chunkId));
    model::RenderJob job;
    job.sceneId = chunk->sceneId;
    job.spec = QJsonObject{{"regenerateChunk", double(chunk->id)}};
    job.stage = QStringLiteral("regenerating");
    s.jobId = s.store->createJob(job);
    // Like a queued job's: the pid tells recoverInterruptedJobs() whether the job still runs.
    s.store->addJobEvent({0,
                          s.jobId,
                          {},
                          QStringLiteral("info"),
                          QStringLiteral("started"),
                          QStringLiteral("Regenerate started"),
                          QJsonObject{{"pid", double(getpid())}}});
    if (cancel) s.ctx.cancelFlag = cancel;
    const auto lease = takeLease(s, chunk->sceneId, request.waitForScene);
    chunk = s.store->chunk(request.chunkId);  // as the previous holder left it
    if (!chunk) throw JobFailure(QStringLiteral("Chunk %1 does not exist.").arg(request.chunkId));
    s.store->setJobStatus(s.jobId, model::JobStatus::Processing);
    s.backends = backends;
    s.cache = std::move(cache);
    s.callbacks.progress = std::move(progress);
    s.request.sceneIds = {chunk->sceneId};
    s.request.modelKey = request.modelKey.isEmpty() ? chunk->modelKey : request.modelKey;
    chunk->modelKey = s.request.modelKey;
    chunk->prompt = request.prompt.value_or(chunk->prompt);
    chunk->seed = request.seed.value_or(chunk->seed + 1);
    chunk->status = model::ChunkStatus::Pending;
    s.store->updateChunk(*chunk);
    s.onlyChunk = chunk->id;  // before loadScene: keeps the scene's chunk plan as it is
    loadScene(s);
    generateVideo(s);
    result.takeId = s.lastTakeId;
    result.staleMarked = s.store->markDownstreamStale(chunk->sceneId, chunk->position);
    result.costUsd = s.spentUsd;
    result.ok = true;
    s.store->setJobOutput(s.jobId, QString(), s.spentUsd);
    s.store->setJobStatus(s.jobId, model::JobStatus::Completed);
  } catch (const std::exception& e) {
    result.error = QString::fromStdString(e.what());
    if (s.store && s.jobId) {
      try {
        const bool cancelled = s.ctx.isCancelled();
        s.store->setJobStatus(s.jobId,
                              cancelled ? model::JobStatus::Cancelled : model::JobStatus::Failed,
                              result.error);
      } catch (const std::exception&) {
      }
    }
  }
  return result;
}

}  // namespace sw::render
