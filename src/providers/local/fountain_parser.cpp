#include "providers/local/fountain_parser.h"

#include "model/value_ranges.h"

#include <QRegularExpression>
#include <cmath>
#include <vector>

namespace sw::providers::local {
namespace {

using QRE = QRegularExpression;

struct Line {
  QString text;       // without notes, trimmed on the right
  QStringList notes;  // [[...]] contents on this line
  int number = 0;     // 1-based line number in the source
};

struct Block {
  QList<Line> lines;  // non-empty text lines
  QStringList notes;
  int firstLine = 0;
};

bool isHeading(const QString& raw) {
  static const QRE re(QStringLiteral("^(INT\\.?/EXT|INT/EXT|I/E|INT|EXT|EST)[\\.\\s]"),
                      QRE::CaseInsensitiveOption);
  const QString t = raw.trimmed();
  if (t.startsWith('.') && t.size() > 1 && t.at(1).isLetterOrNumber()) return true;
  return re.match(t).hasMatch();
}

QString cleanHeading(const QString& raw) {
  QString t = raw.trimmed();
  if (t.startsWith('.') && !isHeading(t.mid(1))) t = t.mid(1);
  t.remove(QRE(QStringLiteral("\\s*#[^#]*#\\s*$")));  // scene number
  return t.trimmed();
}

QString stripEmphasis(QString t) {
  t.remove(QRE(QStringLiteral("(?<!\\\\)[*_]")));
  t.replace(QStringLiteral("\\*"), QStringLiteral("*"));
  return t.simplified();
}

QString removeBoneyard(const QString& text) {
  static const QRE re(QStringLiteral("/\\*.*?\\*/"), QRE::DotMatchesEverythingOption);
  QString out = text;
  // keep line numbers: replace the comment by as many newlines as it spanned
  for (auto m = re.match(out); m.hasMatch(); m = re.match(out, m.capturedStart()))
    out.replace(m.capturedStart(), m.capturedLength(), QString(m.captured().count('\n'), '\n'));
  return out;
}

// Splits text into lines, pulling [[notes]] out (a note may span lines; it belongs to its first).
// A "[[" that no later "]]" closes is plain text, and the lines after it stay lines. Linear: the
// next line holding a "]]" is known for every line, so an unclosed note costs no scan.
QList<Line> splitLines(const QString& text) {
  QList<Line> lines;
  const QStringList raw = removeBoneyard(text).split('\n');
  std::vector<int> nextClose(raw.size() + 1, -1);  // first line >= i holding "]]"
  for (qsizetype i = raw.size() - 1; i >= 0; --i)
    nextClose[i] = raw[i].contains(QStringLiteral("]]")) ? int(i) : nextClose[i + 1];
  for (int i = 0; i < raw.size(); ++i) {
    Line line{raw[i], {}, i + 1};
    qsizetype from = 0;
    qsizetype open;
    while ((open = line.text.indexOf(QStringLiteral("[["), from)) >= 0) {
      qsizetype close = line.text.indexOf(QStringLiteral("]]"), open + 2);
      if (close < 0) {  // the note may continue on the next lines, up to the next "]]"
        const int last = i + 1 < raw.size() ? nextClose[i + 1] : -1;
        if (last < 0) {
          from = open + 2;  // never closed: plain text
          continue;
        }
        for (int j = i + 1; j <= last; ++j) line.text += ' ' + raw[j];
        i = last;
        close = line.text.indexOf(QStringLiteral("]]"), open + 2);
      }
      line.notes << line.text.mid(open + 2, close - open - 2).simplified();
      line.text.remove(open, close - open + 2);
    }
    if (line.text.trimmed().isEmpty()) line.text.clear();
    lines.append(line);
  }
  return lines;
}

// Skips a leading title page; returns the index of the first body line.
int skipTitlePage(const QList<Line>& lines, QString* title) {
  static const QRE key(QStringLiteral("^([A-Za-z][A-Za-z ]*):\\s*(.*)$"));
  int i = 0;
  while (i < lines.size() && lines[i].text.isEmpty() && lines[i].notes.isEmpty()) ++i;
  if (i >= lines.size() || isHeading(lines[i].text) || !key.match(lines[i].text).hasMatch())
    return 0;
  QString currentKey;
  for (; i < lines.size() && !lines[i].text.isEmpty(); ++i) {
    const auto m = key.match(lines[i].text);
    if (m.hasMatch() && !lines[i].text.startsWith(' ') && !lines[i].text.startsWith('\t')) {
      currentKey = m.captured(1).trimmed().toLower();
      if (currentKey == QLatin1String("title")) *title = stripEmphasis(m.captured(2));
    } else if (currentKey == QLatin1String("title")) {
      *title = (*title + ' ' + stripEmphasis(lines[i].text)).trimmed();
    }
  }
  return i;
}

void appendSource(ParsedScene& scene, const Line& line) {
  QString text = line.text;
  for (const QString& note : line.notes) text += (text.isEmpty() ? "[[" : " [[") + note + "]]";
  scene.sourceText += text + '\n';
}

}  // namespace

// Parsing state: one scene at a time.
class FountainBuilder {
 public:
  ParsedScript run(const QString& text);

 private:
  void flush();
  void handleBlock(const Block& block);
  bool handleDialogue(const Block& block);
  void applyNote(const QString& note, int line);
  ParsedScene* scene() { return script_.scenes.isEmpty() ? nullptr : &script_.scenes.last(); }
  void addCharacter(const QString& name);

  ParsedScript script_;
  Block block_;
  QStringList pendingNotes_;  // notes before the first scene
  QStringList action_;        // action paragraphs of the current scene
};

ParsedScript FountainBuilder::run(const QString& text) {
  QString normalized = text;
  normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace('\r', '\n');
  const QList<Line> lines = splitLines(normalized);
  const int start = skipTitlePage(lines, &script_.title);
  for (int i = start; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (isHeading(line.text)) {
      flush();
      if (scene()) scene()->visualPrompt = action_.join(' ');
      action_.clear();
      script_.scenes.append(ParsedScene{});
      scene()->heading = cleanHeading(line.text);
      for (const QString& n : std::as_const(pendingNotes_)) applyNote(n, line.number);
      pendingNotes_.clear();
      block_.notes << line.notes;
    } else if (line.text.isEmpty()) {
      if (!line.notes.isEmpty() && block_.firstLine == 0) block_.firstLine = line.number;
      block_.notes << line.notes;
      if (line.notes.isEmpty()) flush();
    } else {
      if (block_.lines.isEmpty() && block_.firstLine == 0) block_.firstLine = line.number;
      block_.lines.append(line);
      block_.notes << line.notes;
    }
    if (scene()) appendSource(*scene(), line);
  }
  flush();
  if (scene()) scene()->visualPrompt = action_.join(' ');
  if (script_.scenes.isEmpty() && !action_.isEmpty())
    script_.warnings << QStringLiteral("No scene heading (INT./EXT.) found; nothing was imported.");
  for (ParsedScene& s : script_.scenes) s.sourceText = s.sourceText.trimmed();
  return script_;
}

void FountainBuilder::flush() {
  const Block block = block_;
  block_ = Block{};
  if (!block.lines.isEmpty()) handleBlock(block);
  for (const QString& note : block.notes) {
    if (scene())
      applyNote(note, block.firstLine);
    else
      pendingNotes_ << note;
  }
}

void FountainBuilder::handleBlock(const Block& block) {
  static const QRE transition(QStringLiteral("^[A-Z0-9 .'-]+TO:$"));
  if (handleDialogue(block)) return;
  QStringList words;
  for (const Line& line : block.lines) {
    QString t = line.text.trimmed();
    if (t.startsWith('#') || t.startsWith('=') || t.startsWith('~'))
      continue;  // section/synopsis/lyrics
    if (transition.match(t).hasMatch() || (t.startsWith('>') && !t.endsWith('<'))) continue;
    if (t.startsWith('!')) t = t.mid(1);
    if (t.startsWith('>') && t.endsWith('<')) t = t.mid(1, t.size() - 2);
    if (!t.trimmed().isEmpty()) words << stripEmphasis(t);
  }
  if (words.isEmpty()) return;
  if (!scene()) {
    script_.warnings << QStringLiteral("Line %1: text before the first scene heading was ignored.")
                            .arg(block.firstLine);
    return;
  }
  action_ << words.join(' ');
}

bool FountainBuilder::handleDialogue(const Block& block) {
  static const QRE cue(QStringLiteral("^@?([^()]*?)\\s*(\\(([^)]*)\\))?\\s*\\^?$"));
  if (block.lines.size() < 2) return false;
  const QString first = block.lines.first().text.trimmed();
  const bool forced = first.startsWith('@');
  const auto m = cue.match(first);
  const QString name = m.captured(1).trimmed();
  if (!m.hasMatch() || name.isEmpty() || first.startsWith('!') ||
      first.endsWith(QLatin1String("TO:")))
    return false;
  static const QRE plainName(QStringLiteral("^[\\p{Lu}0-9 .'&-]*\\p{Lu}[\\p{Lu}0-9 .'&-]*$"));
  if (!forced && !plainName.match(name).hasMatch()) return false;  // not "# SECTION", "= synopsis"
  const QString extension = m.captured(3).toUpper().remove(' ');
  const bool narration = name.compare(QLatin1String("NARRATOR"), Qt::CaseInsensitive) == 0 ||
                         extension.contains(QLatin1String("V.O"));
  QStringList spoken;
  for (int i = 1; i < block.lines.size(); ++i) {
    const QString t = block.lines[i].text.trimmed();
    if (t.startsWith('(') && t.endsWith(')')) continue;  // parenthetical
    spoken << stripEmphasis(t);
  }
  if (!scene()) {
    script_.warnings << QStringLiteral(
                            "Line %1: dialogue before the first scene heading was ignored.")
                            .arg(block.firstLine);
    return true;
  }
  if (spoken.join(' ').trimmed().isEmpty()) return true;
  scene()->lines.append(ParsedDialogue{name.toUpper(), spoken.join(' '), narration});
  if (!narration) addCharacter(name.toUpper());
  return true;
}

void FountainBuilder::addCharacter(const QString& name) {
  if (!script_.characters.contains(name)) script_.characters << name;
}

void FountainBuilder::applyNote(const QString& note, int line) {
  static const QRE kind(QStringLiteral("^\\s*(MUSIC|SFX|DURATION|CAMERA)\\s*:\\s*(.*)$"),
                        QRE::CaseInsensitiveOption);
  const auto m = kind.match(note);
  if (!m.hasMatch() || !scene()) return;  // an ordinary Fountain note
  const QString k = m.captured(1).toUpper();
  const QString value = m.captured(2).trimmed();
  ParsedScene& s = *scene();
  if (k == QLatin1String("CAMERA")) {
    s.direction = s.direction.isEmpty() ? value : s.direction + QStringLiteral("; ") + value;
  } else if (k == QLatin1String("MUSIC")) {
    static const QRE bpm(QStringLiteral("(\\d{2,3})\\s*bpm"), QRE::CaseInsensitiveOption);
    static const QRE mood(QStringLiteral("mood\\s*[:=]\\s*([\\w-]+)"), QRE::CaseInsensitiveOption);
    static const QRE known(
        QStringLiteral("\\b(happy|sad|tense|calm|epic|dark|mysterious|upbeat|romantic|"
                       "melancholic|melancholy|hopeful|scary|playful|triumphant|peaceful|"
                       "suspenseful|eerie|gentle|energetic)\\b"),
        QRE::CaseInsensitiveOption);
    s.musicPrompt = value;
    if (const auto b = bpm.match(value); b.hasMatch()) s.musicTempo = b.captured(1).toInt();
    if (const auto md = mood.match(value); md.hasMatch())
      s.musicMood = md.captured(1).toLower();
    else if (const auto kn = known.match(value); kn.hasMatch())
      s.musicMood = kn.captured(1).toLower();
  } else if (k == QLatin1String("SFX")) {
    static const QRE at(QStringLiteral("^(.*?)\\s*@\\s*(\\d+(?:\\.\\d+)?)\\s*s?\\s*$"),
                        QRE::CaseInsensitiveOption);
    const auto a = at.match(value);
    s.sfx.append(ParsedSfx{a.hasMatch() ? a.captured(1).trimmed() : value,
                           a.hasMatch() ? a.captured(2).toDouble() : 0.0});
  } else {  // DURATION
    static const QRE secs(QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*(s|sec|secs|seconds)?$"),
                          QRE::CaseInsensitiveOption);
    static const QRE mmss(QStringLiteral("^(\\d+):(\\d{1,2})$"));
    double seconds = -1;
    if (const auto d = secs.match(value); d.hasMatch())
      seconds = d.captured(1).toDouble();
    else if (const auto c = mmss.match(value); c.hasMatch())
      seconds = c.captured(1).toDouble() * 60 + c.captured(2).toInt();  // no int overflow
    // The store's range for a scene (0.1 s to an hour); a huge number parses as infinity.
    if (std::isfinite(seconds) && seconds >= model::ranges::kMinSceneSeconds &&
        seconds <= model::ranges::kMaxSceneSeconds)
      s.duration = seconds;
    else
      script_.warnings << QStringLiteral(
                              "Line %1: DURATION \"%2\" is not a scene length between %3 s and "
                              "%4 s (e.g. 12s or 1:30); ignored.")
                              .arg(line)
                              .arg(value.left(40))
                              .arg(model::ranges::kMinSceneSeconds)
                              .arg(model::ranges::kMaxSceneSeconds);
  }
}

ParsedScript parseFountain(const QString& text) { return FountainBuilder().run(text); }

ParsedScript FountainParser::parse(const ScriptRequest& request, const GenerationContext& ctx) {
  ctx.throwIfCancelled(QStringLiteral("Script parsing"));
  const QString format = request.format.toLower();
  if (!format.isEmpty() && format != QLatin1String("fountain"))
    throw ProviderError(
        ProviderError::Kind::Invalid,
        QStringLiteral("The local script parser reads Fountain screenplays only; free prose "
                       "needs the Ollama backend (choose it for script parsing in the settings)."));
  ParsedScript script = parseFountain(request.text);
  ctx.reportProgress(100.0, QStringLiteral("%1 scenes").arg(script.scenes.size()));
  return script;
}

}  // namespace sw::providers::local
