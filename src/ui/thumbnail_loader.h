// Loads video thumbnails in the background (QtConcurrent on a private pool) and hands the
// results to the GUI thread through QFutureWatcher; keeps them in a memory cache. The work
// itself (decode a frame, with the media engine's disk cache) is the function given.
#pragma once

#include <QHash>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QThreadPool>
#include <functional>

namespace sw::ui {

// Decodes the frame of `path` nearest `seconds`, scaled to `height` pixels. Runs on a worker
// thread; returns a null image when the file cannot be read.
using ThumbnailFunction = std::function<QImage(const QString& path, double seconds, int height)>;

class ThumbnailLoader : public QObject {
  Q_OBJECT
 public:
  explicit ThumbnailLoader(QObject* parent = nullptr);
  ~ThumbnailLoader() override;

  void setFunction(ThumbnailFunction function);
  bool available() const { return bool(function_); }
  // The cached pixmap, or a null one (and a background request when none is under way).
  QPixmap thumbnail(const QString& path, double seconds, int height);
  int pending() const { return int(pending_.size()); }
  void waitForDone() { pool_.waitForDone(); }

 Q_SIGNALS:
  void thumbnailReady(const QString& path);

 private:
  static QString key(const QString& path, double seconds, int height);
  ThumbnailFunction function_;
  QThreadPool pool_;
  QHash<QString, QPixmap> cache_;
  QSet<QString> pending_;
  QSet<QString> failed_;
};

}  // namespace sw::ui
