// Scenario knobs of the fake cloud server (docs/cloud-protocols.md §7). A test sets them through
// FakeCloudServer::setScenario() or registers named ones that a request selects with the
// X-Fake-Scenario header (or POST /__fake/scenario {"name":...}).
#pragma once

#include <QByteArray>
#include <QString>

namespace sw::fakecloud {

enum class Outcome { Succeeded, Failed, Canceled, Aborted };

// seconds > 0: each succeeded video prediction delivers a clip made for it (generated_clip.h), of
// this real duration, frame rate and size whatever the request asked, whose first frame is the
// request's image. 0: every video prediction delivers the "mp4" fixture.
struct GeneratedClip {
  double seconds = 0;
  int fps = 24;
  int width = 320;
  int height = 180;
};

struct ReplicateScenario {
  int startingPolls = 1;    // GETs answered "starting" before "processing"
  int processingPolls = 2;  // GETs answered "processing" (tqdm logs grow) before terminal
  Outcome outcome = Outcome::Succeeded;
  QString failureText = QStringLiteral("CUDA out of memory. Tried to allocate 2.00 GiB");
  // Prefer: wait: the job needs this many virtual ms; a held request ends terminal when it fits.
  qint64 jobDurationMs = 500;
  bool outputWhileProcessing = false;  // wait variant: output set while status is processing
  int create429 = 0;                   // the first K creates answer 429
  int get429 = 0;                      // the first K prediction GETs answer 429
  bool retryAfterHeader = true;        // 429 carries Retry-After: <retryAfterSeconds>
  int retryAfterSeconds = 1;
  QByteArray retryAfterValue;  // non-empty: sent as Retry-After instead of retryAfterSeconds
  int get5xx = 0;              // the first K prediction GETs answer 500/502/503 (one HTML)
  int modelGet429 = 0;         // the first K model GETs (GET /v1/models/{owner}/{name}) 429
  int modelGetHangs = 0;       // the first K model GETs never get an answer
  enum class Create5xx { None, BeforeCreating, AfterCreating } create5xx = Create5xx::None;
  int create5xxCount = 0;          // > 0: only that many creates (after the 429s) answer the 5xx
  bool hangCreate = false;         // accept create and never answer
  bool hangAfterCreating = false;  // create the prediction, then never answer the create
  int hangGets = 0;                // the first K GETs never get an answer
  qint64 expireAfterMs = -1;       // virtual ms after completion when outputs are removed
  int truncatedDownloads = 0;      // the first K downloads send half the body and close
  int stalledDownloads = 0;        // the first K downloads send half the body and stall
  int garbageDownloads = 0;        // then K downloads send random bytes with the claimed type
  QString downloadKind;  // the download knobs count only output.<kind> (empty = every one)
  GeneratedClip clip;
};

struct SpeechScenario {
  int maxConcurrent = 0;       // ElevenLabs: > 0 answers 429 too_many_concurrent_requests above it
  int busy429 = 0;             // first K requests: 429 (ElevenLabs system_busy / OpenAI rate limit)
  qint64 slowMs = 0;           // virtual delay before the audio
  bool unprocessable = false;  // 422 (ElevenLabs) / 400 invalid_request_error (OpenAI)
  bool quotaExceeded = false;  // ElevenLabs: 401 quota_exceeded (no credits left)
};

struct OllamaScenario {
  enum class Content { Valid, InvalidJson, InvalidOnce, Truncated } content = Content::Valid;
  QByteArray cannedJson =
      R"({"scenes":[{"heading":"INT. LIGHTHOUSE - NIGHT","summary":"Mara climbs the stairs.","visual_prompt":"A woman climbs a spiral staircase in a lighthouse at night","duration_s":6,"narration":"","dialogue":[{"character":"MARA","text":"Almost there."}],"music":"low drones"}],"characters":[{"name":"MARA"}]})";
  bool modelMissing = false;    // 404 model "x" not found
  int busy503 = 0;              // first K chats: 503 server busy
  bool errorMidStream = false;  // NDJSON stream ends with {"error":...}
  qint64 loadDelayMs = 0;       // slow first answer (virtual ms)
};

// The fake Sync API (/v2/generate): a created generation answers PENDING, then PROCESSING, then
// its outcome. A COMPLETED one delivers the video it received, re-encoded with a white square
// (kMarker px) drawn in its top-left corner on every frame, at the received size and frame rate.
struct SyncScenario {
  int pendingPolls = 1;     // GETs answered PENDING
  int processingPolls = 1;  // then GETs answered PROCESSING
  enum class End { Completed, Failed, Rejected } end = End::Completed;
  QString failureText = QStringLiteral("No face was detected in the input video.");
  int create429 = 0;  // the first K creates answer 429 (retry_after in the body)
  static constexpr int kMarker = 24;
};

struct Scenario {
  ReplicateScenario replicate;
  SyncScenario sync;
  SpeechScenario elevenlabs;
  SpeechScenario openai;
  OllamaScenario ollama;
};

}  // namespace sw::fakecloud
