// ReplicateClient: the Replicate HTTP API (docs/cloud-protocols.md §1) over HttpClient.
// Creates are sent once (retried only after 429); after a timeout or 5xx on a create the
// client looks the prediction up (GET /v1/predictions?created_after=...) by its input instead
// of paying twice. The token goes only to the Replicate host.
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
  Prediction createUncertain(const ReplicateModel& model, const QJsonObject& input,
                             const QDateTime& sentAt, const HttpError& error);

  ServiceEndpoint endpoint_;
  HttpClient& http_;
};

}  // namespace sw::providers::cloud
