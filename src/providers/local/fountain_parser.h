// Fountain screenplay parser (the local ScriptParser; https://fountain.io syntax):
//  - a title page (leading "Key: value" lines) is skipped; its Title becomes ParsedScript::title;
//  - scene headings (INT. / EXT. / INT./EXT. / I/E / EST., or forced with a leading '.') start
//  scenes;
//  - action paragraphs become the scene's visual prompt;
//  - an upper-case CHARACTER line followed by text is dialogue; (parentheticals) are skipped;
//  - NARRATOR, or any NAME (V.O.), is narration;
//  - notes carry Scenewright cues: [[MUSIC: prompt, mood: tense, 90 bpm]], [[SFX: thunder @ 3.5s]],
//    [[DURATION: 12s]], [[CAMERA: slow dolly in]] (direction); other notes are ignored;
//  - sections (#), synopses (=), transitions (CUT TO:), page breaks and /* boneyard */ are skipped.
#pragma once

#include "providers/capabilities.h"

namespace sw::providers::local {

// Pure function: parses Fountain text. Never throws; odd input yields warnings.
ParsedScript parseFountain(const QString& text);

class FountainParser : public ScriptParser {
 public:
  QString backendId() const override { return QStringLiteral("local"); }
  // format "fountain" (or empty); "prose" is refused (it needs a language-model backend).
  ParsedScript parse(const ScriptRequest& request, const GenerationContext& ctx) override;
};

}  // namespace sw::providers::local
