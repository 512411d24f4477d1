#include "ui/waveform_cache.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFutureWatcher>
#include <QSaveFile>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

namespace sw::ui {

namespace {
constexpr quint32 kMagic = 0x53575746;  // "SWWF"
constexpr quint32 kVersion = 1;

std::optional<media::Waveform> readPeaks(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) return std::nullopt;
  QDataStream in(&file);
  quint32 magic = 0, version = 0, count = 0;
  qint32 perSecond = 0;
  in >> magic >> version >> perSecond >> count;
  if (magic != kMagic || version != kVersion || perSecond <= 0) return std::nullopt;
  const QByteArray bytes = file.read(count);
  if (quint32(bytes.size()) != count) return std::nullopt;
  media::Waveform wave;
  wave.peaksPerSecond = perSecond;
  wave.peaks.reserve(count);
  for (char b : bytes) wave.peaks.push_back(float(quint8(b)) / 255.0f);
  return wave;
}

void writePeaks(const QString& path, const media::Waveform& wave) {
  QDir().mkpath(QFileInfo(path).absolutePath());
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return;  // no disk cache: computed again next time
  QDataStream out(&file);
  out << kMagic << kVersion << qint32(wave.peaksPerSecond) << quint32(wave.peaks.size());
  QByteArray bytes;
  bytes.reserve(int(wave.peaks.size()));
  for (float p : wave.peaks)
    bytes.append(char(quint8(std::lround(std::clamp(p, 0.0f, 1.0f) * 255))));
  file.write(bytes);
  file.commit();
}
}  // namespace

WaveformCache::WaveformCache(const QString& folder, QObject* parent)
    : QObject(parent), folder_(folder) {
  pool_.setMaxThreadCount(1);
}

WaveformCache::~WaveformCache() { pool_.waitForDone(); }

QString WaveformCache::diskFile(const QString& key) const {
  const QString name = QString::fromLatin1(
      QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(40));
  return QDir(folder_).filePath(name + QStringLiteral(".peaks"));
}

std::shared_ptr<const media::Waveform> WaveformCache::waveform(const QString& key,
                                                               const QString& file) {
  if (key.isEmpty() || file.isEmpty()) return nullptr;
  if (const auto it = memory_.constFind(key); it != memory_.constEnd()) return *it;
  if (pending_.contains(key)) return nullptr;
  pending_.insert(key);
  const QString disk = diskFile(key);
  auto* watcher = new QFutureWatcher<std::shared_ptr<const media::Waveform>>(this);
  connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, key] {
    memory_.insert(key, watcher->result());
    pending_.remove(key);
    watcher->deleteLater();
    emit waveformReady(key);
  });
  watcher->setFuture(QtConcurrent::run(&pool_, [this, disk, file] {
    if (auto cached = readPeaks(disk))
      return std::make_shared<const media::Waveform>(std::move(*cached));
    if (QThread::currentThread() == QCoreApplication::instance()->thread()) decodedOnGui_ = true;
    ++decoded_;
    media::Waveform wave;
    try {
      wave = media::audioWaveform(file);
      writePeaks(disk, wave);
    } catch (const std::exception&) {
      wave = {};  // unreadable: drawn as a plain clip
    }
    return std::make_shared<const media::Waveform>(std::move(wave));
  }));
  return nullptr;
}

}  // namespace sw::ui
