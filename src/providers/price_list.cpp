#include "providers/price_list.h"

#include "providers/provider_error.h"

#include <algorithm>

namespace sw::providers {

namespace {

const QString kLocal = QStringLiteral("local");

std::optional<double> rate(const QJsonObject& o, const char* field, const QString& where) {
  const QJsonValue v = o.value(QLatin1String(field));
  if (v.isUndefined() || v.isNull()) return std::nullopt;
  if (!v.isDouble() || v.toDouble() < 0.0)
    throw ProviderError(ProviderError::Kind::Invalid,
                        QStringLiteral("The price \"%1\" of %2 must be a number of USD, 0 or more.")
                            .arg(QLatin1String(field), where));
  return v.toDouble();
}

void setWhy(QString* why, const QString& text) {
  if (why) *why = text;
}

}  // namespace

PriceList PriceList::fromJson(const QJsonObject& services, const QString& origin) {
  PriceList list;
  for (const char* kind : {"speech", "music", "image", "sfx"}) {
    const QJsonObject backends = services.value(QLatin1String(kind)).toObject();
    for (auto it = backends.begin(); it != backends.end(); ++it) {
      const QJsonObject o = it.value().toObject();
      const QString where =
          QStringLiteral("%1 backend \"%2\" in %3").arg(QLatin1String(kind), it.key(), origin);
      ServicePrice p;
      p.perCall = rate(o, "usd_per_call", where);
      p.perSecond = rate(o, "usd_per_second", where);
      p.per1kChars = rate(o, "usd_per_1k_characters", where);
      p.verified = o.value(QStringLiteral("verified")).toBool(false);
      p.source = o.value(QStringLiteral("source")).toString();
      list.kinds_[QLatin1String(kind)].insert(it.key(), p);
    }
  }
  return list;
}

const ServicePrice* PriceList::find(const QString& kind, const QString& backendId) const {
  const auto k = kinds_.constFind(kind);
  if (k == kinds_.constEnd()) return nullptr;
  const auto b = k->constFind(backendId);
  return b == k->constEnd() ? nullptr : &b.value();
}

std::optional<double> PriceList::price(const QString& kind, const QString& backendId,
                                       double seconds, int characters, QString* why) const {
  if (backendId == kLocal) return 0.0;
  const ServicePrice* p = find(kind, backendId);
  if (!p) {
    setWhy(why, QStringLiteral("the model registry has no %1 price for the \"%2\" backend (add "
                               "it under \"services\" in models.json)")
                    .arg(kind, backendId));
    return std::nullopt;
  }
  if (!p->perCall && !p->perSecond && !p->per1kChars) {
    setWhy(why, QStringLiteral("the %1 price of the \"%2\" backend in the model registry has no "
                               "rate (usd_per_call, usd_per_second or usd_per_1k_characters)")
                    .arg(kind, backendId));
    return std::nullopt;
  }
  return p->perCall.value_or(0.0) + p->perSecond.value_or(0.0) * std::max(0.0, seconds) +
         p->per1kChars.value_or(0.0) * std::max(0, characters) / 1000.0;
}

std::optional<double> PriceList::videoCall(const ModelEntry& model, double seconds,
                                           QString* why) const {
  if (model.backend == kLocal) return 0.0;
  const QJsonValue perSecond = model.raw.value(QStringLiteral("cost_per_second"));
  if (perSecond.isDouble()) return perSecond.toDouble() * std::max(0.0, seconds);
  if (model.raw.contains(QStringLiteral("cost_per_call")) || model.costPerCall > 0.0)
    return model.costPerCall;
  setWhy(why, QStringLiteral("model \"%1\" has no cost_per_call or cost_per_second in the model "
                             "registry")
                  .arg(model.key));
  return std::nullopt;
}

std::optional<double> PriceList::speech(const QString& backendId, int characters,
                                        QString* why) const {
  return price(QStringLiteral("speech"), backendId, 0.0, characters, why);
}

std::optional<double> PriceList::music(const QString& backendId, double seconds,
                                       QString* why) const {
  return price(QStringLiteral("music"), backendId, seconds, 0, why);
}

std::optional<double> PriceList::image(const QString& backendId, QString* why) const {
  return price(QStringLiteral("image"), backendId, 0.0, 0, why);
}

std::optional<double> PriceList::sfx(const QString& backendId, double seconds, QString* why) const {
  return price(QStringLiteral("sfx"), backendId, seconds, 0, why);
}

}  // namespace sw::providers
