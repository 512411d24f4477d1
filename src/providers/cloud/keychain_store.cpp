// makeKeychainStore(): QtKeychain when the build links it (SW_WITH_QTKEYCHAIN), else a store
// that always answers "not available" so keys come from the environment.
//
// With QtKeychain, each call posts its job to the keychain thread (keychain_thread.h), which
// makes and starts it and answers from its finished signal; the caller, on any thread, waits
// for that answer for at most kKeychainTimeoutMs. No local event loop anywhere. A job that
// answers after its caller gave up finishes on the keychain thread and its answer is dropped.
#include "providers/cloud/service_config.h"

#ifdef SW_WITH_QTKEYCHAIN
#include <qt6keychain/keychain.h>

#include <chrono>
#include <future>
#include <memory>

#include "providers/cloud/keychain_thread.h"
#endif

namespace sw::providers::cloud {

namespace {

#ifdef SW_WITH_QTKEYCHAIN

constexpr std::chrono::milliseconds kKeychainTimeoutMs{5000};
const QString kService = QStringLiteral("Scenewright");

struct Answer {
  QString value;  // a read's text
  QString error;  // empty = the keychain answered
  bool notFound = false;
};

Answer answerOf(QKeychain::Job& job) {
  switch (job.error()) {
    case QKeychain::NoError:
      if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(&job))
        return {read->textData(), {}, false};
      return {};
    case QKeychain::EntryNotFound:
      return {{}, {}, true};
    default:
      return {{}, job.errorString(), false};
  }
}

// Runs the job that `makeJob(owner)` makes (parented to `owner`) on the keychain thread and
// waits, on this thread, for its answer. QtKeychain deletes the job after `finished`.
template <class MakeJob>
Answer runJob(MakeJob makeJob) {
  // The promise lives in the posted task, then in the job's connection: if the thread stops
  // before the job answers, both are destroyed and the wait ends with a broken promise.
  auto promise = std::make_shared<std::promise<Answer>>();
  std::future<Answer> answer = promise->get_future();
  const bool posted = postToKeychainThread([promise, makeJob](QObject* owner) {
    QKeychain::Job* job = makeJob(owner);
    QObject::connect(job, &QKeychain::Job::finished, job, [promise](QKeychain::Job* done) {
      try {
        promise->set_value(answerOf(*done));
      } catch (const std::future_error&) {
        // Already answered: QtKeychain emits `finished` once, but never let a slot throw.
      }
    });
    job->start();
  });
  promise.reset();
  const QString closed = QStringLiteral("the keychain is closed (the application is exiting)");
  if (!posted) return {{}, closed, false};
  if (answer.wait_for(kKeychainTimeoutMs) != std::future_status::ready)
    return {{}, QStringLiteral("no answer from the keychain service"), false};
  try {
    return answer.get();
  } catch (const std::future_error&) {
    return {{}, closed, false};
  }
}

class KeychainStore final : public SecretStore {
 public:
  Result read(const QString& account) override {
    const Answer a = runJob([account](QObject* owner) {
      auto* job = new QKeychain::ReadPasswordJob(kService, owner);
      job->setKey(account);
      return job;
    });
    return {a.value, a.error};  // no entry: no value and no error
  }
  QString write(const QString& account, const QString& secret) override {
    const Answer a = runJob([account, secret](QObject* owner) {
      auto* job = new QKeychain::WritePasswordJob(kService, owner);
      job->setKey(account);
      job->setTextData(secret);
      return job;
    });
    return a.notFound ? QStringLiteral("entry not found") : a.error;
  }
  QString remove(const QString& account) override {
    return runJob([account](QObject* owner) {
             auto* job = new QKeychain::DeletePasswordJob(kService, owner);
             job->setKey(account);
             return job;
           })
        .error;  // no entry: nothing to remove
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
