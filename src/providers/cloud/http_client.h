// HttpClient: blocking HTTP for worker threads, with the retry rules of docs/cloud-protocols.md §0.
//  - transient failures (network errors, timeouts, 408/429/500/502/503/504) are retried with
//    the server's hint (retry-after-ms, Retry-After, retry_after) or exponential backoff;
//  - 400/401/402/403/404/422 and other statuses fail at once with the service's text;
//  - a request that starts paid work (RetryMode::CreateOn429) is repeated only after a 429 or
//    when no connection was ever made; any other failure becomes HttpError::CreateUncertain
//    so the caller can reconcile instead of paying twice;
//  - the cancel check aborts the running reply within ~50 ms and interrupts backoff sleeps.
// Header values (tokens) are never logged or put into messages.
#pragma once

#include "providers/cloud/clock.h"
#include "providers/cloud/http_types.h"
#include "providers/cloud/retry_policy.h"

#include <QRandomGenerator>
#include <functional>
#include <memory>

namespace sw::providers::cloud {

struct RawResult;

// What a download must turn out to be. Any: what the response claims (Content-Type, else the
// file name's suffix); a claim of none of these kinds is only checked for size.
enum class ExpectedMedia { Any, Image, Video, Audio };

struct DownloadRequest {
  QUrl url;
  QByteArray method = "GET";  // POST for services that answer a request with the file (TTS)
  QByteArray body;
  HeaderList headers;       // only add a token when the host belongs to its service
  QString directory;        // where the temporary file is written (same filesystem as destination)
  QString destinationPath;  // final path; empty = keep the temporary name (with suffix)
  QString suffix = "bin";   // extension for the temporary name
  bool probeMedia = true;   // verify the content before handing over (see `expect`)
  ExpectedMedia expect = ExpectedMedia::Any;  // images are decoded, audio/video probed
  int timeoutSeconds = 120;
  QString label;
  std::function<void(qint64 received, qint64 total)> progress;
};

struct DownloadedFile {
  QString path;
  qint64 size = 0;
  QByteArray contentType;
};

class HttpClient {
 public:
  struct Options {
    std::shared_ptr<const Clock> clock;  // null = systemClock()
    RetryPolicy retry;
    CancelCheck cancelled;   // e.g. the generation context's cancel flag
    quint32 jitterSeed = 0;  // 0 = random jitter
  };

  HttpClient();
  explicit HttpClient(Options options);

  // Sends with retries and returns the final 2xx response; throws HttpError otherwise.
  HttpResponse send(const HttpRequest& request);

  // Downloads to a temporary file, verifies it (status, size > 0, Content-Length, media probe)
  // and only then hands it over; on any failure no file is left behind. Retries like a GET.
  DownloadedFile download(const DownloadRequest& request);

  const Clock& clock() const { return *options_.clock; }
  std::shared_ptr<const Clock> clockPtr() const { return options_.clock; }
  const RetryPolicy& policy() const { return options_.retry; }
  bool cancelled() const { return options_.cancelled && options_.cancelled(); }
  const CancelCheck& cancelCheck() const { return options_.cancelled; }

  // Sleeps on the client's clock; throws HttpError::Cancelled when cancelled meanwhile.
  void sleepMs(qint64 virtualMs, const QString& label);

 private:
  // Decides whether attempt `index` may be followed by another one; returns the wait, or -1.
  // `askedMs` receives the server's hint, when it gave one (longer hints are capped).
  qint64 retryDelay(const HttpRequest& request, const RawResult& result, int index,
                    qint64* askedMs = nullptr);
  // "; the service asked to wait ..." when a hint was capped, else empty.
  QString waitNote(qint64 askedMs, qint64 waitedMs) const;
  [[noreturn]] void fail(const HttpRequest& request, const RawResult& result, int attempts,
                         const QString& note = {});
  std::optional<DownloadedFile> downloadAttempt(const DownloadRequest& request, int index,
                                                QString& lastError, qint64& wait);

  Options options_;
  QRandomGenerator random_;
};

}  // namespace sw::providers::cloud
