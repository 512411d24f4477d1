#include "fakecloud/fake_http.h"

#include <QHttpServerResponder>
#include <QPointer>
#include <QTcpSocket>

namespace sw::fakecloud {

namespace {

bool alive(QHttpServerResponder& responder) {
  QTcpSocket* socket = responder.socket();
  return socket && socket->state() == QAbstractSocket::ConnectedState;
}

void writeHead(QHttpServerResponder& responder, const Reply& reply) {
  responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
  if (!reply.contentType.isEmpty()) responder.writeHeader("Content-Type", reply.contentType);
  responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
  for (const auto& h : reply.headers) responder.writeHeader(h.first, h.second);
}

}  // namespace

Reply jsonReply(int status, const QJsonObject& object, const QByteArray& contentType) {
  Reply r;
  r.status = status;
  r.contentType = contentType;
  r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
  return r;
}

Reply rawReply(int status, const QByteArray& body, const QByteArray& contentType) {
  Reply r;
  r.status = status;
  r.contentType = contentType;
  r.body = body;
  return r;
}

void sendNow(QHttpServerResponder& responder, const Reply& reply) {
  if (!alive(responder)) return;
  writeHead(responder, reply);
  responder.writeBody(reply.body);
}

void sendHalf(QHttpServerResponder& responder, const Reply& reply, Cut cut) {
  if (!alive(responder)) return;
  writeHead(responder, reply);
  responder.writeBody(reply.body.left(reply.body.size() / 2));
  QTcpSocket* socket = responder.socket();
  socket->flush();
  if (cut == Cut::Close) socket->disconnectFromHost();
}

}  // namespace sw::fakecloud
