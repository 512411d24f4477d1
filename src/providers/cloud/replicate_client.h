// ReplicateClient: the Replicate HTTP API (docs/cloud-protocols.md §1) over HttpClient.
// Creates are retried only after 429, or after a 5xx once the list (GET
// /v1/predictions?created_after=...) shows no prediction with the same input; after a timeout
// the client looks the prediction up the same way instead of paying twice. The token goes only to
// the Replicate host.
#pragma once

#include "providers/cloud/http_client.h"
#include "providers/cloud/service_config.h"

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <optional>

namespace sw::providers::cloud {

struct Prediction {
  QString id;
  QString status;  // starting, processing, succeeded, failed, canceled, aborted (or unknown)
  QString error;
  QString logs;
  QJsonValue output;
  QUrl getUrl;
  QUrl cancelUrl;
  bool dataRemoved = false;
  QJsonObject raw;

  bool terminal() const;
  QStringList outputUrls() const;  // string, array of strings or object of strings
  static Prediction fromJson(const QJsonObject& object);
};

struct TqdmProgress {
  int percent = 0;
  qint64 current = 0;
  qint64 total = 0;
};
// The last tqdm bar in the logs (`^\s*(\d+)%\s*\|.+?\|\s*(\d+)/(\d+)`), if any.
std::optional<TqdmProgress> parseTqdm(const QString& logs);

struct ReplicateModel {
  QString name;     // owner/name
  QString version;  // non-empty: create by version on /v1/predictions
};

class ReplicateClient {
 public:
  ReplicateClient(ServiceEndpoint endpoint, HttpClient& http);

  // waitSeconds > 0 sends Prefer: wait=n (the answer may still be incomplete).
  Prediction create(const ReplicateModel& model, const QJsonObject& input, int waitSeconds);
  Prediction get(const QString& id);
  Prediction refresh(const Prediction& prediction);  // GET urls.get
  Prediction cancel(
      const Prediction& prediction);  // POST urls.cancel; works after the user cancelled
  // The newest prediction created after `after` with this model and input, if any.
  std::optional<Prediction> findExisting(const ReplicateModel& model, const QJsonObject& input,
                                         const QDateTime& after);
  // A file as a model input: a data URI up to 256 KB, else uploaded through the Files API.
  QString fileInput(const QString& path);
  QString upload(const QString& path);  // returns urls.get
  DownloadedFile download(const QUrl& url, const QString& directory, const QString& destination);

  const ServiceEndpoint& endpoint() const { return endpoint_; }
  HttpClient& http() { return http_; }

 private:
  HttpRequest request(const QByteArray& method, const QUrl& url, const QString& label) const;
  Prediction parse(const HttpResponse& response, const QString& label) const;
  // After a create that may have made a prediction: the one it made, if the list shows it.
  std::optional<Prediction> reconcile(const ReplicateModel& model, const QJsonObject& input,
                                      const QDateTime& sentAt, const HttpError& error);

  ServiceEndpoint endpoint_;
  HttpClient& http_;
};

}  // namespace sw::providers::cloud
