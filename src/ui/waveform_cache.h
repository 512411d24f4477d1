// Waveforms of the audio assets the timeline draws: computed on a worker thread (QtConcurrent on
// a private pool, media::audioWaveform), kept in memory and on disk (<folder>/<key>.peaks, the
// key being the asset's cache key), handed to the GUI thread through QFutureWatcher.
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <atomic>
#include <memory>

#include "media/waveform.h"

namespace sw::ui {

class WaveformCache : public QObject {
  Q_OBJECT
 public:
  explicit WaveformCache(const QString& folder, QObject* parent = nullptr);
  ~WaveformCache() override;  // waits for the waveform being computed

  // The waveform of `file` (cache key `key`), or null and a background request when it is not
  // in memory yet; an empty Waveform when the file cannot be read.
  std::shared_ptr<const media::Waveform> waveform(const QString& key, const QString& file);
  QString diskFile(const QString& key) const;
  void waitForDone() { pool_.waitForDone(); }

  // For tests: waveforms decoded from audio (not read from disk), and whether any was decoded
  // on the GUI thread.
  int decoded() const { return decoded_; }
  bool decodedOnGuiThread() const { return decodedOnGui_; }

 Q_SIGNALS:
  void waveformReady(const QString& key);

 private:
  QString folder_;
  QThreadPool pool_;
  QHash<QString, std::shared_ptr<const media::Waveform>> memory_;
  QSet<QString> pending_;
  std::atomic<int> decoded_{0};
  std::atomic<bool> decodedOnGui_{false};
};

}  // namespace sw::ui
