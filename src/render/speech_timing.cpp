#include "render/speech_timing.h"

#include <QStringList>
#include <algorithm>
#include <cmath>

namespace sw::render {

namespace {

constexpr double kEpsilon = 1e-9;

QString seconds(double s) { return QString::number(ceilTenth(s), 'f', 1); }

}  // namespace

QString dialogueLineName(int number, const QString& character) {
  return QStringLiteral("dialogue line %1 (%2)").arg(number).arg(character);
}

double ceilTenth(double s) { return std::ceil(s * 10.0 - 1e-6) / 10.0; }

SpeechLayout layoutSpeech(const SpeechTiming& t) {
  SpeechLayout out;
  out.target = t.target;
  out.policy = t.policy;
  out.duration = t.target;
  const int n = int(t.items.size());
  if (n == 0) return out;

  // Back to back: what the speech needs.
  double end = t.leadIn;
  for (int i = 0; i < n; ++i) end += (i > 0 ? t.gap : 0.0) + std::max(0.0, t.items[i].seconds);
  out.needed = end + t.tail;
  if (t.policy == SpeechPolicy::Lengthen && out.needed > t.target + kEpsilon)
    out.duration = ceilTenth(out.needed);

  // What every item from i on needs after its start (its own audio, then gap + audio of each).
  QList<double> rest(n + 1, 0.0);
  for (int i = n - 1; i >= 0; --i)
    rest[i] = std::max(0.0, t.items[i].seconds) + (i + 1 < n ? t.gap + rest[i + 1] : 0.0);
  int dialogueLines = 0;
  for (const SpeechItem& item : t.items) dialogueLines += item.dialogue ? 1 : 0;

  double cursor = t.leadIn;
  int line = 0;
  for (int i = 0; i < n; ++i) {
    double start = cursor;
    if (t.items[i].dialogue) {
      const double anchor = t.leadIn + out.duration * line / std::max(1, dialogueLines);
      const double latest = out.duration - t.tail - rest[i];
      start = std::max(cursor, std::min(anchor, latest));
      ++line;
    }
    out.starts.append(start);
    out.end = start + std::max(0.0, t.items[i].seconds);
    cursor = out.end + t.gap;
  }

  for (int i = 0; i < n; ++i) {
    const double d = std::max(0.0, t.items[i].seconds);
    const double start = out.starts[i];
    if (start >= out.duration - kEpsilon)
      out.cuts.append({i, t.items[i].what, d, true});
    else if (start + d > out.duration + kEpsilon)
      out.cuts.append({i, t.items[i].what, start + d - out.duration, false});
  }
  return out;
}

QString describeCut(const SpeechCut& cut) {
  return cut.dropped ? QStringLiteral("%1 entirely (%2 s)").arg(cut.what, seconds(cut.seconds))
                     : QStringLiteral("%1 by %2 s").arg(cut.what, seconds(cut.seconds));
}

QString describeSpeechLayout(const SpeechLayout& l) {
  if (l.starts.isEmpty()) return {};
  const QString needs = QStringLiteral("speech needs %1 s").arg(seconds(l.needed));
  const QString target = QString::number(l.target, 'f', 1);
  if (!l.cuts.isEmpty()) {
    QStringList cuts;
    for (const SpeechCut& c : l.cuts) cuts << describeCut(c);
    return QStringLiteral("%1; keeping %2 s cuts: %3").arg(needs, target, cuts.join(", "));
  }
  if (l.needed > l.target + kEpsilon && !l.lengthened())  // only the tail is past the end
    return QStringLiteral("%1; keeping %2 s cuts no line").arg(needs, target);
  if (l.lengthened())
    return QStringLiteral("%1; the scene will be %2 s")
        .arg(needs, QString::number(l.duration, 'f', 1));
  return QStringLiteral("%1 of the scene's %2 s").arg(needs, target);
}

}  // namespace sw::render
