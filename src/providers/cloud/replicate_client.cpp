#include "providers/cloud/replicate_client.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QUuid>

Q_LOGGING_CATEGORY(lcReplicate, "scenewright.cloud.replicate")

namespace sw::providers::cloud {

namespace {

constexpr qint64 kDataUriLimit = 256 * 1024;
constexpr int kListPages = 5;

QByteArray compact(const QJsonObject& o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

bool sameModel(const QJsonObject& p, const ReplicateModel& model) {
  if (!model.version.isEmpty()) {
    const QString v = p.value("version").toString();
    return v == model.version || model.version.endsWith(":" + v) || v.isEmpty();
  }
  const QString m = p.value("model").toString();
  return m.isEmpty() || m == model.name;
}

}  // namespace

bool Prediction::terminal() const {
  return status == "succeeded" || status == "failed" || status == "canceled" || status == "aborted";
}

QStringList Prediction::outputUrls() const {
  QStringList urls;
  const auto add = [&urls](const QJsonValue& v) {
    const QString s = v.toString();
    if (s.startsWith("http://") || s.startsWith("https://") || s.startsWith("data:")) urls << s;
  };
  if (output.isString()) add(output);
  for (const auto& v : output.toArray()) add(v);
  for (const auto& v : output.toObject()) add(v);
  return urls;
}

Prediction Prediction::fromJson(const QJsonObject& o) {
  Prediction p;
  p.raw = o;
  p.id = o.value("id").toString();
  p.status = o.value("status").toString();
  p.error = o.value("error").toString();
  p.logs = o.value("logs").toString();
  p.output = o.value("output");
  const QJsonObject urls = o.value("urls").toObject();
  p.getUrl = QUrl(urls.value("get").toString());
  p.cancelUrl = QUrl(urls.value("cancel").toString());
  p.dataRemoved = o.value("data_removed").toBool();
  return p;
}

std::optional<TqdmProgress> parseTqdm(const QString& logs) {
  static const QRegularExpression re(QStringLiteral("^\\s*(\\d+)%\\s*\\|.+?\\|\\s*(\\d+)/(\\d+)"));
  const QStringList lines = logs.split(QRegularExpression("[\r\n]"), Qt::SkipEmptyParts);
  for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
    const auto m = re.match(*it);
    if (m.hasMatch())
      return TqdmProgress{m.captured(1).toInt(), m.captured(2).toLongLong(),
                          m.captured(3).toLongLong()};
  }
  return std::nullopt;
}

ReplicateClient::ReplicateClient(ServiceEndpoint endpoint, HttpClient& http)
    : endpoint_(std::move(endpoint)), http_(http) {}

HttpRequest ReplicateClient::request(const QByteArray& method, const QUrl& url,
                                     const QString& label) const {
  HttpRequest r;
  r.method = method;
  r.url = url;
  r.label = label;
  r.setHeader("Accept", "application/json");
  if (endpoint_.sameHost(url)) r.setHeader("Authorization", "Bearer " + endpoint_.apiKey.toUtf8());
  return r;
}

Prediction ReplicateClient::parse(const HttpResponse& response, const QString& label) const {
  const Prediction p = Prediction::fromJson(response.jsonObject());
  if (p.id.isEmpty()) {
    throw HttpError(HttpError::Kind::BadResponse,
                    QStringLiteral("%1: Replicate answered HTTP %2 without a prediction object")
                        .arg(label)
                        .arg(response.status));
  }
  qCInfo(lcReplicate).noquote() << label << "-> prediction" << p.id << p.status;
  return p;
}

Prediction ReplicateClient::create(const ReplicateModel& model, const QJsonObject& input,
                                   int waitSeconds) {
  QJsonObject body{{"input", input}};
  QUrl url = endpoint_.url("/v1/models/" + model.name + "/predictions");
  if (!model.version.isEmpty()) {
    url = endpoint_.url("/v1/predictions");
    body["version"] = model.version;
  }
  HttpRequest r =
      request("POST", url, QStringLiteral("Replicate: create prediction for %1").arg(model.name));
  r.setHeader("Content-Type", "application/json");
  r.body = compact(body);
  r.retry = RetryMode::CreateOn429;
  if (waitSeconds > 0) {
    r.setHeader("Prefer", "wait=" + QByteArray::number(std::clamp(waitSeconds, 1, 60)));
    r.timeoutSeconds = std::clamp(waitSeconds, 1, 60) + 10;
  }
  for (int attempt = 1;; ++attempt) {
    const QDateTime sentAt = QDateTime::currentDateTimeUtc().addSecs(-300);
    try {
      return parse(http_.send(r), r.label);
    } catch (const HttpError& e) {
      if (e.kind() == HttpError::Kind::CreateUncertain) {
        if (auto p = reconcile(model, input, sentAt, e)) return *p;
        // A 5xx that made no prediction: sending again cannot pay twice (§0, §1.8).
        if (e.status() >= 500 && attempt < http_.policy().maxAttempts) {
          const qint64 delay =
              backoffDelayMs(http_.policy(), attempt - 1, *QRandomGenerator::global());
          qCInfo(lcReplicate).noquote()
              << r.label << ": no prediction was made; sending again in" << delay << "ms";
          http_.sleepMs(delay, r.label);
          continue;
        }
        throw HttpError(
            HttpError::Kind::CreateUncertain,
            e.message() +
                QStringLiteral(". No matching prediction was found on Replicate (attempt %1, "
                               "looked up before every new request, to avoid paying twice); try "
                               "again later.")
                    .arg(attempt),
            e.status(), e.serviceText());
      }
      if (e.kind() == HttpError::Kind::Cancelled) {
        try {  // the prediction may exist already: stop it so it is not billed further
          if (auto p = findExisting(model, input, sentAt); p && !p->terminal()) cancel(*p);
        } catch (const HttpError& inner) {
          qCWarning(lcReplicate).noquote()
              << "could not cancel after an interrupted create:" << inner.message();
        }
      }
      throw;
    }
  }
}

std::optional<Prediction> ReplicateClient::reconcile(const ReplicateModel& model,
                                                     const QJsonObject& input,
                                                     const QDateTime& sentAt,
                                                     const HttpError& error) {
  qCWarning(lcReplicate).noquote()
      << error.message() << "- looking for the prediction instead of sending it again";
  auto p = findExisting(model, input, sentAt);
  if (p) {
    qCInfo(lcReplicate).noquote() << "found prediction" << p->id
                                  << "created by the unconfirmed request";
  }
  return p;
}

std::optional<Prediction> ReplicateClient::findExisting(const ReplicateModel& model,
                                                        const QJsonObject& input,
                                                        const QDateTime& after) {
  QUrl url = endpoint_.url("/v1/predictions");
  QUrlQuery q;
  q.addQueryItem("created_after", after.toString(Qt::ISODateWithMs));
  url.setQuery(q);
  for (int page = 0; page < kListPages && url.isValid() && endpoint_.sameHost(url); ++page) {
    HttpRequest r = request("GET", url, QStringLiteral("Replicate: list recent predictions"));
    r.cancellable = false;
    const QJsonObject list = http_.send(r).jsonObject();
    for (const auto& v : list.value("results").toArray()) {
      QJsonObject o = v.toObject();
      if (!sameModel(o, model)) continue;
      if (!o.contains("input")) o = get(o.value("id").toString()).raw;
      if (o.value("input").toObject() == input) return Prediction::fromJson(o);
    }
    url = QUrl(list.value("next").toString());
  }
  return std::nullopt;
}

Prediction ReplicateClient::get(const QString& id) {
  const QString label = QStringLiteral("Replicate: get prediction %1").arg(id);
  return parse(http_.send(request("GET", endpoint_.url("/v1/predictions/" + id), label)), label);
}

Prediction ReplicateClient::refresh(const Prediction& p) {
  if (!p.getUrl.isValid() || !endpoint_.sameHost(p.getUrl)) return get(p.id);
  const QString label = QStringLiteral("Replicate: get prediction %1").arg(p.id);
  return parse(http_.send(request("GET", p.getUrl, label)), label);
}

Prediction ReplicateClient::cancel(const Prediction& p) {
  const QUrl url = p.cancelUrl.isValid() && endpoint_.sameHost(p.cancelUrl)
                       ? p.cancelUrl
                       : endpoint_.url("/v1/predictions/" + p.id + "/cancel");
  HttpRequest r = request("POST", url, QStringLiteral("Replicate: cancel prediction %1").arg(p.id));
  r.cancellable = false;
  return parse(http_.send(r), r.label);
}

QString ReplicateClient::fileInput(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    throw HttpError(
        HttpError::Kind::BadDownload,
        QStringLiteral("Cannot read %1 to send it to Replicate: %2").arg(path, file.errorString()));
  }
  if (file.size() > kDataUriLimit) return upload(path);
  const QString mime = QMimeDatabase().mimeTypeForFile(path).name();
  return QStringLiteral("data:%1;base64,%2")
      .arg(mime, QString::fromLatin1(file.readAll().toBase64()));
}

QString ReplicateClient::upload(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    throw HttpError(HttpError::Kind::BadDownload,
                    QStringLiteral("Cannot read %1 to upload it to Replicate: %2")
                        .arg(path, file.errorString()));
  }
  const QByteArray boundary = "sw-" + QUuid::createUuid().toByteArray(QUuid::Id128);
  const QString mime = QMimeDatabase().mimeTypeForFile(path).name();
  QByteArray body =
      "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" +
      QFileInfo(path).fileName().toUtf8() + "\"\r\nContent-Type: " + mime.toUtf8() + "\r\n\r\n";
  body += file.readAll();
  body += "\r\n--" + boundary +
          "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
          "Content-Type: application/json\r\n\r\n{\"source\":\"scenewright\"}\r\n--" +
          boundary + "--\r\n";
  HttpRequest r = request("POST", endpoint_.url("/v1/files"),
                          QStringLiteral("Replicate: upload %1").arg(QFileInfo(path).fileName()));
  r.setHeader("Content-Type", "multipart/form-data; boundary=" + boundary);
  r.body = body;
  r.timeoutSeconds = 120;
  const QJsonObject o = http_.send(r).jsonObject();
  const QString url = o.value("urls").toObject().value("get").toString();
  if (url.isEmpty())
    throw HttpError(HttpError::Kind::BadResponse,
                    r.label + ": Replicate did not return the file URL");
  return url;
}

DownloadedFile ReplicateClient::download(const QUrl& url, const QString& directory,
                                         const QString& destination) {
  DownloadRequest d;
  d.url = url;
  if (endpoint_.sameHost(url))
    d.headers.append({"Authorization", "Bearer " + endpoint_.apiKey.toUtf8()});
  d.directory = directory;
  d.destinationPath = destination;
  d.suffix = QFileInfo(url.path()).suffix().isEmpty() ? QStringLiteral("bin")
                                                      : QFileInfo(url.path()).suffix();
  d.label = QStringLiteral("Replicate: download of %1").arg(QFileInfo(url.path()).fileName());
  return http_.download(d);
}

}  // namespace sw::providers::cloud
