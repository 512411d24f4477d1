// FakeComfyUI: a loopback ComfyUI server (HTTP/1.1 and a QWebSocketServer on one port) for
// tests, speaking the protocol of docs/cloud-protocols.md (ComfyUI): /prompt, /upload/image,
// /ws?clientId= (status, execution_start, executing, progress, executed, execution_success,
// execution_error, execution_interrupted), /history/{id}, /view, /interrupt, /queue. A queued
// prompt runs `steps` sampler steps of `stepMs` virtual ms each and saves what its save node
// asks for: a real MP4 (generated_clip.h) sized by the workflow's width/height/length/fps inputs,
// or the PNG given with setImage(). Runs on its own thread, so clients may block.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>
#include <memory>

namespace sw::fakecloud {

struct ComfyScenario {
  int steps = 4;
  qint64 stepMs = 500;  // virtual ms per sampler step
  QString failNode;     // a node id: execution_error there with failText
  QString failText =
      QStringLiteral("Allocation on device 0 would exceed allowed memory. (out of memory)");
  bool refuse = false;  // /prompt answers 400 with node_errors for the first CLIPTextEncode
  bool closeSocketOnQueue = false;  // the websocket closes right after /prompt
  bool hold = false;                // the prompt never finishes until interrupted
};

struct ComfyRequest {
  QByteArray method;
  QString path;
  QString query;
  QByteArray body;
  QJsonObject json() const;
};

class FakeComfyUI {
 public:
  explicit FakeComfyUI(double realPerVirtual = 0.02);
  ~FakeComfyUI();
  FakeComfyUI(const FakeComfyUI&) = delete;
  FakeComfyUI& operator=(const FakeComfyUI&) = delete;

  QUrl url() const;  // http://127.0.0.1:<port>
  void setScenario(const ComfyScenario& scenario);
  void setImage(const QByteArray& png);  // what SaveImage outputs

  QList<ComfyRequest> requests() const;
  int count(const QByteArray& method, const QString& pathPrefix) const;
  QList<QJsonObject> submitted() const;            // the "prompt" of every POST /prompt
  QByteArray uploaded(const QString& name) const;  // bytes of an uploaded image
  int socketsOpened() const;
  int progressSent() const;  // progress messages sent

  struct State;  // defined in comfyui_fake.cpp

 private:
  std::shared_ptr<State> state_;
  class Thread;
  std::unique_ptr<Thread> thread_;
  quint16 port_ = 0;
};

}  // namespace sw::fakecloud
