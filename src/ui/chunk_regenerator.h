// Regenerates chunks one after another on a worker thread (chunk n+1 continues from chunk n's new
// last frame, so they cannot run side by side): one new take per chunk, each pushed on the undo
// stack as an undoable take switch. Reports progress, can be cancelled between and during chunks.
#pragma once

#include <QFuture>
#include <QList>
#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

#include "model/types.h"
#include "render/regenerate.h"

namespace sw::ui {

class ProjectSession;

class ChunkRegenerator : public QObject {
  Q_OBJECT
 public:
  // Runs one regeneration on a worker thread (blocking there): sw::render::regenerateChunk with
  // the app's backends and cache. `progress` may be called from that thread.
  using Runner = std::function<render::RegenerateResult(
      const render::RegenerateRequest& request, std::shared_ptr<std::atomic<bool>> cancel,
      std::function<void(const QString&, double)> progress)>;

  ChunkRegenerator(ProjectSession* session, Runner runner, QObject* parent = nullptr);
  ~ChunkRegenerator() override;  // cancels and waits for the chunk in flight

  // Starts the list in order; false when a run is already going or the list is empty.
  bool start(const QList<render::RegenerateRequest>& requests);
  void cancel();
  bool isRunning() const { return running_; }

 Q_SIGNALS:
  // `index` is 0-based in the list, `position` the chunk's 1-based place in its scene.
  void progress(int index, int total, int position, double percent);
  void takeReady(qint64 chunkId, qint64 takeId, int staleMarked);
  // When the run ends: how many chunks got a new take, and why it stopped early (empty if not).
  void finished(int done, int total, const QString& error, bool cancelled);

 private:
  void startNext();
  void stepFinished(const render::RegenerateResult& result);
  void finish(const QString& error);

  ProjectSession* session_;
  Runner runner_;
  QList<render::RegenerateRequest> requests_;
  int index_ = 0;
  int position_ = 0;
  bool running_ = false;
  bool shownGenerating_ = false;
  model::Chunk before_;          // the chunk row as it was before its regeneration (for undo)
  QList<model::Id> readyAfter_;  // ready chunks after it then (undo turns them back to ready)
  std::shared_ptr<std::atomic<bool>> cancel_;
  QFuture<render::RegenerateResult> future_;
};

}  // namespace sw::ui
