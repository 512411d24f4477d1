#include "providers/local/fountain_parser.h"
#include "providers/script_text.h"

#include <gtest/gtest.h>
#include <QFile>

using namespace sw::providers;
using sw::providers::local::parseFountain;

namespace {

const char* kScreenplay = R"(Title: **The Test**
    Part Two
Author: Someone
Draft date: 1 May

# ACT ONE
= The setup, a synopsis line.

INT. KITCHEN - DAY #1#
[[DURATION: 12s]]
[[CAMERA: slow dolly in]]
[[MUSIC: light jazz, mood: happy, 120 bpm]]

Steam rises from a *kettle*. ALICE reads a letter.

She frowns. [[SFX: kettle whistle @ 3.5s]]

ALICE
(quietly)
It can't be true.
Not again.

BOB (CONT'D)
It is.

NARRATOR
She had waited ten years for this letter.

[[This is an ordinary note and is ignored.]]

CUT TO:

EXT. GARDEN - NIGHT
[[CAMERA: handheld]]
[[CAMERA: low angle]]
[[SFX: thunder]]
[[DURATION: soon]]

Rain falls on the roses.

BOB (V.O.)
I should have told her.

@McCLANE
Yippee.

/* A boneyard
ALICE
This line was cut.
*/

INT./EXT. CAR - MOVING
[[MUSIC: dark synth drones
at 80 bpm]]

The car speeds away.

I/E. TRAIN - DAWN

.FLASHBACK

ALICE ^
Goodbye.
)";

}  // namespace

TEST(ProvidersFountain, ParsesEveryRule) {
  const ParsedScript s = parseFountain(QString::fromUtf8(kScreenplay));
  EXPECT_EQ(s.title, QStringLiteral("The Test Part Two"));
  ASSERT_EQ(s.scenes.size(), 5);
  EXPECT_EQ(s.characters, (QStringList{"ALICE", "BOB", "MCCLANE"}));

  const ParsedScene& kitchen = s.scenes[0];
  EXPECT_EQ(kitchen.heading, QStringLiteral("INT. KITCHEN - DAY"));
  EXPECT_EQ(kitchen.visualPrompt,
            QStringLiteral("Steam rises from a kettle. ALICE reads a letter. She frowns."));
  EXPECT_EQ(kitchen.direction, QStringLiteral("slow dolly in"));
  ASSERT_TRUE(kitchen.duration);
  EXPECT_DOUBLE_EQ(*kitchen.duration, 12.0);
  EXPECT_EQ(kitchen.musicPrompt, QStringLiteral("light jazz, mood: happy, 120 bpm"));
  EXPECT_EQ(kitchen.musicMood, QStringLiteral("happy"));
  EXPECT_EQ(kitchen.musicTempo, 120);
  ASSERT_EQ(kitchen.sfx.size(), 1);
  EXPECT_EQ(kitchen.sfx[0].description, QStringLiteral("kettle whistle"));
  EXPECT_DOUBLE_EQ(kitchen.sfx[0].time, 3.5);
  ASSERT_EQ(kitchen.lines.size(), 3);
  EXPECT_EQ(kitchen.lines[0].character, QStringLiteral("ALICE"));
  EXPECT_EQ(kitchen.lines[0].text,
            QStringLiteral("It can't be true. Not again."));  // parenthetical skipped
  EXPECT_FALSE(kitchen.lines[0].narration);
  EXPECT_EQ(kitchen.lines[1].character, QStringLiteral("BOB"));
  EXPECT_TRUE(kitchen.lines[2].narration);
  EXPECT_EQ(kitchen.narration(), QStringLiteral("She had waited ten years for this letter."));
  EXPECT_TRUE(kitchen.sourceText.startsWith("INT. KITCHEN - DAY"));
  EXPECT_FALSE(kitchen.visualPrompt.contains("CUT TO"));

  const ParsedScene& garden = s.scenes[1];
  EXPECT_EQ(garden.direction, QStringLiteral("handheld; low angle"));
  EXPECT_FALSE(garden.duration) << "an unparsable duration is ignored";
  ASSERT_EQ(garden.sfx.size(), 1);
  EXPECT_DOUBLE_EQ(garden.sfx[0].time, 0.0);
  ASSERT_EQ(garden.lines.size(), 2);
  EXPECT_TRUE(garden.lines[0].narration) << "NAME (V.O.) is narration";
  EXPECT_EQ(garden.lines[0].character, QStringLiteral("BOB"));
  EXPECT_EQ(garden.lines[1].character, QStringLiteral("MCCLANE"));  // forced with @
  EXPECT_EQ(garden.narration(), QStringLiteral("I should have told her."));
  EXPECT_FALSE(garden.visualPrompt.contains("cut")) << "boneyard removed";

  EXPECT_EQ(s.scenes[2].heading, QStringLiteral("INT./EXT. CAR - MOVING"));
  EXPECT_EQ(s.scenes[2].musicTempo, 80) << "a note may span lines";
  EXPECT_EQ(s.scenes[2].musicMood, QStringLiteral("dark"));
  EXPECT_EQ(s.scenes[3].heading, QStringLiteral("I/E. TRAIN - DAWN"));
  EXPECT_EQ(s.scenes[4].heading, QStringLiteral("FLASHBACK"));  // forced heading
  ASSERT_EQ(s.scenes[4].lines.size(), 1);
  EXPECT_EQ(s.scenes[4].lines[0].character, QStringLiteral("ALICE"));  // dual-dialogue caret

  ASSERT_EQ(s.warnings.size(), 1) << s.warnings.join(" / ").toStdString();
  EXPECT_TRUE(s.warnings[0].contains("DURATION")) << s.warnings[0].toStdString();
}

TEST(ProvidersFountain, TextWithoutHeadingsGivesNoSceneAndAWarning) {
  const ParsedScript s = parseFountain("Just some prose about a dog.\n\nAnd more.");
  EXPECT_TRUE(s.scenes.isEmpty());
  EXPECT_FALSE(s.warnings.isEmpty());
}

TEST(ProvidersFountain, BundledSampleHasThreeScenesTwoCharactersAndCues) {
  QFile file(QStringLiteral(SW_SOURCE_DIR "/resources/sample/sample.fountain"));
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const ParsedScript s = parseFountain(QString::fromUtf8(file.readAll()));
  EXPECT_TRUE(s.warnings.isEmpty()) << s.warnings.join("; ").toStdString();
  ASSERT_EQ(s.scenes.size(), 3);
  EXPECT_EQ(s.characters, (QStringList{"TOM", "MARA"}));
  for (const ParsedScene& scene : s.scenes) {
    ASSERT_TRUE(scene.duration);
    EXPECT_GE(*scene.duration, 8.0);
    EXPECT_LE(*scene.duration, 10.0);
    EXPECT_FALSE(scene.musicPrompt.isEmpty());
    EXPECT_FALSE(scene.sfx.isEmpty());
    EXPECT_FALSE(scene.visualPrompt.isEmpty());
    EXPECT_FALSE(scene.direction.isEmpty());
  }
  EXPECT_FALSE(s.scenes[0].narration().isEmpty());
  EXPECT_FALSE(s.scenes[2].narration().isEmpty());
}

TEST(ProvidersFountain, LocalParserRefusesProse) {
  local::FountainParser parser;
  EXPECT_THROW(parser.parse({"A dog runs.", "prose"}, GenerationContext{}), ProviderError);
  EXPECT_EQ(parser.parse({"EXT. PARK - DAY\n\nA dog runs.", "fountain"}, GenerationContext{})
                .scenes.size(),
            1);
}

// An unclosed "[[" is plain text: the lines after it are still read (before, every later line was
// swallowed into the note, with a quadratic scan: 7.5 s for 100k lines).
TEST(ProvidersFountain, UnclosedNoteKeepsTheLinesAfterIt) {
  QString text = QStringLiteral("INT. HALL - DAY\n\nA door [[ creaks.\n\n");
  for (int i = 0; i < 2000; ++i) text += QStringLiteral("EXT. YARD %1 - NIGHT\n\nWind.\n\n").arg(i);
  const ParsedScript s = parseFountain(text);
  ASSERT_EQ(s.scenes.size(), 2001);
  EXPECT_EQ(s.scenes.last().heading, QStringLiteral("EXT. YARD 1999 - NIGHT"));
}

TEST(ProvidersFountain, NoteSpanningLinesStillWorks) {
  const ParsedScript s = parseFountain(
      QStringLiteral("INT. HALL - DAY\n[[MUSIC: low strings,\nmood: tense]]\n\nA door creaks.\n"));
  ASSERT_EQ(s.scenes.size(), 1);
  EXPECT_EQ(s.scenes[0].musicMood, QStringLiteral("tense"));
}

// Found with fuzz/fuzz_fountain: minutes:seconds was computed in int, so a huge minute count
// overflowed (undefined; UBSan: signed-integer-overflow) and gave a negative duration.
TEST(ProvidersFountain, HugeMinutesDurationDoesNotOverflow) {
  const ParsedScript s = parseFountain(
      QStringLiteral("INT. HALL - DAY\n\n[[DURATION: 35791395:00]]\n\nA door creaks.\n"));
  ASSERT_EQ(s.scenes.size(), 1);
  // No int overflow on the way (UBSan in the fuzz and sanitizer builds), and far past the
  // store's range for a scene: a warning, not a duration.
  EXPECT_FALSE(s.scenes[0].duration.has_value());
  ASSERT_FALSE(s.warnings.isEmpty());
}

// Files from other editors: CR-only line ends (classic Mac), UTF-16 with and without a byte-order
// mark, UTF-8 with one. Each is Fountain, with its two scenes.
TEST(ProvidersScriptText, EncodingsAndLineEndsAreNormalised) {
  const QString script =
      QStringLiteral("INT. KITCHEN - DAY\n\nSteam rises.\n\nEXT. YARD - NIGHT\n\nWind.\n");
  QString cr = script;
  cr.replace('\n', '\r');
  const QByteArray utf16le(reinterpret_cast<const char*>(script.utf16()), script.size() * 2);
  QByteArray utf16be;
  for (qsizetype i = 0; i < utf16le.size(); i += 2)
    utf16be += utf16le.mid(i + 1, 1) + utf16le.mid(i, 1);
  const QList<QByteArray> files = {cr.toUtf8(),
                                   QByteArray("\xFF\xFE") + utf16le,
                                   QByteArray("\xFE\xFF") + utf16be,
                                   utf16le,
                                   QByteArray("\xEF\xBB\xBF") + script.toUtf8(),
                                   script.toUtf8().replace("\n", "\r\n")};
  for (const QByteArray& bytes : files) {
    const QString text = decodeScriptText(bytes);
    EXPECT_EQ(text, script) << bytes.left(16).toHex().toStdString();
    EXPECT_EQ(detectScriptFormat(text), QStringLiteral("fountain"));
    EXPECT_EQ(parseFountain(text).scenes.size(), 2);
  }
  EXPECT_EQ(detectScriptFormat(QStringLiteral("Once upon a time a keeper lit a lamp.")),
            QStringLiteral("prose"));
}

// A DURATION the store would refuse (zero, infinity from 400 nines, more than an hour) is a
// warning and the default duration, never a scene stored with an impossible length.
TEST(ProvidersFountain, ImpossibleDurationsAreWarnedAndIgnored) {
  for (const QString& value : {QStringLiteral("0:00"), QString(400, QLatin1Char('9')),
                               QStringLiteral("7200s"), QStringLiteral("0")}) {
    const ParsedScript s =
        parseFountain(QStringLiteral("INT. HALL - DAY\n[[DURATION: %1]]\n\nWind.\n").arg(value));
    ASSERT_EQ(s.scenes.size(), 1);
    EXPECT_FALSE(s.scenes[0].duration.has_value()) << value.left(12).toStdString();
    ASSERT_FALSE(s.warnings.isEmpty());
    EXPECT_TRUE(s.warnings.last().contains(QLatin1String("DURATION")));
  }
  EXPECT_EQ(
      parseFountain(QStringLiteral("INT. HALL - DAY\n[[DURATION: 1:30]]\n")).scenes[0].duration,
      90.0);
}
