#include "render/app_settings.h"

#include <QCoreApplication>

#include <QJsonDocument>
#include <QSettings>

#include "providers/asset_cache.h"

namespace sw::render {

void applyApplicationIdentity() {
  QCoreApplication::setOrganizationName(QStringLiteral("Scenewright"));
  QCoreApplication::setOrganizationDomain(QStringLiteral("scenewright.org"));
  QCoreApplication::setApplicationName(QStringLiteral("Scenewright"));
}

namespace {
QJsonObject readJson(const QSettings& s, const QString& key) {
  return QJsonDocument::fromJson(s.value(key).toString().toUtf8()).object();
}
QString jsonText(const QJsonObject& o) {
  return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}
}  // namespace

AppSettings AppSettings::load() {
  QSettings s;
  AppSettings a;
  a.backends =
      providers::BackendSettings::fromJson(readJson(s, QStringLiteral("generation/backends")));
  a.backendOptions = readJson(s, QStringLiteral("generation/backendOptions"));
  a.resolution = s.value(QStringLiteral("render/resolution"), a.resolution).toString();
  a.loudnessLufs = s.value(QStringLiteral("render/loudness"), a.loudnessLufs).toDouble();
  a.cacheDirectory = s.value(QStringLiteral("cache/directory")).toString();
  return a;
}

void AppSettings::save() const {
  QSettings s;
  s.setValue(QStringLiteral("generation/backends"), jsonText(backends.toJson()));
  s.setValue(QStringLiteral("generation/backendOptions"), jsonText(backendOptions));
  s.setValue(QStringLiteral("render/resolution"), resolution);
  s.setValue(QStringLiteral("render/loudness"), loudnessLufs);
  s.setValue(QStringLiteral("cache/directory"), cacheDirectory);
}

QString AppSettings::effectiveCacheDirectory() const {
  // $SCENEWRIGHT_CACHE_DIR wins (scripts, tests), then Preferences, then the default.
  if (qEnvironmentVariableIsSet("SCENEWRIGHT_CACHE_DIR") || cacheDirectory.isEmpty())
    return providers::AssetCache::defaultDirectory();
  return cacheDirectory;
}

}  // namespace sw::render
