#include "providers/provider_error.h"

namespace sw::providers {

ProviderError::ProviderError(Kind kind, const QString& message)
    : ProviderError(kind, message, defaultRetryable(kind)) {}

ProviderError::ProviderError(Kind kind, const QString& message, bool retryable,
                             double retryAfterSeconds)
    : std::runtime_error(message.toStdString()),
      kind_(kind),
      retryable_(retryable),
      retryAfter_(retryAfterSeconds) {}

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
