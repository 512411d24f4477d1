#include "providers/comfyui/comfyui_socket.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

namespace sw::providers::comfyui {

ComfyUISocket::ComfyUISocket(const QUrl& base, const QString& clientId)
    : socket_(std::make_unique<QWebSocket>()) {
  QUrl url = base;
  url.setScheme(base.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                        : QStringLiteral("ws"));
  url.setPath(base.path() + QStringLiteral("/ws"));
  url.setQuery(QUrlQuery{{QStringLiteral("clientId"), clientId}});
  QObject::connect(socket_.get(), &QWebSocket::textMessageReceived, socket_.get(),
                   [this](const QString& text) { onMessage(text); });
  QObject::connect(socket_.get(), &QWebSocket::disconnected, socket_.get(),
                   [this] { closed_ = true; });
  QObject::connect(socket_.get(), qOverload<QAbstractSocket::SocketError>(&QWebSocket::error),
                   socket_.get(), [this](QAbstractSocket::SocketError) { closed_ = true; });
  socket_->open(url);
}

ComfyUISocket::~ComfyUISocket() {
  socket_->disconnect();
  socket_->abort();
}

bool ComfyUISocket::isOpen() const {
  return !closed_ && socket_->state() == QAbstractSocket::ConnectedState;
}

void ComfyUISocket::waitConnected(qint64 realMs, const GenerationContext& ctx) {
  QEventLoop loop;
  QTimer poll;
  QElapsedTimer elapsed;
  elapsed.start();
  QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
    if (isOpen() || closed_ || ctx.isCancelled() || elapsed.elapsed() >= realMs) loop.quit();
  });
  poll.start(10);
  if (!isOpen() && !closed_) loop.exec(QEventLoop::ExcludeUserInputEvents);
  if (!isOpen()) {  // too slow or refused: follow the prompt through /history instead
    closed_ = true;
    socket_->abort();
  }
}

void ComfyUISocket::follow(const QString& promptId) { promptId_ = promptId; }

void ComfyUISocket::onMessage(const QString& text) {
  const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
  if (!message.isEmpty()) pending_.append(message);
}

ComfyUISocket::Event ComfyUISocket::take() {
  while (!pending_.isEmpty()) {
    const QJsonObject m = pending_.takeFirst();
    const QString type = m.value(QStringLiteral("type")).toString();
    const QJsonObject data = m.value(QStringLiteral("data")).toObject();
    const QJsonValue pid = data.value(QStringLiteral("prompt_id"));
    // Older servers send progress without a prompt id; every other event names its prompt.
    if (!pid.isUndefined() && !pid.isNull() && pid.toString() != promptId_) continue;
    Event e;
    e.data = data;
    if (type == QLatin1String("progress")) {
      e.kind = Event::Progress;
      e.value = data.value(QStringLiteral("value")).toInt();
      e.max = data.value(QStringLiteral("max")).toInt();
    } else if (type == QLatin1String("executing") && pid.toString() == promptId_ &&
               data.value(QStringLiteral("node")).isNull()) {
      e.kind = Event::Done;
    } else if (type == QLatin1String("execution_success") && pid.toString() == promptId_) {
      e.kind = Event::Done;
    } else if (type == QLatin1String("execution_error") && pid.toString() == promptId_) {
      e.kind = Event::Error;
    } else if (type == QLatin1String("execution_interrupted") && pid.toString() == promptId_) {
      e.kind = Event::Interrupted;
    } else {
      continue;
    }
    return e;
  }
  return {};
}

ComfyUISocket::Event ComfyUISocket::next(qint64 realMs) {
  if (Event e = take(); e.kind != Event::None) return e;
  if (!isOpen()) return {};
  QEventLoop loop;
  QTimer timeout;
  timeout.setSingleShot(true);
  QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
  const auto arrived = QObject::connect(socket_.get(), &QWebSocket::textMessageReceived, &loop,
                                        [&loop] { loop.quit(); });
  const auto gone =
      QObject::connect(socket_.get(), &QWebSocket::disconnected, &loop, &QEventLoop::quit);
  timeout.start(int(std::clamp<qint64>(realMs, 1, 60000)));
  loop.exec(QEventLoop::ExcludeUserInputEvents);
  QObject::disconnect(arrived);
  QObject::disconnect(gone);
  return take();
}

}  // namespace sw::providers::comfyui
