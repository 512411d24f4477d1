#include "providers/asset_cache.h"

#include "core/temp_files.h"
#include "providers/cache_listing.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <cstdio>

namespace sw::providers {
namespace {

using Kind = ProviderError::Kind;
constexpr const char* kMetaSuffix = ".meta.json";
// Temporary names of versions before the writer's pid was in them (swept by age).
const QStringList kLegacyTemps = {QStringLiteral(".incoming-*")};
const QStringList kLegacyIncoming = {QStringLiteral("sw-download-*")};

bool isEntryFile(const QString& fileName) {
  return !fileName.startsWith('.') && !fileName.endsWith(QLatin1String(kMetaSuffix));
}

void ensureDir(const QString& dir) {
  if (!QDir().mkpath(dir))
    throw ProviderError(Kind::Failed,
                        QStringLiteral("Cannot create the asset cache folder %1; check "
                                       "its permissions and free space.")
                            .arg(dir));
}

}  // namespace

QString AssetCache::defaultDirectory() {
  const QString env = qEnvironmentVariable("SCENEWRIGHT_CACHE_DIR");
  if (!env.isEmpty()) return env;
  return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
         QStringLiteral("/scenewright/assets");
}

AssetCache::AssetCache(const QString& directory) : dir_(QDir(directory).absolutePath()) {}

QString AssetCache::fileSha256(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    throw ProviderError(Kind::Invalid,
                        QStringLiteral("Cannot read the input file %1 to hash it: %2.")
                            .arg(path, file.errorString()));
  QCryptographicHash hash(QCryptographicHash::Sha256);
  if (!hash.addData(&file))
    throw ProviderError(Kind::Invalid, QStringLiteral("Cannot read the input file %1.").arg(path));
  return QString::fromLatin1(hash.result().toHex());
}

QByteArray AssetCache::canonicalJson(const CacheRequest& r) {
  QJsonArray files;
  for (const QString& f : r.inputFiles) files.append(fileSha256(f));
  const QJsonObject o{{"capability", r.capability},
                      {"backend", r.backend},
                      {"model", r.model},
                      {"version", r.version},
                      {"inputs", r.inputs},
                      {"inputFiles", files},
                      {"format", 1}};
  return QJsonDocument(o).toJson(QJsonDocument::Compact);  // QJsonObject keeps keys sorted
}

QString AssetCache::key(const CacheRequest& request) {
  return QString::fromLatin1(
      QCryptographicHash::hash(canonicalJson(request), QCryptographicHash::Sha256).toHex());
}

std::optional<QString> AssetCache::lookup(const QString& key) const {
  if (key.isEmpty()) return std::nullopt;
  // The folder's names are listed once while it stays unchanged (cache_listing.h): the GUI asks
  // for every slot of a scene (render/scene_state.h), and a cache holds thousands of takes.
  for (const QString& name : CacheListing::namesFor(dir_, key, isEntryFile)) {
    const QFileInfo info(QDir(dir_).filePath(name));
    if (info.size() > 0) return info.absoluteFilePath();
  }
  return std::nullopt;
}

QJsonObject AssetCache::metadata(const QString& key) const {
  QFile file(QDir(dir_).filePath(key + QLatin1String(kMetaSuffix)));
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(file.readAll()).object();
}

QString AssetCache::temporaryPath(const QString& extension) const {
  ensureDir(dir_);
  return QDir(dir_).filePath(core::tempName(QStringLiteral("incoming"), extension));
}

QString AssetCache::store(const QString& key, const QString& tempFile, const QJsonObject& meta,
                          const QString& extension) {
  const QFileInfo info(tempFile);
  if (!info.isFile() || info.size() == 0)
    throw ProviderError(Kind::BadOutput,
                        QStringLiteral("The generated file %1 is missing or empty; "
                                       "it was not added to the cache.")
                            .arg(tempFile));
  if (auto existing = lookup(key)) {
    if (QFileInfo(tempFile).absoluteFilePath() != *existing) QFile::remove(tempFile);
    return *existing;
  }
  ensureDir(dir_);
  const QString ext = extension.isEmpty() ? info.suffix() : extension;
  const QString finalPath = QDir(dir_).filePath(ext.isEmpty() ? key : key + '.' + ext);
  QString staged = tempFile;
  if (info.absoluteDir() != QDir(dir_)) {  // copy onto the cache's file system first
    staged = temporaryPath(ext);
    if (!QFile::copy(tempFile, staged))
      throw ProviderError(Kind::Failed,
                          QStringLiteral("Cannot copy %1 into the asset cache %2 (disk "
                                         "full?).")
                              .arg(tempFile, dir_));
  }
  if (!meta.isEmpty()) {
    QSaveFile side(QDir(dir_).filePath(key + QLatin1String(kMetaSuffix)));
    if (side.open(QIODevice::WriteOnly)) {
      side.write(QJsonDocument(meta).toJson());
      side.commit();
    }
  }
  // rename(2) is atomic and replaces a racing writer's identical entry.
  if (std::rename(QFile::encodeName(staged).constData(),
                  QFile::encodeName(finalPath).constData()) != 0)
    throw ProviderError(
        Kind::Failed,
        QStringLiteral("Cannot move %1 into the asset cache as %2.").arg(staged, finalPath));
  if (staged != tempFile) QFile::remove(tempFile);
  return finalPath;
}

QList<CacheEntry> AssetCache::entries() const {
  QList<CacheEntry> list;
  const QDir dir(dir_);
  for (const QFileInfo& info : dir.entryInfoList(QDir::Files, QDir::Name)) {
    if (!isEntryFile(info.fileName())) continue;
    list.append(CacheEntry{info.fileName().section('.', 0, 0), info.absoluteFilePath(), info.size(),
                           info.lastModified()});
  }
  return list;
}

qint64 AssetCache::size() const {
  qint64 total = 0;
  for (const CacheEntry& e : entries()) total += e.size;
  return total;
}

bool AssetCache::remove(const QString& key) {
  QFile::remove(QDir(dir_).filePath(key + QLatin1String(kMetaSuffix)));
  if (auto path = lookup(key)) return QFile::remove(*path);
  return false;
}

QString AssetCache::incomingDirectory() const {
  return QDir(dir_).filePath(QStringLiteral("incoming"));
}

QStringList AssetCache::sweepStaleTemps() const {
  QStringList removed = core::sweepStaleTemps(dir_, core::SweepOptions{kLegacyTemps, false});
  removed << core::sweepStaleTemps(incomingDirectory(), core::SweepOptions{kLegacyIncoming, true});
  return removed;
}

void AssetCache::clear() {
  const QDir dir(dir_);
  for (const QFileInfo& info : dir.entryInfoList(QDir::Files | QDir::Hidden)) {
    const QString name = info.fileName();
    if (core::isTempName(name, kLegacyTemps)) continue;  // swept below unless its writer lives
    QFile::remove(info.absoluteFilePath());
  }
  sweepStaleTemps();
}

namespace {
CacheRequest make(Capability c, const QString& backend, const QString& model,
                  const QString& version, const QJsonObject& inputs,
                  const QStringList& files = {}) {
  return CacheRequest{toString(c), backend, model, version, inputs, files};
}
}  // namespace

CacheRequest cacheRequest(const VideoRequest& r, const QString& backend) {
  return make(Capability::Video, backend, r.model.modelId.isEmpty() ? r.model.key : r.model.modelId,
              r.model.version, r.canonical(), r.inputFiles());
}
CacheRequest cacheRequest(const ImageRequest& r, const QString& backend) {
  return make(Capability::Image, backend, r.model, {}, r.canonical());
}
CacheRequest cacheRequest(const SpeechRequest& r, const QString& backend) {
  return make(Capability::Speech, backend, r.model, {}, r.canonical());
}
CacheRequest cacheRequest(const MusicRequest& r, const QString& backend) {
  return make(Capability::Music, backend, r.model, {}, r.canonical());
}
CacheRequest cacheRequest(const SoundEffectRequest& r, const QString& backend) {
  return make(Capability::SoundEffect, backend, r.model, {}, r.canonical());
}
CacheRequest cacheRequest(const LipSyncRequest& r, const QString& backend) {
  return make(Capability::LipSync, backend, r.model, {}, r.canonical(), r.inputFiles());
}

QJsonObject resultToJson(const GenerationResult& r) {
  return QJsonObject{{"filePath", r.filePath},
                     {"mime", r.mime},
                     {"duration", r.duration},
                     {"width", r.width},
                     {"height", r.height},
                     {"costUsd", r.costUsd},
                     {"seconds", r.seconds},
                     {"provider", r.provider},
                     {"model", r.model},
                     {"remoteId", r.remoteId},
                     {"notes", QJsonArray::fromStringList(r.notes)}};
}

GenerationResult resultFromJson(const QJsonObject& o) {
  GenerationResult r;
  r.filePath = o.value("filePath").toString();
  r.mime = o.value("mime").toString();
  r.duration = o.value("duration").toDouble();
  r.width = o.value("width").toInt();
  r.height = o.value("height").toInt();
  r.costUsd = o.value("costUsd").toDouble();
  r.seconds = o.value("seconds").toDouble();
  r.provider = o.value("provider").toString();
  r.model = o.value("model").toString();
  r.remoteId = o.value("remoteId").toString();
  for (const QJsonValue& v : o.value("notes").toArray()) r.notes << v.toString();
  return r;
}

}  // namespace sw::providers
