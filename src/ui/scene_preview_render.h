// "As rendered": the scene played the way its render will make it (trims applied, the repeated
// first frame of continuations dropped, the chosen audio tracks mixed and levelled) from a fast
// 480p re-stitch of the cached assets. The re-stitch is a Restitch job of the render queue on a
// worker thread (offline: nothing is generated or paid for), so it shows in the queue like any
// job and never blocks the GUI. Stale chunks (a trim or a new take before them changed their
// start frame) are shown as they are, as the Render dialog's "keep stale" does. A finished preview
// is kept per scene and track choice until the scene, its chunks, its lines or its cues change;
// then the next request renders it again.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include "model/types.h"

namespace sw::render {
class RenderQueue;
}

namespace sw::ui {

class ProjectSession;

struct PreviewTracks {
  bool narration = true;
  bool dialogue = true;
  bool music = true;
  bool sfx = true;
  bool operator==(const PreviewTracks&) const = default;
};

class ScenePreviewRender : public QObject {
  Q_OBJECT
 public:
  // Previews are written to `folder` (created when needed), one file per scene.
  ScenePreviewRender(ProjectSession* session, render::RenderQueue* queue, QString folder,
                     QObject* parent = nullptr);
  ~ScenePreviewRender() override;  // removes its files (a cache of this session)

  // The preview of the scene with these tracks: `ready` at once when the kept one is current,
  // else a re-stitch job is queued (`progress`, then `ready` or `unavailable`). A scene whose
  // assets are not all generated and current is `unavailable`, saying which and what to do.
  void request(model::Id sceneId, const PreviewTracks& tracks);
  // Cancels the job in flight, if any (its result is not used).
  void cancel();
  bool busy() const { return jobId_ != 0; }
  model::Id jobId() const { return jobId_; }
  QString folder() const { return folder_; }

 Q_SIGNALS:
  void progress(qint64 sceneId, double percent);
  void ready(qint64 sceneId, const QString& file);
  void unavailable(qint64 sceneId, const QString& reason);
  // The scene's kept preview no longer matches it (an edit, a new take).
  void invalidated(qint64 sceneId);

 private:
  void invalidate(model::Id sceneId);
  void onFinished(model::Id jobId, int status, const QString& output, const QString& error);
  QString missingAsset(model::Id sceneId, const PreviewTracks& tracks) const;

  struct Kept {
    PreviewTracks tracks;
    quint64 version = 0;
    QString file;
  };

  ProjectSession* session_;
  render::RenderQueue* queue_;
  QString folder_;
  QHash<model::Id, quint64> version_;  // bumped by every change of the scene
  QHash<model::Id, Kept> kept_;
  QStringList stale_;  // previews replaced or invalidated, removed once a newer one plays
  model::Id jobId_ = 0;
  model::Id jobScene_ = 0;
  Kept job_;  // what the job in flight renders
};

}  // namespace sw::ui
