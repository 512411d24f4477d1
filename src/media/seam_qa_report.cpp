// SeamQaReport's JSON and summary; where a plan's (or a manifest's) seams are.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include "media/media_error.h"
#include "media/probe.h"
#include "media/seam_qa.h"
#include "media/timeline.h"

namespace sw::media {

namespace {

SeamIssueKind kindFromName(const QString& name, bool* ok) {
  for (SeamIssueKind k :
       {SeamIssueKind::RepeatedFrame, SeamIssueKind::FrozenRun, SeamIssueKind::BlackFrames,
        SeamIssueKind::Jump, SeamIssueKind::AudioDropout, SeamIssueKind::Click})
    if (seamIssueName(k) == name) {
      *ok = true;
      return k;
    }
  *ok = false;
  return SeamIssueKind::Jump;
}

}  // namespace

int SeamQaReport::badSeams() const {
  int bad = 0;
  for (const SeamFinding& s : seams) bad += s.ok() ? 0 : 1;
  return bad;
}

QJsonObject SeamQaReport::toJson() const {
  QJsonArray list;
  for (const SeamFinding& s : seams) {
    QJsonArray issues;
    for (const SeamIssue& i : s.issues)
      issues.append(QJsonObject{{"kind", seamIssueName(i.kind)},
                                {"time", i.time},
                                {"value", i.value},
                                {"message", i.message}});
    list.append(QJsonObject{{"index", s.index},
                            {"time", s.time},
                            {"crossfade", s.crossfade},
                            {"video", s.video},
                            {"audio", s.audio},
                            {"ok", s.ok()},
                            {"joinDiff", s.joinDiff},
                            {"motion", s.motion},
                            {"jumpRatio", s.jumpRatio},
                            {"clickRatio", s.clickRatio},
                            {"issues", issues}});
  }
  QJsonArray edges;
  for (double e : audioEdges) edges.append(e);
  return {{"file", file},           {"seams", list},      {"audioEdges", edges},
          {"badSeams", badSeams()}, {"elapsed", elapsed}, {"summary", summary()}};
}

SeamQaReport SeamQaReport::fromJson(const QJsonObject& json) {
  SeamQaReport r;
  r.file = json["file"].toString();
  r.elapsed = json["elapsed"].toDouble();
  for (const QJsonValue& e : json["audioEdges"].toArray()) r.audioEdges.push_back(e.toDouble());
  for (const QJsonValue& v : json["seams"].toArray()) {
    const QJsonObject o = v.toObject();
    SeamFinding s;
    s.index = o["index"].toInt();
    s.time = o["time"].toDouble();
    s.crossfade = o["crossfade"].toBool();
    s.video = o["video"].toBool();
    s.audio = o["audio"].toBool();
    s.joinDiff = o["joinDiff"].toDouble();
    s.motion = o["motion"].toDouble();
    s.jumpRatio = o["jumpRatio"].toDouble();
    s.clickRatio = o["clickRatio"].toDouble();
    for (const QJsonValue& iv : o["issues"].toArray()) {
      const QJsonObject io = iv.toObject();
      bool ok = false;
      const SeamIssueKind kind = kindFromName(io["kind"].toString(), &ok);
      if (ok)
        s.issues.push_back(
            {kind, io["time"].toDouble(), io["value"].toDouble(), io["message"].toString()});
    }
    r.seams.push_back(std::move(s));
  }
  return r;
}

QString SeamQaReport::summary() const {
  if (seams.empty()) return QStringLiteral("no seams to check");
  const int bad = badSeams();
  QString text = QStringLiteral("%1 seam(s) checked").arg(seams.size());
  if (bad == 0) return text + QStringLiteral(", all clean");
  text += QStringLiteral(", %1 bad").arg(bad);
  for (const SeamFinding& s : seams) {
    if (s.ok()) continue;
    QStringList what;
    for (const SeamIssue& i : s.issues) what << i.message;
    text += QStringLiteral("; seam %1 at %2 s: %3")
                .arg(s.index)
                .arg(s.time, 0, 'f', 3)
                .arg(what.join(QStringLiteral(", ")));
  }
  return text;
}

PlanSeams seamsOfPlan(const RenderPlan& plan) {
  const Timeline timeline = resolveTimeline(plan);
  PlanSeams seams;
  for (size_t k = 1; k < timeline.segments.size(); ++k) {
    seams.times.push_back(timeline.frameSeconds(timeline.segments[k].outStart));
    seams.crossfades.push_back(timeline.segments[k - 1].xfadeFrames > 0);
  }
  // Where each audio clip starts and ends on the output (a clip to its file's end is probed).
  for (const AudioClip& clip : plan.audio) {
    const double length = clip.out >= 0 ? clip.out - clip.in : probe(clip.file).duration - clip.in;
    seams.audioEdges.push_back(clip.start);
    if (length > 0) seams.audioEdges.push_back(clip.start + length);
  }
  return seams;
}

PlanSeams seamsFromManifest(const QString& manifestPath) {
  QFile f(manifestPath);
  if (!f.open(QIODevice::ReadOnly))
    throw MediaError(MediaError::Kind::NotFound,
                     QStringLiteral("No render manifest %1 (%2): give the seam times with "
                                    "--seams T1,T2,...")
                         .arg(manifestPath, f.errorString()),
                     manifestPath);
  QJsonParseError error{};
  const QJsonObject json = QJsonDocument::fromJson(f.readAll(), &error).object();
  if (error.error != QJsonParseError::NoError)
    throw MediaError(MediaError::Kind::InvalidInput,
                     QStringLiteral("The render manifest %1 is not valid JSON (%2).")
                         .arg(manifestPath, error.errorString()),
                     manifestPath);
  if (json.contains(QStringLiteral("seamQa"))) {
    PlanSeams seams;
    const SeamQaReport report = SeamQaReport::fromJson(json["seamQa"].toObject());
    for (const SeamFinding& s : report.seams) {
      seams.times.push_back(s.time);
      seams.crossfades.push_back(s.crossfade);
    }
    seams.audioEdges = report.audioEdges;
    return seams;
  }
  if (json.contains(QStringLiteral("plan")))
    return seamsOfPlan(RenderPlan::fromJson(json["plan"].toObject()));
  throw MediaError(MediaError::Kind::InvalidInput,
                   QStringLiteral("The render manifest %1 has neither seam times nor a plan: give "
                                  "them with --seams T1,T2,...")
                       .arg(manifestPath),
                   manifestPath);
}

}  // namespace sw::media
