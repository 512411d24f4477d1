#include "render/film.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <cmath>

#include "providers/asset_cache.h"
#include "render/manifest.h"
#include "render/render_estimate.h"
#include "render/scene_job.h"
#include "render/scene_state.h"

namespace sw::render {

QString FilmTransition::toString() const {
  if (type == media::Transition::Cut) return QStringLiteral("cut");
  return QStringLiteral("%1:%2").arg(media::transitionName(type)).arg(seconds);
}

FilmTransition parseFilmTransition(const QString& text) {
  const QString t = text.trimmed();
  if (t == QLatin1String("cut")) return {};
  const QString kind = t.section(QLatin1Char(':'), 0, 0);
  FilmTransition out;
  if (kind == QLatin1String("crossfade"))
    out.type = media::Transition::Crossfade;
  else if (kind == QLatin1String("dip"))
    out.type = media::Transition::Dip;
  else
    throw FilmError(QStringLiteral("unknown transition \"%1\": use cut, crossfade:SECONDS or "
                                   "dip:SECONDS (e.g. crossfade:0.5)")
                        .arg(text));
  bool ok = false;
  const QString number = t.section(QLatin1Char(':'), 1);
  out.seconds = number.toDouble(&ok);
  if (!ok || !std::isfinite(out.seconds) || out.seconds <= 0 ||
      out.seconds > media::kMaxTransitionSeconds)
    throw FilmError(QStringLiteral("transition \"%1\": %2 needs seconds between 0 and %3, e.g. "
                                   "%2:0.5")
                        .arg(text, kind)
                        .arg(media::kMaxTransitionSeconds));
  return out;
}

QList<int> parseSceneList(const QString& text, int sceneCount) {
  QList<int> out;
  if (text.trimmed().isEmpty()) {
    for (int i = 1; i <= sceneCount; ++i) out.append(i);
    return out;
  }
  auto number = [&](const QString& part, const QString& item) {
    bool ok = false;
    const int n = part.trimmed().toInt(&ok);
    if (!ok)
      throw FilmError(
          QStringLiteral("--scenes: \"%1\" is not a scene number or a range like 3-5").arg(item));
    if (n < 1 || n > sceneCount)
      throw FilmError(QStringLiteral("--scenes: there is no scene %1 (the project has %2)")
                          .arg(n)
                          .arg(sceneCount));
    return n;
  };
  for (const QString& item : text.split(QLatin1Char(','))) {
    if (item.trimmed().isEmpty())
      throw FilmError(QStringLiteral("--scenes \"%1\": an empty item between commas").arg(text));
    const QStringList ends = item.split(QLatin1Char('-'));
    if (ends.size() > 2)
      throw FilmError(QStringLiteral("--scenes: \"%1\" is not a range like 3-5").arg(item));
    const int first = number(ends.front(), item);
    const int last = number(ends.back(), item);
    if (last < first)
      throw FilmError(QStringLiteral("--scenes: the range \"%1\" runs backwards").arg(item));
    for (int n = first; n <= last; ++n) {
      if (out.contains(n))
        throw FilmError(QStringLiteral("--scenes: scene %1 is named twice").arg(n));
      out.append(n);
    }
  }
  return out;
}

namespace {

QJsonObject readJson(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QJsonDocument::fromJson(f.readAll()).object();
}

// What no recipe holds: which tracks are mixed, and each sound effect's cue time and level. The
// render's plan must have the tracks the film asks for and only those, and a clip for every cue
// as it is cued now ("" when it has).
QString mixChanged(model::ProjectStore& store, const model::Scene& scene,
                   const RenderRequest& request, const media::RenderPlan& plan) {
  using media::AudioTrack;
  const std::pair<AudioTrack, bool> wanted[] = {{AudioTrack::Narration, request.narration},
                                                {AudioTrack::Dialogue, request.dialogue},
                                                {AudioTrack::Music, request.music},
                                                {AudioTrack::Sfx, request.sfx}};
  const char* names[] = {"narration", "dialogue", "music", "sound effects"};
  for (const auto& [track, on] : wanted) {
    if (on) continue;
    for (const media::AudioClip& c : plan.audio)
      if (c.track == track)
        return QStringLiteral("it was rendered with %1, which the film leaves out")
            .arg(QLatin1String(names[int(track)]));
  }
  if (!request.sfx) return {};
  QList<const media::AudioClip*> unmatched;
  for (const media::AudioClip& c : plan.audio)
    if (c.track == AudioTrack::Sfx) unmatched.append(&c);
  for (const model::SfxCue& cue : store.sfxCues(scene.id)) {
    QString file = cue.file;
    if (file.isEmpty() && cue.assetId)
      if (const auto asset = store.asset(*cue.assetId)) file = asset->filePath;
    if (file.isEmpty()) continue;  // nothing to play: the slot checks above judge it
    bool found = false, sameFile = false;
    for (int i = 0; i < unmatched.size() && !found; ++i) {
      const media::AudioClip& c = *unmatched[i];
      if (QFileInfo(c.file).absoluteFilePath() != QFileInfo(file).absoluteFilePath()) continue;
      sameFile = true;
      if (std::abs(c.start - cue.time) < 1e-6 && std::abs(c.gainDb - cue.gainDb) < 1e-6) {
        found = true;
        unmatched.removeAt(i);
      }
    }
    if (!found && sameFile)
      return QStringLiteral("sound effect '%1' was moved or its level changed since the render")
          .arg(cue.description);
  }
  if (!unmatched.isEmpty())
    return QStringLiteral("a sound effect it was rendered with is no longer cued");
  return {};
}

QString whyNotCurrent(model::ProjectStore& store, const model::Scene& scene,
                      const providers::ModelRegistry* registry, const providers::AssetCache& cache,
                      const FilmRequest& request, const FilmScene& f) {
  if (!QFileInfo::exists(f.render)) return QStringLiteral("not rendered yet");
  const QJsonObject manifest = readJson(f.manifest);
  if (manifest.value("format").toString() != QLatin1String("scenewright-manifest"))
    return QStringLiteral("its render has no manifest");
  const SceneState state =
      sceneState(store, scene.id, registry, cache, stateOptions(request.scene, request.backends));
  if (state.toGenerate() > 0)
    return QStringLiteral("%1 part(s) to generate").arg(state.toGenerate());
  for (const Slot& s : state.items)
    if (s.state != SlotState::Unused && !s.usable())
      return QStringLiteral("%1 is %2").arg(s.label, toString(s.state));
  if (manifest.value("chunks").toArray() != manifestChunks(store, scene))
    return QStringLiteral("its chunks changed since it was rendered");
  media::RenderPlan plan;
  try {
    plan = media::RenderPlan::fromJson(manifest.value("plan").toObject());
  } catch (const core::Error&) {
    return QStringLiteral("its manifest's plan is unreadable");
  }
  QSet<QString> files;
  for (const media::VideoSegment& s : plan.segments) files.insert(s.file);
  for (const media::AudioClip& c : plan.audio) files.insert(c.file);
  for (const QString& file : files)
    if (!QFileInfo::exists(file)) return QStringLiteral("%1 left the cache").arg(file);
  for (const Slot& s : state.items) {
    if (s.kind == SlotKind::Reference || s.state == SlotState::Unused || !s.assetId) continue;
    const auto asset = store.asset(*s.assetId);
    if (!asset || !files.contains(asset->filePath))
      return QStringLiteral("%1 is not the one it was rendered with").arg(s.label);
  }
  if (const QString mix = mixChanged(store, scene, request.scene, plan); !mix.isEmpty()) return mix;
  int width = 0, height = 0;
  outputSize(request.scene.preview ? QStringLiteral("480p") : request.scene.resolution,
             request.scene.aspect, &width, &height);
  if (plan.output.width != width || plan.output.height != height)
    return QStringLiteral("it was rendered at %1x%2, not %3x%4")
        .arg(plan.output.width)
        .arg(plan.output.height)
        .arg(width)
        .arg(height);
  return {};
}

QString relativeTo(const QDir& folder, const QString& path) {
  return QDir::fromNativeSeparators(folder.relativeFilePath(QFileInfo(path).absoluteFilePath()));
}

}  // namespace

FilmScene checkFilmScene(model::ProjectStore& store, const model::Scene& scene,
                         const providers::ModelRegistry* registry,
                         const providers::AssetCache& cache, const FilmRequest& request) {
  FilmScene f;
  f.scene = scene;
  f.render = defaultOutputPath(store.exportsFolder(), scene);
  f.manifest = f.render + QStringLiteral(".json");
  const QString own = store.sceneTransition(scene.id);
  f.transitionOut = own.isEmpty() ? request.transition : parseFilmTransition(own);
  f.why = whyNotCurrent(store, scene, registry, cache, request, f);
  f.current = f.why.isEmpty();
  return f;
}

media::RenderPlan buildFilmPlan(model::ProjectStore& store, const QList<FilmScene>& scenes,
                                const QString& outputPath) {
  media::RenderPlan plan;
  for (int i = 0; i < scenes.size(); ++i) {
    media::VideoSegment s;
    s.file = scenes[i].render;
    s.chapter = scenes[i].scene.title.isEmpty()
                    ? QStringLiteral("Scene %1").arg(scenes[i].scene.position + 1)
                    : scenes[i].scene.title;
    if (i + 1 < scenes.size()) {
      s.transition = scenes[i].transitionOut.type;
      s.transitionDuration = scenes[i].transitionOut.seconds;
    }
    plan.segments.push_back(s);
  }
  media::OutputSettings& out = plan.output;
  out.path = outputPath;
  out.resolution = QStringLiteral("source");  // the scenes share the size they were rendered at
  out.crf = 20;  // a full re-encode (scenes of different sizes or codecs): a scene render's quality
  out.loudnessTarget =
      store.project().settings.value(QStringLiteral("loudnessTarget")).toDouble(-16.0);
  out.chunkAudio = media::ChunkAudio::Keep;
  out.copyChunkAudio = false;  // one loudness over the film: the sound is mixed afresh
  return plan;
}

void writeFilmPlan(const media::RenderPlan& plan, const QString& path) {
  const QDir folder = QFileInfo(path).absoluteDir();
  media::RenderPlan relative = plan;
  for (media::VideoSegment& s : relative.segments) s.file = relativeTo(folder, s.file);
  for (media::AudioClip& c : relative.audio) c.file = relativeTo(folder, c.file);
  relative.output.path = relativeTo(folder, plan.output.path);
  const QByteArray bytes = QJsonDocument(relative.toJson()).toJson(QJsonDocument::Indented);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
    throw FilmError(
        QStringLiteral("Cannot write the film plan %1 (%2).").arg(path, file.errorString()));
}

QJsonObject buildFilmManifest(model::ProjectStore& store, const QList<FilmScene>& scenes,
                              const media::RenderPlan& plan, const media::StitchReport& report) {
  const double fps = report.duration > 0 && report.frames > 0 ? report.frames / report.duration : 0;
  QJsonArray list;
  double start = 0;
  for (int i = 0; i < scenes.size(); ++i) {
    const FilmScene& f = scenes[i];
    const QJsonObject manifest = readJson(f.manifest);
    const double seconds = manifest.value("stitch").toObject().value("duration").toDouble(0.0);
    QJsonObject o{{"id", double(f.scene.id)},
                  {"position", f.scene.position + 1},
                  {"title", f.scene.title},
                  {"render", f.render},
                  {"manifest", f.manifest},
                  {"reused", f.current},
                  {"chapterStart", fps > 0 ? std::round(start * fps) / fps : start}};
    if (i + 1 < scenes.size()) {
      o["transitionOut"] = f.transitionOut.toString();
      start += seconds -
               (f.transitionOut.type == media::Transition::Crossfade ? f.transitionOut.seconds : 0);
    }
    list.append(o);
  }
  return {{"format", "scenewright-film-manifest"},
          {"version", 1},
          {"project", store.project().name},
          {"scenes", list},
          {"stitch", report.toJson()},
          {"plan", plan.toJson()}};
}

void writeFilmManifest(const QJsonObject& manifest, const QString& path) {
  const QByteArray bytes = QJsonDocument(manifest).toJson(QJsonDocument::Indented);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
    throw FilmError(
        QStringLiteral("Cannot write the film manifest %1 (%2).").arg(path, file.errorString()));
}

}  // namespace sw::render
