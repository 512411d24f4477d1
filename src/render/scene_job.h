// SceneJob: the pipeline behind one Render Scene job, run on a worker thread.
//   generate and measure the speech, lay it out (the scene's duration) -> plan chunks ->
//   generate music and SFX (in parallel) and chunks (in order, each from its predecessor's last
//   frame) -> build the RenderPlan from measured durations -> stitch + mix + export -> manifest
//   sidecar.
// It opens its own ProjectStore connection, writes every step to the store as it happens
// (asset rows, chunk status, takes, job stage/progress, job events), and can be cancelled at any
// point. Re-running a job finishes it from the cache without regenerating anything.
#pragma once

#include <QString>
#include <atomic>
#include <functional>
#include <memory>

#include "model/types.h"
#include "providers/asset_cache.h"
#include "providers/backend_factory.h"
#include "render/render_request.h"

namespace sw::render {

struct SceneJobCallbacks {
  std::function<void(const QString& stage, double percent)> progress;
  std::function<void(model::Id sceneId, model::Id chunkId)> chunkChanged;
};

struct SceneJobResult {
  model::JobStatus status = model::JobStatus::Completed;
  QString outputPath;
  QString error;       // in words, naming the failing step
  double costUsd = 0;  // spent by this run (cache hits cost nothing)
};

class SceneJob {
 public:
  SceneJob(QString projectFolder, model::Id jobId, RenderRequest request,
           providers::Backends backends, std::shared_ptr<providers::AssetCache> cache);
  ~SceneJob();

  // Runs to the end (or cancel/failure); the job row holds the outcome afterwards too.
  SceneJobResult run(const SceneJobCallbacks& callbacks);
  void cancel() { cancel_->store(true); }
  // Stops like cancel() but leaves remote predictions running, to be polled again on resume.
  void pause() {
    detach_->store(true);
    cancel_->store(true);
  }
  std::shared_ptr<std::atomic<bool>> cancelFlag() const { return cancel_; }

  struct State;  // scene_job_state.h (internal to src/render)

 private:
  QString folder_;
  model::Id jobId_;
  RenderRequest request_;
  providers::Backends backends_;
  std::shared_ptr<providers::AssetCache> cache_;
  std::shared_ptr<std::atomic<bool>> cancel_ = std::make_shared<std::atomic<bool>>(false);
  std::shared_ptr<std::atomic<bool>> detach_ = std::make_shared<std::atomic<bool>>(false);
};

// Output size for a resolution preset and aspect ("720p", "9:16" -> 720x1280).
void outputSize(const QString& resolution, const QString& aspect, int* width, int* height);

// Default output path: <project>/exports/<NN>-<scene-title-slug>.mp4
QString defaultOutputPath(const QString& exportsFolder, const model::Scene& scene);

}  // namespace sw::render
