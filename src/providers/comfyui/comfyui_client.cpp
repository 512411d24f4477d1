#include "providers/comfyui/comfyui_client.h"

#include "providers/cloud/reply_runner.h"
#include "providers/comfyui/comfyui_errors.h"
#include "providers/comfyui/comfyui_socket.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>
#include <QUuid>

namespace sw::providers::comfyui {

namespace {

using K = ProviderError::Kind;
constexpr qint64 kPollMs = 1000;         // history polls without the websocket
constexpr qint64 kSocketPollMs = 10000;  // and with it, in case a message was missed
constexpr qint64 kConnectRealMs = 5000;  // how long the websocket may take to connect (real)

QByteArray multipartImage(const QString& path, const QByteArray& boundary) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly))
    throw ProviderError(
        K::Invalid,
        QStringLiteral("ComfyUI: cannot read the start image %1 (%2)").arg(path, f.errorString()),
        false);
  const QByteArray bytes = f.readAll();
  const QByteArray hash =
      QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex().left(16);
  const QString suffix = QFileInfo(path).suffix().isEmpty() ? "png" : QFileInfo(path).suffix();
  const QByteArray name = "scenewright_" + hash + "." + suffix.toLatin1();
  QByteArray body;
  auto field = [&](const QByteArray& key, const QByteArray& value) {
    body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + key + "\"\r\n\r\n" +
            value + "\r\n";
  };
  body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" +
          name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n";
  field("type", "input");
  field("overwrite", "true");
  body += "--" + boundary + "--\r\n";
  return body;
}

}  // namespace

ComfyUIClient::ComfyUIClient(QUrl baseUrl, cloud::HttpClient& http)
    : base_(std::move(baseUrl)), http_(http) {}

QUrl ComfyUIClient::url(const QString& path) const {
  QUrl u = base_;
  const int q = path.indexOf('?');
  u.setPath(base_.path() + (q < 0 ? path : path.left(q)));
  if (q >= 0) u.setQuery(path.mid(q + 1));
  return u;
}

QString ComfyUIClient::unreachable() const { return unreachableMessage(base_); }

QJsonObject ComfyUIClient::send(const QByteArray& method, const QString& path,
                                const QByteArray& body, const QByteArray& contentType,
                                cloud::RetryMode retry, const QString& label, bool cancellable) {
  cloud::HttpRequest r;
  r.method = method;
  r.url = url(path);
  r.body = body;
  if (!contentType.isEmpty()) r.setHeader("Content-Type", contentType);
  r.retry = retry;
  r.cancellable = cancellable;
  r.label = QStringLiteral("ComfyUI: ") + label;
  return translate(base_, [&] { return http_.send(r).jsonObject(); });
}

QString ComfyUIClient::uploadImage(const QString& path) {
  const QByteArray boundary = "----scenewright" + QUuid::createUuid().toByteArray(QUuid::Id128);
  const QJsonObject o =
      send("POST", QStringLiteral("/upload/image"), multipartImage(path, boundary),
           "multipart/form-data; boundary=" + boundary, cloud::RetryMode::Never,
           QStringLiteral("upload start image"));
  const QString name = o.value(QStringLiteral("name")).toString();
  if (name.isEmpty())
    throw ProviderError(
        K::Failed, QStringLiteral("ComfyUI: the image upload answered without a file name"), true);
  const QString sub = o.value(QStringLiteral("subfolder")).toString();
  return sub.isEmpty() ? name : sub + '/' + name;
}

QString ComfyUIClient::submit(const QJsonObject& workflow, const QString& clientId,
                              const QString& what) {
  // Sent once (a repeat would queue the work twice), and read here: a refusal's body names the
  // nodes that are wrong.
  cloud::HttpRequest r;
  r.method = "POST";
  r.url = url(QStringLiteral("/prompt"));
  r.body = QJsonDocument(QJsonObject{{"prompt", workflow}, {"client_id", clientId}})
               .toJson(QJsonDocument::Compact);
  r.setHeader("Content-Type", "application/json");
  r.label = QStringLiteral("ComfyUI: queue prompt");
  cloud::RunHooks hooks;
  hooks.clock = &http_.clock();
  hooks.cancelled = http_.cancelCheck();
  const cloud::RawResult raw = cloud::runRequest(r, hooks);
  if (raw.cancelled)
    throw ProviderError(K::Cancelled, QStringLiteral("%1 was cancelled").arg(what), false);
  if (raw.transportFailed())
    throw ProviderError(K::Network, QStringLiteral("%1 (%2).").arg(unreachable(), raw.errorString),
                        true);
  const int status = raw.response.status;
  const QJsonObject o = raw.response.jsonObject();
  if (status == 400) throw refusedWorkflow(what, o);
  if (status < 200 || status > 299)
    throw ProviderError(status >= 500 ? K::Failed : K::Invalid,
                        QStringLiteral("%1: ComfyUI answered /prompt with HTTP %2: %3")
                            .arg(what)
                            .arg(status)
                            .arg(QString::fromUtf8(raw.response.body.left(300))),
                        status >= 500);
  const QString id = o.value(QStringLiteral("prompt_id")).toString();
  if (id.isEmpty())
    throw ProviderError(K::Failed, QStringLiteral("ComfyUI: /prompt answered without a prompt_id"),
                        true);
  return id;
}

QJsonObject ComfyUIClient::history(const QString& promptId) {
  const QJsonObject o = send("GET", QStringLiteral("/history/") + promptId, {}, {},
                             cloud::RetryMode::Safe, QStringLiteral("history"));
  return o.value(promptId).toObject();
}

QList<OutputFile> ComfyUIClient::outputsOf(const QJsonObject& entry,
                                           const QString& outputNode) const {
  QList<OutputFile> files;
  const QJsonObject outputs = entry.value(QStringLiteral("outputs")).toObject();
  for (auto it = outputs.begin(); it != outputs.end(); ++it) {
    if (!outputNode.isEmpty() && it.key() != outputNode) continue;
    const QJsonObject node = it.value().toObject();
    for (const char* kind : {"videos", "gifs", "images", "audio"}) {
      for (const auto& v : node.value(QLatin1String(kind)).toArray()) {
        const QJsonObject f = v.toObject();
        if (f.value(QStringLiteral("filename")).toString().isEmpty()) continue;
        files.append({f.value(QStringLiteral("filename")).toString(),
                      f.value(QStringLiteral("subfolder")).toString(),
                      f.value(QStringLiteral("type")).toString(QStringLiteral("output"))});
      }
    }
  }
  return files;
}

void ComfyUIClient::failFromHistory(const QJsonObject& entry, const QString& what) const {
  const QJsonObject status = entry.value(QStringLiteral("status")).toObject();
  for (const auto& m : status.value(QStringLiteral("messages")).toArray()) {
    const QJsonArray pair = m.toArray();
    if (pair.at(0).toString() == QLatin1String("execution_error"))
      throw nodeFailure(what, pair.at(1).toObject());
    if (pair.at(0).toString() == QLatin1String("execution_interrupted"))
      throw ProviderError(K::Failed,
                          QStringLiteral("%1: interrupted on the ComfyUI server").arg(what), true);
  }
  throw ProviderError(K::Failed,
                      QStringLiteral("%1: ComfyUI reports status \"%2\"")
                          .arg(what, status.value(QStringLiteral("status_str")).toString()),
                      true);
}

RunOutcome ComfyUIClient::run(const QJsonObject& workflow, const QString& outputNode,
                              const GenerationContext& ctx, const QString& what) {
  RunOutcome out;
  const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
  const cloud::Clock& clock = http_.clock();
  ComfyUISocket socket(base_, clientId);
  socket.waitConnected(kConnectRealMs, ctx);
  out.usedWebsocket = socket.isOpen();
  ctx.throwIfCancelled(what);
  out.promptId = submit(workflow, clientId, what);
  ctx.reportRemoteId(out.promptId);
  ctx.reportProgress(0.0, QStringLiteral("%1: queued on ComfyUI").arg(what));
  socket.follow(out.promptId);

  qint64 lastPoll = clock.nowMs();
  bool done = false;
  while (true) {
    if (ctx.isCancelled()) {
      if (!ctx.isDetached()) cancel(out.promptId);
      throw ProviderError(K::Cancelled, QStringLiteral("%1 was cancelled").arg(what), false);
    }
    const ComfyUISocket::Event e = socket.next(clock.toRealMs(socket.isOpen() ? 200 : kPollMs));
    if (e.kind == ComfyUISocket::Event::Progress && e.max > 0)
      ctx.reportProgress(
          95.0 * e.value / e.max,
          QStringLiteral("%1: step %2/%3 on ComfyUI").arg(what).arg(e.value).arg(e.max));
    if (e.kind == ComfyUISocket::Event::Error) throw nodeFailure(what, e.data);
    if (e.kind == ComfyUISocket::Event::Interrupted)
      throw ProviderError(K::Failed,
                          QStringLiteral("%1: interrupted on the ComfyUI server").arg(what), true);
    if (e.kind == ComfyUISocket::Event::Done) done = true;
    const qint64 every = socket.isOpen() && !done ? kSocketPollMs : kPollMs;
    if (!done && clock.nowMs() - lastPoll < every) continue;
    lastPoll = clock.nowMs();
    const QJsonObject entry = history(out.promptId);
    if (entry.isEmpty()) continue;  // queued or running (history appears when it ends)
    const QJsonObject status = entry.value(QStringLiteral("status")).toObject();
    const QString state = status.value(QStringLiteral("status_str")).toString();
    if (!state.isEmpty() && state != QLatin1String("success")) failFromHistory(entry, what);
    if (!status.isEmpty() && !status.value(QStringLiteral("completed")).toBool(true)) continue;
    out.files = outputsOf(entry, outputNode);
    if (out.files.isEmpty())
      throw ProviderError(
          K::BadOutput,
          QStringLiteral("%1: the ComfyUI workflow finished without an output "
                         "file%2; add a save node (SaveImage, SaveVideo, "
                         "VHS_VideoCombine)")
              .arg(what, outputNode.isEmpty() ? QString()
                                              : QStringLiteral(" from node %1").arg(outputNode)),
          false);
    return out;
  }
}

cloud::DownloadedFile ComfyUIClient::download(const OutputFile& file, const QString& directory,
                                              cloud::ExpectedMedia expect) {
  QUrlQuery q;
  q.addQueryItem(QStringLiteral("filename"), file.filename);
  q.addQueryItem(QStringLiteral("subfolder"), file.subfolder);
  q.addQueryItem(QStringLiteral("type"), file.type);
  cloud::DownloadRequest d;
  d.url = url(QStringLiteral("/view"));
  d.url.setQuery(q);
  d.directory = directory;
  d.suffix = QFileInfo(file.filename).suffix().isEmpty() ? QStringLiteral("bin")
                                                         : QFileInfo(file.filename).suffix();
  d.expect = expect;
  d.label = QStringLiteral("ComfyUI: download ") + file.filename;
  return translate(base_, [&] { return http_.download(d); });
}

void ComfyUIClient::cancel(const QString& promptId) {
  const QJsonObject body{{"prompt_id", promptId}};
  const QJsonObject del{{"delete", QJsonArray{promptId}}};
  try {
    send("POST", QStringLiteral("/interrupt"), QJsonDocument(body).toJson(QJsonDocument::Compact),
         "application/json", cloud::RetryMode::Never, QStringLiteral("interrupt"), false);
    send("POST", QStringLiteral("/queue"), QJsonDocument(del).toJson(QJsonDocument::Compact),
         "application/json", cloud::RetryMode::Never, QStringLiteral("delete from queue"), false);
  } catch (const ProviderError&) {
    // The server went away meanwhile: nothing left running to cancel.
  }
}

}  // namespace sw::providers::comfyui
