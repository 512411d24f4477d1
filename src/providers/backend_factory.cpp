#include "providers/backend_factory.h"

namespace sw::providers {
namespace {

QString capabilityKey(Capability c) { return toString(c); }

}  // namespace

BackendSettings BackendSettings::fromJson(const QJsonObject& json) {
  BackendSettings s;
  const QJsonObject b = json.value("backends").toObject();
  s.script = b.value("script").toString(s.script);
  s.image = b.value("image").toString(s.image);
  s.video = b.value("video").toString(s.video);
  s.speech = b.value("speech").toString(s.speech);
  s.music = b.value("music").toString(s.music);
  s.soundEffect = b.value("sfx").toString(s.soundEffect);
  s.lipSync = b.value("lipsync").toString(s.lipSync);
  s.defaultModel = json.value("defaultModel").toString(s.defaultModel);
  return s;
}

QJsonObject BackendSettings::toJson() const {
  QJsonObject backends{{"script", script},  {"image", image}, {"video", video},
                       {"speech", speech},  {"music", music}, {"sfx", soundEffect},
                       {"lipsync", lipSync}};
  return QJsonObject{{"backends", backends}, {"defaultModel", defaultModel}};
}

QString BackendSettings::backendFor(Capability capability) const {
  switch (capability) {
    case Capability::Script:
      return script;
    case Capability::Image:
      return image;
    case Capability::Video:
      return video;
    case Capability::Speech:
      return speech;
    case Capability::Music:
      return music;
    case Capability::SoundEffect:
      return soundEffect;
    case Capability::LipSync:
      return lipSync;
  }
  return {};
}

std::shared_ptr<VideoGenerator> Backends::videoFor(const ModelEntry& model) const {
  if (model.backend == QLatin1String("local") && localVideo) return localVideo;
  if (!video)
    throw ProviderError(
        ProviderError::Kind::Invalid,
        QStringLiteral("No video backend is configured for model \"%1\".").arg(model.key));
  return video;
}

BackendFactory::BackendFactory(BackendEnvironment environment) : env_(std::move(environment)) {
  if (!env_.models) env_.models = std::make_shared<const ModelRegistry>(ModelRegistry::load());
}

void BackendFactory::addScriptParser(const QString& id, Maker<ScriptParser> m) {
  script_[id] = std::move(m);
}
void BackendFactory::addImage(const QString& id, Maker<ImageGenerator> m) {
  image_[id] = std::move(m);
}
void BackendFactory::addVideo(const QString& id, Maker<VideoGenerator> m) {
  video_[id] = std::move(m);
}
void BackendFactory::addSpeech(const QString& id, Maker<SpeechGenerator> m) {
  speech_[id] = std::move(m);
}
void BackendFactory::addMusic(const QString& id, Maker<MusicGenerator> m) {
  music_[id] = std::move(m);
}
void BackendFactory::addSoundEffect(const QString& id, Maker<SoundEffectGenerator> m) {
  sfx_[id] = std::move(m);
}
void BackendFactory::addLipSync(const QString& id, Maker<LipSync> m) {
  lipSync_[id] = std::move(m);
}

QStringList BackendFactory::ids(Capability capability) const {
  switch (capability) {
    case Capability::Script:
      return script_.keys();
    case Capability::Image:
      return image_.keys();
    case Capability::Video:
      return video_.keys();
    case Capability::Speech:
      return speech_.keys();
    case Capability::Music:
      return music_.keys();
    case Capability::SoundEffect:
      return sfx_.keys();
    case Capability::LipSync:
      return lipSync_.keys();
  }
  return {};
}

bool BackendFactory::has(Capability capability, const QString& id) const {
  return ids(capability).contains(id);
}

template <class Interface>
std::shared_ptr<Interface> BackendFactory::make(const QMap<QString, Maker<Interface>>& makers,
                                                Capability cap, const QString& id) const {
  auto it = makers.constFind(id);
  if (it == makers.constEnd()) {
    const QStringList known = makers.keys();
    throw ProviderError(ProviderError::Kind::Invalid,
                        QStringLiteral("No %1 backend \"%2\" is available; choose one of: %3.")
                            .arg(capabilityKey(cap), id,
                                 known.isEmpty() ? QStringLiteral("(none)") : known.join(", ")));
  }
  return it.value()(env_);
}

std::shared_ptr<ScriptParser> BackendFactory::scriptParser(const QString& id) const {
  return make(script_, Capability::Script, id);
}
std::shared_ptr<ImageGenerator> BackendFactory::image(const QString& id) const {
  return make(image_, Capability::Image, id);
}
std::shared_ptr<VideoGenerator> BackendFactory::video(const QString& id) const {
  return make(video_, Capability::Video, id);
}
std::shared_ptr<SpeechGenerator> BackendFactory::speech(const QString& id) const {
  return make(speech_, Capability::Speech, id);
}
std::shared_ptr<MusicGenerator> BackendFactory::music(const QString& id) const {
  return make(music_, Capability::Music, id);
}
std::shared_ptr<SoundEffectGenerator> BackendFactory::soundEffect(const QString& id) const {
  return make(sfx_, Capability::SoundEffect, id);
}
std::shared_ptr<LipSync> BackendFactory::lipSync(const QString& id) const {
  return make(lipSync_, Capability::LipSync, id);
}

Backends BackendFactory::create(const BackendSettings& s) const {
  Backends b;
  b.models = env_.models;
  b.defaultModel = env_.models->resolve({}, s.defaultModel).key;
  b.script = scriptParser(s.script);
  b.image = image(s.image);
  b.video = video(s.video);
  if (has(Capability::Video, QStringLiteral("local")))
    b.localVideo = s.video == QLatin1String("local") ? b.video : video(QStringLiteral("local"));
  b.speech = speech(s.speech);
  b.music = music(s.music);
  b.soundEffect = soundEffect(s.soundEffect);
  if (!s.lipSync.isEmpty()) b.lipSync = lipSync(s.lipSync);
  return b;
}

}  // namespace sw::providers
