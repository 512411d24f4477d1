// Small helpers of the fake server for writing raw HTTP/1.1 answers through a
// QHttpServerResponder: complete, delayed, never, or cut halfway through the body.
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>

class QHttpServerResponder;
class QObject;

namespace sw::fakecloud {

struct Reply {
  int status = 200;
  QByteArray contentType = "application/json";
  QList<QPair<QByteArray, QByteArray>> headers;
  QByteArray body;

  Reply& header(const QByteArray& name, const QByteArray& value) {
    headers.append({name, value});
    return *this;
  }
};

Reply jsonReply(int status, const QJsonObject& object,
                const QByteArray& contentType = "application/json");
Reply rawReply(int status, const QByteArray& body, const QByteArray& contentType);

// Writes the whole answer now (no-op when the client has gone).
void sendNow(QHttpServerResponder& responder, const Reply& reply);

enum class Cut { Close, Stall };
// Announces the full Content-Length but writes only half of the body, then closes or stalls.
void sendHalf(QHttpServerResponder& responder, const Reply& reply, Cut cut);

}  // namespace sw::fakecloud
