// ProjectStore: the one way into a project's SQLite file. The CLI, the GUI and the render job
// all use it; there is no SQL outside src/model.
//
// Threading: a ProjectStore is one SQLite connection and must be used from one thread only.
// Other threads (render jobs, thumbnail workers) open their own ProjectStore on the same folder;
// WAL mode lets readers run while a writer commits. Every multi-row change is one transaction.
// Errors are thrown as StoreError with a message that names the file and what to do.
#pragma once

#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

#include "model/sqlite_db.h"
#include "model/types.h"

namespace sw::model {

class ProjectStore {
 public:
  static constexpr const char* kDatabaseName = "project.db";
  static constexpr const char* kSuffix = ".scenewright";

  // Creates a new project folder (created if missing; must not already hold a project).
  static std::unique_ptr<ProjectStore> create(const QString& folder, const QString& name);
  // How much open() checks: Full runs SQLite's quick_check (reads every page; what a user's
  // open needs). Known: the process already opened this project fully, and opens another
  // connection to it (render job threads): identity and version are still checked.
  enum class Check { Full, Known };
  // Opens an existing project. `folder` may also be the path of its project.db.
  // A file that is not ours, is newer than this build, or is damaged is rejected before
  // anything is written to it. A Full open also sweeps what killed writers left half-written
  // in and next to the folder (sweepProjectTemps(), project_files.h).
  static std::unique_ptr<ProjectStore> open(const QString& folder, Check check = Check::Full);
  // Checks a project without opening it for writing; throws StoreError like open().
  static void validate(const QString& folder, Check check = Check::Full);

  ~ProjectStore();
  ProjectStore(const ProjectStore&) = delete;
  ProjectStore& operator=(const ProjectStore&) = delete;

  QString folder() const { return folder_; }
  QString databasePath() const;
  QString exportsFolder() const;  // <folder>/exports, created on demand
  int schemaVersion();
  QString integrityCheck();  // "ok" when healthy

  // Runs `work` inside one IMMEDIATE transaction (nested calls join the outer one).
  void transaction(const std::function<void()>& work);

  // Project
  Project project();
  void setProjectName(const QString& name);
  void setProjectSettings(const QJsonObject& settings);

  // Characters
  QList<Character> characters();
  std::optional<Character> character(Id id);
  std::optional<Character> characterByName(const QString& name);
  Id addCharacter(const Character& character);
  void updateCharacter(const Character& character);
  void removeCharacter(Id id);  // refused while dialogue lines use the character

  // Scenes (positions are kept dense: 0..n-1)
  QList<Scene> scenes();
  std::optional<Scene> scene(Id id);
  std::optional<Scene> sceneAt(int position);
  Id addScene(const Scene& scene, int position = -1);  // -1 = append
  void updateScene(const Scene& scene);                // all fields except position
  // The film's transition from this scene into the next ("" = the film's default; otherwise
  // "cut", "crossfade:SECONDS" or "dip:SECONDS", checked by render/film_transition.h).
  QString sceneTransition(Id sceneId);
  void setSceneTransition(Id sceneId, const QString& transition);
  void moveScene(Id id, int newPosition);
  void removeScene(Id id);  // cascades to its lines, cues, chunks

  // Dialogue lines and SFX cues of a scene
  QList<DialogueLine> dialogueLines(Id sceneId);
  Id addDialogueLine(const DialogueLine& line, int position = -1);
  void updateDialogueLine(const DialogueLine& line);
  void removeDialogueLine(Id id);
  QList<SfxCue> sfxCues(Id sceneId);
  Id addSfxCue(const SfxCue& cue);
  void updateSfxCue(const SfxCue& cue);
  void removeSfxCue(Id id);

  // Chunks and takes
  QList<Chunk> chunks(Id sceneId);
  std::optional<Chunk> chunk(Id id);
  Id addChunk(const Chunk& chunk);
  void updateChunk(const Chunk& chunk);
  void setChunkStatus(Id id, ChunkStatus status, const QString& error = {});
  void removeChunk(Id id);
  // Replaces a scene's chunk list in one transaction (new plan); returns the new ids.
  QList<Id> replaceChunks(Id sceneId, const QList<Chunk>& chunks);
  QList<Take> takes(Id chunkId);
  // Records a new take and makes it the chunk's active one (status ready).
  Id addTake(const Take& take);
  void setActiveTake(Id chunkId, Id takeId);

  // Assets
  Id addAsset(const Asset& asset);  // returns the existing id when the cache key is known
  std::optional<Asset> asset(Id id);
  std::optional<Asset> assetByCacheKey(const QString& cacheKey);
  QList<Asset> assets();
  QList<Asset> assets(const QString& kind);  // of one kind (music, speech, sfx...), by id
  // Points an asset row at its file's current place (the cache folder was moved).
  void setAssetFilePath(Id id, const QString& filePath);
  void setAssetParameters(Id id, const QJsonObject& parameters);

  // What video models delivered (table model_observations). Recording the same (model, asset)
  // again changes nothing; the list is newest first, at most `limit` rows.
  void addModelObservation(const ModelObservation& observation);
  QList<ModelObservation> modelObservations(const QString& modelKey, int limit = 100);

  // Render jobs and their event log
  Id createJob(const RenderJob& job);
  std::optional<RenderJob> job(Id id);
  QList<RenderJob> jobs();
  void updateJobProgress(Id id, const QString& stage, double progress);
  void setJobStatus(Id id, JobStatus status, const QString& errorMessage = {});
  void setJobOutput(Id id, const QString& outputPath, double cost);
  Id addJobEvent(const JobEvent& event);
  QList<JobEvent> jobEvents(Id jobId);

  // Scene leases: one live job per scene. A holder refreshes its heartbeat every
  // kLeaseHeartbeatSeconds; a lease is reclaimable when its holder is gone (same host and the
  // process no longer exists) or its heartbeat is older than kLeaseStaleSeconds.
  static constexpr int kLeaseHeartbeatSeconds = 5;
  static constexpr int kLeaseStaleSeconds = 60;
  struct LeaseResult {
    bool taken = false;
    std::optional<SceneLease> holder;     // the live holder when not taken
    std::optional<SceneLease> reclaimed;  // a dead holder's lease that was replaced
  };
  // Takes the scene's lease for `jobId` run by this process, in one IMMEDIATE transaction.
  // The job that already holds it from this process takes it again.
  LeaseResult acquireSceneLease(Id sceneId, Id jobId);
  void heartbeatSceneLease(Id sceneId, Id jobId);  // no-op unless (scene, job) holds it
  void releaseSceneLease(Id sceneId, Id jobId);    // no-op unless (scene, job) holds it
  std::optional<SceneLease> sceneLease(Id sceneId);
  std::optional<SceneLease> leaseOfJob(Id jobId);
  // True when the lease's holder is alive: see acquireSceneLease().
  static bool leaseHolderAlive(const SceneLease& lease);
  static QString thisHost();
  // "job 4 (pid 1234 on host studio, started 2026-12-01 10:42:28 UTC)"
  static QString describeLease(const SceneLease& lease);

  Database& database() { return *db_; }
  // Grows with every change (on any connection) to what a scene's state is made of: the project,
  // scenes, lines, cues, characters, chunks, takes, assets, model observations; not render jobs,
  // job events or scene leases (schema v7 triggers).
  qint64 contentStamp();

 private:
  ProjectStore(const QString& folder, std::unique_ptr<Database> db);
  void touch();
  void renumberScenes();

  QString folder_;
  std::unique_ptr<Database> db_;
};

}  // namespace sw::model
