#include "providers/cloud/cloud_errors.h"

#include "providers/cloud/retry_policy.h"

namespace sw::providers::cloud {

namespace {

ProviderError fromStatus(Service service, const HttpError& e) {
  using K = ProviderError::Kind;
  const QString name = serviceName(service);
  const int s = e.status();
  if (s == 401 || s == 403) {
    return ProviderError(
        K::Auth, QStringLiteral("%1 rejected the API key. %2 Set a valid key in Settings or %3.")
                     .arg(name, e.message(), keyVariable(service)));
  }
  if (s == 402) {
    return ProviderError(K::Billing,
                         QStringLiteral("%1 needs billing or credit before it runs this. %2")
                             .arg(name, e.message()));
  }
  if (s == 429)
    return ProviderError(K::RateLimited, e.message() + QStringLiteral(" Try again in a moment."),
                         true);
  if (s >= 500)
    return ProviderError(
        K::Failed, e.message() + QStringLiteral(" The service is having trouble; try again later."),
        true);
  return ProviderError(K::Invalid, e.message(), false);
}

}  // namespace

ProviderError toProviderError(Service service, const HttpError& e) {
  using K = ProviderError::Kind;
  switch (e.kind()) {
    case HttpError::Kind::Cancelled:
      return ProviderError(K::Cancelled, e.message(), false);
    case HttpError::Kind::Network:
      return ProviderError(K::Network, e.message(), true);
    case HttpError::Kind::Timeout:
      return ProviderError(K::Timeout, e.message(), true);
    case HttpError::Kind::Status:
      return fromStatus(service, e);
    case HttpError::Kind::CreateUncertain:
      return ProviderError(K::Failed, e.message(), true);
    case HttpError::Kind::BadResponse:
      return ProviderError(K::Failed, e.message(), true);
    case HttpError::Kind::BadDownload:
      return ProviderError(K::BadOutput, e.message(), true);
  }
  return ProviderError(K::Failed, e.message());
}

void requireKey(const ServiceEndpoint& endpoint) {
  if (endpoint.service == Service::Ollama || endpoint.hasKey()) return;
  throw ProviderError(ProviderError::Kind::Auth, endpoint.status, false);
}

}  // namespace sw::providers::cloud
