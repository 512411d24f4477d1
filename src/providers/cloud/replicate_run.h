// One Replicate prediction from start to a verified local file: create (or resume a stored
// id), report the id, poll (1 s for the first 10 s, then 3 s) with tqdm progress, cancel the
// remote job when the user cancels or the deadline passes, surface failed/canceled/aborted
// with the service's text, and download the output at once (outputs expire after ~1 h).
#pragma once

#include "providers/capabilities.h"
#include "providers/cloud/replicate_client.h"

#include <functional>

namespace sw::providers::cloud {

struct PredictionJob {
  ReplicateModel model;
  std::function<QJsonObject()> input;  // built only when a prediction is created (uploads files)
  int waitSeconds = 0;                 // Prefer: wait=n for quick models
  qint64 deadlineMs = 20 * 60 * 1000;  // virtual ms for the whole prediction
  QString deadlineOrigin;              // where the deadline comes from, for the timeout message
  QString what;                        // "video chunk", "reference image" ... for messages
  QString fileStem;                    // output file name without extension; empty = prediction id
};

struct PredictionOutput {
  Prediction prediction;
  DownloadedFile file;
};

// Throws ProviderError (HttpError is translated).
PredictionOutput runPrediction(ReplicateClient& client, const PredictionJob& job,
                               const GenerationContext& ctx);

// Polling interval after `elapsedMs` of waiting: 1 s during the first 10 s, then 3 s.
qint64 pollIntervalMs(qint64 elapsedMs);

}  // namespace sw::providers::cloud
