#include "ui/thumbnail_loader.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "model/project_files.h"

namespace sw::ui {

ThumbnailLoader::ThumbnailLoader(QObject* parent) : QObject(parent) { pool_.setMaxThreadCount(2); }

ThumbnailLoader::~ThumbnailLoader() {
  pool_.clear();
  pool_.waitForDone();
}

void ThumbnailLoader::setFunction(ThumbnailFunction function) { function_ = std::move(function); }

QString ThumbnailLoader::key(const QString& path, double seconds, int height) {
  return QStringLiteral("%1|%2|%3").arg(path).arg(qRound(seconds * 10)).arg(height);
}

QPixmap ThumbnailLoader::thumbnail(const QString& path, double seconds, int height) {
  const QString k = key(path, seconds, height);
  if (const auto it = cache_.constFind(k); it != cache_.constEnd()) return it.value();
  if (!function_ || path.isEmpty() || pending_.contains(k) || failed_.contains(k)) return {};
  if (model::isDatabaseFile(path)) {  // only SQLite may open those (model/project_files.h)
    failed_.insert(k);
    return {};
  }
  pending_.insert(k);
  auto* watcher = new QFutureWatcher<QImage>(this);
  connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, k, path] {
    const QImage image = watcher->result();
    watcher->deleteLater();
    pending_.remove(k);
    if (image.isNull()) {
      failed_.insert(k);  // not asked again for this file and time
      return;
    }
    cache_.insert(k, QPixmap::fromImage(image));  // QPixmap only on the GUI thread
    emit thumbnailReady(path);
  });
  const ThumbnailFunction function = function_;
  watcher->setFuture(QtConcurrent::run(&pool_, [function, path, seconds, height] {
    try {
      return function(path, seconds, height);
    } catch (const std::exception&) {
      return QImage();
    }
  }));
  return {};
}

}  // namespace sw::ui
