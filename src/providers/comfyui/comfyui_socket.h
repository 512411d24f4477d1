// The ComfyUI websocket (/ws?clientId=) of one run, on the calling thread: connects, collects
// the server's JSON messages and hands those of the followed prompt out as events. Binary
// messages (previews) are ignored. Once it closes it stays closed; the caller polls /history.
#pragma once

#include "providers/capabilities.h"

#include <QJsonObject>
#include <QList>
#include <QUrl>
#include <memory>

class QWebSocket;

namespace sw::providers::comfyui {

class ComfyUISocket {
 public:
  struct Event {
    enum Kind { None, Progress, Done, Error, Interrupted } kind = None;
    int value = 0;
    int max = 0;
    QJsonObject data;  // the message's data (execution_error: node_id, exception_message...)
  };

  ComfyUISocket(const QUrl& base, const QString& clientId);
  ~ComfyUISocket();

  // Waits until the socket is open, fails or realMs pass (cancellation ends the wait too).
  void waitConnected(qint64 realMs, const GenerationContext& ctx);
  bool isOpen() const;
  void follow(const QString& promptId);
  // The next event of the followed prompt, waiting at most realMs for one (None when nothing
  // came or the socket is closed).
  Event next(qint64 realMs);

 private:
  void onMessage(const QString& text);
  Event take();

  std::unique_ptr<QWebSocket> socket_;
  QList<QJsonObject> pending_;  // messages not yet handed out
  QString promptId_;
  bool closed_ = false;
};

}  // namespace sw::providers::comfyui
