#include "render/seam_check.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace sw::render {

namespace {

QString manifestPathOf(const QString& outputPath) { return outputPath + QStringLiteral(".json"); }

void addSeamQa(const QString& manifestPath, const media::SeamQaReport& report) {
  QFile in(manifestPath);
  if (!in.open(QIODevice::ReadOnly))
    throw std::runtime_error(QStringLiteral("Cannot read the render manifest %1 (%2).")
                                 .arg(manifestPath, in.errorString())
                                 .toStdString());
  QJsonObject manifest = QJsonDocument::fromJson(in.readAll()).object();
  in.close();
  manifest[QStringLiteral("seamQa")] = report.toJson();
  const QByteArray bytes = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
  QSaveFile out(manifestPath);
  if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
    throw std::runtime_error(QStringLiteral("Cannot write the render manifest %1 (%2).")
                                 .arg(manifestPath, out.errorString())
                                 .toStdString());
}

}  // namespace

std::optional<media::SeamQaReport> checkRenderSeams(model::ProjectStore& store, model::Id jobId,
                                                    const media::RenderPlan& plan,
                                                    const QString& outputPath) {
  QElapsedTimer timer;  // probing the plan's segments for the seam times, then the analysis
  timer.start();
  try {
    const media::PlanSeams seams = media::seamsOfPlan(plan);
    media::SeamQaOptions options;
    options.audioEdges = seams.audioEdges;
    const media::SeamQaReport report =
        media::analyseSeams(outputPath, seams.times, seams.crossfades, options);
    addSeamQa(manifestPathOf(outputPath), report);
    const double seconds = double(timer.elapsed()) / 1000.0;
    QJsonObject data = report.toJson();
    data[QStringLiteral("seconds")] = seconds;  // with the probing; "elapsed": the analysis
    store.addJobEvent(
        {0,
         jobId,
         {},
         QStringLiteral("info"),
         QStringLiteral("seams"),
         QStringLiteral("Seam QA: %1 (%2 s)").arg(report.summary()).arg(seconds, 0, 'f', 2),
         data});
    for (const media::SeamFinding& s : report.seams) {
      if (s.ok()) continue;
      QStringList what;
      for (const media::SeamIssue& i : s.issues) what << i.message;
      store.addJobEvent({0,
                         jobId,
                         {},
                         QStringLiteral("warning"),
                         QStringLiteral("seam.bad"),
                         QStringLiteral("Seam %1 at %2 s (between segments %1 and %3): %4")
                             .arg(s.index)
                             .arg(s.time, 0, 'f', 3)
                             .arg(s.index + 1)
                             .arg(what.join(QStringLiteral("; "))),
                         QJsonObject{{"seam", s.index}, {"time", s.time}}});
    }
    return report;
  } catch (const std::exception& e) {
    store.addJobEvent({0,
                       jobId,
                       {},
                       QStringLiteral("warning"),
                       QStringLiteral("seams.failed"),
                       QStringLiteral("Seam QA could not check %1: %2 (the render itself is "
                                      "complete).")
                           .arg(outputPath, QString::fromStdString(e.what())),
                       {}});
    return std::nullopt;
  }
}

std::optional<media::SeamQaReport> manifestSeamReport(const QString& outputPath) {
  QFile in(manifestPathOf(outputPath));
  if (!in.open(QIODevice::ReadOnly)) return std::nullopt;
  const QJsonObject manifest = QJsonDocument::fromJson(in.readAll()).object();
  if (!manifest.contains(QStringLiteral("seamQa"))) return std::nullopt;
  return media::SeamQaReport::fromJson(manifest[QStringLiteral("seamQa")].toObject());
}

}  // namespace sw::render
