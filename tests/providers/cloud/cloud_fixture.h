// Shared fixture: a fresh fake server per test, real media fixtures (MP4, WAV, PNG made with
// FFmpeg/Qt once per run), backends pointed at the fake with a scaled clock.
#pragma once

#include "fakecloud/fake_cloud_server.h"
#include "providers/capabilities.h"
#include "providers/cloud/cloud_setup.h"
#include "providers/model_registry.h"

#include <gtest/gtest.h>
#include <QTemporaryDir>
#include <memory>

namespace sw::cloudtest {

constexpr double kScale = 0.02;  // one virtual second = 20 ms

struct Fixtures {
  QTemporaryDir dir;
  QString mp4, wav, png, bigPng;
  QByteArray mp4Bytes, wavBytes, pngBytes;
};
const Fixtures& fixtures();

class CloudTest : public ::testing::Test {
 protected:
  void SetUp() override;

  // Options for a backend pointed at `server` (default: the test's server).
  QJsonObject options(const sw::fakecloud::FakeCloudServer* server = nullptr) const;
  providers::cloud::CloudSetup setup(providers::cloud::Service service,
                                     QJsonObject extra = {}) const;
  providers::GenerationContext context() const;
  const providers::ModelEntry& model(const QString& key) const;
  // How many files the output folder holds.
  int outputFiles() const;

  std::unique_ptr<sw::fakecloud::FakeCloudServer> server;
  QTemporaryDir out;
  std::shared_ptr<providers::ModelRegistry> registry;
};

// Runs fn and returns the ProviderError it throws (fails the test when it throws nothing).
template <class Fn>
providers::ProviderError expectProviderError(Fn&& fn) {
  try {
    fn();
  } catch (const providers::ProviderError& e) {
    return e;
  }
  ADD_FAILURE() << "no ProviderError was thrown";
  return providers::ProviderError(providers::ProviderError::Kind::Failed, "none");
}

}  // namespace sw::cloudtest
