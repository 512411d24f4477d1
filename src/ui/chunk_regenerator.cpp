#include "ui/chunk_regenerator.h"

#include <QFutureWatcher>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include "ui/project_session.h"
#include "ui/row_commands.h"

namespace sw::ui {

ChunkRegenerator::ChunkRegenerator(ProjectSession* session, Runner runner, QObject* parent)
    : QObject(parent),
      session_(session),
      runner_(std::move(runner)),
      cancel_(std::make_shared<std::atomic<bool>>(false)) {}

ChunkRegenerator::~ChunkRegenerator() {
  cancel_->store(true);
  future_.waitForFinished();  // the worker reports to this object until it returns
}

bool ChunkRegenerator::start(const QList<render::RegenerateRequest>& requests) {
  if (running_ || requests.isEmpty()) return false;
  requests_ = requests;
  index_ = 0;
  running_ = true;
  cancel_ = std::make_shared<std::atomic<bool>>(false);
  startNext();
  return true;
}

void ChunkRegenerator::cancel() {
  if (running_) cancel_->store(true);
}

void ChunkRegenerator::startNext() {
  if (index_ >= requests_.size() || cancel_->load()) return finish({});
  render::RegenerateRequest request = requests_.at(index_);
  request.chunkId = session_->resolve(Entity::Chunk, request.chunkId);
  const auto chunk = session_->store().chunk(request.chunkId);
  if (!chunk)
    return finish(tr("Chunk %1 was deleted before it could be regenerated.").arg(request.chunkId));
  before_ = *chunk;
  readyAfter_ = readyChunksAfter(session_->store(), *chunk);
  position_ = chunk->position + 1;
  const int index = index_;
  const int total = int(requests_.size());
  const int position = position_;
  emit progress(index, total, position, 0.0);
  shownGenerating_ = false;
  // `this` outlives the worker: the destructor waits for it.
  auto report = [this, index, total, position](const QString&, double percent) {
    QMetaObject::invokeMethod(
        this,
        [this, index, total, position, percent] {
          if (!shownGenerating_) {  // the worker has marked the chunk generating by now
            shownGenerating_ = true;
            session_->notifyChunksChanged(before_.sceneId);
          }
          emit progress(index, total, position, percent);
        },
        Qt::QueuedConnection);
  };
  auto* watcher = new QFutureWatcher<render::RegenerateResult>(this);
  connect(watcher, &QFutureWatcher<render::RegenerateResult>::finished, this, [this, watcher] {
    watcher->deleteLater();
    stepFinished(watcher->result());
  });
  future_ = QtConcurrent::run([runner = runner_, request, cancel = cancel_, report] {
    try {
      return runner(request, cancel, report);
    } catch (const std::exception& e) {  // exceptions must not cross the thread boundary
      render::RegenerateResult failed;
      failed.error = QString::fromUtf8(e.what());
      return failed;
    }
  });
  watcher->setFuture(future_);
}

void ChunkRegenerator::stepFinished(const render::RegenerateResult& result) {
  if (!result.ok) {
    // A cancelled or failed regeneration leaves the chunk as it was (its take stays active).
    const model::Chunk row = resolved(session_, before_);
    session_->write([&] { session_->store().updateChunk(row); });
    session_->notifyChunksChanged(row.sceneId);
    return finish(cancel_->load() ? QString() : result.error);
  }
  // The worker already switched to the new take and marked the chunks after it stale; the
  // command makes both undoable (pushing it applies the same switch again, which changes nothing).
  if (session_->store().chunk(before_.id)) {
    session_->undoStack()->push(new SetActiveTakeCommand(
        session_, before_, result.takeId, readyAfter_, tr("New take of chunk %1").arg(position_)));
  }
  emit takeReady(before_.id, result.takeId, result.staleMarked);
  ++index_;
  startNext();
}

void ChunkRegenerator::finish(const QString& error) {
  running_ = false;
  emit finished(index_, int(requests_.size()), error, cancel_->load());
}

}  // namespace sw::ui
