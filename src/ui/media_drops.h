// The user's own media dropped on the editor: a sound file on the music lane, an SFX clip, the
// narration or a dialogue line replaces that asset; a video on a chunk becomes a new take of it
// (made active); a picture on a scene's reference image slot replaces the reference image. The
// file is probed and copied into the asset cache on a worker (user_media.h); then, on the GUI
// thread, its asset row is added and the change pushed as one undoable edit. A file that is not
// the media the slot takes is refused with a message naming it, and nothing changes.
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QThreadPool>
#include <functional>

#include "model/types.h"
#include "ui/user_media.h"

class QMimeData;

namespace sw::ui {

class ProjectSession;

class MediaDrops : public QObject {
  Q_OBJECT
 public:
  explicit MediaDrops(ProjectSession* session, QObject* parent = nullptr);
  ~MediaDrops() override;  // waits for a copy in flight

  // The one local file a drop names, empty when it names none or several.
  static QString droppedFile(const QMimeData* data);
  // Whether `file` may be the media of a slot taking `kind`, judged by its name alone (a drag
  // is answered at once, nothing is read): a known sound, video or picture type must be the
  // slot's; an unknown one may be tried (the drop probes it and refuses it with a message).
  static bool mayFit(const QString& file, UserMediaKind kind);

  void dropOnMusic(model::Id sceneId, const QString& file);
  void dropOnNarration(model::Id sceneId, const QString& file);
  void dropOnLine(model::Id sceneId, model::Id lineId, const QString& file);
  void dropOnSfx(model::Id sceneId, model::Id cueId, const QString& file);
  void dropOnChunk(model::Id chunkId, const QString& file);
  void dropOnReference(model::Id sceneId, const QString& file);
  int pending() const { return pending_; }

 Q_SIGNALS:
  void started(const QString& file);
  void applied(const QString& text);  // "Music replaced by gull.wav"
  void refused(const QString& message);

 private:
  // Imports on the worker, then `apply(assetId)` on the GUI thread (the row is in the store).
  // `forSlot`: the audio slot the asset is a take of (render/audio_takes.h), empty for video
  // and pictures.
  void run(const QString& file, UserMediaKind kind, const QString& assetKind,
           const QJsonObject& forSlot, std::function<QString(model::Id assetId)> apply);

  ProjectSession* session_;
  QThreadPool pool_;
  int pending_ = 0;
};

}  // namespace sw::ui
