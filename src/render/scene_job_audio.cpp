// SceneJob: narration, dialogue, music and SFX, generated in parallel with the video chain.
#include <QtConcurrent/QtConcurrentRun>

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

void startAudio(SceneJob::State& s) {
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
    AudioWork w{AudioWork::Kind::Narration, scene.id, QStringLiteral("narration")};
    w.future =
        launch(s, s.backends.speech, r, QStringLiteral("the narration"), WorkKind::Speech, &w.unit);
    s.audio.append(w);
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
      const QString what = QStringLiteral("dialogue line %1 (%2)").arg(i + 1).arg(who.name);
      AudioWork w{AudioWork::Kind::Dialogue, line.id, what};
      w.future = launch(s, s.backends.speech, r, what, WorkKind::Speech, &w.unit);
      s.audio.append(w);
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
    r.seed = chunkSeed(scene.id, -1);
    AudioWork w{AudioWork::Kind::Music, scene.id, QStringLiteral("music")};
    w.future =
        launch(s, s.backends.music, r, QStringLiteral("the music"), WorkKind::Music, &w.unit);
    s.audio.append(w);
  }
  if (s.request.sfx) {
    for (const model::SfxCue& cue : s.store->sfxCues(scene.id)) {
      AudioWork w{AudioWork::Kind::Sfx,
                  cue.id,
                  QStringLiteral("sound effect '%1'").arg(cue.description),
                  {},
                  cue.file,
                  cue.time,
                  cue.gainDb};
      if (cue.file.isEmpty()) {
        if (cue.description.trimmed().isEmpty()) continue;
        providers::SoundEffectRequest r;
        r.description = cue.description;
        r.seed = chunkSeed(scene.id, -2 - int(cue.id));
        w.future = launch(s, s.backends.soundEffect, r, w.what, WorkKind::Sfx, &w.unit);
      }
      s.audio.append(w);
    }
  }
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
    const char* kind = w.kind == AudioWork::Kind::Music ? "music"
                       : w.kind == AudioWork::Kind::Sfx ? "sfx"
                                                        : "speech";
    const model::Asset asset =
        s.recordAsset(QString::fromLatin1(kind), r, QJsonObject{{"what", w.what}});
    linkAsset(s, w, asset.id);
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

}  // namespace sw::render
