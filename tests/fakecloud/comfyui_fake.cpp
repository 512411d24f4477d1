#include "fakecloud/comfyui_fake.h"

#include "fakecloud/fake_http.h"
#include "fakecloud/generated_clip.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketServer>
#include <cmath>

namespace sw::fakecloud {

QJsonObject ComfyRequest::json() const { return QJsonDocument::fromJson(body).object(); }

struct FakeComfyUI::State {
  mutable QMutex mutex;
  double scale = 0.02;
  ComfyScenario scenario;
  QByteArray image;
  QList<ComfyRequest> log;
  QList<QJsonObject> submitted;
  QHash<QString, QByteArray> uploads;  // name -> bytes
  QHash<QString, QByteArray> files;    // "subfolder/filename" -> bytes
  QHash<QString, QJsonObject> history;
  int sockets = 0;
  int progress = 0;
  int number = 0;
  // Fake thread only:
  QObject* context = nullptr;
  QHash<QString, QWebSocket*> clients;  // clientId -> socket
  QString running;                      // prompt id being executed (hold / interrupt)
  QHash<QString, QString> clientOf;     // prompt id -> client id

  int realMs(qint64 virtualMs) const {
    return int(std::max<qint64>(1, std::llround(virtualMs * scale)));
  }
};

namespace {

using State = FakeComfyUI::State;

void sendWs(State& s, const QString& promptId, const QString& type, QJsonObject data) {
  QWebSocket* ws = s.clients.value(s.clientOf.value(promptId));
  if (!ws) return;
  if (!promptId.isEmpty() && !data.contains("prompt_id")) data.insert("prompt_id", promptId);
  ws->sendTextMessage(QString::fromUtf8(
      QJsonDocument(QJsonObject{{"type", type}, {"data", data}}).toJson(QJsonDocument::Compact)));
}

double timestamp() { return double(QDateTime::currentMSecsSinceEpoch()); }

// The first numeric input of that name anywhere in the workflow.
double numberInput(const QJsonObject& workflow, const QStringList& names, double fallback) {
  for (auto it = workflow.begin(); it != workflow.end(); ++it) {
    const QJsonObject inputs = it.value().toObject().value("inputs").toObject();
    for (const QString& n : names)
      if (inputs.value(n).isDouble()) return inputs.value(n).toDouble();
  }
  return fallback;
}

QString nodeOfClass(const QJsonObject& workflow, const QStringList& classes) {
  for (auto it = workflow.begin(); it != workflow.end(); ++it)
    if (classes.contains(it.value().toObject().value("class_type").toString())) return it.key();
  return {};
}

void storeHistory(State& s, const QString& id, const QJsonObject& workflow, const QString& status,
                  const QJsonArray& messages, const QJsonObject& outputs) {
  QMutexLocker lock(&s.mutex);
  s.history.insert(id,
                   QJsonObject{{"prompt", QJsonArray{s.number, id, workflow, QJsonObject{},
                                                     QJsonArray::fromStringList(outputs.keys())}},
                               {"outputs", outputs},
                               {"status", QJsonObject{{"status_str", status},
                                                      {"completed", status == "success"},
                                                      {"messages", messages}}},
                               {"meta", QJsonObject{}}});
}

void finish(State& s, const QString& id, const QJsonObject& workflow) {
  const QString save = nodeOfClass(workflow, {"SaveVideo", "VHS_VideoCombine", "SaveImage"});
  const QString saveClass = workflow.value(save).toObject().value("class_type").toString();
  QJsonObject output;
  QByteArray bytes;
  QString filename;
  QString subfolder;
  if (saveClass == "SaveImage") {
    QMutexLocker lock(&s.mutex);
    bytes = s.image;
    filename = "scenewright_00001_.png";
  } else {
    GeneratedClip spec;
    spec.fps = int(numberInput(workflow, {"fps", "frame_rate"}, 24));
    spec.width = int(numberInput(workflow, {"width"}, 320));
    spec.height = int(numberInput(workflow, {"height"}, 180));
    spec.seconds = numberInput(workflow, {"length"}, 48) / spec.fps;
    QByteArray start;
    const QString load = nodeOfClass(workflow, {"LoadImage"});
    if (!load.isEmpty()) {
      QMutexLocker lock(&s.mutex);
      start = s.uploads.value(
          workflow.value(load).toObject().value("inputs").toObject().value("image").toString());
    }
    bytes = makeGeneratedClip(spec, start);
    filename = "scenewright_00001_.mp4";
    subfolder = saveClass == "SaveVideo" ? "video" : "";
  }
  {
    QMutexLocker lock(&s.mutex);
    s.files.insert(subfolder + '/' + filename, bytes);
  }
  const QJsonArray list{
      QJsonObject{{"filename", filename}, {"subfolder", subfolder}, {"type", "output"}}};
  if (saveClass == "VHS_VideoCombine")
    output = {{"gifs", list}};
  else if (saveClass == "SaveVideo")
    output = {{"images", list}, {"animated", QJsonArray{true}}};
  else
    output = {{"images", list}};
  sendWs(s, id, "executing", {{"node", save}, {"display_node", save}});
  sendWs(s, id, "executed", {{"node", save}, {"display_node", save}, {"output", output}});
  const QJsonArray messages{QJsonArray{"execution_start", QJsonObject{{"prompt_id", id}}},
                            QJsonArray{"execution_success", QJsonObject{{"prompt_id", id}}}};
  storeHistory(s, id, workflow, "success", messages, QJsonObject{{save, output}});
  s.running.clear();
  sendWs(s, id, "executing", {{"node", QJsonValue::Null}, {"display_node", QJsonValue::Null}});
  sendWs(s, id, "execution_success", {{"timestamp", timestamp()}});
}

void step(State& s, const QString& id, const QJsonObject& workflow, int i) {
  if (s.running != id) return;  // interrupted
  ComfyScenario sc;
  {
    QMutexLocker lock(&s.mutex);
    sc = s.scenario;
  }
  const QString sampler = nodeOfClass(workflow, {"KSampler", "SamplerCustom", "KSamplerAdvanced"});
  if (!sc.failNode.isEmpty() && i == 1) {
    const QString type = workflow.value(sc.failNode).toObject().value("class_type").toString();
    const QJsonObject error{{"prompt_id", id},
                            {"node_id", sc.failNode},
                            {"node_type", type},
                            {"executed", QJsonArray{}},
                            {"exception_message", sc.failText},
                            {"exception_type", "torch.OutOfMemoryError"},
                            {"traceback", QJsonArray{"  File \"execution.py\", line 496\n"}},
                            {"current_inputs", QJsonObject{}},
                            {"current_outputs", QJsonObject{}}};
    sendWs(s, id, "executing", {{"node", sc.failNode}, {"display_node", sc.failNode}});
    storeHistory(s, id, workflow, "error",
                 QJsonArray{QJsonArray{"execution_start", QJsonObject{{"prompt_id", id}}},
                            QJsonArray{"execution_error", error}},
                 {});
    s.running.clear();
    sendWs(s, id, "execution_error", error);
    return;
  }
  if (i > sc.steps) {
    finish(s, id, workflow);
    return;
  }
  if (i == 1) sendWs(s, id, "executing", {{"node", sampler}, {"display_node", sampler}});
  sendWs(s, id, "progress", {{"value", i}, {"max", sc.steps}, {"node", sampler}});
  {
    QMutexLocker lock(&s.mutex);
    ++s.progress;
  }
  if (sc.hold && i == 1) return;  // waits for /interrupt
  QTimer::singleShot(s.realMs(sc.stepMs), s.context,
                     [&s, id, workflow, i] { step(s, id, workflow, i + 1); });
}

Reply handlePrompt(State& s, const QByteArray& body) {
  const QJsonObject o = QJsonDocument::fromJson(body).object();
  const QJsonObject workflow = o.value("prompt").toObject();
  ComfyScenario sc;
  QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
  int number = 0;
  {
    QMutexLocker lock(&s.mutex);
    s.submitted.append(workflow);
    sc = s.scenario;
    number = s.number++;
  }
  if (workflow.isEmpty())
    return jsonReply(400, {{"error", QJsonObject{{"type", "no_prompt"},
                                                 {"message", "No prompt provided"},
                                                 {"details", ""},
                                                 {"extra_info", QJsonObject{}}}},
                           {"node_errors", QJsonArray{}}});
  if (sc.refuse) {
    const QString node = nodeOfClass(workflow, {"CLIPTextEncode"});
    return jsonReply(
        400,
        {{"error", QJsonObject{{"type", "prompt_outputs_failed_validation"},
                               {"message", "Prompt outputs failed validation"},
                               {"details", ""},
                               {"extra_info", QJsonObject{}}}},
         {"node_errors",
          QJsonObject{
              {node,
               QJsonObject{{"errors", QJsonArray{QJsonObject{
                                          {"type", "value_not_in_list"},
                                          {"message", "Value not in list"},
                                          {"details", "clip_name: 'missing.safetensors' not in []"},
                                          {"extra_info", QJsonObject{}}}}},
                           {"dependent_outputs", QJsonArray{"9"}},
                           {"class_type", "CLIPTextEncode"}}}}}});
  }
  const QString clientId = o.value("client_id").toString();
  s.clientOf.insert(id, clientId);
  s.running = id;
  if (QWebSocket* ws = s.clients.value(clientId)) {
    ws->sendTextMessage(QString::fromUtf8(
        QJsonDocument(
            QJsonObject{
                {"type", "status"},
                {"data",
                 QJsonObject{
                     {"status", QJsonObject{{"exec_info", QJsonObject{{"queue_remaining", 1}}}}}}}})
            .toJson(QJsonDocument::Compact)));
    if (sc.closeSocketOnQueue) {
      s.clients.remove(clientId);
      ws->close();
    }
  }
  QTimer::singleShot(s.realMs(sc.stepMs), s.context, [&s, id, workflow] {
    sendWs(s, id, "execution_start", {{"timestamp", timestamp()}});
    sendWs(s, id, "execution_cached", {{"nodes", QJsonArray{}}, {"timestamp", timestamp()}});
    step(s, id, workflow, 1);
  });
  return jsonReply(200, {{"prompt_id", id}, {"number", number}, {"node_errors", QJsonObject{}}});
}

// One HTTP request as read from the socket.
struct HttpIn {
  QByteArray method;
  QUrl url;
  QHash<QByteArray, QByteArray> headers;  // lower-case names
  QByteArray body;
};

Reply handleUpload(State& s, const HttpIn& request) {
  const QByteArray type = request.headers.value("content-type");
  const QByteArray boundary = "--" + type.mid(type.indexOf("boundary=") + 9);
  const QByteArray body = request.body;
  const int disp = body.indexOf("name=\"image\"; filename=\"");
  if (type.indexOf("boundary=") < 0 || disp < 0) return rawReply(400, "", "text/plain");
  const int nameStart = disp + int(strlen("name=\"image\"; filename=\""));
  const QString name =
      QString::fromUtf8(body.mid(nameStart, body.indexOf('"', nameStart) - nameStart));
  const int data = body.indexOf("\r\n\r\n", nameStart) + 4;
  const int end = body.indexOf("\r\n" + boundary, data);
  {
    QMutexLocker lock(&s.mutex);
    s.uploads.insert(name, body.mid(data, end - data));
  }
  return jsonReply(200, {{"name", name}, {"subfolder", ""}, {"type", "input"}});
}

Reply dispatch(State& s, const HttpIn& request) {
  const QByteArray method = request.method;
  const QString path = request.url.path();
  {
    QMutexLocker lock(&s.mutex);
    s.log.append({method, path, request.url.query(), request.body});
  }
  if (method == "POST" && path == "/prompt") return (handlePrompt(s, request.body));
  if (method == "POST" && path == "/upload/image") return (handleUpload(s, request));
  if (method == "GET" && path.startsWith("/history/")) {
    const QString id = path.mid(9);
    QMutexLocker lock(&s.mutex);
    return (jsonReply(
        200, s.history.contains(id) ? QJsonObject{{id, s.history.value(id)}} : QJsonObject{}));
  }
  if (method == "GET" && path == "/view") {
    const QUrlQuery q(request.url);
    QByteArray bytes;
    {
      QMutexLocker lock(&s.mutex);
      bytes = s.files.value(q.queryItemValue("subfolder") + '/' + q.queryItemValue("filename"));
    }
    if (bytes.isEmpty()) return (rawReply(404, "404: Not Found", "text/plain"));
    const bool png = q.queryItemValue("filename").endsWith(".png");
    return (rawReply(200, bytes, png ? "image/png" : "video/mp4"));
  }
  if (method == "POST" && path == "/interrupt") {
    if (!s.running.isEmpty()) {
      const QString id = s.running;
      s.running.clear();
      const QJsonObject data{{"prompt_id", id},
                             {"node_id", "3"},
                             {"node_type", "KSampler"},
                             {"executed", QJsonArray{}}};
      storeHistory(s, id, {}, "error", QJsonArray{QJsonArray{"execution_interrupted", data}}, {});
      sendWs(s, id, "execution_interrupted", data);
    }
    return (rawReply(200, "", "text/plain"));
  }
  if (method == "POST" && path == "/queue") return (rawReply(200, "", "text/plain"));
  return rawReply(404, "404: Not Found", "text/plain");
}

QByteArray statusText(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    default:
      return "Not Found";
  }
}

// The fake's front door: reads each HTTP/1.1 request itself (peeking first), answers it with
// Connection: close, and hands a websocket upgrade of /ws to the QWebSocketServer untouched.
void serveConnection(State& s, QTcpSocket* socket, QWebSocketServer* sockets) {
  QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
  QObject::connect(socket, &QTcpSocket::readyRead, socket, [&s, socket, sockets] {
    const QByteArray head = socket->peek(socket->bytesAvailable());
    const int end = head.indexOf("\r\n\r\n");
    if (end < 0) return;
    HttpIn in;
    const QList<QByteArray> lines = head.left(end).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    in.method = first.value(0);
    in.url = QUrl(QString::fromLatin1(first.value(1)));
    for (int i = 1; i < lines.size(); ++i) {
      const int colon = lines[i].indexOf(':');
      if (colon > 0)
        in.headers.insert(lines[i].left(colon).trimmed().toLower(),
                          lines[i].mid(colon + 1).trimmed());
    }
    if (in.url.path() == "/ws" &&
        in.headers.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
      QObject::disconnect(socket, &QTcpSocket::readyRead, socket, nullptr);
      QObject::disconnect(socket, &QTcpSocket::disconnected, socket, nullptr);
      sockets->handleConnection(socket);
      return;
    }
    const int length = in.headers.value("content-length").toInt();
    if (head.size() < end + 4 + length) return;  // the body is still coming
    socket->read(end + 4);
    in.body = socket->read(length);
    const Reply r = dispatch(s, in);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(r.status) + " " + statusText(r.status) +
                     "\r\nContent-Type: " + r.contentType +
                     "\r\nContent-Length: " + QByteArray::number(r.body.size()) +
                     "\r\nConnection: close\r\n";
    for (const auto& h : r.headers) out += h.first + ": " + h.second + "\r\n";
    socket->write(out + "\r\n" + r.body);
    socket->disconnectFromHost();
  });
}

}  // namespace

class FakeComfyUI::Thread {
 public:
  QThread thread;
};

FakeComfyUI::FakeComfyUI(double realPerVirtual)
    : state_(std::make_shared<State>()), thread_(std::make_unique<Thread>()) {
  state_->scale = realPerVirtual > 0 ? realPerVirtual : 1.0;
  thread_->thread.setObjectName("fakecomfyui");
  state_->context = new QObject;
  state_->context->moveToThread(&thread_->thread);
  thread_->thread.start();
  State* s = state_.get();
  QMetaObject::invokeMethod(
      s->context,
      [this, s] {
        auto* tcp = new QTcpServer(s->context);
        auto* server =
            new QWebSocketServer("FakeComfyUI", QWebSocketServer::NonSecureMode, s->context);
        QObject::connect(tcp, &QTcpServer::newConnection, s->context, [s, tcp, server] {
          while (QTcpSocket* socket = tcp->nextPendingConnection())
            serveConnection(*s, socket, server);
        });
        QObject::connect(server, &QWebSocketServer::newConnection, s->context, [s, server] {
          while (server->hasPendingConnections()) {
            QWebSocket* ws = server->nextPendingConnection();
            ws->setParent(s->context);
            const QString client = QUrlQuery(ws->requestUrl()).queryItemValue("clientId");
            if (ws->requestUrl().path() != "/ws" || client.isEmpty()) {
              ws->close();
              continue;
            }
            s->clients.insert(client, ws);
            {
              QMutexLocker lock(&s->mutex);
              ++s->sockets;
            }
            QObject::connect(ws, &QWebSocket::disconnected, s->context, [s, client, ws] {
              if (s->clients.value(client) == ws) s->clients.remove(client);
              ws->deleteLater();
            });
            ws->sendTextMessage(QString::fromUtf8(
                QJsonDocument(
                    QJsonObject{
                        {"type", "status"},
                        {"data",
                         QJsonObject{{"status", QJsonObject{{"exec_info",
                                                             QJsonObject{{"queue_remaining", 0}}}}},
                                     {"sid", client}}}})
                    .toJson(QJsonDocument::Compact)));
          }
        });
        if (tcp->listen(QHostAddress::LocalHost, 0)) port_ = tcp->serverPort();
      },
      Qt::BlockingQueuedConnection);
  if (port_ == 0) qFatal("FakeComfyUI: cannot listen on 127.0.0.1");
}

FakeComfyUI::~FakeComfyUI() {
  State* s = state_.get();
  QMetaObject::invokeMethod(
      s->context, [s] { delete s->context; }, Qt::BlockingQueuedConnection);
  thread_->thread.quit();
  thread_->thread.wait();
}

QUrl FakeComfyUI::url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port_)); }

void FakeComfyUI::setScenario(const ComfyScenario& scenario) {
  QMutexLocker lock(&state_->mutex);
  state_->scenario = scenario;
}

void FakeComfyUI::setImage(const QByteArray& png) {
  QMutexLocker lock(&state_->mutex);
  state_->image = png;
}

QList<ComfyRequest> FakeComfyUI::requests() const {
  QMutexLocker lock(&state_->mutex);
  return state_->log;
}

int FakeComfyUI::count(const QByteArray& method, const QString& pathPrefix) const {
  QMutexLocker lock(&state_->mutex);
  int n = 0;
  for (const auto& r : state_->log) n += r.method == method && r.path.startsWith(pathPrefix);
  return n;
}

QList<QJsonObject> FakeComfyUI::submitted() const {
  QMutexLocker lock(&state_->mutex);
  return state_->submitted;
}

QByteArray FakeComfyUI::uploaded(const QString& name) const {
  QMutexLocker lock(&state_->mutex);
  return state_->uploads.value(name);
}

int FakeComfyUI::socketsOpened() const {
  QMutexLocker lock(&state_->mutex);
  return state_->sockets;
}

int FakeComfyUI::progressSent() const {
  QMutexLocker lock(&state_->mutex);
  return state_->progress;
}

}  // namespace sw::fakecloud
