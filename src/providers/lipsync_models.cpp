#include "providers/lipsync_models.h"

#include "providers/provider_error.h"

#include <algorithm>

namespace sw::providers {

namespace {

[[noreturn]] void invalid(const QString& message) {
  throw ProviderError(ProviderError::Kind::Invalid, message, false);
}

std::optional<double> rate(const QJsonObject& o, const char* field, const QString& where) {
  const QJsonValue v = o.value(QLatin1String(field));
  if (v.isUndefined() || v.isNull()) return std::nullopt;
  if (!v.isDouble() || v.toDouble() < 0.0)
    invalid(QStringLiteral("The price \"%1\" of %2 must be a number of USD, 0 or more.")
                .arg(QLatin1String(field), where));
  return v.toDouble();
}

}  // namespace

std::optional<double> LipSyncModel::price(double seconds) const {
  if (!usdPerSecond && !usdPerCall) return std::nullopt;
  return usdPerCall.value_or(0.0) + usdPerSecond.value_or(0.0) * std::max(0.0, seconds);
}

LipSyncModels LipSyncModels::fromJson(const QJsonObject& section, const QString& origin) {
  LipSyncModels out;
  const QJsonObject models = section.value(QStringLiteral("models")).toObject();
  for (auto it = models.begin(); it != models.end(); ++it) {
    const QJsonObject o = it.value().toObject();
    const QString where = QStringLiteral("lip-sync model \"%1\" in %2").arg(it.key(), origin);
    LipSyncModel m;
    m.key = it.key();
    m.displayName = o.value("display_name").toString(it.key());
    m.backend = o.value("backend").toString();
    m.modelId = o.value("model_id").toString();
    m.version = o.value("version").toString();
    m.endpoint = o.value("endpoint").toString(QStringLiteral("model"));
    const QJsonObject params = o.value("params").toObject();
    m.videoField = params.value("video").toString(m.videoField);
    m.audioField = params.value("audio").toString(m.audioField);
    m.fixedInputs = o.value("fixed_inputs").toObject();
    m.usdPerSecond = rate(o, "usd_per_second", where);
    m.usdPerCall = rate(o, "usd_per_call", where);
    m.priceVerified = o.value("price_verified").toBool(false);
    m.maxSeconds = o.value("max_seconds").toDouble(0.0);
    if (m.backend.isEmpty() || m.modelId.isEmpty())
      invalid(QStringLiteral("The %1 needs a \"backend\" and a \"model_id\".").arg(where));
    if (m.videoField.isEmpty() || m.audioField.isEmpty())
      invalid(
          QStringLiteral("The %1 names no video or audio input field (\"params\").").arg(where));
    out.models_.insert(m.key, m);
  }
  const QJsonObject defaults = section.value(QStringLiteral("default")).toObject();
  for (auto it = defaults.begin(); it != defaults.end(); ++it) {
    const QString key = it.value().toString();
    if (!out.models_.contains(key) || out.models_.value(key).backend != it.key())
      invalid(QStringLiteral("The default lip-sync model \"%1\" for %2 in %3 is not one of its %2 "
                             "models.")
                  .arg(key, it.key(), origin));
    out.defaults_.insert(it.key(), key);
  }
  return out;
}

const LipSyncModel* LipSyncModels::find(const QString& key) const {
  const auto it = models_.constFind(key);
  return it == models_.constEnd() ? nullptr : &it.value();
}

const LipSyncModel& LipSyncModels::resolve(const QString& backend, const QString& key) const {
  QStringList mine;
  for (const LipSyncModel& m : models_)
    if (m.backend == backend) mine << m.key;
  const QString known = mine.isEmpty() ? QStringLiteral("none") : mine.join(QStringLiteral(", "));
  const QString wanted = key.isEmpty() ? defaults_.value(backend) : key;
  const LipSyncModel* m = wanted.isEmpty() ? nullptr : find(wanted);
  if (!m || m->backend != backend)
    invalid(QStringLiteral("No lip-sync model \"%1\" for the %2 backend in the model registry "
                           "(known: %3). Add it to the \"lipsync\" section of models.json.")
                .arg(wanted.isEmpty() ? QStringLiteral("(default)") : wanted, backend, known));
  return *m;
}

}  // namespace sw::providers
