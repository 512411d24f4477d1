// What a user asks a job for: Render Scene (dialog, CLI `render`, batch), a re-stitch from the
// cache, or the regeneration of one part of a scene. Serialised as the job's spec in the store,
// so any job can be resumed after a restart.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

#include "model/types.h"

namespace sw::render {

// The kinds of job the one RenderQueue runs; each has the same rows, events, states, leases and
// recovery, and `resume` continues any of them.
enum class JobKind {
  Render,      // generate what is missing, then stitch and export
  Restitch,    // export from the cache only (offline): nothing is generated
  Regenerate,  // a new take of one part (RegenerateTarget); nothing is exported
};
QString toString(JobKind kind);  // render, restitch, regenerate

// What a regenerate job makes anew. The old takes and assets are kept.
struct RegenerateTarget {
  enum class Slot {
    Chunk,           // one chunk: a new take; the ready chunks after it become stale
    StaleChain,      // the scene's stale chunks in order, each from the new frame before it
    ReferenceImage,  // the scene's reference image: a new image asset; chunks from it go stale
    Narration,       // the scene's narration: a new take of the speech
    Dialogue,        // one dialogue line (rowId): a new take of its speech
    Music,           // the scene's music: a new seed
    Sfx,             // one generated sound effect (rowId): a new seed
  };
  Slot slot = Slot::Chunk;
  model::Id chunkId = 0;  // Chunk
  model::Id rowId = 0;    // Dialogue: the line; Sfx: the cue
  // Overrides of the slot's inputs. The job writes each into the field the slot's recipe is
  // read from before it generates (the scene state then matches the new take; the old take or
  // asset keeps the recipe it was made from):
  //   prompt: Chunk (the chunk's prompt), ReferenceImage (the scene's visual prompt), Music (the
  //           scene's music prompt), Sfx (the cue's description);
  //   text:   Narration (the scene's narration), Dialogue (the line's text);
  //   voice:  Narration (the project's narrator voice), Dialogue (the line's character's voice);
  //   mood, tempo: Music (the scene's music mood and tempo); length: see below.
  std::optional<QString> prompt;
  std::optional<QString> text;
  std::optional<QString> voice;
  std::optional<QString> mood;
  std::optional<int> tempo;
  // Music: how many seconds to make (default: the scene's length and a second more). Not part
  // of the recipe: a take of another length is still the scene's music; the render cuts a
  // longer one to the video and a shorter one ends early.
  std::optional<double> length;
  // Chunk: the new take's seed; ReferenceImage, Music, Sfx: the asset's seed; Narration,
  // Dialogue: the speech's take number. Fixed when the job is queued
  // (RenderQueue::enqueue picks a new one when empty), so a resumed job asks for the same.
  std::optional<qint64> seed;
  // Chunk, ReferenceImage: how many takes to make at once ("lottery"), with seeds seed,
  // seed + 1, ...; more than one: made in parallel (under the backend's limit, cached_generation.h)
  // and kept as takes, the active take or image stays as it was.
  int takes = 1;
};
// chunk, stale, reference-image, narration, dialogue, music, sfx
QString toString(RegenerateTarget::Slot slot);
std::optional<RegenerateTarget::Slot> regenerateSlotFromString(const QString& text);

struct RenderRequest {
  JobKind kind = JobKind::Render;
  QList<model::Id> sceneIds;  // one job per scene; several = a batch (a regenerate: its scene)
  bool narration = true;
  bool dialogue = true;
  bool music = true;
  bool sfx = true;
  QString resolution = QStringLiteral("720p");  // 480p | 720p | 1080p | 2160p
  QString aspect = QStringLiteral("16:9");      // 16:9 | 9:16 | 1:1
  bool preview = false;             // fast low-res (overrides resolution to 480p, fast preset)
  QString outputPath;               // empty: <project>/exports/<scene title>.mp4
  std::optional<double> budgetUsd;  // stop before exceeding; empty: the project's "budgetUsd"
  QString batchId;   // the jobs of one enqueue() share it, and one budget (spend_ledger.h)
  QString backend;   // empty: settings; "local" or a cloud id
  QString modelKey;  // this render only (the scene keeps its model); empty: chunk override,
                     // scene's model, else project default
  // Render these as they are although their state says regenerate (never silently: the
  // estimate names them). keepStale: every stale chunk; keepChunks: the named chunk ids.
  bool keepStale = false;
  QList<model::Id> keepChunks;
  // Re-stitch from the cache only: a missing asset fails the job, no request goes out. True
  // exactly when kind is Restitch (RenderQueue::enqueue keeps the two in step).
  bool offline = false;
  // Speech longer than the scene's target: false lengthens the scene to fit it, true keeps the
  // target and warns naming each line that is cut (speech_timing.h).
  bool keepDuration = false;
  RegenerateTarget regenerate;  // kind Regenerate only
  // Render or Restitch: instead of stitching, write a portable job bundle to this folder (the
  // plan with every path relative to it, and the assets it needs; render/job_bundle.h). What is
  // missing is generated first, here, where the keys are.
  QString bundlePath;

  QJsonObject toJson() const;
  static RenderRequest fromJson(const QJsonObject& json);
};

}  // namespace sw::render
