#include "render/regenerate.h"

#include "render/scene_job_state.h"

namespace sw::render {

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
    s.store->setJobStatus(s.jobId, model::JobStatus::Processing);
    s.backends = backends;
    s.cache = std::move(cache);
    if (cancel) s.ctx.cancelFlag = cancel;
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
