// The application's settings, written by the GUI's Preferences and read by the GUI and the CLI
// (QSettings, organisation "Scenewright"): backends per capability, per-backend options (base
// URLs), default render resolution and loudness, cache location. API keys are never stored here
// (they live in the system keychain).
#pragma once

#include <QJsonObject>
#include <QString>

#include "providers/backend_factory.h"

namespace sw::render {

// Organisation and application name shared by the GUI and the CLI, so both read the same
// QSettings (~/.config/Scenewright/Scenewright.conf) and the same models.json override
// (~/.config/Scenewright/Scenewright/models.json).
void applyApplicationIdentity();

struct AppSettings {
  providers::BackendSettings backends;  // includes the default model
  QJsonObject backendOptions;           // {"replicate": {"baseUrl": "..."}, ...}
  QString resolution = QStringLiteral("720p");
  double loudnessLufs = -16.0;
  QString cacheDirectory;  // empty = AssetCache::defaultDirectory()

  static AppSettings load();
  void save() const;
  QString effectiveCacheDirectory() const;
};

}  // namespace sw::render
