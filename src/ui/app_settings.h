// The application's settings (QSettings, organisation "Scenewright"): backends per capability,
// per-backend options (base URLs), default render resolution and loudness, cache location.
// API keys are never stored here (they live in the system keychain).
#pragma once

#include <QJsonObject>
#include <QString>

#include "providers/backend_factory.h"

namespace sw::ui {

struct AppSettings {
  providers::BackendSettings backends;  // includes the default model
  QJsonObject backendOptions;           // {"replicate": {"baseUrl": "..."}, ...}
  QString resolution = QStringLiteral("720p");
  double loudnessLufs = -16.0;
  QString cacheDirectory;               // empty = AssetCache::defaultDirectory()

  static AppSettings load();
  void save() const;
  QString effectiveCacheDirectory() const;
};

}  // namespace sw::ui
