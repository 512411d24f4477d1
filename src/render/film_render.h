// FilmRender: one film assembly, driven from the thread that owns the RenderQueue (the GUI thread
// or the CLI's main thread) and doing nothing slow there. It checks every chosen scene on a worker
// thread (checkFilmScene(), its own ProjectStore connection), renders the stale ones as ordinary
// scene jobs of the queue (their rows, progress and leases as usual), then stitches the film on a
// worker thread and writes the film manifest next to it (<film>.json).
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QSet>
#include <atomic>
#include <memory>

#include "render/film.h"

namespace sw::render {

class RenderQueue;

struct FilmResult {
  QString output;    // the film (empty on failure)
  QString manifest;  // <film>.json
  QString error;     // why it failed ("" on success)
  QList<FilmScene> scenes;
  media::StitchReport report;
  QList<model::Id> sceneJobs;  // the scene jobs this film queued
};

class FilmRender : public QObject {
  Q_OBJECT
 public:
  FilmRender(RenderQueue& queue, QString projectFolder, FilmRequest request,
             QObject* parent = nullptr);
  ~FilmRender() override;  // cancels and waits for its worker thread

  void start();
  void cancel();  // the scene jobs it queued are cancelled too
  bool isFinished() const { return finished_; }
  const FilmResult& result() const { return result_; }

 Q_SIGNALS:
  // percent over the whole film: checking 0-5, scene renders 5-60 (when any), stitch to 100.
  void progress(const QString& stage, double percent);
  void finished(bool ok);

 private:
  void checked();
  void sceneJobFinished(qint64 jobId, int status, const QString& error);
  void stitchFilm();
  void stitched();
  void fail(const QString& error);

  RenderQueue& queue_;
  QString folder_;
  FilmRequest request_;
  FilmResult result_;
  QSet<model::Id> waiting_;
  double renderBase_ = 5, renderSpan_ = 0;
  std::atomic<bool> cancel_{false};
  bool finished_ = false;
  QFutureWatcher<QList<FilmScene>> checkWatcher_;
  QFutureWatcher<FilmResult> stitchWatcher_;
  QMetaObject::Connection jobConnection_, progressConnection_;
};

}  // namespace sw::render
