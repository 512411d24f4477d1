// Regenerates chunks one after another as jobs of the render queue (chunk n+1 continues from
// chunk n's new last frame, so they cannot run side by side): each is a regenerate job with the
// queue's rows, events, lease and recovery, shown in the render queue panel while it runs; one
// new take per chunk, each pushed on the undo stack as an undoable take switch. Reports progress,
// can be cancelled between and during chunks.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include "model/types.h"
#include "render/regenerate.h"

namespace sw::render {
class RenderQueue;
}

namespace sw::ui {

class ProjectSession;

class ChunkRegenerator : public QObject {
  Q_OBJECT
 public:
  ChunkRegenerator(ProjectSession* session, render::RenderQueue* queue, QObject* parent = nullptr);
  ~ChunkRegenerator() override;  // cancels the job in flight (the queue stops it)

  // Starts the list in order; false when a run is already going or the list is empty.
  bool start(const QList<render::RegenerateRequest>& requests);
  void cancel();
  bool isRunning() const { return running_; }
  model::Id currentJob() const { return job_; }  // the queue job of the chunk in flight, or 0

 Q_SIGNALS:
  // `index` is 0-based in the list, `position` the chunk's 1-based place in its scene, `percent`
  // the job's progress.
  void progress(int index, int total, int position, double percent);
  void takeReady(qint64 chunkId, qint64 takeId, int staleMarked);
  // When the run ends: how many chunks got a new take, and why it stopped early (empty if not).
  void finished(int done, int total, const QString& error, bool cancelled);

 private:
  void startNext();
  void stepFinished(int status, const QString& error);
  void finish(const QString& error);

  ProjectSession* session_;
  QPointer<render::RenderQueue> queue_;
  QList<render::RegenerateRequest> requests_;
  int index_ = 0;
  int position_ = 0;
  bool running_ = false;
  bool cancelled_ = false;
  model::Id job_ = 0;
  model::Chunk before_;  // the chunk row as it was before its regeneration (for undo)
};

}  // namespace sw::ui
