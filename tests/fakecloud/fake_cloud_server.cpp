#include "fakecloud/fake_cloud_server.h"

#include "fakecloud/fake_state.h"

#include <QHttpServer>
#include <QJsonDocument>
#include <QThread>
#include <QTimeZone>
#include <QTimer>
#include <cmath>

namespace sw::fakecloud {

// ---- FakeState ----------------------------------------------------------------------------

FakeState::FakeState(double s)
    : scale(s > 0 ? s : 1.0), startedUtc(QDateTime::currentDateTimeUtc()), models(defaultModels()) {
  clock.start();
}

qint64 FakeState::nowMs() const {
  return static_cast<qint64>(double(clock.nsecsElapsed()) / 1e6 / scale);
}

qint64 FakeState::realMs(qint64 virtualMs) const {
  return virtualMs <= 0 ? 0 : std::max<qint64>(1, std::llround(double(virtualMs) * scale));
}

QString FakeState::isoTime(qint64 virtualMs) const {
  // Starts at the real time the server started (clients filter by created_after), then runs
  // on the scaled clock.
  return startedUtc.addMSecs(virtualMs).toString(Qt::ISODateWithMs);
}

QString FakeState::newId(int length) {
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  QString id;
  for (int i = 0; i < length; ++i) id += QLatin1Char(alphabet[random.bounded(36)]);
  return id;
}

int FakeState::bump(const QString& counter) { return ++counters[counter]; }

void FakeState::later(qint64 virtualMs, std::function<void()> fn) const {
  QTimer::singleShot(static_cast<int>(realMs(virtualMs)), timerContext, std::move(fn));
}

void FakeState::hang(const Exchange& ex) { hung.append(ex.responder); }

QByteArray Exchange::header(const QByteArray& name) const {
  for (const auto& h : headers)
    if (h.first.compare(name, Qt::CaseInsensitive) == 0) return h.second;
  return {};
}

QByteArray LoggedRequest::header(const QByteArray& name) const {
  for (const auto& h : headers)
    if (h.first.compare(name, Qt::CaseInsensitive) == 0) return h.second;
  return {};
}

QJsonObject LoggedRequest::json() const { return QJsonDocument::fromJson(body).object(); }

// ---- dispatch ------------------------------------------------------------------------------

namespace {

QByteArray methodName(QHttpServerRequest::Method m) {
  switch (m) {
    case QHttpServerRequest::Method::Get:
      return "GET";
    case QHttpServerRequest::Method::Post:
      return "POST";
    case QHttpServerRequest::Method::Put:
      return "PUT";
    case QHttpServerRequest::Method::Delete:
      return "DELETE";
    case QHttpServerRequest::Method::Head:
      return "HEAD";
    default:
      return "OTHER";
  }
}

bool handleControl(FakeState& state, Exchange& ex) {
  if (ex.path != "/__fake/scenario" || ex.method != "POST") return false;
  const QString name = QJsonDocument::fromJson(ex.body).object().value("name").toString();
  QMutexLocker lock(&state.mutex);
  if (!state.named.contains(name)) {
    ex.reply(jsonReply(404, {{"error", "unknown scenario " + name}}));
    return true;
  }
  state.scenario = state.named.value(name);
  ex.reply(jsonReply(200, {{"scenario", name}}));
  return true;
}

void dispatch(FakeState& state, const QHttpServerRequest& request,
              QHttpServerResponder&& responder) {
  Exchange ex;
  ex.method = methodName(request.method());
  ex.path = request.url().path();
  ex.query = request.query();
  ex.body = request.body();
  for (const auto& h : request.headers()) ex.headers.append({h.first, h.second});
  ex.responder = std::make_shared<QHttpServerResponder>(std::move(responder));
  {
    QMutexLocker lock(&state.mutex);
    state.log.append(
        {ex.method, ex.path, request.url().query(), ex.headers, ex.body, state.nowMs()});
    const QString name = QString::fromUtf8(ex.header("X-Fake-Scenario"));
    ex.scenario = state.named.contains(name) ? state.named.value(name) : state.scenario;
  }
  for (auto handler : {handleControl, handleReplicate, handleDelivery, handleElevenLabs,
                       handleOpenAi, handleOllama, handleSync}) {
    if (handler(state, ex)) return;
  }
  ex.reply(jsonReply(404, {{"detail", "Not found: " + ex.path}}));
}

}  // namespace

class FakeCloudServer::Thread {
 public:
  QThread thread;
  QObject* context = nullptr;
};

FakeCloudServer::FakeCloudServer(double realPerVirtual)
    : state_(std::make_shared<FakeState>(realPerVirtual)), thread_(std::make_unique<Thread>()) {
  thread_->thread.setObjectName("fakecloud");
  thread_->context = new QObject;
  thread_->context->moveToThread(&thread_->thread);
  thread_->thread.start();
  FakeState* state = state_.get();
  QObject* context = thread_->context;
  QMetaObject::invokeMethod(
      context,
      [this, state, context] {
        auto* server = new QHttpServer(context);
        server->setMissingHandler(
            [state](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
              dispatch(*state, request, std::move(responder));
            });
        port_ = server->listen(QHostAddress::LocalHost, 0);
        QMutexLocker lock(&state->mutex);
        state->timerContext = context;
        state->base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port_));
      },
      Qt::BlockingQueuedConnection);
  if (port_ == 0) qFatal("FakeCloudServer: cannot listen on 127.0.0.1");
}

FakeCloudServer::~FakeCloudServer() {
  FakeState* state = state_.get();
  QObject* context = thread_->context;
  QMetaObject::invokeMethod(
      context,
      [state, context] {
        {
          QMutexLocker lock(&state->mutex);
          state->hung.clear();
        }
        delete context;
      },
      Qt::BlockingQueuedConnection);
  thread_->thread.quit();
  thread_->thread.wait();
}

QUrl FakeCloudServer::url(const QString& path) const {
  return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port_).arg(path));
}

const FakeTokens& FakeCloudServer::tokens() const { return state_->tokens; }
double FakeCloudServer::scale() const { return state_->scale; }
qint64 FakeCloudServer::nowMs() const { return state_->nowMs(); }

void FakeCloudServer::setScenario(const Scenario& scenario) {
  QMutexLocker lock(&state_->mutex);
  state_->scenario = scenario;
  state_->counters.clear();
}

Scenario FakeCloudServer::scenario() const {
  QMutexLocker lock(&state_->mutex);
  return state_->scenario;
}

void FakeCloudServer::defineScenario(const QString& name, const Scenario& scenario) {
  QMutexLocker lock(&state_->mutex);
  state_->named.insert(name, scenario);
}

void FakeCloudServer::setFixture(const QString& kind, const QByteArray& bytes) {
  QMutexLocker lock(&state_->mutex);
  state_->fixtures.insert(kind, bytes);
}

void FakeCloudServer::addModel(const FakeModel& model) {
  QMutexLocker lock(&state_->mutex);
  for (FakeModel& m : state_->models)
    if (m.name == model.name) {
      m = model;
      return;
    }
  state_->models.append(model);
}

FakeModel FakeCloudServer::model(const QString& name) const {
  QMutexLocker lock(&state_->mutex);
  for (const FakeModel& m : state_->models)
    if (m.name == name) return m;
  return {};
}

void FakeCloudServer::setDeliveryBase(const QUrl& base) {
  QMutexLocker lock(&state_->mutex);
  state_->deliveryBase = base;
}

QList<LoggedRequest> FakeCloudServer::requests() const {
  QMutexLocker lock(&state_->mutex);
  return state_->log;
}

QList<LoggedRequest> FakeCloudServer::requests(const QByteArray& method,
                                               const QString& pathPrefix) const {
  QList<LoggedRequest> out;
  for (const auto& r : requests())
    if ((method.isEmpty() || r.method == method) && r.path.startsWith(pathPrefix)) out.append(r);
  return out;
}

int FakeCloudServer::count(const QByteArray& method, const QString& pathPrefix) const {
  return static_cast<int>(requests(method, pathPrefix).size());
}

void FakeCloudServer::clearLog() {
  QMutexLocker lock(&state_->mutex);
  state_->log.clear();
}

int FakeCloudServer::predictionCount() const {
  QMutexLocker lock(&state_->mutex);
  return static_cast<int>(state_->predictions.size());
}

QJsonObject FakeCloudServer::prediction(const QString& id) const {
  QMutexLocker lock(&state_->mutex);
  return state_->predictions.value(id).object;
}

QStringList FakeCloudServer::predictionIds() const {
  QMutexLocker lock(&state_->mutex);
  return state_->order;
}

void FakeCloudServer::expireAll() {
  QMutexLocker lock(&state_->mutex);
  for (auto& p : state_->predictions) {
    p.object["data_removed"] = true;
    p.object["output"] = QJsonValue::Null;
  }
}

QList<qint64> FakeCloudServer::dataUriSizes() const {
  QMutexLocker lock(&state_->mutex);
  return state_->dataUriSizes;
}

QList<SyncReceived> FakeCloudServer::syncReceived() const {
  QMutexLocker lock(&state_->mutex);
  QList<SyncReceived> out;
  for (const QString& id : state_->syncOrder)
    out.append(state_->syncGenerations.value(id).received);
  return out;
}

int FakeCloudServer::maxConcurrentSpeech() const {
  QMutexLocker lock(&state_->mutex);
  return state_->speechMaxInFlight;
}

}  // namespace sw::fakecloud
