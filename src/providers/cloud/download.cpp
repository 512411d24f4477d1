// HttpClient::download: temp file -> verify -> hand over. Nothing unverified survives.
#include "providers/cloud/http_client.h"

#include "media/media_error.h"
#include "media/probe.h"
#include "providers/cloud/error_body.h"
#include "providers/cloud/reply_runner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QLoggingCategory>
#include <QTemporaryFile>

#include "core/temp_files.h"

Q_DECLARE_LOGGING_CATEGORY(lcCloudHttp)

namespace sw::providers::cloud {

namespace {

QString label(const DownloadRequest& r) {
  return r.label.isEmpty() ? QStringLiteral("Download of %1").arg(safeUrl(r.url)) : r.label;
}

// The kind the download claims to be: the request's expectation, else the Content-Type, else
// the suffix of the file name.
ExpectedMedia claimedKind(const DownloadRequest& request, const RawResult& result) {
  if (request.expect != ExpectedMedia::Any) return request.expect;
  const QByteArray type =
      result.response.header("content-type").split(';').first().trimmed().toLower();
  if (type.startsWith("image/")) return ExpectedMedia::Image;
  if (type.startsWith("video/")) return ExpectedMedia::Video;
  if (type.startsWith("audio/")) return ExpectedMedia::Audio;
  const QString suffix = request.suffix.toLower();
  static const QStringList images = {"png", "jpg", "jpeg", "webp", "gif", "bmp"};
  static const QStringList videos = {"mp4", "mov", "webm", "mkv", "m4v"};
  static const QStringList audios = {"wav", "mp3", "flac", "ogg", "opus", "m4a", "aac"};
  if (images.contains(suffix)) return ExpectedMedia::Image;
  if (videos.contains(suffix)) return ExpectedMedia::Video;
  if (audios.contains(suffix)) return ExpectedMedia::Audio;
  return ExpectedMedia::Any;
}

// Images are decoded (FFmpeg's image2 demuxer "probes" any bytes named .png as a picture).
QString verifyImage(const QString& path) {
  QImageReader reader(path);
  reader.setDecideFormatFromContent(true);
  const QImage image = reader.read();
  if (image.isNull())
    return QStringLiteral("the file is not a readable image (%1)").arg(reader.errorString());
  return {};
}

QString verifyStreams(const QString& path, ExpectedMedia kind) {
  try {
    sw::media::ProbeOptions options;
    options.keyframes = false;
    options.vfrScanSeconds = 0;
    const auto info = sw::media::probe(path, options);
    if (kind == ExpectedMedia::Video && !info.video())
      return QStringLiteral("the file claims to be a video but holds no video stream");
    if (kind == ExpectedMedia::Audio && !info.audio())
      return QStringLiteral("the file claims to be audio but holds no audio stream");
    if (!info.video() && !info.audio())
      return QStringLiteral("the file holds neither audio nor video");
  } catch (const sw::media::MediaError& e) {
    return QStringLiteral("the file is not readable media (%1)").arg(e.message());
  }
  return {};
}

// Empty when the file is complete and is the kind it claims to be, otherwise why it is not.
QString verify(const DownloadRequest& request, const RawResult& result, QTemporaryFile& file) {
  file.flush();
  const qint64 size = file.size();
  if (size <= 0) return QStringLiteral("the server sent an empty file");
  const QByteArray length = result.response.header("content-length");
  if (!length.isEmpty() && result.response.header("content-encoding").isEmpty() &&
      length.toLongLong() != size) {
    return QStringLiteral("the file is truncated (%1 of %2 bytes)")
        .arg(size)
        .arg(QString::fromLatin1(length));
  }
  if (!request.probeMedia) return {};
  const ExpectedMedia kind = claimedKind(request, result);
  if (kind == ExpectedMedia::Image) return verifyImage(file.fileName());
  return verifyStreams(file.fileName(), kind);
}

bool handOver(const DownloadRequest& request, QTemporaryFile& file, DownloadedFile& out) {
  file.close();
  if (!request.destinationPath.isEmpty()) {
    QFile::remove(request.destinationPath);
    if (!file.rename(request.destinationPath)) return false;
  }
  file.setAutoRemove(false);
  out.path = file.fileName();
  out.size = QFileInfo(out.path).size();
  return true;
}

}  // namespace

std::optional<DownloadedFile> HttpClient::downloadAttempt(const DownloadRequest& request, int index,
                                                          QString& lastError, qint64& wait) {
  const QString dir = request.directory.isEmpty() ? QDir::tempPath() : request.directory;
  QTemporaryFile file(
      QDir(dir).filePath(core::tempTemplate(QStringLiteral("download"), request.suffix)));
  file.setAutoRemove(true);
  if (!file.open()) {
    throw HttpError(
        HttpError::Kind::BadDownload,
        QStringLiteral(
            "%1: cannot create a file in %2 (%3); check that the folder exists and is writable")
            .arg(label(request), dir, file.errorString()));
  }
  HttpRequest http;
  http.url = request.url;
  http.method = request.method;
  http.body = request.body;
  http.headers = request.headers;
  http.timeoutSeconds = request.timeoutSeconds;
  http.label = label(request);
  const RawResult result =
      runRequest(http, {options_.clock.get(), options_.cancelled, &file, request.progress});
  qCInfo(lcCloudHttp).noquote() << request.method << safeUrl(request.url) << "->"
                                << result.response.status << result.sinkBytes << "bytes"
                                << (result.transportFailed() ? result.errorString : QString());
  if (result.cancelled) throw HttpError(HttpError::Kind::Cancelled, http.label + ": cancelled");
  if (result.sinkFailed) {
    throw HttpError(HttpError::Kind::BadDownload,
                    QStringLiteral("%1: writing %2 failed (%3); free some disk space")
                        .arg(http.label, file.fileName(), file.errorString()));
  }
  const bool ok =
      !result.transportFailed() && result.response.status >= 200 && result.response.status < 300;
  if (!ok) {
    wait = retryDelay(http, result, index);
    const bool lastTransportFailure =
        result.transportFailed() && index + 1 >= options_.retry.maxAttempts;
    if (wait < 0 && !lastTransportFailure) fail(http, result, index + 1);
    lastError = result.timedOut ? QStringLiteral("no data for %1 s").arg(request.timeoutSeconds)
                : result.transportFailed()
                    ? QStringLiteral("the connection broke (%1)").arg(result.errorString)
                    : statusReason(result.response.status);
    return std::nullopt;
  }
  wait = backoffDelayMs(options_.retry, index, random_);
  lastError = verify(request, result, file);
  if (!lastError.isEmpty()) return std::nullopt;
  DownloadedFile out;
  out.contentType = result.response.header("content-type");
  if (!handOver(request, file, out)) {
    throw HttpError(
        HttpError::Kind::BadDownload,
        QStringLiteral("%1: cannot move the file to %2").arg(http.label, request.destinationPath));
  }
  return out;
}

DownloadedFile HttpClient::download(const DownloadRequest& request) {
  QString lastError;
  for (int index = 0;; ++index) {
    qint64 delay = 0;
    if (auto done = downloadAttempt(request, index, lastError, delay)) return *done;
    if (index + 1 >= options_.retry.maxAttempts) break;
    qCInfo(lcCloudHttp).noquote() << label(request) << "failed:" << lastError << "- retrying in"
                                  << delay << "ms";
    sleepMs(delay, label(request));
  }
  throw HttpError(HttpError::Kind::BadDownload, QStringLiteral("%1 failed after %2 attempts: %3")
                                                    .arg(label(request))
                                                    .arg(options_.retry.maxAttempts)
                                                    .arg(lastError));
}

}  // namespace sw::providers::cloud
