// Internal state of the fake server, shared by the handlers (server thread) and the test
// (FakeCloudServer's accessors). Everything here is guarded by `mutex`.
#pragma once

#include "fakecloud/fake_cloud_server.h"
#include "fakecloud/fake_http.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QMap>
#include <QMutex>
#include <QRandomGenerator>
#include <QUrlQuery>
#include <functional>
#include <memory>

class QObject;

namespace sw::fakecloud {

struct FakePrediction {
  QJsonObject object;  // what GET returns
  QString modelName;
  int polls = 0;
  qint64 completedAtMs = -1;
  Outcome outcome = Outcome::Succeeded;
  ReplicateScenario scenario;
};

struct FakeSyncGeneration {
  QJsonObject object;  // what GET /v2/generate/{id} returns
  SyncReceived received;
  int polls = 0;
  SyncScenario scenario;
};

// One request being answered; the responder may be kept for a delayed answer.
struct Exchange {
  QByteArray method;
  QString path;
  QUrlQuery query;
  QByteArray body;
  QList<QPair<QByteArray, QByteArray>> headers;
  Scenario scenario;
  std::shared_ptr<QHttpServerResponder> responder;

  QByteArray header(const QByteArray& name) const;
  void reply(const Reply& r) const { sendNow(*responder, r); }
};

class FakeState {
 public:
  explicit FakeState(double scale);

  mutable QMutex mutex;
  double scale;
  QElapsedTimer clock;
  QDateTime startedUtc;
  FakeTokens tokens;
  QUrl base;          // http://127.0.0.1:port
  QUrl deliveryBase;  // empty = base + /delivery
  Scenario scenario;
  QHash<QString, Scenario> named;
  QHash<QString, QByteArray> fixtures;
  QList<FakeModel> models;
  QList<LoggedRequest> log;
  QMap<QString, FakePrediction> predictions;
  QStringList order;
  QHash<QString, QJsonObject> files;
  QHash<QString, QByteArray> fileContents;  // uploaded bytes, by file id
  QHash<QString, QByteArray> clips;         // generated video outputs, by prediction id
  QList<qint64> dataUriSizes;
  QMap<QString, FakeSyncGeneration> syncGenerations;
  QStringList syncOrder;
  QHash<QString, QByteArray> syncOutputs;  // marked videos, by generation id
  QHash<QString, int> counters;            // per scenario counter name
  int speechInFlight = 0;
  int speechMaxInFlight = 0;
  QRandomGenerator random{20260302};
  QList<std::shared_ptr<QHttpServerResponder>> hung;  // kept open, never answered
  QObject* timerContext = nullptr;                    // lives in the server thread

  qint64 nowMs() const;  // virtual
  qint64 realMs(qint64 virtualMs) const;
  QString isoTime(qint64 virtualMs) const;
  QString newId(int length);
  int bump(const QString& counter);  // returns the new value
  // Runs fn on the server thread after virtualMs (fn takes the lock itself).
  void later(qint64 virtualMs, std::function<void()> fn) const;
  void hang(const Exchange& ex);
};

// Handlers: return false when the path is not theirs. Called with the mutex NOT held.
bool handleReplicate(FakeState& state, Exchange& ex);
bool handleDelivery(FakeState& state, Exchange& ex);
bool handleElevenLabs(FakeState& state, Exchange& ex);
bool handleOpenAi(FakeState& state, Exchange& ex);
bool handleOllama(FakeState& state, Exchange& ex);
bool handleSync(FakeState& state, Exchange& ex);

QList<FakeModel> defaultModels();
QJsonArray validateInput(const FakeModel& model, const QJsonObject& input);
QString outputKind(const FakeModel& model, const QJsonObject& input);
QJsonObject modelObject(const FakeModel& model);  // GET /v1/models/{owner}/{name}
QString contentTypeOf(const QString& kind);

// Replicate helpers shared by the prediction and file handlers (mutex held by the caller).
bool replicateAuthorized(const FakeState& state, const Exchange& ex);
Reply problem(int status, const QString& title, const QString& detail);

}  // namespace sw::fakecloud
