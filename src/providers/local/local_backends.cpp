#include "providers/local/local_backends.h"

#include "providers/local/fountain_parser.h"
#include "providers/local/local_music.h"
#include "providers/local/local_speech.h"
#include "providers/local/local_video.h"

namespace sw::providers {

void registerLocalBackends(BackendFactory& factory) {
  const QString id = QStringLiteral("local");
  factory.addScriptParser(
      id, [](const BackendEnvironment&) { return std::make_shared<local::FountainParser>(); });
  factory.addImage(
      id, [](const BackendEnvironment&) { return std::make_shared<local::LocalImageGenerator>(); });
  factory.addVideo(id, [id](const BackendEnvironment& env) {
    return std::make_shared<local::LocalVideoGenerator>(env.optionsFor(id));
  });
  factory.addSpeech(id, [](const BackendEnvironment&) {
    return std::make_shared<local::LocalSpeechGenerator>();
  });
  factory.addMusic(id, [id](const BackendEnvironment& env) {
    return std::make_shared<local::LocalMusicGenerator>(env.optionsFor(id));
  });
  factory.addSoundEffect(id, [](const BackendEnvironment&) {
    return std::make_shared<local::LocalSoundEffectGenerator>();
  });
}

}  // namespace sw::providers
