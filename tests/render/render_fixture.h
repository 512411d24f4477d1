// A tiny project (the sample "Harbour" scene of tests/support; 320x180, 12 fps, 1 s chunks on the
// local backend) and a render queue bound to a private cache, so render tests are real end to end
// and still take seconds.
#pragma once

#include <gtest/gtest.h>

#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <memory>

#include "model/project_store.h"
#include "providers/model_registry.h"
#include "render/render_queue.h"

namespace sw::testing {

class RenderFixture : public ::testing::Test {
 protected:
  void SetUp() override;

  QString projectFolder() const { return tmp.filePath(QStringLiteral("Tiny.scenewright")); }
  // The cache the queue uses (tmp/cache unless a test moved it: set movedCache).
  QString cacheFolder() const {
    return movedCache.isEmpty() ? tmp.filePath(QStringLiteral("cache")) : movedCache;
  }
  QString configFolder() const { return tmp.filePath(QStringLiteral("config")); }
  // The scene without narration and dialogue: its length is its target (no speech to fit).
  void removeSpeech();
  std::unique_ptr<model::ProjectStore> openStore() const {
    return model::ProjectStore::open(projectFolder());
  }
  std::unique_ptr<render::RenderQueue> makeQueue() const;
  render::RenderRequest request() const;  // the tiny scene, preview, every track
  // Renders and waits; returns the job id.
  model::Id renderAndWait(const render::RenderRequest& request);
  int eventsOfKind(model::Id jobId, const QString& kind, const QString& assetKind = {});
  // Environment for a scenewright-cli child process: the isolated one, with this test's cache
  // and config folders.
  QProcessEnvironment cliEnvironment() const;

  QTemporaryDir tmp;
  QString movedCache;
  model::Id sceneId = 0;
  std::shared_ptr<const providers::ModelRegistry> registry;
  double chunkSeconds = 1.0;
  int fps = 12;
};

}  // namespace sw::testing
