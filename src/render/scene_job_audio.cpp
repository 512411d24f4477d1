// SceneJob: narration and dialogue, generated and measured before the video; music and SFX,
// generated in parallel with the video chain.
#include <QJsonArray>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

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

template <class Generator, class Request>
QFuture<CachedResult> launch(SceneJob::State& s, std::shared_ptr<Generator> generator,
                             Request request, const QString& what) {
  if (!generator) throw JobFailure(QStringLiteral("No backend is configured for %1.").arg(what));
  auto cache = s.cache;
  auto guard = s.spendGuard();
  const QString key =
      providers::AssetCache::key(providers::cacheRequest(request, generator->backendId()));
  auto ctx = s.ctx;
  ctx.resumeRemoteId = storedRemoteId(s, key);
  if (ctx.resumeRemoteId.isEmpty()) ctx.reconcileAfter = unconfirmedCreate(s, key);
  const QString folder = s.folder;
  const model::Id jobId = s.jobId;
  ctx.remoteCreating = [folder, jobId, key, what] {
    noteRemote(folder, jobId, QStringLiteral("info"), QStringLiteral("remote.creating"),
               QStringLiteral("creating a prediction (%1)").arg(what), {{"cacheKey", key}});
  };
  ctx.remoteId = [folder, jobId, key, what](const QString& remote) {
    noteRemote(folder, jobId, QStringLiteral("info"), QStringLiteral("remote.started"),
               QStringLiteral("prediction %1 (%2)").arg(remote, what),
               {{"remoteId", remote}, {"cacheKey", key}});
  };
  SceneJob::State* job = &s;  // outlives the future: run() waits for every audio future
  // Errors travel in the result: an exception must not cross the QtConcurrent boundary.
  return QtConcurrent::run(&s.audioPool, [=] {
    try {
      try {
        return generateCached(*cache, *generator, request, ctx, guard, what);
      } catch (const providers::ProviderError& e) {
        if (ctx.resumeRemoteId.isEmpty() || !startAfresh(e, ctx)) throw;
        noteRemote(
            folder, jobId, QStringLiteral("warning"), QStringLiteral("remote.lost"),
            QStringLiteral("Prediction %1 for %2 cannot be continued (%3); starting a new one.")
                .arg(ctx.resumeRemoteId, what, e.message()),
            {{"remoteId", ctx.resumeRemoteId}, {"cacheKey", key}});
        auto fresh = ctx;
        fresh.resumeRemoteId.clear();
        return generateCached(*cache, *generator, request, fresh, guard, what);
      }
    } catch (const std::exception& e) {
      CachedResult failed;
      failed.error = QString::fromStdString(e.what());
      job->failPart(what, failed.error);  // fail fast: no new call of this job starts
      return failed;
    }
  });
}

QString voiceFor(SceneJob::State& s, const model::Character& c, int index) {
  return c.voice.isEmpty() ? s.backends.speech->defaultVoice(index) : c.voice;
}

// Launches the narration and every dialogue line with text, in script order.
void startSpeech(SceneJob::State& s) {
  const model::Scene& scene = s.scene;
  const QList<model::Character> characters = s.store->characters();
  if (s.request.narration && !scene.narration.trimmed().isEmpty()) {
    providers::SpeechRequest r;
    r.text = scene.narration;
    r.character = QStringLiteral("NARRATOR");
    const QString narrator =
        s.store->project().settings.value(QStringLiteral("narratorVoice")).toString();
    r.voice =
        narrator.isEmpty() ? s.backends.speech->defaultVoice(int(characters.size())) : narrator;
    s.audio.append({AudioWork::Kind::Narration,
                    scene.id,
                    QStringLiteral("narration"),
                    launch(s, s.backends.speech, r, QStringLiteral("the narration")),
                    {},
                    0,
                    0,
                    speechRecipe(scene.narration, narrator)});
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
      const QString what = dialogueLineName(i + 1, who.name);
      s.audio.append({AudioWork::Kind::Dialogue,
                      line.id,
                      what,
                      launch(s, s.backends.speech, r, what),
                      {},
                      0,
                      0,
                      speechRecipe(line.text, who.voice)});
    }
  }
}

}  // namespace

void startAudio(SceneJob::State& s) {
  const model::Scene& scene = s.scene;
  const int before = int(s.audio.size());
  if (s.request.music &&
      !(scene.musicPrompt.trimmed().isEmpty() && scene.musicMood.trimmed().isEmpty())) {
    providers::MusicRequest r;
    r.prompt = scene.musicPrompt;
    r.mood = scene.musicMood;
    r.tempo = scene.musicTempo;
    r.duration = std::ceil(s.sceneSeconds + 1.0);  // long enough for the scene; cut to the video
    r.seed = chunkSeed(scene.id, -1);
    s.audio.append({AudioWork::Kind::Music,
                    scene.id,
                    QStringLiteral("music"),
                    launch(s, s.backends.music, r, QStringLiteral("the music")),
                    {},
                    0,
                    0,
                    musicRecipe(scene)});
  }
  if (s.request.sfx) {
    for (const model::SfxCue& cue : s.store->sfxCues(scene.id)) {
      AudioWork w{AudioWork::Kind::Sfx,
                  cue.id,
                  QStringLiteral("sound effect '%1'").arg(cue.description),
                  {},
                  cue.file,
                  cue.time,
                  cue.gainDb,
                  sfxRecipe(cue)};
      if (cue.file.isEmpty()) {
        if (cue.description.trimmed().isEmpty()) continue;
        providers::SoundEffectRequest r;
        r.description = cue.description;
        r.seed = chunkSeed(scene.id, -2 - int(cue.id));
        w.future = launch(s, s.backends.soundEffect, r, w.what);
      }
      s.audio.append(w);
    }
  }
  s.unitsTotal += int(s.audio.size()) - before;
}

namespace {

// Points the scene (narration/music) or the line/cue that asked for the audio at its asset.
void linkAsset(SceneJob::State& s, const AudioWork& w, model::Id assetId) {
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

}  // namespace

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
  const char* kind = w.kind == AudioWork::Kind::Music ? "music"
                     : w.kind == AudioWork::Kind::Sfx ? "sfx"
                                                      : "speech";
  const model::Asset asset = s.recordAsset(QString::fromLatin1(kind), r,
                                           QJsonObject{{"what", w.what}, {"recipe", w.recipe}});
  linkAsset(s, w, asset.id);
  s.unitDone(1, QStringLiteral("generated %1").arg(w.what));
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
  startSpeech(s);
  s.unitsTotal += int(s.audio.size()) - first;
  SpeechTiming timing;
  timing.target = s.scene.targetDuration;
  timing.policy = s.request.keepDuration ? SpeechPolicy::KeepDuration : SpeechPolicy::Lengthen;
  if (int(s.audio.size()) > first)
    s.stage(QStringLiteral("generating speech"), 75.0 * s.unitsDone / s.unitsTotal);
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

}  // namespace sw::render
