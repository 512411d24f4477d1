// Internal state of a running SceneJob, shared by scene_job*.cpp (not a public header).
#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QMutex>
#include <QThreadPool>
#include <variant>

#include "core/error.h"
#include "media/early_pieces.h"
#include "model/asset_paths.h"
#include "model/project_store.h"
#include "render/cached_generation.h"
#include "render/input_files.h"
#include "render/progress_plan.h"
#include "render/recipe.h"
#include "render/resumable_generation.h"
#include "render/scene_job.h"
#include "render/scene_state.h"
#include "render/speech_timing.h"
#include "render/timeline_builder.h"

namespace sw::render {

// Raised for a step that failed; the message names the step and says what to do.
// A job that cannot go on as asked (budget reached, scene deleted, asset missing offline).
struct JobFailure : core::Error {
  explicit JobFailure(const QString& message, core::ErrorKind kind = core::ErrorKind::User)
      : core::Error(kind, message, QStringLiteral("render job")) {}
};

struct AudioWork {
  enum class Kind { Narration, Dialogue, Music, Sfx } kind;
  model::Id rowId = 0;  // dialogue line / sfx cue id
  QString what;         // "narration", "dialogue line 2 (MARA)"...
  QFuture<CachedResult> future;
  QString userFile;  // SFX with a user-supplied file: no generation
  double cueTime = 0;
  double gainDb = 0;
  QJsonObject recipe;                  // recipe.h: what the asset is made from, recorded with it
  std::optional<TimelineClip> speech;  // narration / dialogue once generated and measured
  ProgressPlan::Unit unit = -1;        // its share of the job's progress (none for a user file)
  qint64 variation = 0;                // speech: the take number; music and SFX: the seed
};

// One audio slot of a scene and the request a render makes for it (none for an SFX file). The
// variation (a speech take, a music or SFX seed) is the one its linked asset was made with, so a
// regenerated take stays what the render uses.
struct AudioSlot {
  AudioWork work;
  std::variant<std::monostate, providers::SpeechRequest, providers::MusicRequest,
               providers::SoundEffectRequest>
      request;
  qint64 variation = 0;
};

struct SceneJob::State {
  std::unique_ptr<model::ProjectStore> store;
  model::Id jobId = 0;
  RenderRequest request;
  providers::Backends backends;
  std::shared_ptr<providers::AssetCache> cache;
  providers::GenerationContext ctx;
  SceneJobCallbacks callbacks;
  QString folder;

  model::Scene scene;
  const providers::ModelEntry* modelEntry = nullptr;
  StateOptions stateOptions;  // the request's model, tracks and kept chunks
  QList<model::Chunk> chunks;
  std::optional<model::Id> onlyChunk;  // regenerate: generate this chunk only
  model::Id lastTakeId = 0;
  // regenerate --takes K (a chunk's lottery): the K seeds, generated at once from one start.
  QList<qint64> takeSeeds;
  // regenerate: each take made ({chunkId, takeId, assetId, seed, cost}; an image: no take).
  QJsonArray madeTakes;
  QList<AudioWork> audio;
  // What the scene lasts in this render: the speech layout's duration (the target lengthened to
  // fit the speech, or the target under RenderRequest::keepDuration). The stored scene keeps its
  // target; planning and the timeline read this.
  double sceneSeconds = 0;
  SpeechLayout speechLayout;

  // Progress from the planned work units (planWork(), startAudio()).
  ProgressPlan progress;
  QHash<int, ProgressPlan::Unit> chunkUnits;  // chunks to generate, by position
  ProgressPlan::Unit referenceUnit = -1;      // the reference image, when generated
  ProgressPlan::Unit stitchUnit = -1;
  QMutex spendMutex;
  double spentUsd = 0.0;  // by this run (the job's total over its runs is in spend_ledger.h)
  // Fail fast: once any part of the job failed, no new generation call starts (calls in flight
  // finish and are cached). Set by failPart(); read by the spend guard on every thread.
  QString failedPart;  // under spendMutex: "the narration failed: ..."
  void failPart(const QString& what, const QString& error);

  void event(const QString& level, const QString& kind, const QString& message,
             const QJsonObject& data = {});
  // Publishes `text` with the plan's percent (job row and callbacks).
  void stage(const QString& text);
  // Moves `unit` to `fraction` (0..1) of its work, or finishes it, and publishes `text`.
  void unitProgress(ProgressPlan::Unit unit, double fraction, const QString& text);
  void unitDone(ProgressPlan::Unit unit, const QString& text);
  // The job's remote-prediction log for `cacheKey`, written on the job thread's store.
  RemoteLog remoteLog(const QString& cacheKey);
  SpendGuard spendGuard();
  // Encode while generating (scene_job_pieces.cpp): the worker, the output it encodes for and
  // when each chunk was ready (by position, ms since the epoch).
  std::unique_ptr<media::PieceEncoder> pieces;
  QString piecesOutput;
  QHash<int, qint64> chunkReadyAtMs;
  QThreadPool audioPool;  // last member: destroyed first, after its tasks finish

  model::Asset recordAsset(const QString& kind, const CachedResult& r,
                           const QJsonObject& parameters);
  void throwIfCancelled() const;
  // Where the job's files may be: the project folder and the asset cache.
  model::AssetRoots roots() const { return {store->folder(), cache->directory()}; }
};

// scene_job.cpp
// The scene, its model and its chunks as stored (no planning: planScene()).
void loadScene(SceneJob::State& s);
// The scene's state now (scene_state.h), as the job's options see it.
SceneState currentState(SceneJob::State& s);
// Plans the chunks for the speech-timed duration (sceneSeconds) through the scene state.
void planScene(SceneJob::State& s);
// The job's video work units: the reference image when it will be generated, each chunk
// generateVideo() will generate, and (withStitch) the stitch weighted by the frames it encodes.
void planWork(SceneJob::State& s, bool withStitch);
// The output settings of this render to `path`; `fps`: the rate every chunk shares
// (sharedFrameRate), else the chosen one.
media::OutputSettings renderOutputSettings(SceneJob::State& s, const QString& path,
                                           std::optional<FrameRate> fps = std::nullopt);
// scene_job_inputs.cpp
// The asset's row with its file where it is now (render::locateAsset), checked for the render
// (checkInputFile: inside the project folder or the cache, and `kind` of media); the path is the
// canonical one and a missing duration the probed one; a video's parameters["measured"] holds its
// probed duration, frame rate and size (model_observations.h measuredOf). nullopt when there is no
// such asset or file.
std::optional<model::Asset> usableAsset(SceneJob::State& s, std::optional<model::Id> id,
                                        MediaKind kind, const QString& what);
// Before anything is generated or sent: the reference image, the ready chunks' videos and the SFX
// files are what they claim and inside the roots, and `outputPath` (and its manifest) may be
// written (output_target.h). Throws JobFailure.
void checkBeforeGenerating(SceneJob::State& s, const QString& outputPath);
// scene_job_audio.cpp
// Narration and dialogue, generated and waited for before any video (a failure fails the job
// before a paid video call), measured by probing their files, laid out with speech_timing
// (s.speechLayout, s.sceneSeconds) and announced in a "speech.timing" event (and a "speech.cut"
// warning naming each line a kept duration cuts).
void generateSpeech(SceneJob::State& s);
// Every audio slot of the scene that the request's tracks include, in script order.
QList<AudioSlot> audioSlots(SceneJob::State& s);
// Music (for s.sceneSeconds) and SFX, generated beside the video chain.
void startAudio(SceneJob::State& s);
void collectAudio(SceneJob::State& s, TimelineInputs& timeline);
// What an audio asset records: its recipe, variation and the slot of `sceneId` it is for.
QJsonObject audioParameters(const AudioWork& w, model::Id sceneId);
const char* audioAssetKind(AudioWork::Kind kind);  // speech, music, sfx
void linkAudioAsset(SceneJob::State& s, const AudioWork& w, model::Id assetId);
// The variation a slot has before any regeneration (the render's own seed; speech take 0).
qint64 defaultAudioVariation(AudioWork::Kind kind, model::Id sceneId, model::Id rowId);
// A new asset for one audio slot with `variation`, generated now on the job thread and linked to
// the slot; the old asset is kept. Throws JobFailure when the scene has no such slot.
model::Asset regenerateAudio(SceneJob::State& s, AudioWork::Kind kind, model::Id rowId,
                             qint64 variation);
// scene_job_video.cpp
void generateVideo(SceneJob::State& s);
// What the scene's reference image is generated from (the render's seed).
providers::ImageRequest referenceImageRequest(SceneJob::State& s);
void addSegments(SceneJob::State& s, TimelineInputs& timeline);
// The timeline segment of a ready chunk (`last`: the scene's last, used for `seconds` only).
TimelineSegment chunkSegment(SceneJob::State& s, const model::Chunk& chunk,
                             const model::Asset& asset, bool last, double seconds);
// scene_job_lipsync.cpp
// Lines marked for lip sync (when a lip-sync backend is chosen): the frames of `timeline`'s
// segments under each line are replaced by their lip-synced version (cut, sent, spliced, each
// step cached by its recipe). True when a segment's file changed. Throws JobFailure.
bool applyLipSync(SceneJob::State& s, TimelineInputs& timeline);
// scene_job_pieces.cpp
// Starts the piece worker for a render that generates chunks (not offline, not a regeneration,
// SCENEWRIGHT_ENCODE_AHEAD not 0), encoding for `outputPath`.
void startPieces(SceneJob::State& s, const QString& outputPath);
// Chunk `index` of `state` (row `chunkId`) is ready: its segment is queued for encoding when a
// later chunk is still to be generated (and it is not the last, nor in a crossfade). Records when
// it was ready.
void encodeAhead(SceneJob::State& s, const SceneState& state, int index, model::Id chunkId);
// "piece.encoded" / "piece.skipped" events for the pieces done since the last call.
void reportPieces(SceneJob::State& s);
// Stops queueing, waits for the piece being encoded and returns the pieces made.
media::PieceList finishPieces(SceneJob::State& s);
// The start image for the chunk after `previous`: the exact frame a cut at `cutSeconds` (file
// time) shows last (media::saveFrameBeforeCut), as a PNG kept in the cache next to the chunk.
QString continuationFrame(SceneJob::State& s, const model::Asset& previous, double cutSeconds);
// The request for a take of `chunk` (its prompt, direction, seed and model) from `startImage`
// (dropped when the model takes no image).
providers::VideoRequest chunkVideoRequest(SceneJob::State& s, const model::Chunk& chunk,
                                          const QString& startImage);
// Checks and measures a chunk video made from `request`, records its asset (recipe, start,
// prompt, seed, model, notes such as a text-to-video fallback) and its take, which becomes active
// (s.lastTakeId).
model::Asset recordChunkVideo(SceneJob::State& s, const model::Chunk& chunk,
                              const providers::VideoRequest& request, CachedResult result,
                              const QStringList& notes, const StartSource& start);
// A remote-prediction log for a call made on another thread than the job's: its events go
// through a store connection of their own (scene_job_audio.cpp).
RemoteLog workerRemoteLog(SceneJob::State& s, const QString& cacheKey);
// regenerate_takes.cpp: a lottery. The takes of `chunk` with s.takeSeeds, generated in parallel
// (as many at once as the backend's limit allows, cached_generation.h) from one start, each kept
// as a take; the take active before stays active (the first new one when there was none).
void makeChunkTakes(SceneJob::State& s, const model::Chunk& chunk, int count,
                    const QString& startImage, const StartSource& start);
// The scene's reference image with each of s.takeSeeds, in parallel; the image in use stays (the
// first new one when there was none). Returns the new images' assets, in seed order.
QList<model::Asset> makeReferenceTakes(SceneJob::State& s);
// regenerate.cpp: the job of kind Regenerate (its target: request.regenerate).
void regenerate(SceneJob::State& s, SceneJobResult& result);

}  // namespace sw::render
