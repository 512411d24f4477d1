#include "ui/scene_preview_render.h"

#include <QDir>
#include <QFile>

#include "render/render_queue.h"
#include "render/scene_state.h"
#include "ui/project_session.h"

namespace sw::ui {

ScenePreviewRender::ScenePreviewRender(ProjectSession* session, render::RenderQueue* queue,
                                       QString folder, QObject* parent)
    : QObject(parent), session_(session), queue_(queue), folder_(std::move(folder)) {
  connect(session_, &ProjectSession::sceneChanged, this, &ScenePreviewRender::invalidate);
  connect(session_, &ProjectSession::sceneContentChanged, this, &ScenePreviewRender::invalidate);
  connect(session_, &ProjectSession::chunksChanged, this, &ScenePreviewRender::invalidate);
  connect(session_, &ProjectSession::charactersChanged, this, [this] {  // voices of every scene
    for (const model::Id id : kept_.keys()) invalidate(id);
  });
  connect(queue_, &render::RenderQueue::jobProgress, this,
          [this](qint64 jobId, const QString&, double percent, double) {
            if (jobId == jobId_) emit progress(jobScene_, percent);
          });
  connect(queue_, &render::RenderQueue::jobFinished, this, &ScenePreviewRender::onFinished);
}

ScenePreviewRender::~ScenePreviewRender() {
  cancel();
  for (const Kept& k : std::as_const(kept_)) QFile::remove(k.file);
  for (const QString& f : std::as_const(stale_)) QFile::remove(f);
}

void ScenePreviewRender::invalidate(model::Id sceneId) {
  ++version_[sceneId];
  const auto kept = kept_.constFind(sceneId);
  if (kept == kept_.cend()) return;
  stale_.append(kept->file);  // the player may still be showing it
  kept_.remove(sceneId);
  emit invalidated(sceneId);
}

QString ScenePreviewRender::missingAsset(model::Id sceneId, const PreviewTracks& tracks) const {
  const render::SceneState state = session_->sceneState(sceneId);
  for (const render::Slot& slot : state.items) {
    bool used = false;
    switch (slot.kind) {
      case render::SlotKind::Reference:  // only chunks still to be generated start from it
        break;
      case render::SlotKind::Chunk:  // a stale chunk is previewed as it is (keepStale below)
        used = slot.state != render::SlotState::Unused && slot.state != render::SlotState::Stale;
        break;
      case render::SlotKind::Narration:
        used = tracks.narration;
        break;
      case render::SlotKind::Dialogue:
        used = tracks.dialogue;
        break;
      case render::SlotKind::Music:
        used = tracks.music;
        break;
      case render::SlotKind::Sfx:
        used = tracks.sfx;
        break;
    }
    if (!used || slot.usable()) continue;
    const QString why = slot.why.isEmpty() ? QString() : tr(" (%1)").arg(slot.why);
    return tr("The %1 is %2%3: render the scene (or regenerate it) to preview it as rendered.")
        .arg(slot.label, render::toString(slot.state), why);
  }
  return {};
}

void ScenePreviewRender::request(model::Id sceneId, const PreviewTracks& tracks) {
  const quint64 version = version_.value(sceneId);
  const auto kept = kept_.constFind(sceneId);
  if (kept != kept_.cend() && kept->tracks == tracks && kept->version == version &&
      QFile::exists(kept->file)) {
    emit ready(sceneId, kept->file);
    return;
  }
  if (jobId_ && jobScene_ == sceneId && job_.tracks == tracks && job_.version == version)
    return;  // already being rendered
  cancel();
  const QString missing = missingAsset(sceneId, tracks);
  if (!missing.isEmpty()) {
    emit unavailable(sceneId, missing);
    return;
  }
  if (!QDir().mkpath(folder_)) {
    emit unavailable(sceneId, tr("Cannot create the preview folder %1.").arg(folder_));
    return;
  }
  render::RenderRequest request;
  request.kind = render::JobKind::Restitch;
  request.offline = true;
  request.preview = true;
  // A trim or a new take upstream makes the chunks after it stale: the preview shows them as
  // they are (the Render dialog's "keep stale" choice), which is what there is to look at.
  request.keepStale = true;
  request.sceneIds = {sceneId};
  request.narration = tracks.narration;
  request.dialogue = tracks.dialogue;
  request.music = tracks.music;
  request.sfx = tracks.sfx;
  // A new name per version: the player may still hold the previous file open.
  request.outputPath = QDir(folder_).filePath(QStringLiteral("scene-%1-v%2-%3%4%5%6.mp4")
                                                  .arg(sceneId)
                                                  .arg(version)
                                                  .arg(int(tracks.narration))
                                                  .arg(int(tracks.dialogue))
                                                  .arg(int(tracks.music))
                                                  .arg(int(tracks.sfx)));
  const QList<model::Id> ids = queue_->enqueue(request);
  if (ids.isEmpty()) {
    emit unavailable(sceneId, tr("The preview render could not be queued."));
    return;
  }
  jobId_ = ids.first();
  jobScene_ = sceneId;
  job_ = Kept{tracks, version, request.outputPath};
  emit progress(sceneId, 0.0);
}

void ScenePreviewRender::cancel() {
  if (!jobId_) return;
  const model::Id id = jobId_;
  jobId_ = 0;  // its result is not used
  queue_->cancel(id);
}

void ScenePreviewRender::onFinished(model::Id jobId, int status, const QString& output,
                                    const QString& error) {
  if (jobId != jobId_) {
    if (!output.isEmpty() && output.startsWith(folder_)) QFile::remove(output);  // superseded
    return;
  }
  jobId_ = 0;
  const model::Id sceneId = jobScene_;
  if (model::JobStatus(status) != model::JobStatus::Completed || output.isEmpty()) {
    emit unavailable(sceneId, error.isEmpty() ? tr("The preview render stopped.")
                                              : tr("The preview render failed: %1").arg(error));
    return;
  }
  if (job_.version != version_.value(sceneId)) {  // the scene changed while it rendered
    QFile::remove(output);
    emit invalidated(sceneId);
    return;
  }
  const auto old = kept_.constFind(sceneId);
  if (old != kept_.cend() && old->file != output) stale_.append(old->file);
  job_.file = output;
  kept_.insert(sceneId, job_);
  emit ready(sceneId, output);  // the player opens the new file: the replaced ones can go
  for (const QString& f : std::as_const(stale_))
    if (f != output) QFile::remove(f);
  stale_.clear();
}

}  // namespace sw::ui
