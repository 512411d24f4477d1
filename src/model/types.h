// Domain types of a Scenewright project. Plain values; the ProjectStore reads and writes them.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace sw::model {

using Id = qint64;

enum class ChunkStatus { Pending, Generating, Ready, Failed, Stale };
enum class JobStatus { Queued, Processing, Completed, Failed, Cancelled, Interrupted };

QString toString(ChunkStatus status);
QString toString(JobStatus status);
std::optional<ChunkStatus> chunkStatusFromString(const QString& text);
std::optional<JobStatus> jobStatusFromString(const QString& text);

struct Project {
  Id id = 0;
  QString name;
  QJsonObject settings;  // per-project settings (default model, resolution...); never API keys
  QDateTime created;
  QDateTime modified;
};

struct Character {
  Id id = 0;
  QString name;
  QString voice;              // backend voice id, e.g. "en-us+m3" (espeak) or an ElevenLabs id
  QJsonObject voiceSettings;  // speed, pitch, stability...
};

struct Scene {
  Id id = 0;
  int position = 0;  // 0-based order in the project
  QString title;
  QString script;
  QString narration;
  QString visualPrompt;
  QString directionPrompt;
  double targetDuration = 10.0;  // seconds
  QString modelKey;              // key in the model registry; empty = project default
  QString musicPrompt;
  QString musicMood;
  int musicTempo = 0;  // BPM; 0 = unspecified
  std::optional<Id> referenceAssetId;
  std::optional<Id> narrationAssetId;
  std::optional<Id> musicAssetId;
};

struct DialogueLine {
  Id id = 0;
  Id sceneId = 0;
  int position = 0;
  Id characterId = 0;
  QString text;
  std::optional<Id> assetId;  // generated speech
  // The render syncs the lips of the picture under this line to its audio (off by default: it
  // only makes sense when the speaker's face is on screen).
  bool lipSync = false;
};

struct SfxCue {
  Id id = 0;
  Id sceneId = 0;
  double time = 0.0;  // seconds from the scene start
  QString description;
  QString file;  // a user-supplied file instead of a generated one
  double gainDb = 0.0;
  std::optional<Id> assetId;
};

// One slot of a scene's video. prompt, direction and modelKey are explicit overrides: empty, the
// chunk follows its scene's visual prompt, direction prompt and model. `status` records what the
// last job did (generating, failed); whether the chunk is ready, out of date or stale is derived
// from recipes by render::sceneState(), never stored.
struct Chunk {
  Id id = 0;
  Id sceneId = 0;
  int position = 0;
  QString prompt;     // override of the scene's visual prompt ("" = follow the scene)
  QString direction;  // override of the scene's direction prompt ("" = follow the scene)
  qint64 seed = 0;
  QString modelKey;  // override of the scene's model ("" = follow the scene)
  ChunkStatus status = ChunkStatus::Pending;
  std::optional<Id> assetId;                   // the active take's asset
  double trimIn = 0.0;                         // seconds cut from the head
  double trimOut = 0.0;                        // seconds cut from the tail
  QString transition = QStringLiteral("cut");  // into the next chunk: cut | crossfade
  double transitionDuration = 0.0;
  double cost = 0.0;  // USD spent on the active take
  QString error;
  // "Keep as is": while this is the active take's asset, the take is rendered as it is even when
  // its recipe or start frame changed since (ProjectStore::setActiveTake ends it).
  std::optional<Id> keptAssetId;
  bool keptAsIs() const { return keptAssetId && assetId && *keptAssetId == *assetId; }
};

// One generated version of a chunk; regenerating adds a take, the chunk points at the active one.
// prompt, direction and modelKey are the chunk's overrides when the take was made (selecting the
// take restores them); the asset's parameters hold the full recipe it was made from.
struct Take {
  Id id = 0;
  Id chunkId = 0;
  Id assetId = 0;
  QString prompt;
  qint64 seed = 0;
  QString modelKey;
  double cost = 0.0;
  QDateTime created;
  QString direction;
};

struct Asset {
  Id id = 0;
  QString kind;      // video | image | speech | music | sfx | render
  QString cacheKey;  // SHA-256 of the canonical request (unique)
  QString filePath;
  QString mime;
  double duration = 0.0;
  int width = 0;
  int height = 0;
  QString provider;
  QString model;
  QJsonObject parameters;
  double cost = 0.0;
  QDateTime created;
};

struct RenderJob {
  Id id = 0;
  std::optional<Id> sceneId;
  QJsonObject spec;
  JobStatus status = JobStatus::Queued;
  QString stage;
  double progress = 0.0;  // 0..100
  QString errorMessage;
  QString outputPath;
  QDateTime created;
  QDateTime started;
  QDateTime finished;
  double cost = 0.0;
};

struct JobEvent {
  Id id = 0;
  Id jobId = 0;
  QDateTime time;
  QString level;  // info | warning | error
  QString kind;   // e.g. asset.generated, stage, request
  QString message;
  QJsonObject data;
};

// The lease that makes one job at a time the scene's only live job (table scene_leases).
struct SceneLease {
  Id sceneId = 0;
  Id jobId = 0;
  qint64 pid = 0;
  QString host;
  QDateTime started;
  QDateTime heartbeat;
};

// What a video model really delivered for one chunk (table model_observations): the measured
// duration, frame rate and size of the file, whatever the registry or the request said.
struct ModelObservation {
  Id id = 0;
  QString modelKey;           // registry key ("hailuo")
  std::optional<Id> assetId;  // the chunk's asset (null once the asset row is gone)
  double duration = 0.0;      // seconds (video stream)
  double fps = 0.0;           // nominal frame rate, 0 = unknown
  int width = 0;
  int height = 0;
  QDateTime recorded;
};

}  // namespace sw::model
