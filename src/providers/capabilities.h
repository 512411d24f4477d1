// Generation capabilities: one interface per kind of asset, implemented by the local backend
// (src/providers/local) and the cloud backends (src/providers/cloud).
//
// Contract for every generate()/parse() call:
//  - it BLOCKS and runs on a worker thread (never the GUI thread); the render job runs it with
//    QtConcurrent::run on its pool, and a ProviderError crosses the QFuture intact;
//  - implementations are reentrant: several calls may run at once on the same object;
//  - it polls ctx.isCancelled() often and then throws ProviderError(Kind::Cancelled), after
//    cancelling any remote work it started;
//  - it writes its output file inside ctx.outputDir and returns a GenerationResult;
//  - a remote service's in-flight id is passed to ctx.reportRemoteId() as soon as it is known, and
//    when ctx.resumeRemoteId is set the call polls that remote job instead of creating a new one;
//  - every failure is a ProviderError (never another exception type).
#pragma once

#include "providers/model_entry.h"
#include "providers/provider_error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace sw::providers {

enum class Capability { Script, Image, Video, Speech, Music, SoundEffect, LipSync };
QString toString(Capability capability);  // script, image, video, speech, music, sfx, lipsync

// ---------------------------------------------------------------- call context and result

// Copyable: copies share the same cancel flag, so the caller keeps a copy to cancel with.
struct GenerationContext {
  std::shared_ptr<std::atomic<bool>> cancelFlag = std::make_shared<std::atomic<bool>>(false);
  // Set together with the cancel flag to PAUSE: the call stops waiting but leaves remote work
  // running (not cancelled), so a resumed job polls it by its stored id instead of paying again.
  std::shared_ptr<std::atomic<bool>> detachFlag = std::make_shared<std::atomic<bool>>(false);
  std::function<void(double percent, const QString& message)> progress;  // may be empty
  std::function<void(const QString& remoteId)> remoteId;  // store an in-flight prediction id
  // Called just before a paid remote job is created (a crash after this may leave one behind).
  std::function<void()> remoteCreating;
  // Called once the remote job has succeeded: its result is paid for, whatever the download does.
  std::function<void(const QString& remoteId)> remoteSucceeded;
  QString outputDir;       // where the result file goes (created if missing)
  QString resumeRemoteId;  // non-empty: resume (poll) this remote job instead of creating one
  // Valid: an earlier run may have created the remote job without learning its id; look for one
  // created after this time with the same input (the service's list) before creating a new one.
  QDateTime reconcileAfter;

  bool isCancelled() const { return cancelFlag && cancelFlag->load(); }
  bool isDetached() const { return detachFlag && detachFlag->load(); }
  void cancel() const {
    if (cancelFlag) cancelFlag->store(true);
  }
  // Throws ProviderError(Cancelled, "<what> was cancelled") when the flag is set.
  void throwIfCancelled(const QString& what) const;
  void reportProgress(double percent, const QString& message) const {
    if (progress) progress(percent, message);
  }
  void reportRemoteId(const QString& id) const {
    if (remoteId) remoteId(id);
  }
  void reportRemoteCreating() const {
    if (remoteCreating) remoteCreating();
  }
  void reportRemoteSucceeded(const QString& id) const {
    if (remoteSucceeded) remoteSucceeded(id);
  }
};

struct GenerationResult {
  QString filePath;       // absolute path of the produced file
  QString mime;           // video/mp4, image/png, audio/wav, audio/mpeg...
  double duration = 0.0;  // seconds (0 for images)
  int width = 0;
  int height = 0;
  double costUsd = 0.0;  // what this call cost (0 for local)
  double seconds = 0.0;  // wall time of the call
  QString provider;      // backend id: local, replicate, elevenlabs, openai, ollama
  QString model;         // model key or service model id
  QString remoteId;      // remote prediction id, if any
  QStringList notes;     // e.g. "fell back to text-to-video"
};

// ---------------------------------------------------------------- requests

struct ScriptRequest {
  QString text;
  QString format;  // "fountain" or "prose" (prose needs a language-model backend)
};

struct ParsedDialogue {
  QString character;  // upper-case name as written
  QString text;
  bool narration = false;  // NARRATOR or NAME (V.O.)
};

struct ParsedSfx {
  QString description;
  double time = 0.0;  // seconds from the scene start
};

struct ParsedScene {
  QString heading;                 // "INT. LIGHTHOUSE - NIGHT"
  QString sourceText;              // the scene's lines as written (heading included)
  QString visualPrompt;            // the action paragraphs
  QString direction;               // [[CAMERA: ...]] notes
  QList<ParsedDialogue> lines;     // in order; narration lines included with narration = true
  std::optional<double> duration;  // [[DURATION: 12s]]
  QString musicPrompt;             // [[MUSIC: ...]]
  QString musicMood;
  int musicTempo = 0;  // BPM, 0 = unspecified
  QList<ParsedSfx> sfx;
  QString narration() const;  // the narration lines joined by blank lines
};

struct ParsedScript {
  QString title;
  QStringList characters;  // speaking characters (not the narrator), first appearance order
  QList<ParsedScene> scenes;
  QStringList warnings;  // things skipped, with line numbers
};

struct ImageRequest {
  QString prompt;
  QString style;  // e.g. the direction prompt
  qint64 seed = 0;
  int width = 1280;
  int height = 720;
  QString model;  // backend model id; empty = backend default
  QJsonObject canonical() const;
};

struct VideoRequest {
  QString prompt;
  QString direction;  // camera, action, shot; joined to the prompt
  qint64 seed = 0;
  ModelEntry model;
  QString startImage;           // local image path; empty = text-to-video
  QStringList referenceImages;  // extra references (models with max_reference_images > 0)
  double duration = 0.0;        // seconds; 0 = the model's actual chunk duration
  int fps = 0;                  // 0 = the model's fps
  int width = 0;                // 0 = the model's size
  int height = 0;
  QString fullPrompt() const;  // prompt + ". " + direction
  QJsonObject canonical() const;
  QStringList inputFiles() const;  // start image + references
};

struct SpeechRequest {
  QString text;
  QString character;          // who speaks ("NARRATOR" for narration)
  QString voice;              // backend voice id, e.g. "en-us+m3" (espeak) or a service voice id
  QJsonObject voiceSettings;  // rate (words/min), pitch (0-99), speed, stability...
  QString model;              // service model id; empty = backend default
  // Which take of this line: 0 for the first; a regeneration asks for the next one (a cache key
  // of its own; backends do not read it).
  int take = 0;
  QJsonObject canonical() const;
};

struct MusicRequest {
  QString prompt;
  QString mood;            // happy, sad, tense, calm, epic, dark...
  int tempo = 0;           // BPM; 0 = backend default
  double duration = 10.0;  // seconds
  qint64 seed = 0;
  QString model;
  QJsonObject canonical() const;
};

struct SoundEffectRequest {
  QString description;    // "thunder", "door slam", "whoosh"...
  double duration = 0.0;  // 0 = natural length
  qint64 seed = 0;
  QString model;
  QJsonObject canonical() const;
};

struct LipSyncRequest {
  QString video;  // local video path
  QString audio;  // local audio path
  QString model;
  QJsonObject canonical() const;
  QStringList inputFiles() const;
};

// ---------------------------------------------------------------- interfaces

class Backend {
 public:
  virtual ~Backend() = default;
  virtual QString backendId() const = 0;  // "local", "replicate"...
  // What shapes the output besides the request, e.g. the local music's synthesiser and
  // soundfont, the ComfyUI backend's workflow hash.
  // Part of every cache key (cacheRequestFor, asset_cache.h); empty = nothing beyond the request.
  virtual QString engineIdentity() const { return {}; }
};

class ScriptParser : public virtual Backend {
 public:
  virtual ParsedScript parse(const ScriptRequest& request, const GenerationContext& ctx) = 0;
};

class ImageGenerator : public virtual Backend {
 public:
  virtual GenerationResult generate(const ImageRequest& request, const GenerationContext& ctx) = 0;
  virtual double estimateCostUsd(const ImageRequest& request) const = 0;
};

class VideoGenerator : public virtual Backend {
 public:
  virtual GenerationResult generate(const VideoRequest& request, const GenerationContext& ctx) = 0;
  virtual double estimateCostUsd(const VideoRequest& request) const = 0;
};

class SpeechGenerator : public virtual Backend {
 public:
  virtual GenerationResult generate(const SpeechRequest& request, const GenerationContext& ctx) = 0;
  virtual double estimateCostUsd(const SpeechRequest& request) const = 0;
  // A voice for the n-th character (0-based) so characters sound different by default.
  virtual QString defaultVoice(int characterIndex) const = 0;
};

class MusicGenerator : public virtual Backend {
 public:
  virtual GenerationResult generate(const MusicRequest& request, const GenerationContext& ctx) = 0;
  virtual double estimateCostUsd(const MusicRequest& request) const = 0;
};

class SoundEffectGenerator : public virtual Backend {
 public:
  virtual GenerationResult generate(const SoundEffectRequest& request,
                                    const GenerationContext& ctx) = 0;
  virtual double estimateCostUsd(const SoundEffectRequest& request) const = 0;
};

class LipSync : public virtual Backend {
 public:
  virtual GenerationResult generate(const LipSyncRequest& request,
                                    const GenerationContext& ctx) = 0;
  virtual double estimateCostUsd(const LipSyncRequest& request) const = 0;
};

}  // namespace sw::providers
