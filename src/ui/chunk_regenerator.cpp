#include "ui/chunk_regenerator.h"

#include <QUndoStack>

#include "render/render_queue.h"
#include "ui/project_session.h"
#include "ui/row_commands.h"

namespace sw::ui {

ChunkRegenerator::ChunkRegenerator(ProjectSession* session, render::RenderQueue* queue,
                                   QObject* parent)
    : QObject(parent), session_(session), queue_(queue) {
  connect(queue, &render::RenderQueue::jobProgress, this,
          [this](qint64 jobId, const QString&, double percent, double) {
            if (running_ && jobId == job_)
              emit progress(index_, int(requests_.size()), position_, percent);
          });
  connect(queue, &render::RenderQueue::jobFinished, this,
          [this](qint64 jobId, int status, const QString&, const QString& error) {
            if (running_ && jobId == job_) stepFinished(status, error);
          });
}

ChunkRegenerator::~ChunkRegenerator() {
  if (running_ && job_ && queue_) queue_->cancel(job_);
}

bool ChunkRegenerator::start(const QList<render::RegenerateRequest>& requests) {
  if (running_ || requests.isEmpty() || !queue_) return false;
  requests_ = requests;
  index_ = 0;
  running_ = true;
  cancelled_ = false;
  startNext();
  return true;
}

void ChunkRegenerator::cancel() {
  if (!running_) return;
  cancelled_ = true;
  if (job_ && queue_) queue_->cancel(job_);
}

void ChunkRegenerator::startNext() {
  job_ = 0;
  if (index_ >= requests_.size() || cancelled_ || !queue_) return finish({});
  render::RegenerateRequest request = requests_.at(index_);
  request.chunkId = session_->resolve(Entity::Chunk, request.chunkId);
  const auto chunk = session_->store().chunk(request.chunkId);
  if (!chunk)
    return finish(tr("Chunk %1 was deleted before it could be regenerated.").arg(request.chunkId));
  before_ = *chunk;
  position_ = chunk->position + 1;
  emit progress(index_, int(requests_.size()), position_, 0.0);
  const QList<model::Id> jobs = queue_->enqueue(render::regenerateRequest(request));
  job_ = jobs.value(0);
  if (!job_)
    finish(tr("The render queue did not accept the regeneration of chunk %1.").arg(position_));
}

void ChunkRegenerator::stepFinished(int status, const QString& error) {
  const model::Id job = job_;
  job_ = 0;
  if (model::JobStatus(status) != model::JobStatus::Completed) {
    // A cancelled or failed regeneration leaves the chunk as it was (its take stays active).
    const model::Chunk row = resolved(session_, before_);
    session_->write([&] { session_->store().updateChunk(row); });
    session_->notifyChunksChanged(row.sceneId);
    if (model::JobStatus(status) == model::JobStatus::Cancelled) cancelled_ = true;
    return finish(cancelled_ ? QString() : error);
  }
  const render::RegenerateResult result = render::regenerateOutcome(session_->store(), job);
  // The job already switched to the new take; the command makes it undoable (pushing it applies
  // the same switch again, which changes nothing).
  if (session_->store().chunk(before_.id)) {
    session_->undoStack()->push(new SetActiveTakeCommand(
        session_, before_, result.takeId, tr("New take of chunk %1").arg(position_)));
  }
  session_->notifyChunksChanged(before_.sceneId);
  emit takeReady(before_.id, result.takeId, result.staleMarked);
  ++index_;
  startNext();
}

void ChunkRegenerator::finish(const QString& error) {
  running_ = false;
  job_ = 0;
  emit finished(index_, int(requests_.size()), error, cancelled_);
}

}  // namespace sw::ui
