// qa: seam QA of a rendered file (media/seam_qa.h), the seams taken from its manifest.
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>
#include <clocale>

#include "args.h"
#include "command.h"
#include "media/seam_qa.h"

namespace sw::cli {

void registerQaCommands(QList<Command>& out);

namespace {

using namespace sw::media;

PlanSeams seamsFromOption(const QString& value) {
  PlanSeams seams;
  for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
    bool ok = false;
    const double t = part.trimmed().toDouble(&ok);
    if (!ok || t <= 0)
      throw UserError(
          QStringLiteral("qa: --seams wants seconds > 0 separated by commas, got '%1'").arg(part));
    if (!seams.times.empty() && t <= seams.times.back())
      throw UserError(QStringLiteral("qa: --seams times must increase (%1 after %2)")
                          .arg(part)
                          .arg(seams.times.back()));
    seams.times.push_back(t);
    seams.crossfades.push_back(false);
  }
  if (seams.times.empty()) throw UserError(QStringLiteral("qa: --seams names no time"));
  return seams;
}

QString seamLine(const SeamFinding& s) {
  QString line = QStringLiteral("seam %1 at %2 s%3: ")
                     .arg(s.index)
                     .arg(s.time, 0, 'f', 3)
                     .arg(s.crossfade ? QStringLiteral(" (crossfade)") : QString());
  if (s.ok()) {
    line += QStringLiteral("clean");
  } else {
    QStringList what;
    for (const SeamIssue& i : s.issues) what << i.message;
    line += what.join(QStringLiteral("; "));
  }
  if (s.video)
    line += QStringLiteral(" [picture: join %1, motion %2, ratio %3]")
                .arg(s.joinDiff, 0, 'f', 1)
                .arg(s.motion, 0, 'f', 1)
                .arg(s.jumpRatio, 0, 'f', 1);
  if (s.audio) line += QStringLiteral(" [sound: step ratio %1]").arg(s.clickRatio, 0, 'f', 1);
  return line;
}

int qaCommand(const QStringList& args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
  p.addOption(
      {QStringLiteral("seams"), QStringLiteral("Seam times in seconds."), QStringLiteral("T1,T2")});
  parseArgs(p, QStringLiteral("qa"), args, 1, 1);
  std::setlocale(LC_NUMERIC, "C");
  const QString file = p.positionalArguments().first();
  const PlanSeams seams = p.isSet(QStringLiteral("seams"))
                              ? seamsFromOption(p.value(QStringLiteral("seams")))
                              : seamsFromManifest(file + QStringLiteral(".json"));
  SeamQaOptions options;
  options.audioEdges = seams.audioEdges;
  const SeamQaReport report = analyseSeams(file, seams.times, seams.crossfades, options);
  QTextStream out(stdout);
  if (p.isSet(QStringLiteral("json"))) {
    out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    return kExitOk;
  }
  for (const SeamFinding& s : report.seams) out << seamLine(s) << '\n';
  out << report.summary() << QStringLiteral(" (%1 s)\n").arg(report.elapsed, 0, 'f', 2);
  return kExitOk;
}

}  // namespace

void registerQaCommands(QList<Command>& out) {
  out.append(
      {QStringLiteral("qa"), QStringLiteral("Check every join of a rendered MP4 (seam QA)"),
       QStringLiteral(
           "Usage: scenewright-cli qa FILE.mp4 [--json] [--seams T1,T2,...]\n\n"
           "Decodes half a second either side of each seam and reports repeated frames,\n"
           "frozen runs, black frames, a jump (the picture change across the join against the\n"
           "shot's own motion), audio dropouts and clicks. The seam times come from the\n"
           "manifest next to the file (FILE.mp4.json, written by every render), or from\n"
           "--seams (seconds, increasing) when there is none. A bad seam is a finding, not an\n"
           "error: the exit code is 0 whenever the file could be analysed.\n"),
       qaCommand});
}

}  // namespace sw::cli
