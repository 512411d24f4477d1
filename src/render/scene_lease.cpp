#include "render/scene_lease.h"

#include <QJsonObject>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "model/project_store.h"

namespace sw::render {

using model::Id;
using model::ProjectStore;

struct SceneLeaseKeeper::Private {
  QString folder;
  Id sceneId = 0;
  Id jobId = 0;
  std::mutex mutex;
  std::condition_variable wake;
  bool stop = false;
  std::thread thread;

  void beat() {
    std::unique_ptr<ProjectStore> store;
    std::unique_lock lock(mutex);
    for (;;) {
      wake.wait_for(lock, std::chrono::seconds(ProjectStore::kLeaseHeartbeatSeconds),
                    [this] { return stop; });
      const bool last = stop;
      lock.unlock();
      try {
        if (!store) store = ProjectStore::open(folder, ProjectStore::Check::Known);
        if (last)
          store->releaseSceneLease(sceneId, jobId);
        else
          store->heartbeatSceneLease(sceneId, jobId);
      } catch (const std::exception&) {
        // A busy or full store: the next beat tries again; a lease left behind is reclaimed
        // once this process is gone.
      }
      lock.lock();
      if (last) return;
    }
  }
};

SceneLeaseKeeper::SceneLeaseKeeper(const QString& projectFolder, Id sceneId, Id jobId)
    : d(std::make_unique<Private>()) {
  d->folder = projectFolder;
  d->sceneId = sceneId;
  d->jobId = jobId;
  d->thread = std::thread([p = d.get()] { p->beat(); });
}

SceneLeaseKeeper::~SceneLeaseKeeper() {
  {
    std::lock_guard lock(d->mutex);
    d->stop = true;
  }
  d->wake.notify_all();
  d->thread.join();
}

QString sceneBusyMessage(ProjectStore& store, const model::SceneLease& holder) {
  QString scene = QStringLiteral("Scene %1").arg(holder.sceneId);
  if (const auto s = store.scene(holder.sceneId)) {
    scene = QStringLiteral("Scene %1").arg(s->position + 1);
    if (!s->title.isEmpty()) scene += QStringLiteral(" (\"%1\")").arg(s->title);
  }
  return QStringLiteral(
             "%1 is busy: %2 is working on it. Wait for that job to finish or cancel it, then "
             "try again.")
      .arg(scene, ProjectStore::describeLease(holder));
}

std::unique_ptr<SceneLeaseKeeper> tryTakeSceneLease(ProjectStore& store, Id sceneId, Id jobId,
                                                    std::optional<model::SceneLease>* holder) {
  const ProjectStore::LeaseResult r = store.acquireSceneLease(sceneId, jobId);
  if (!r.taken) {
    if (holder) *holder = r.holder;
    return nullptr;
  }
  if (r.reclaimed)
    store.addJobEvent({0,
                       jobId,
                       {},
                       QStringLiteral("warning"),
                       QStringLiteral("lease.reclaimed"),
                       QStringLiteral("Took over the scene from %1, which is no longer running.")
                           .arg(ProjectStore::describeLease(*r.reclaimed)),
                       QJsonObject{{"job", double(r.reclaimed->jobId)},
                                   {"pid", double(r.reclaimed->pid)},
                                   {"host", r.reclaimed->host}}});
  return std::make_unique<SceneLeaseKeeper>(store.folder(), sceneId, jobId);
}

}  // namespace sw::render
