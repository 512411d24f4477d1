// When and how long to wait before repeating a request: server hints first
// (retry-after-ms, Retry-After seconds or HTTP-date, a retry_after body field, "~Ns" in the
// detail text), otherwise exponential backoff 1, 2, 4 ... s capped at 60 s with +-20 % jitter.
#pragma once

#include "providers/cloud/http_types.h"

#include <QDateTime>
#include <optional>

class QRandomGenerator;

namespace sw::providers::cloud {

struct RetryPolicy {
  int maxAttempts = 5;  // including the first one
  qint64 baseDelayMs = 1000;
  qint64 maxDelayMs = 60000;
  double jitter = 0.2;       // +-20 %
  qint64 maxHintMs = 60000;  // a longer server hint (even "Retry-After: 1e30") is capped to this
  qint64 maxTotalWaitMs = 5 * 60000;  // a request gives up once its waits would pass this
};

// The wait the server asked for, in milliseconds, or nullopt when it gave no hint.
std::optional<qint64> retryHintMs(const HttpResponse& response, const QDateTime& nowUtc);

// Parses a Retry-After value: delta-seconds or an HTTP-date (IMF-fixdate, RFC 850, asctime).
std::optional<qint64> parseRetryAfter(const QByteArray& value, const QDateTime& nowUtc);

// Exponential delay for the retry with 0-based index `retryIndex`, jittered.
qint64 backoffDelayMs(const RetryPolicy& policy, int retryIndex, QRandomGenerator& random);

}  // namespace sw::providers::cloud
