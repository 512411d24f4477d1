#include "providers/script_import.h"

#include "model/project_store.h"
#include "providers/local/local_speech.h"

#include <QHash>

namespace sw::providers {
namespace {

using namespace sw::model;

// name (upper case) -> character id; adds what is missing.
QHash<QString, Id> ensureCharacters(ProjectStore& store, const QStringList& names,
                                    ImportSummary& sum) {
  QHash<QString, Id> ids;
  const QList<Character> existing = store.characters();
  for (const Character& c : existing) ids.insert(c.name.toUpper(), c.id);
  const local::LocalSpeechGenerator voices;
  int voiceIndex = static_cast<int>(existing.size());
  for (const QString& name : names) {
    const QString upper = name.toUpper();
    if (ids.contains(upper)) {
      ++sum.charactersReused;
      continue;
    }
    Character c;
    c.name = name;
    c.voice = voices.defaultVoice(voiceIndex++);
    ids.insert(upper, store.addCharacter(c));
    ++sum.charactersAdded;
  }
  return ids;
}

Scene sceneFrom(const ParsedScene& p, double defaultDuration) {
  Scene s;
  s.title = p.heading;
  s.script = p.sourceText;
  s.narration = p.narration();
  s.visualPrompt = p.visualPrompt;
  s.directionPrompt = p.direction;
  s.targetDuration = p.duration.value_or(defaultDuration);
  s.musicPrompt = p.musicPrompt;
  s.musicMood = p.musicMood;
  s.musicTempo = p.musicTempo;
  return s;
}

void addScene(ProjectStore& store, const ParsedScene& p, const QHash<QString, Id>& characters,
              double defaultDuration, ImportSummary& sum) {
  const Id sceneId = store.addScene(sceneFrom(p, defaultDuration));
  ++sum.scenesAdded;
  int position = 0;
  for (const ParsedDialogue& line : p.lines) {
    if (line.narration) {
      ++sum.narrationLines;
      continue;
    }
    DialogueLine d;
    d.sceneId = sceneId;
    d.position = position++;
    d.characterId = characters.value(line.character.toUpper());
    d.text = line.text;
    store.addDialogueLine(d);
    ++sum.dialogueLines;
  }
  for (const ParsedSfx& cue : p.sfx) {
    SfxCue c;
    c.sceneId = sceneId;
    c.time = cue.time;
    c.description = cue.description;
    store.addSfxCue(c);
    ++sum.sfxCues;
  }
}

}  // namespace

ImportSummary applyParsedScript(ProjectStore& store, const ParsedScript& script,
                                double defaultDuration) {
  ImportSummary sum;
  sum.warnings = script.warnings;
  store.transaction([&] {
    ImportSummary inner;
    inner.warnings = script.warnings;
    const QHash<QString, Id> characters = ensureCharacters(store, script.characters, inner);
    for (const ParsedScene& scene : script.scenes)
      addScene(store, scene, characters, defaultDuration, inner);
    sum = inner;
  });
  return sum;
}

}  // namespace sw::providers
