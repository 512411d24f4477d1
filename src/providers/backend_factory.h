// BackendFactory: builds the generator objects named in the settings ("local" or a cloud id per
// capability). Backends are registered by plain function calls, never by static initialisers:
// registerLocalBackends() (local/local_backends.h) and registerCloudBackends()
// (cloud/cloud_backends.h). makeBackendFactory() calls both.
#pragma once

#include "providers/capabilities.h"
#include "providers/model_registry.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace sw::providers {

// What a backend maker may use. Never holds API keys (those come from the keychain/environment).
struct BackendEnvironment {
  std::shared_ptr<const ModelRegistry> models;
  // Per-backend options from the app settings, e.g. {"replicate": {"baseUrl": "..."},
  // "local": {"width": 640, "height": 360}}.
  QJsonObject options;
  QJsonObject optionsFor(const QString& backendId) const {
    return options.value(backendId).toObject();
  }
};

// Which backend serves each capability. Defaults: everything local, no lip sync.
struct BackendSettings {
  QString script = QStringLiteral("local");
  QString image = QStringLiteral("local");
  QString video = QStringLiteral("local");
  QString speech = QStringLiteral("local");
  QString music = QStringLiteral("local");
  QString soundEffect = QStringLiteral("local");
  QString lipSync;       // empty = no lip sync
  QString defaultModel;  // model registry key; empty = the registry's default

  // {"backends": {"script": "...", "image": ..., "video", "speech", "music", "sfx", "lipsync"},
  //  "defaultModel": "hailuo"}; missing fields keep the defaults.
  static BackendSettings fromJson(const QJsonObject& json);
  QJsonObject toJson() const;
  QString backendFor(Capability capability) const;
};

// The generator objects for one configuration. lipSync may be null.
struct Backends {
  std::shared_ptr<ScriptParser> script;
  std::shared_ptr<ImageGenerator> image;
  std::shared_ptr<VideoGenerator> video;       // the configured video backend
  std::shared_ptr<VideoGenerator> localVideo;  // used for models whose backend is "local"
  std::shared_ptr<SpeechGenerator> speech;
  std::shared_ptr<MusicGenerator> music;
  std::shared_ptr<SoundEffectGenerator> soundEffect;
  std::shared_ptr<LipSync> lipSync;
  std::shared_ptr<const ModelRegistry> models;
  QString defaultModel;  // resolved registry key

  // The generator for a model: the local one when the model's backend is "local", else `video`.
  std::shared_ptr<VideoGenerator> videoFor(const ModelEntry& model) const;
};

class BackendFactory {
 public:
  template <class Interface>
  using Maker = std::function<std::shared_ptr<Interface>(const BackendEnvironment&)>;

  explicit BackendFactory(BackendEnvironment environment);

  // Registering the same id twice replaces the earlier maker.
  void addScriptParser(const QString& id, Maker<ScriptParser> maker);
  void addImage(const QString& id, Maker<ImageGenerator> maker);
  void addVideo(const QString& id, Maker<VideoGenerator> maker);
  void addSpeech(const QString& id, Maker<SpeechGenerator> maker);
  void addMusic(const QString& id, Maker<MusicGenerator> maker);
  void addSoundEffect(const QString& id, Maker<SoundEffectGenerator> maker);
  void addLipSync(const QString& id, Maker<LipSync> maker);

  QStringList ids(Capability capability) const;  // registered backend ids, sorted
  bool has(Capability capability, const QString& id) const;

  // Each throws ProviderError(Invalid) naming the capability and the known ids when `id` is
  // not registered.
  std::shared_ptr<ScriptParser> scriptParser(const QString& id) const;
  std::shared_ptr<ImageGenerator> image(const QString& id) const;
  std::shared_ptr<VideoGenerator> video(const QString& id) const;
  std::shared_ptr<SpeechGenerator> speech(const QString& id) const;
  std::shared_ptr<MusicGenerator> music(const QString& id) const;
  std::shared_ptr<SoundEffectGenerator> soundEffect(const QString& id) const;
  std::shared_ptr<LipSync> lipSync(const QString& id) const;

  Backends create(const BackendSettings& settings) const;
  const BackendEnvironment& environment() const { return env_; }

 private:
  template <class Interface>
  std::shared_ptr<Interface> make(const QMap<QString, Maker<Interface>>& makers, Capability cap,
                                  const QString& id) const;

  BackendEnvironment env_;
  QMap<QString, Maker<ScriptParser>> script_;
  QMap<QString, Maker<ImageGenerator>> image_;
  QMap<QString, Maker<VideoGenerator>> video_;
  QMap<QString, Maker<SpeechGenerator>> speech_;
  QMap<QString, Maker<MusicGenerator>> music_;
  QMap<QString, Maker<SoundEffectGenerator>> sfx_;
  QMap<QString, Maker<LipSync>> lipSync_;
};

// A factory with the local backends and (when compiled in) the cloud backends registered.
// models: null = ModelRegistry::load().
BackendFactory makeBackendFactory(std::shared_ptr<const ModelRegistry> models = nullptr,
                                  const QJsonObject& options = {});

}  // namespace sw::providers
