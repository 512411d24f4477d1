// Scene leases on the job side: one live job per scene, whatever starts it (render, resume,
// regenerate) and whichever process runs it. A SceneLeaseKeeper holds a lease taken with
// ProjectStore::acquireSceneLease(): it refreshes the heartbeat on a thread of its own (with its
// own store connection) and releases the lease when destroyed.
#pragma once

#include <QString>
#include <memory>

#include "model/types.h"

namespace sw::model {
class ProjectStore;
}

namespace sw::render {

class SceneLeaseKeeper {
 public:
  SceneLeaseKeeper(const QString& projectFolder, model::Id sceneId, model::Id jobId);
  ~SceneLeaseKeeper();  // stops the heartbeat and releases the lease
  SceneLeaseKeeper(const SceneLeaseKeeper&) = delete;
  SceneLeaseKeeper& operator=(const SceneLeaseKeeper&) = delete;

 private:
  struct Private;
  std::unique_ptr<Private> d;
};

// What a user reads when a scene is busy: names the holder's job, pid, host and start time.
QString sceneBusyMessage(model::ProjectStore& store, const model::SceneLease& holder);

// Takes the scene's lease for `jobId` and logs a `lease.reclaimed` event when a dead holder's
// lease was replaced. Returns the keeper, or null with `holder` set when a live job holds it.
std::unique_ptr<SceneLeaseKeeper> tryTakeSceneLease(model::ProjectStore& store, model::Id sceneId,
                                                    model::Id jobId,
                                                    std::optional<model::SceneLease>* holder);

}  // namespace sw::render
