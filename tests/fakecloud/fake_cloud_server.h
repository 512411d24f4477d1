// FakeCloudServer: a loopback HTTP server (QHttpServer on 127.0.0.1, port chosen by the OS)
// speaking the Replicate, ElevenLabs, OpenAI-TTS, Ollama and Sync API protocols of
// docs/cloud-protocols.md, driven by a per-test Scenario, with a request log and a time scale
// (realPerVirtual = 0.01 makes a "60 s" wait last 0.6 s). It runs on its own thread, so clients may
// block.
#pragma once

#include "fakecloud/fake_scenario.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>

namespace sw::fakecloud {

struct LoggedRequest {
  QByteArray method;
  QString path;
  QString query;
  QList<QPair<QByteArray, QByteArray>> headers;
  QByteArray body;
  qint64 atMs = 0;  // virtual ms on the server's clock

  QByteArray header(const QByteArray& name) const;
  QJsonObject json() const;
};

struct FakeTokens {
  QByteArray replicate = "r8_FAKEreplicateTOKEN0123456789abcdef";
  QByteArray elevenlabs = "sk_FAKEelevenlabsKEY0123456789abcdef";
  QByteArray openai = "sk-FAKEopenaiKEY0123456789abcdef";
  QByteArray sync = "sk-FAKEsyncKEY0123456789abcdef";
};

// What the fake Sync API received for one generation (multipart parts by name).
struct SyncReceived {
  QString id;
  QString model;
  QJsonObject options;
  QByteArray video;
  QByteArray audio;
};

// A model the fake Replicate knows: official ones are run by name, others need `version`.
struct FakeModel {
  QString name;     // owner/name
  QString version;  // 64-hex, used by /v1/predictions
  bool official = true;
  QString output;                             // "video", "image" (array output), "audio"
  QList<QPair<QString, QStringList>> fields;  // allowed input keys; non-empty list = enum
  QStringList required;                       // the schema's required inputs (GET model)
};

class FakeState;

class FakeCloudServer {
 public:
  explicit FakeCloudServer(double realPerVirtual = 0.01);
  ~FakeCloudServer();
  FakeCloudServer(const FakeCloudServer&) = delete;
  FakeCloudServer& operator=(const FakeCloudServer&) = delete;

  quint16 port() const { return port_; }
  QUrl url(const QString& path = {}) const;  // http://127.0.0.1:<port><path>
  const FakeTokens& tokens() const;
  double scale() const;
  qint64 nowMs() const;  // virtual ms

  void setScenario(const Scenario& scenario);
  Scenario scenario() const;
  void defineScenario(const QString& name, const Scenario& scenario);
  // Bytes served for outputs, by kind: "mp4", "wav", "mp3", "png".
  void setFixture(const QString& kind, const QByteArray& bytes);
  // Adds a model, or replaces the one of the same name (a new version, renamed fields).
  void addModel(const FakeModel& model);
  FakeModel model(const QString& name) const;  // a default or added model; empty name if none
  // Where output URLs point (another FakeCloudServer, say); default: this server's /delivery/.
  void setDeliveryBase(const QUrl& base);

  QList<LoggedRequest> requests() const;
  QList<LoggedRequest> requests(const QByteArray& method, const QString& pathPrefix) const;
  int count(const QByteArray& method, const QString& pathPrefix) const;
  void clearLog();

  int predictionCount() const;
  QJsonObject prediction(const QString& id) const;
  QStringList predictionIds() const;         // in creation order
  void expireAll();                          // "an hour later": outputs removed, delivery 404
  QList<qint64> dataUriSizes() const;        // sizes of data-URI inputs seen
  int maxConcurrentSpeech() const;           // highest ElevenLabs in-flight count observed
  QList<SyncReceived> syncReceived() const;  // Sync API generations, in creation order

 private:
  std::shared_ptr<FakeState> state_;
  class Thread;
  std::unique_ptr<Thread> thread_;
  quint16 port_ = 0;
};

}  // namespace sw::fakecloud
