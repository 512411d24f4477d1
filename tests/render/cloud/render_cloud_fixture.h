// Render jobs end to end against the loopback fake cloud (tests/fakecloud): a tiny project
// (320x180, 12 fps, 1 s chunks) whose video, reference image and music go to the fake Replicate
// and whose speech goes to the fake OpenAI-compatible TTS. The fake serves real media made by
// the test (tests/support). Keys come from the environment, as on a headless machine.
#pragma once

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QThread>
#include <memory>

#include "fakecloud/fake_cloud_server.h"
#include "model/project_store.h"
#include "providers/backend_factory.h"
#include "providers/model_registry.h"
#include "render/render_queue.h"

namespace sw::rendercloud {

constexpr double kScale = 0.02;  // one virtual second of the fake and the clients = 20 real ms
constexpr int kFps = 12;
inline const QString kHailuo = QStringLiteral("minimax/hailuo-2.3-fast");
inline const QString kFlux = QStringLiteral("black-forest-labs/flux-schnell");

// Media the fake serves, made once per test run.
struct MediaFixtures {
  QTemporaryDir dir;
  QByteArray mp4, wav, png;
};
const MediaFixtures& fixtures();

class RenderCloudTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A registry entry like hailuo's (first_frame_image, 6/10 s, 768p) with 1 s chunks at 320x180.
  static QJsonObject tinyCloudModel(const QString& modelId, double costPerCall);
  // Writes <config>/Scenewright/Scenewright/models.json (also read by the CLI) and loads it.
  void writeModels(const QJsonObject& models);
  // A project with the sample "Harbour" scene (tests/support; narration, two dialogue lines,
  // music, no sound effect), `seconds` long.
  void createProject(const QString& folder, double seconds, const QString& modelKey);

  QString projectFolder() const { return tmp.filePath(QStringLiteral("Cloud.scenewright")); }
  QString cacheFolder() const { return tmp.filePath(QStringLiteral("cache")); }
  QString configFolder() const { return tmp.filePath(QStringLiteral("config")); }
  QString outputPath() const { return tmp.filePath(QStringLiteral("out/scene.mp4")); }
  std::unique_ptr<model::ProjectStore> openStore() const {
    return model::ProjectStore::open(projectFolder());
  }

  // Backend options pointing every cloud service at the fake, with the scaled clock.
  QJsonObject backendOptions() const;
  providers::BackendSettings cloudSettings() const;
  std::unique_ptr<render::RenderQueue> makeQueue(const QString& folder = {}) const;
  render::RenderRequest request(
      const QString& folder = {}) const;  // the scene, preview, every track but SFX, its duration
  model::Id renderAndWait(const render::RenderRequest& request, const QString& folder = {});

  // Environment for a scenewright-cli child process: the isolated one, with this test's cache and
  // config folders, pointed at the fake.
  QProcessEnvironment cliEnvironment() const;

  // Requests of the log, filtered.
  QList<fakecloud::LoggedRequest> creates(
      const QString& modelName) const;  // POST .../models/<name>/predictions
  int eventsOfKind(model::Id jobId, const QString& kind) const;
  QList<model::JobEvent> events(model::Id jobId, const QString& kind) const;

  QTemporaryDir tmp;
  std::unique_ptr<fakecloud::FakeCloudServer> server;
  std::shared_ptr<const providers::ModelRegistry> registry;
  model::Id sceneId = 0;
};

// The base64 payload of a data URI input ("data:image/png;base64,...").
QByteArray dataUriBytes(const QString& uri);

// Runs the event loop until pred() holds (or a generous safety limit passes: never a timing check).
template <class Pred>
bool spinUntil(Pred pred) {
  QElapsedTimer t;
  t.start();
  while (!pred() && t.elapsed() < 60000) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    QThread::msleep(5);
  }
  return pred();
}

}  // namespace sw::rendercloud
