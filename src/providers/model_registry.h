// ModelRegistry: the video models Scenewright knows (resources/models.json, embedded as
// ":/scenewright/models.json"), merged by key with the user's override file
// (<QStandardPaths::AppConfigLocation>/models.json: a user entry's fields replace the built-in
// ones, new keys add models). Read-only after load; safe to share between threads.
#pragma once

#include "providers/capabilities.h"
#include "providers/lipsync_models.h"
#include "providers/model_entry.h"
#include "providers/price_list.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sw::providers {

class ModelRegistry {
 public:
  static constexpr const char* kBuiltinPath = ":/scenewright/models.json";

  // The built-in registry merged with the user's file (when it exists).
  static ModelRegistry load();
  // Built-in merged with an explicit override file (empty = none). Throws ProviderError(Invalid)
  // naming the file when a file is not valid JSON or an entry is incomplete.
  static ModelRegistry load(const QString& overridePath);
  // From an already parsed document {"default": key, "models": {key: {...}}, "services": {...}}.
  static ModelRegistry fromJson(const QJsonObject& document, const QString& origin);
  static QString userOverridePath();  // <AppConfigLocation>/models.json

  QStringList keys() const;  // sorted
  bool contains(const QString& key) const { return models_.contains(key); }
  // Throws ProviderError(Invalid) listing the known keys when `key` is unknown.
  const ModelEntry& model(const QString& key) const;
  const ModelEntry* find(const QString& key) const;

  // The default model: one setting. setDefaultKey() throws for an unknown key.
  QString defaultKey() const { return defaultKey_; }
  void setDefaultKey(const QString& key);
  // sceneKey if set, else projectDefault if set, else defaultKey(); validated.
  const ModelEntry& resolve(const QString& sceneKey, const QString& projectDefault = {}) const;

  // Prices of every kind of call (the document's "services" section; video in each model).
  const PriceList& prices() const { return prices_; }
  // The lip-sync models (the document's "lipsync" section, lipsync_models.h).
  const LipSyncModels& lipSync() const { return lipSync_; }

  // Refuses (ProviderError Invalid, with a message naming the model and the limit) a request the
  // model cannot honour: missing/unsupported start image, too many references, a duration or size
  // the model does not accept, an fps it cannot produce, an empty prompt. Call before paying.
  static void validate(const VideoRequest& request);

 private:
  QMap<QString, ModelEntry> models_;
  QString defaultKey_;
  PriceList prices_;
  LipSyncModels lipSync_;
};

// Parses one entry (already merged); throws ProviderError(Invalid) naming `origin` and the key.
ModelEntry modelEntryFromJson(const QString& key, const QJsonObject& object, const QString& origin);
// Recursive merge: objects merge key by key, any other value in `over` replaces `base`'s.
QJsonObject mergeJson(const QJsonObject& base, const QJsonObject& over);

}  // namespace sw::providers
