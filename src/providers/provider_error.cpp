#include "providers/provider_error.h"

namespace sw::providers {

ProviderError::ProviderError(Kind kind, const QString& message)
    : ProviderError(kind, message, defaultRetryable(kind)) {}

ProviderError::ProviderError(Kind kind, const QString& message, bool retryable,
                             double retryAfterSeconds)
    : core::Error(generalKind(kind), message, QStringLiteral("generation")),
      kind_(kind),
      retryable_(retryable),
      retryAfter_(retryAfterSeconds) {}

ProviderError::ProviderError(Kind kind, const QString& message, const core::Error& cause)
    : core::Error(cause.errorKind(), message, QStringLiteral("generation"), cause.path()),
      kind_(kind),
      retryable_(defaultRetryable(kind)),
      retryAfter_(-1.0) {}

core::ErrorKind ProviderError::generalKind(Kind kind) {
  switch (kind) {
    case Kind::Cancelled:
      return core::ErrorKind::Cancelled;
    case Kind::Network:
    case Kind::Timeout:
      return core::ErrorKind::Network;
    case Kind::RateLimited:
    case Kind::Failed:
    case Kind::BadOutput:
      return core::ErrorKind::Service;
    case Kind::Auth:
    case Kind::Billing:
      return core::ErrorKind::User;
    case Kind::Invalid:
      return core::ErrorKind::BadInput;
  }
  return core::ErrorKind::Internal;
}

bool ProviderError::defaultRetryable(Kind kind) {
  return kind == Kind::Network || kind == Kind::RateLimited || kind == Kind::Timeout;
}

QString toString(ProviderError::Kind kind) {
  using K = ProviderError::Kind;
  switch (kind) {
    case K::Cancelled:
      return QStringLiteral("cancelled");
    case K::Network:
      return QStringLiteral("network");
    case K::RateLimited:
      return QStringLiteral("rate-limited");
    case K::Auth:
      return QStringLiteral("auth");
    case K::Billing:
      return QStringLiteral("billing");
    case K::Invalid:
      return QStringLiteral("invalid");
    case K::Failed:
      return QStringLiteral("failed");
    case K::Timeout:
      return QStringLiteral("timeout");
    case K::BadOutput:
      return QStringLiteral("bad-output");
  }
  return QStringLiteral("failed");
}

}  // namespace sw::providers
