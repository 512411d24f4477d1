// PriceList: what each kind of generation call costs, in USD, read from the registry document
// (resources/models.json: video prices in each model's entry, every other kind in "services").
// A backend id of "local" always costs 0. An unknown price is an empty optional with the reason
// (no entry for that backend, or the entry has no rate), never a guess. Plain value; thread-safe
// to share once built.
#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <optional>

#include "providers/model_entry.h"

namespace sw::providers {

// One service's rate for one kind of call, as the registry states it.
struct ServicePrice {
  std::optional<double> perCall;     // usd_per_call
  std::optional<double> perSecond;   // usd_per_second
  std::optional<double> per1kChars;  // usd_per_1k_characters
  bool verified = false;             // checked against the service's published price page
  QString source;                    // where the figure comes from
};

class PriceList {
 public:
  // From the registry document's "services" object: {"speech": {"openai":
  // {"usd_per_1k_characters": 0.015, "verified": false, "source": "..."}, ...}, "music": ...,
  // "image": ..., "sfx": ...}. Throws ProviderError(Invalid) naming `origin` for a negative rate.
  static PriceList fromJson(const QJsonObject& services, const QString& origin);

  // A video call of `seconds` with `model` (the model's own backend decides: "local" is free):
  // "cost_per_second" x seconds when the entry has one, else "cost_per_call" (one chunk).
  std::optional<double> videoCall(const ModelEntry& model, double seconds,
                                  QString* why = nullptr) const;
  std::optional<double> speech(const QString& backendId, int characters,
                               QString* why = nullptr) const;
  std::optional<double> music(const QString& backendId, double seconds,
                              QString* why = nullptr) const;
  std::optional<double> image(const QString& backendId, QString* why = nullptr) const;
  std::optional<double> sfx(const QString& backendId, double seconds, QString* why = nullptr) const;

  // The stated rate (nullptr when the registry has none): for "verified" marks and tests.
  const ServicePrice* find(const QString& kind, const QString& backendId) const;

 private:
  std::optional<double> price(const QString& kind, const QString& backendId, double seconds,
                              int characters, QString* why) const;
  QMap<QString, QMap<QString, ServicePrice>> kinds_;  // kind -> backend id -> price
};

}  // namespace sw::providers
