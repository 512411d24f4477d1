// Regenerating one chunk: a new take (the old ones are kept), then the chunks that continued
// from it become 'stale' so the user can regenerate or keep them.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

#include "model/types.h"
#include "providers/asset_cache.h"
#include "providers/backend_factory.h"

namespace sw::render {

struct RegenerateRequest {
  model::Id chunkId = 0;
  std::optional<QString> prompt;  // override the chunk's prompt
  std::optional<qint64> seed;     // default: a new seed (old seed + 1)
  QString modelKey;               // empty: the chunk's model
  // When another job holds the chunk's scene: wait (stay 'queued') until it is free, or
  // (false) fail at once with a message naming that job.
  bool waitForScene = false;
};

struct RegenerateResult {
  bool ok = false;
  model::Id takeId = 0;
  int staleMarked = 0;  // downstream chunks now stale
  double costUsd = 0;
  QString error;
};

// Blocks; call from a worker thread (the GUI uses QtConcurrent). Opens its own store connection.
RegenerateResult regenerateChunk(const QString& projectFolder, const RegenerateRequest& request,
                                 const providers::Backends& backends,
                                 std::shared_ptr<providers::AssetCache> cache,
                                 std::shared_ptr<std::atomic<bool>> cancel = nullptr,
                                 std::function<void(const QString&, double)> progress = {});

}  // namespace sw::render
