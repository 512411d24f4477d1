// RenderQueue: runs render jobs in the background and reports to the GUI thread.
// Lives on the thread that created it (the GUI thread); the work runs on a private
// QThreadPool with its own ProjectStore connection per worker. Every state change is written
// to the project's render_jobs / job_events tables first, then signalled, so a restarted app
// sees the same queue (jobs left 'processing' by a dead process show as 'interrupted').
#pragma once

#include <QObject>
#include <QString>
#include <memory>

#include "model/types.h"
#include "providers/backend_factory.h"
#include "render/render_request.h"

namespace sw::model {
class ProjectStore;
}

namespace sw::render {

// Jobs left 'processing' or 'queued' by a process that is gone become 'interrupted' (shown
// with Resume); chunks left 'generating' on a scene no live job holds become 'pending' with a
// note. Returns how many jobs were marked. Jobs of a live process (another window, a CLI
// render, a regenerate holding its scene's lease) are kept.
int recoverInterruptedJobs(model::ProjectStore& store);

class RenderQueue : public QObject {
  Q_OBJECT
 public:
  explicit RenderQueue(const QString& projectFolder, QObject* parent = nullptr);
  ~RenderQueue() override;

  // One live job per scene (ProjectStore scene leases). When another job, in this process or
  // another, holds the scene: Wait (the GUI's queue) keeps the job 'queued' and starts it once
  // the scene is free; Refuse (the CLI without --wait) ends it at once with a message naming
  // the holder (a new job becomes 'failed'; a job still running elsewhere is left alone).
  enum class BusyScene { Wait, Refuse };
  void setBusySceneMode(BusyScene mode);

  // One job per scene of the request; returns the new job ids (status queued).
  QList<model::Id> enqueue(const RenderRequest& request);
  void cancel(model::Id jobId);  // stops within a second; cancels remote predictions
  // Stops the job like cancel() but leaves its remote predictions running; the row becomes
  // 'interrupted' ("Paused."), and unpause()/resume() start it again: finished assets come from
  // the cache and remote predictions are polled by id, not paid for again.
  void pause(model::Id jobId);
  void unpause(model::Id jobId);      // the same as resume()
  void retryFailed(model::Id jobId);  // re-runs only failed / missing parts
  void resume(model::Id jobId);       // continues an interrupted job from the cache
  bool isRunning(model::Id jobId) const;
  bool isWaiting(model::Id jobId) const;  // queued behind another job of its scene
  // For tests and the CLI: runs the event loop until no job runs or waits.
  void waitForIdle();

  // Which backend serves each capability (default: all local) and per-backend options.
  void setBackendSettings(const providers::BackendSettings& settings,
                          const QJsonObject& options = {});
  // Model registry (default: resources/models.json merged with the user's override file).
  void setModelRegistry(std::shared_ptr<const providers::ModelRegistry> models);
  // The one set with setModelRegistry(), or null (then each job reads models.json).
  std::shared_ptr<const providers::ModelRegistry> modelRegistry() const;
  // Asset cache folder (default: $SCENEWRIGHT_CACHE_DIR or <user cache>/assets).
  void setCacheDirectory(const QString& directory);
  // The GUI's queue runs its jobs in the background: each job thread (and every thread it starts:
  // FFmpeg's, x264's, the media engine's, which inherit it) gets this nice value, so the event
  // loop is served first when the cores are busy. 0 (the default, the CLI's) leaves it.
  void setWorkerNice(int nice);
  QString cacheDirectory() const;

 Q_SIGNALS:
  void jobChanged(qint64 jobId);  // status changed: reread the row from the store
  void jobProgress(qint64 jobId, const QString& stage, double percent, double etaSeconds);
  void jobFinished(qint64 jobId, int status, const QString& outputPath, const QString& error);
  void chunkChanged(qint64 sceneId, qint64 chunkId);  // a chunk's status/take changed

 private:
  bool takeLease(model::Id jobId, const model::RenderJob& row);
  void retryWaiting();
  struct Private;
  std::unique_ptr<Private> d;
};

}  // namespace sw::render
