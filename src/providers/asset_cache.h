// AssetCache: content-addressed generated files. key = SHA-256 (hex) of the canonical request
// JSON: capability, backend, model, version, every input (seed included) and the SHA-256 of
// every input file's content. An entry is "<dir>/<key>.<ext>" (plus an optional
// "<key>.meta.json" sidecar with the GenerationResult); it appears only through an atomic rename
// of a complete, non-empty file, so an interrupted download never becomes an entry.
// Thread-safe: several threads may store and look up at once (distinct temp names, atomic renames).
#pragma once

#include "providers/capabilities.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace sw::providers {

struct CacheRequest {
  QString capability;      // toString(Capability)
  QString backend;         // local, replicate...
  QString model;           // model key / service model id
  QString version;         // model version ("" when none)
  QJsonObject inputs;      // e.g. VideoRequest::canonical()
  QStringList inputFiles;  // hashed by content, in order
};

struct CacheEntry {
  QString key;
  QString path;
  qint64 size = 0;
  QDateTime modified;
};

class AssetCache {
 public:
  // The one default cache folder: $SCENEWRIGHT_CACHE_DIR if set, else ~/.cache/scenewright/assets
  // (QStandardPaths::GenericCacheLocation). Preferences may choose another (AppSettings).
  static QString defaultDirectory();
  explicit AssetCache(const QString& directory = defaultDirectory());

  const QString& directory() const { return dir_; }

  // The canonical JSON (compact, keys sorted) the key is computed from. Throws
  // ProviderError(Invalid) naming the file when an input file cannot be read.
  static QByteArray canonicalJson(const CacheRequest& request);
  static QString key(const CacheRequest& request);
  static QString fileSha256(const QString& path);  // throws ProviderError(Invalid) when unreadable

  // Path of the entry for key, if present.
  std::optional<QString> lookup(const QString& key) const;
  // The sidecar stored with the entry ({} when none).
  QJsonObject metadata(const QString& key) const;

  // A fresh temporary path inside the cache folder (same file system, so store() is a rename),
  // named ".incoming.part-<pid>-<tag>.<extension>" (core/temp_files.h). Download or render into
  // it, then store() it; a leftover temp file is never an entry.
  QString temporaryPath(const QString& extension) const;

  // Moves tempFile into the cache as "<key>.<extension>" (extension: tempFile's suffix when empty)
  // and returns the entry path. Throws ProviderError(BadOutput) for a missing or empty file. If
  // the key is already present, the existing entry is kept and tempFile is removed.
  QString store(const QString& key, const QString& tempFile, const QJsonObject& metadata = {},
                const QString& extension = {});

  QList<CacheEntry> entries() const;
  qint64 size() const;  // bytes of all entries
  bool remove(const QString& key);
  // Removes every entry and sidecar, and the temporary files of dead writers (sweepStaleTemps);
  // a live process's temporary files stay, so its download or render still finishes.
  void clear();

  // Where generators write before store(): "<dir>/incoming". Everything in it is in transit.
  QString incomingDirectory() const;
  // Removes the temporary files a dead process left in the cache folder and in incoming/ (those
  // whose writer's pid is gone; without a pid in the name, older than a day; in incoming/, any
  // file older than a day). Returns the removed paths. Run on project open and by clear().
  QStringList sweepStaleTemps() const;

 private:
  QString dir_;
};

// Cache key inputs for the capability requests.
CacheRequest cacheRequest(const VideoRequest& request, const QString& backend);
CacheRequest cacheRequest(const ImageRequest& request, const QString& backend);
CacheRequest cacheRequest(const SpeechRequest& request, const QString& backend);
CacheRequest cacheRequest(const MusicRequest& request, const QString& backend);
CacheRequest cacheRequest(const SoundEffectRequest& request, const QString& backend);
CacheRequest cacheRequest(const LipSyncRequest& request, const QString& backend);
// The cache request of `request` made by `generator`: its backend id and, when it has one, its
// recipeTag() (as the input "backendRecipe").
template <class Generator, class Request>
CacheRequest cacheRequestFor(const Generator& generator, const Request& request) {
  CacheRequest c = cacheRequest(request, generator.backendId());
  const QString tag = generator.recipeTag();
  if (!tag.isEmpty()) c.inputs.insert(QStringLiteral("backendRecipe"), tag);
  return c;
}

// GenerationResult <-> sidecar JSON.
QJsonObject resultToJson(const GenerationResult& result);
GenerationResult resultFromJson(const QJsonObject& json);

}  // namespace sw::providers
