// makeKeychainStore(): QtKeychain when the build links it (SW_WITH_QTKEYCHAIN), else a store
// that always answers "not available" so keys come from the environment.
#include "providers/cloud/service_config.h"

#ifdef SW_WITH_QTKEYCHAIN
#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>
#endif

namespace sw::providers::cloud {

namespace {

#ifdef SW_WITH_QTKEYCHAIN

constexpr int kKeychainTimeoutMs = 5000;
const QString kService = QStringLiteral("Scenewright");

// Runs a QtKeychain job to completion on this thread; returns the error text or empty.
QString runJob(QKeychain::Job& job) {
  job.setAutoDelete(false);
  QEventLoop loop;
  bool finished = false;
  QObject::connect(&job, &QKeychain::Job::finished, &loop, [&finished, &loop] {
    finished = true;
    loop.quit();
  });
  QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
  job.start();
  if (!finished) loop.exec();
  if (!finished) return QStringLiteral("no answer from the keychain service");
  if (job.error() == QKeychain::NoError) return {};
  if (job.error() == QKeychain::EntryNotFound) return QStringLiteral("entry-not-found");
  return job.errorString();
}

class KeychainStore final : public SecretStore {
 public:
  Result read(const QString& account) override {
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(account);
    const QString error = runJob(job);
    if (error == QLatin1String("entry-not-found")) return {};
    return error.isEmpty() ? Result{job.textData(), {}} : Result{{}, error};
  }
  QString write(const QString& account, const QString& secret) override {
    QKeychain::WritePasswordJob job(kService);
    job.setKey(account);
    job.setTextData(secret);
    return runJob(job);
  }
  QString remove(const QString& account) override {
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(account);
    const QString error = runJob(job);
    return error == QLatin1String("entry-not-found") ? QString() : error;
  }
};

#else

class KeychainStore final : public SecretStore {
 public:
  Result read(const QString&) override { return {{}, unavailable()}; }
  QString write(const QString&, const QString&) override { return unavailable(); }
  QString remove(const QString&) override { return unavailable(); }

 private:
  static QString unavailable() { return QStringLiteral("this build has no keychain support"); }
};

#endif

}  // namespace

std::unique_ptr<SecretStore> makeKeychainStore() { return std::make_unique<KeychainStore>(); }

}  // namespace sw::providers::cloud
