// ProviderError: the one exception type of every generation backend (local and cloud).
// The message is in words a user can act on: which service, what went wrong, what to do.
#pragma once

#include "core/error.h"

#include <QString>

namespace sw::providers {

class ProviderError : public core::Error {
 public:
  enum class Kind {
    Cancelled,    // the caller set the cancel flag
    Network,      // connection refused/reset, DNS, TLS
    RateLimited,  // HTTP 429 (retryAfterSeconds() says how long to wait when known)
    Auth,         // missing or rejected API key
    Billing,      // out of credit / payment required
    Invalid,   // the request cannot be honoured (bad input, unknown model, refused by validate())
    Failed,    // the service ran the request and it failed (prediction failed, 5xx after retries)
    Timeout,   // no answer in time
    BadOutput  // the output is missing, truncated or not the media it claims to be
  };

  // retryable defaults to defaultRetryable(kind).
  ProviderError(Kind kind, const QString& message);
  ProviderError(Kind kind, const QString& message, bool retryable, double retryAfterSeconds = -1.0);
  // A provider failure caused by another module's error: the cause's general kind (a full disk,
  // a cancellation) is kept, so callers above the provider still see what really happened.
  ProviderError(Kind kind, const QString& message, const core::Error& cause);

  Kind kind() const { return kind_; }
  static core::ErrorKind generalKind(Kind kind);
  bool retryable() const { return retryable_; }
  double retryAfterSeconds() const { return retryAfter_; }  // < 0 when unknown

  // Network, RateLimited and Timeout are worth another try; the rest are not.
  static bool defaultRetryable(Kind kind);

 private:
  Kind kind_;
  bool retryable_;
  double retryAfter_;
};

// "cancelled", "network", "rate-limited", "auth", "billing", "invalid", "failed", "timeout",
// "bad-output".
QString toString(ProviderError::Kind kind);

}  // namespace sw::providers
