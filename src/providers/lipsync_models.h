// LipSyncModels: the lip-sync models of the registry document (resources/models.json, section
// "lipsync", merged with the user's file like the video models): per model its backend
// ("replicate" or "sync"), the service's model id (and pinned version for community models on
// Replicate), the input field names (some Replicate models take `video` + `audio`, others
// `input_source` + `audio`), constant inputs and the price (usd_per_second of synced video and/or
// usd_per_call). Plain value; thread-safe to share once built.
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace sw::providers {

struct LipSyncModel {
  QString key;  // registry key, e.g. "sync-lipsync-2" or "lipsync-2"
  QString displayName;
  QString backend;   // "replicate" or "sync"
  QString modelId;   // Replicate "owner/name"; the Sync API's model name ("lipsync-2")
  QString version;   // pinned Replicate version (community models), else empty
  QString endpoint;  // Replicate: "model" or "version"
  QString videoField = QStringLiteral("video");  // Replicate input field of the video
  QString audioField = QStringLiteral("audio");  // Replicate input field of the audio
  QJsonObject fixedInputs;             // Replicate: always sent; Sync API: the request's "options"
  std::optional<double> usdPerSecond;  // per second of the video sent
  std::optional<double> usdPerCall;
  bool priceVerified = false;
  double maxSeconds = 0.0;  // how long one remote job may run (0: the backend's default)
  // USD for a span of `seconds`; empty when the entry states no price.
  std::optional<double> price(double seconds) const;
};

class LipSyncModels {
 public:
  // From the document's "lipsync" object: {"default": {"replicate": key, "sync": key},
  // "models": {key: {...}}}. Throws ProviderError(Invalid) naming `origin` and the key for an
  // entry without backend or model id, or with a negative price.
  static LipSyncModels fromJson(const QJsonObject& section, const QString& origin);

  QStringList keys() const { return models_.keys(); }
  const LipSyncModel* find(const QString& key) const;
  // `key` when set (it must exist and belong to `backend`), else the backend's default entry;
  // throws ProviderError(Invalid) naming the known keys.
  const LipSyncModel& resolve(const QString& backend, const QString& key) const;

 private:
  QMap<QString, LipSyncModel> models_;
  QMap<QString, QString> defaults_;  // backend id -> key
};

}  // namespace sw::providers
