// SceneJob: narration and dialogue, generated and measured before the video; music and SFX,
// generated in parallel with the video chain; and one audio slot regenerated on its own.
#include <QJsonArray>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>
#include <variant>

#include "render/audio_takes.h"
#include "render/chunk_planner.h"
#include "render/recipe.h"
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

}  // namespace

RemoteLog workerRemoteLog(SceneJob::State& s, const QString& cacheKey) {
  RemoteLog log = remoteLogFor(*s.store, s.jobId, cacheKey);
  const QString folder = s.folder;
  const model::Id jobId = s.jobId;
  log.event = [folder, jobId](const QString& level, const QString& kind, const QString& message,
                              const QJsonObject& data) {
    noteRemote(folder, jobId, level, kind, message, data);
  };
  return log;
}

namespace {

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
  RemoteLog log = workerRemoteLog(s, cacheKeyOf(*generator, request));
  const ProgressPlan::Unit u = s.progress.add(what, callWeight(kind, generator->backendId()));
  *unit = u;
  ProgressPlan* plan = &s.progress;  // outlives the future: the job waits for every one
  auto ctx = s.ctx;
  ctx.progress = [plan, u](double percent, const QString&) {
    plan->setUnitFraction(u, percent / 100.0);
  };
  SceneJob::State* job = &s;  // outlives the future: run() waits for every audio future
  // Errors travel in the result: an exception must not cross the QtConcurrent boundary.
  return QtConcurrent::run(&s.audioPool, [=] {
    CachedResult result;
    try {
      result = generateResumable(*cache, *generator, request, what, QJsonObject{}, ctx, guard, log);
    } catch (const std::exception& e) {
      result.error = QString::fromStdString(e.what());
      job->failPart(what, result.error);  // fail fast: no new call of this job starts
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
    AudioWork w{K::Narration, scene.id, QStringLiteral("narration")};
    w.recipe = speechRecipe(scene.narration, narrator);
    out.append({w, r, r.take});
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
      AudioWork w{K::Dialogue, line.id, dialogueLineName(i + 1, who.name)};
      w.recipe = speechRecipe(line.text, who.voice);
      out.append({w, r, r.take});
    }
  }
  if (s.request.music &&
      !(scene.musicPrompt.trimmed().isEmpty() && scene.musicMood.trimmed().isEmpty())) {
    providers::MusicRequest r;
    r.prompt = scene.musicPrompt;
    r.mood = scene.musicMood;
    r.tempo = scene.musicTempo;
    r.duration = std::ceil(s.sceneSeconds + 1.0);  // long enough for the scene; cut to the video
    r.seed = linkedVariation(s, K::Music, scene.id).value_or(chunkSeed(scene.id, -1));
    AudioWork w{K::Music, scene.id, QStringLiteral("music")};
    w.recipe = musicRecipe(scene);
    out.append({w, r, r.seed});
  }
  if (s.request.sfx) {
    for (const model::SfxCue& cue : s.store->sfxCues(scene.id)) {
      AudioWork w{K::Sfx,    cue.id,   QStringLiteral("sound effect '%1'").arg(cue.description),
                  {},        cue.file, cue.time,
                  cue.gainDb};
      w.recipe = sfxRecipe(cue);
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

namespace {

bool isSpeech(AudioWork::Kind kind) {
  return kind == AudioWork::Kind::Narration || kind == AudioWork::Kind::Dialogue;
}

// Launches the audio slots of the request's tracks that `speech` selects (narration and dialogue,
// or music and SFX) on the job's audio pool, in script order.
void launchSlots(SceneJob::State& s, bool speech) {
  for (AudioSlot& slot : audioSlots(s)) {
    if (isSpeech(slot.work.kind) != speech) continue;
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

}  // namespace

void startAudio(SceneJob::State& s) { launchSlots(s, false); }

namespace {
RegenerateTarget::Slot slotOf(AudioWork::Kind kind) {
  switch (kind) {
    case AudioWork::Kind::Narration:
      return RegenerateTarget::Slot::Narration;
    case AudioWork::Kind::Dialogue:
      return RegenerateTarget::Slot::Dialogue;
    case AudioWork::Kind::Music:
      return RegenerateTarget::Slot::Music;
    case AudioWork::Kind::Sfx:
      break;
  }
  return RegenerateTarget::Slot::Sfx;
}
}  // namespace

// What the asset was made from and for which slot of scene `sceneId` (audio_takes.h).
QJsonObject audioParameters(const AudioWork& w, model::Id sceneId) {
  return QJsonObject{
      {"what", w.what},
      {"recipe", w.recipe},
      {"for", audioSlotTag(slotOf(w.kind), sceneId, w.rowId)},
      {isSpeech(w.kind) ? QStringLiteral("take") : QStringLiteral("seed"), double(w.variation)}};
}

const char* audioAssetKind(AudioWork::Kind kind) {
  return kind == AudioWork::Kind::Music ? "music" : kind == AudioWork::Kind::Sfx ? "sfx" : "speech";
}

// Points the scene (narration/music) or the line/cue that asked for the audio at its asset.
void linkAudioAsset(SceneJob::State& s, const AudioWork& w, model::Id assetId) {
  tagLinkedAudio(*s.store, slotOf(w.kind), s.scene.id, w.rowId);  // the one replaced stays a take
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

namespace {

// Waits for `w`, checks its file, records and links its asset (with the duration measured from
// the file: a service's claimed duration is not trusted) and returns the clip.
TimelineClip collect(SceneJob::State& s, const AudioWork& w) {
  CachedResult r = w.future.result();
  if (!r.error.isEmpty())
    throw JobFailure(QStringLiteral("Generating %1 failed: %2").arg(w.what, r.error));
  const CheckedFile file = checkInputFile(r.path, MediaKind::Audio, s.roots(), w.what);
  const media::StreamInfo* audio = file.probe.audio();
  r.result.duration = audio && audio->duration > 0 ? audio->duration : file.probe.duration;
  const model::Asset asset =
      s.recordAsset(QString::fromLatin1(audioAssetKind(w.kind)), r, audioParameters(w, s.scene.id));
  linkAudioAsset(s, w, asset.id);
  s.unitDone(w.unit, QStringLiteral("generated %1").arg(w.what));
  return {file.path, r.result.duration, w.cueTime, w.gainDb};
}

QJsonObject layoutJson(const SpeechTiming& timing, const SpeechLayout& layout) {
  QJsonArray items, cuts;
  for (int i = 0; i < timing.items.size(); ++i)
    items.append(QJsonObject{{"what", timing.items[i].what},
                             {"start", layout.starts[i]},
                             {"seconds", timing.items[i].seconds},
                             {"end", layout.starts[i] + timing.items[i].seconds}});
  for (const SpeechCut& c : layout.cuts)
    cuts.append(QJsonObject{{"what", c.what}, {"seconds", c.seconds}, {"dropped", c.dropped}});
  return {{"policy", layout.policy == SpeechPolicy::KeepDuration ? "keepDuration" : "lengthen"},
          {"target", layout.target},
          {"needed", layout.needed},
          {"duration", layout.duration},
          {"items", items},
          {"cuts", cuts}};
}

}  // namespace

void generateSpeech(SceneJob::State& s) {
  const int first = int(s.audio.size());
  launchSlots(s, true);
  SpeechTiming timing;
  timing.target = s.scene.targetDuration;
  timing.policy = s.request.keepDuration ? SpeechPolicy::KeepDuration : SpeechPolicy::Lengthen;
  if (int(s.audio.size()) > first) s.stage(QStringLiteral("generating speech"));
  for (int i = first; i < s.audio.size(); ++i) {
    AudioWork& w = s.audio[i];
    w.speech = collect(s, w);
    timing.items.append({w.what, w.speech->duration, true, w.kind == AudioWork::Kind::Dialogue});
  }
  s.throwIfCancelled();
  s.speechLayout = layoutSpeech(timing);
  s.sceneSeconds = s.speechLayout.duration;
  for (int k = 0; k < timing.items.size(); ++k)
    s.audio[first + k].speech->time = s.speechLayout.starts[k];
  if (timing.items.isEmpty()) return;
  const QString line = describeSpeechLayout(s.speechLayout);
  s.event(QStringLiteral("info"), QStringLiteral("speech.timing"), line,
          layoutJson(timing, s.speechLayout));
  if (!s.speechLayout.cuts.isEmpty())
    s.event(QStringLiteral("warning"), QStringLiteral("speech.cut"), line,
            layoutJson(timing, s.speechLayout));
}

void collectAudio(SceneJob::State& s, TimelineInputs& timeline) {
  timeline.speechPlaced = true;
  for (AudioWork& w : s.audio) {
    if (w.speech) {  // generated, measured and placed by generateSpeech()
      if (w.kind == AudioWork::Kind::Narration)
        timeline.narration = *w.speech;
      else
        timeline.dialogue.append(*w.speech);
      continue;
    }
    if (!w.userFile.isEmpty()) {
      const CheckedFile file = checkInputFile(w.userFile, MediaKind::Audio, s.roots(),
                                              QStringLiteral("the file of %1").arg(w.what));
      timeline.sfx.append({file.path, file.probe.duration, w.cueTime, w.gainDb});
      continue;
    }
    const TimelineClip clip = collect(s, w);
    if (w.kind == AudioWork::Kind::Music)
      timeline.music = clip;
    else
      timeline.sfx.append(clip);
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
  // Music is made for the length a render will have: the scene state's (the target, or longer
  // for the speech, measured when it is generated), so the next render finds it in the cache.
  if (kind == AudioWork::Kind::Music) s.sceneSeconds = currentState(s).duration;
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
      if (const auto length = s.request.regenerate.length; length && *length > 0)
        r->duration = std::ceil(*length);
      c = generateNow(s, s.backends.music.get(), *r, w.what, WorkKind::Music);
    } else if (auto* r = std::get_if<providers::SoundEffectRequest>(&slot.request)) {
      r->seed = variation;
      c = generateNow(s, s.backends.soundEffect.get(), *r, w.what, WorkKind::Sfx);
    } else {
      throw JobFailure(QStringLiteral("%1 plays a file of its own: there is nothing to regenerate.")
                           .arg(w.what));
    }
    const CheckedFile file = checkInputFile(c.path, MediaKind::Audio, s.roots(), w.what);
    const media::StreamInfo* audio = file.probe.audio();  // measured, not the service's claim
    c.result.duration = audio && audio->duration > 0 ? audio->duration : file.probe.duration;
    const model::Asset asset =
        s.recordAsset(QString::fromLatin1(audioAssetKind(kind)), c, audioParameters(w, s.scene.id));
    linkAudioAsset(s, w, asset.id);  // the asset it replaces keeps its row and file
    return asset;
  }
  throw JobFailure(QStringLiteral("Scene \"%1\" has no such narration, line, music or sound effect "
                                  "to regenerate (it may have been deleted or left empty).")
                       .arg(s.scene.title));
}

}  // namespace sw::render
