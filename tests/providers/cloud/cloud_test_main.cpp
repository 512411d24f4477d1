// GoogleTest main for the cloud tests: isolated user folders (tests/support/user_folders.h), a
// QCoreApplication (the HTTP client runs local event loops) and the fake server's keys in the
// environment, as a user would set them.
#include "fakecloud/fake_cloud_server.h"

#include <gtest/gtest.h>
#include <QCoreApplication>

#include "support/user_folders.h"

int main(int argc, char** argv) {
  sw::testsupport::isolateUserFolders();
  const sw::fakecloud::FakeTokens tokens;
  qputenv("REPLICATE_API_TOKEN", tokens.replicate);
  qputenv("ELEVENLABS_API_KEY", tokens.elevenlabs);
  qputenv("OPENAI_API_KEY", tokens.openai);
  qputenv("SYNC_API_KEY", tokens.sync);
  qunsetenv("SYNC_BASE_URL");
  qunsetenv("REPLICATE_BASE_URL");
  qunsetenv("OLLAMA_HOST");
  QCoreApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
