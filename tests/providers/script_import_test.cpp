#include "providers/script_import.h"
#include "providers/local/fountain_parser.h"

#include "model/project_store.h"

#include <gtest/gtest.h>
#include <QTemporaryDir>

using namespace sw::providers;
using sw::model::ProjectStore;

namespace {
const char* kScript = R"(
EXT. PIER - DUSK
[[DURATION: 9s]]
[[MUSIC: slow piano, mood: sad, 70 bpm]]
[[CAMERA: wide]]

Gulls circle over the water.

NARRATOR
It was the last ferry of the year.

JUNE
You came.

KAI
I said I would.

[[SFX: ferry horn @ 2s]]

INT. FERRY CABIN - NIGHT

Rain streaks the windows.

JUNE
Where are we going?
)";
}  // namespace

TEST(ProvidersScriptImport, AddsScenesCharactersLinesAndCuesInOneGo) {
  QTemporaryDir dir;
  auto store = ProjectStore::create(dir.filePath("p.scenewright"), "Import");
  sw::model::Character existing;
  existing.name = "Kai";
  existing.voice = "en-gb+m2";
  const auto kaiId = store->addCharacter(existing);

  const ImportSummary sum = applyParsedScript(*store, local::parseFountain(kScript), 7.0);
  EXPECT_EQ(sum.scenesAdded, 2);
  EXPECT_EQ(sum.charactersAdded, 1);
  EXPECT_EQ(sum.charactersReused, 1);
  EXPECT_EQ(sum.dialogueLines, 3);
  EXPECT_EQ(sum.narrationLines, 1);
  EXPECT_EQ(sum.sfxCues, 1);

  const auto scenes = store->scenes();
  ASSERT_EQ(scenes.size(), 2);
  EXPECT_EQ(scenes[0].title, QStringLiteral("EXT. PIER - DUSK"));
  EXPECT_DOUBLE_EQ(scenes[0].targetDuration, 9.0);
  EXPECT_DOUBLE_EQ(scenes[1].targetDuration, 7.0);
  EXPECT_EQ(scenes[0].narration, QStringLiteral("It was the last ferry of the year."));
  EXPECT_EQ(scenes[0].visualPrompt, QStringLiteral("Gulls circle over the water."));
  EXPECT_EQ(scenes[0].directionPrompt, QStringLiteral("wide"));
  EXPECT_EQ(scenes[0].musicMood, QStringLiteral("sad"));
  EXPECT_EQ(scenes[0].musicTempo, 70);
  const auto lines = store->dialogueLines(scenes[0].id);
  ASSERT_EQ(lines.size(), 2);
  EXPECT_EQ(lines[1].characterId, kaiId);
  EXPECT_EQ(lines[1].text, QStringLiteral("I said I would."));
  const auto cues = store->sfxCues(scenes[0].id);
  ASSERT_EQ(cues.size(), 1);
  EXPECT_DOUBLE_EQ(cues[0].time, 2.0);

  const auto june = store->characterByName("JUNE");
  ASSERT_TRUE(june);
  EXPECT_FALSE(june->voice.isEmpty());
  EXPECT_NE(june->voice, existing.voice);

  // importing again reuses both characters
  const ImportSummary again = applyParsedScript(*store, local::parseFountain(kScript));
  EXPECT_EQ(again.charactersAdded, 0);
  EXPECT_EQ(again.charactersReused, 2);
  EXPECT_EQ(store->characters().size(), 2);
  EXPECT_EQ(store->scenes().size(), 4);
}

TEST(ProvidersScriptImport, NewCharactersGetAlternatingVoices) {
  QTemporaryDir dir;
  auto store = ProjectStore::create(dir.filePath("v.scenewright"), "Voices");
  applyParsedScript(*store,
                    local::parseFountain("INT. A - DAY\n\nX\nHi.\n\nY\nHello.\n\nZ\nHey.\n"));
  const auto chars = store->characters();
  ASSERT_EQ(chars.size(), 3);
  EXPECT_NE(chars[0].voice, chars[1].voice);
  EXPECT_NE(chars[1].voice, chars[2].voice);
}
