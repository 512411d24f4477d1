// SceneJob: narration, dialogue, music and SFX, generated in parallel with the video chain.
#include <QtConcurrent/QtConcurrentRun>
#include <variant>

#include "render/chunk_planner.h"
#include "render/scene_job_state.h"

namespace sw::render {

namespace {

// Records a remote prediction of an audio call. Audio runs beside the job thread, so the event
// goes through a store connection of its own (best effort: without it, a resumed job creates the
// prediction again).
void noteRemote(const QString& folder, model::Id jobId, const QString& level, const QString& kind,
                const QString& message, const QJsonObject& data) {
  try {
    model::ProjectStore::open(folder, model::ProjectStore::Check::Known)
        ->addJobEvent({0, jobId, {}, level, kind, message, data});
  } catch (const std::exception&) {
  }
}

// Starts one audio call on the job's audio pool, through the same resumable generation as the
// video (the job's log of remote predictions for its cache key is read here, on the job thread),
// with its own unit of the job's progress.
template <class Generator, class Request>
QFuture<CachedResult> launch(SceneJob::State& s, std::shared_ptr<Generator> generator,
                             const Request& request, const QString& what, WorkKind kind,
                             ProgressPlan::Unit* unit) {
  if (!generator) throw JobFailure(QStringLiteral("No backend is configured for %1.").arg(what));
  auto cache = s.cache;
  auto guard = s.spendGuard();
  RemoteLog log = remoteLogFor(*s.store, s.jobId, cacheKeyOf(*generator, request));
  const QString folder = s.folder;
  const model::Id jobId = s.jobId;
  log.event = [folder, jobId](const QString& level, const QString& kind, const QString& message,
                              const QJsonObject& data) {
    noteRemote(folder, jobId, level, kind, message, data);
  };
  const ProgressPlan::Unit u = s.progress.add(what, callWeight(kind, generator->backendId()));
  *unit = u;
  ProgressPlan* plan = &s.progress;  // outlives the future: the job waits for every one
  auto ctx = s.ctx;
  ctx.progress = [plan, u](double percent, const QString&) {
    plan->setUnitFraction(u, percent / 100.0);
  };
  // Errors travel in the result: an exception must not cross the QtConcurrent boundary.
  return QtConcurrent::run(&s.audioPool, [=] {
    CachedResult result;
    try {
      result = generateResumable(*cache, *generator, request, what, QJsonObject{}, ctx, guard, log);
    } catch (const std::exception& e) {
      result.error = QString::fromStdString(e.what());
    }
    plan->finishUnit(u);
    return result;
  });
}

QString voiceFor(SceneJob::State& s, const model::Character& c, int index) {
  return c.voice.isEmpty() ? s.backends.speech->defaultVoice(index) : c.voice;
}

}  // namespace

namespace {

// The asset the slot uses now (the scene's narration or music, the line's or cue's sound).
std::optional<model::Asset> linkedAsset(SceneJob::State& s, AudioWork::Kind kind, model::Id rowId) {
  std::optional<model::Id> id;
  switch (kind) {
    case AudioWork::Kind::Narration:
      id = s.scene.narrationAssetId;
      break;
    case AudioWork::Kind::Music:
      id = s.scene.musicAssetId;
      break;
    case AudioWork::Kind::Dialogue:
      for (const model::DialogueLine& l : s.store->dialogueLines(s.scene.id))
        if (l.id == rowId) id = l.assetId;
      break;
    case AudioWork::Kind::Sfx:
      for (const model::SfxCue& c : s.store->sfxCues(s.scene.id))
        if (c.id == rowId) id = c.assetId;
      break;
  }
  return id ? s.store->asset(*id) : std::nullopt;
}

// The slot's variation as its linked asset records it: a speech take number or a seed.
std::optional<qint64> linkedVariation(SceneJob::State& s, AudioWork::Kind kind, model::Id rowId) {
  const auto asset = linkedAsset(s, kind, rowId);
  const QString key = kind == AudioWork::Kind::Narration || kind == AudioWork::Kind::Dialogue
                          ? QStringLiteral("take")
                          : QStringLiteral("seed");
  if (!asset || !asset->parameters.contains(key)) return std::nullopt;
  return qint64(asset->parameters.value(key).toDouble());
}

}  // namespace

QList<AudioSlot> audioSlots(SceneJob::State& s) {
  QList<AudioSlot> out;
  const model::Scene& scene = s.scene;
  const QList<model::Character> characters = s.store->characters();
  using K = AudioWork::Kind;
  if (s.request.narration && !scene.narration.trimmed().isEmpty()) {
    providers::SpeechRequest r;
    r.text = scene.narration;
    r.character = QStringLiteral("NARRATOR");
    const QString narrator =
        s.store->project().settings.value(QStringLiteral("narratorVoice")).toString();
    r.voice =
        narrator.isEmpty() ? s.backends.speech->defaultVoice(int(characters.size())) : narrator;
    r.take = int(linkedVariation(s, K::Narration, scene.id).value_or(0));
    out.append({{K::Narration, scene.id, QStringLiteral("narration")}, r, r.take});
  }
  if (s.request.dialogue) {
    const QList<model::DialogueLine> lines = s.store->dialogueLines(scene.id);
    for (int i = 0; i < lines.size(); ++i) {
      const model::DialogueLine& line = lines[i];
      if (line.text.trimmed().isEmpty()) continue;
      int index = 0;
      model::Character who;
      for (int k = 0; k < characters.size(); ++k)
        if (characters[k].id == line.characterId) {
          who = characters[k];
          index = k;
        }
      providers::SpeechRequest r;
      r.text = line.text;
      r.character = who.name;
      r.voice = voiceFor(s, who, index);
      r.voiceSettings = who.voiceSettings;
      r.take = int(linkedVariation(s, K::Dialogue, line.id).value_or(0));
      const QString what = QStringLiteral("dialogue line %1 (%2)").arg(i + 1).arg(who.name);
      out.append({{K::Dialogue, line.id, what}, r, r.take});
    }
  }
  if (s.request.music &&
      !(scene.musicPrompt.trimmed().isEmpty() && scene.musicMood.trimmed().isEmpty())) {
    providers::MusicRequest r;
    r.prompt = scene.musicPrompt;
    r.mood = scene.musicMood;
    r.tempo = scene.musicTempo;
    r.duration =
        std::ceil(scene.targetDuration + 1.0);  // long enough for the scene; cut to the video
    r.seed = linkedVariation(s, K::Music, scene.id).value_or(chunkSeed(scene.id, -1));
    out.append({{K::Music, scene.id, QStringLiteral("music")}, r, r.seed});
  }
  if (s.request.sfx) {
    for (const model::SfxCue& cue : s.store->sfxCues(scene.id)) {
      AudioWork w{K::Sfx,    cue.id,   QStringLiteral("sound effect '%1'").arg(cue.description),
                  {},        cue.file, cue.time,
                  cue.gainDb};
      if (!cue.file.isEmpty()) {
        out.append({w, std::monostate{}, 0});
        continue;
      }
      if (cue.description.trimmed().isEmpty()) continue;
      providers::SoundEffectRequest r;
      r.description = cue.description;
      r.seed = linkedVariation(s, K::Sfx, cue.id).value_or(chunkSeed(scene.id, -2 - int(cue.id)));
      out.append({w, r, r.seed});
    }
  }
  return out;
}

void startAudio(SceneJob::State& s) {
  for (AudioSlot& slot : audioSlots(s)) {
    AudioWork w = slot.work;
    w.variation = slot.variation;
    const QString what = w.kind == AudioWork::Kind::Narration ? QStringLiteral("the narration")
                         : w.kind == AudioWork::Kind::Music   ? QStringLiteral("the music")
                                                              : w.what;
    if (auto* r = std::get_if<providers::SpeechRequest>(&slot.request))
      w.future = launch(s, s.backends.speech, *r, what, WorkKind::Speech, &w.unit);
    else if (auto* r = std::get_if<providers::MusicRequest>(&slot.request))
      w.future = launch(s, s.backends.music, *r, what, WorkKind::Music, &w.unit);
    else if (auto* r = std::get_if<providers::SoundEffectRequest>(&slot.request))
      w.future = launch(s, s.backends.soundEffect, *r, what, WorkKind::Sfx, &w.unit);
    s.audio.append(w);
  }
}

QJsonObject audioParameters(const AudioWork& w) {
  const bool speech = w.kind == AudioWork::Kind::Narration || w.kind == AudioWork::Kind::Dialogue;
  return QJsonObject{
      {"what", w.what},
      {speech ? QStringLiteral("take") : QStringLiteral("seed"), double(w.variation)}};
}

const char* audioAssetKind(AudioWork::Kind kind) {
  return kind == AudioWork::Kind::Music ? "music" : kind == AudioWork::Kind::Sfx ? "sfx" : "speech";
}

// Points the scene (narration/music) or the line/cue that asked for the audio at its asset.
void linkAudioAsset(SceneJob::State& s, const AudioWork& w, model::Id assetId) {
  auto linkScene = [&](std::optional<model::Id> model::Scene::*field) {
    auto scene = s.store->scene(s.scene.id).value_or(s.scene);
    scene.*field = assetId;
    s.store->updateScene(scene);
  };
  auto linkRow = [&](auto rows, auto update) {
    for (auto row : rows)
      if (row.id == w.rowId) {
        row.assetId = assetId;
        update(row);
      }
  };
  switch (w.kind) {
    case AudioWork::Kind::Narration:
      linkScene(&model::Scene::narrationAssetId);
      break;
    case AudioWork::Kind::Music:
      linkScene(&model::Scene::musicAssetId);
      break;
    case AudioWork::Kind::Dialogue:
      linkRow(s.store->dialogueLines(s.scene.id),
              [&](const model::DialogueLine& l) { s.store->updateDialogueLine(l); });
      break;
    case AudioWork::Kind::Sfx:
      linkRow(s.store->sfxCues(s.scene.id),
              [&](const model::SfxCue& c) { s.store->updateSfxCue(c); });
      break;
  }
}

void collectAudio(SceneJob::State& s, TimelineInputs& timeline) {
  for (AudioWork& w : s.audio) {
    if (!w.userFile.isEmpty()) {
      const CheckedFile file = checkInputFile(w.userFile, MediaKind::Audio, s.roots(),
                                              QStringLiteral("the file of %1").arg(w.what));
      timeline.sfx.append({file.path, file.probe.duration, w.cueTime, w.gainDb});
      continue;
    }
    const CachedResult r = w.future.result();
    if (!r.error.isEmpty())
      throw JobFailure(QStringLiteral("Generating %1 failed: %2").arg(w.what, r.error));
    const CheckedFile file = checkInputFile(r.path, MediaKind::Audio, s.roots(), w.what);
    const char* kind = audioAssetKind(w.kind);
    const model::Asset asset = s.recordAsset(QString::fromLatin1(kind), r, audioParameters(w));
    linkAudioAsset(s, w, asset.id);
    const double duration = r.result.duration > 0 ? r.result.duration : file.probe.duration;
    const TimelineClip clip{file.path, duration, w.cueTime, w.gainDb};
    switch (w.kind) {
      case AudioWork::Kind::Narration:
        timeline.narration = clip;
        break;
      case AudioWork::Kind::Music:
        timeline.music = clip;
        break;
      case AudioWork::Kind::Dialogue:
        timeline.dialogue.append(clip);
        break;
      case AudioWork::Kind::Sfx:
        timeline.sfx.append(clip);
        break;
    }
    s.unitDone(w.unit, QStringLiteral("generated %1").arg(w.what));
  }
}

qint64 defaultAudioVariation(AudioWork::Kind kind, model::Id sceneId, model::Id rowId) {
  switch (kind) {
    case AudioWork::Kind::Music:
      return chunkSeed(sceneId, -1);
    case AudioWork::Kind::Sfx:
      return chunkSeed(sceneId, -2 - int(rowId));
    default:
      return 0;  // speech: the first take
  }
}

namespace {

template <class Generator, class Request>
CachedResult generateNow(SceneJob::State& s, Generator* generator, const Request& request,
                         const QString& what, WorkKind kind) {
  if (!generator) throw JobFailure(QStringLiteral("No backend is configured for %1.").arg(what));
  const ProgressPlan::Unit unit = s.progress.add(what, callWeight(kind, generator->backendId()));
  providers::GenerationContext ctx = s.ctx;
  ctx.progress = [&s, unit, what](double percent, const QString&) {
    s.unitProgress(unit, percent / 100.0,
                   QStringLiteral("generating %1 (%2%)").arg(what).arg(int(percent)));
  };
  s.stage(QStringLiteral("generating %1").arg(what));
  CachedResult c = generateResumable(*s.cache, *generator, request, what, QJsonObject{}, ctx,
                                     s.spendGuard(), s.remoteLog(cacheKeyOf(*generator, request)));
  s.unitDone(unit, QStringLiteral("generated %1").arg(what));
  return c;
}

}  // namespace

model::Asset regenerateAudio(SceneJob::State& s, AudioWork::Kind kind, model::Id rowId,
                             qint64 variation) {
  s.request.narration = s.request.dialogue = s.request.music = s.request.sfx = true;
  for (AudioSlot& slot : audioSlots(s)) {
    if (slot.work.kind != kind || slot.work.rowId != rowId) continue;
    AudioWork w = slot.work;
    w.variation = variation;
    CachedResult c;
    if (auto* r = std::get_if<providers::SpeechRequest>(&slot.request)) {
      r->take = int(variation);
      c = generateNow(s, s.backends.speech.get(), *r, w.what, WorkKind::Speech);
    } else if (auto* r = std::get_if<providers::MusicRequest>(&slot.request)) {
      r->seed = variation;
      c = generateNow(s, s.backends.music.get(), *r, w.what, WorkKind::Music);
    } else if (auto* r = std::get_if<providers::SoundEffectRequest>(&slot.request)) {
      r->seed = variation;
      c = generateNow(s, s.backends.soundEffect.get(), *r, w.what, WorkKind::Sfx);
    } else {
      throw JobFailure(QStringLiteral("%1 plays a file of its own: there is nothing to regenerate.")
                           .arg(w.what));
    }
    checkInputFile(c.path, MediaKind::Audio, s.roots(), w.what);
    const model::Asset asset =
        s.recordAsset(QString::fromLatin1(audioAssetKind(kind)), c, audioParameters(w));
    linkAudioAsset(s, w, asset.id);  // the asset it replaces keeps its row and file
    return asset;
  }
  throw JobFailure(QStringLiteral("Scene \"%1\" has no such narration, line, music or sound effect "
                                  "to regenerate (it may have been deleted or left empty).")
                       .arg(s.scene.title));
}

}  // namespace sw::render
