// What every cloud backend object holds: the resolved endpoint, the clock and the retry policy,
// read once from the backend's settings options. Options understood (all optional):
//   baseUrl      the service's base URL (else the environment, else the public default)
//   useKeychain  false = do not ask the system keychain (environment only)
//   timeScale    real seconds per virtual second for every wait (tests; default 1)
//   maxAttempts  retry attempts per request (default 5)
#pragma once

#include "providers/price_list.h"

#include "providers/capabilities.h"
#include "providers/cloud/clock.h"
#include "providers/cloud/http_client.h"
#include "providers/cloud/service_config.h"

namespace sw::providers::cloud {

struct CloudSetup {
  ServiceEndpoint endpoint;
  std::shared_ptr<const Clock> clock;
  RetryPolicy retry;
  QJsonObject options;
  PriceList prices;  // the registry's (estimateCostUsd); a backend's own figure when it has none
};

CloudSetup makeCloudSetup(Service service, const QJsonObject& options, SecretStore* secrets);
// Same, reading the keychain (unless options say otherwise) and the process environment.
CloudSetup makeCloudSetup(Service service, const QJsonObject& options);

// An HttpClient bound to the call's cancel flag.
HttpClient makeHttpClient(const CloudSetup& setup, const GenerationContext& ctx);

// Fills duration/size/mime of a result from the downloaded file (probing it).
GenerationResult resultFromFile(const QString& path, const QByteArray& contentType);

}  // namespace sw::providers::cloud
