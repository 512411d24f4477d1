#include "providers/cloud/model_discovery.h"

#include "providers/cloud/cloud_errors.h"
#include "providers/provider_error.h"

#include <QJsonArray>

namespace sw::providers::cloud {

namespace {

using K = ProviderError::Kind;

QString valueText(const QJsonValue& v) {
  if (v.isDouble()) return QString::number(v.toDouble());
  if (v.isBool()) return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
  return v.toString();
}

// A property with its enum: inline, or through {"allOf": [{"$ref": "#/components/schemas/x"}]}
// (Cog's form) or a bare "$ref".
QJsonObject resolveProperty(QJsonObject property, const QJsonObject& schemas) {
  if (property.contains(QStringLiteral("enum"))) return property;
  QStringList refs;
  if (property.contains(QStringLiteral("$ref")))
    refs << property.value(QStringLiteral("$ref")).toString();
  for (const char* list : {"allOf", "anyOf", "oneOf"})
    for (const QJsonValue& part : property.value(QLatin1String(list)).toArray())
      if (part.toObject().contains(QStringLiteral("$ref")))
        refs << part.toObject().value(QStringLiteral("$ref")).toString();
  static const QString prefix = QStringLiteral("#/components/schemas/");
  for (const QString& ref : refs) {
    if (!ref.startsWith(prefix)) continue;
    const QJsonObject target = schemas.value(ref.mid(prefix.size())).toObject();
    if (target.contains(QStringLiteral("enum"))) {
      property.insert(QStringLiteral("enum"), target.value(QStringLiteral("enum")));
      if (!property.contains(QStringLiteral("type")))
        property.insert(QStringLiteral("type"), target.value(QStringLiteral("type")));
      break;
    }
  }
  return property;
}

void addFinding(ModelRefresh& r, const QString& kind, const QString& field,
                const QString& message) {
  r.warnings.append(RefreshFinding{kind, field, message});
}

// The values the entry sends to `field`, each with where it comes from.
QList<QPair<QString, QString>> sentValues(const ModelEntry& e, const QString& field) {
  QList<QPair<QString, QString>> out;
  if (!e.params.resolution.isEmpty() && field == e.params.resolution)
    for (const Resolution& r : e.resolutions) out.append({r.name, QStringLiteral("resolutions")});
  if (!e.params.duration.isEmpty() && field == e.params.duration)
    for (double d : e.allowedDurations)
      out.append({QString::number(d), QStringLiteral("allowed_durations")});
  if (e.fixedInputs.contains(field))
    out.append({valueText(e.fixedInputs.value(field)), QStringLiteral("fixed_inputs")});
  return out;
}

ProviderError readError(const HttpError& e, const ServiceEndpoint& endpoint, const QString& modelId,
                        const QString& entry, int timeoutSeconds) {
  const QString what =
      QStringLiteral("Replicate model %1 (registry entry \"%2\")").arg(modelId, entry);
  const QString service = e.serviceText().isEmpty()
                              ? QString()
                              : QStringLiteral(" Replicate said: %1").arg(e.serviceText());
  switch (e.kind()) {
    case HttpError::Kind::Network:
      return ProviderError(K::Network,
                           QStringLiteral("%1: Replicate at %2 is not reachable (%3); check the "
                                          "network or REPLICATE_BASE_URL.")
                               .arg(what, endpoint.baseUrl.toString(), e.message()));
    case HttpError::Kind::Timeout:
      return ProviderError(K::Timeout,
                           QStringLiteral("%1: no answer from Replicate at %2 within %3 s; check "
                                          "the network and try again.")
                               .arg(what, endpoint.baseUrl.toString())
                               .arg(timeoutSeconds));
    case HttpError::Kind::Status:
      if (e.status() == 401 || e.status() == 403)
        return ProviderError(K::Auth,
                             QStringLiteral("%1: Replicate rejected the API token (HTTP %2); set a "
                                            "valid key in Preferences or REPLICATE_API_TOKEN.%3")
                                 .arg(what)
                                 .arg(e.status())
                                 .arg(service));
      if (e.status() == 404)
        return ProviderError(K::Invalid,
                             QStringLiteral("%1: Replicate has no such model (HTTP 404); it was "
                                            "renamed or removed, or is private: fix \"model_id\" "
                                            "of the entry in your models.json.%2")
                                 .arg(what, service),
                             false);
      if (e.status() == 429)
        return ProviderError(K::RateLimited,
                             QStringLiteral("%1: Replicate kept answering HTTP 429 (rate limited) "
                                            "after the retries; try again in a minute.%2")
                                 .arg(what, service));
      break;
    default:
      break;
  }
  const ProviderError general = toProviderError(Service::Replicate, e);
  return ProviderError(general.kind(), QStringLiteral("%1: %2").arg(what, general.message()),
                       general.retryable());
}

}  // namespace

QStringList ModelSchema::enumValues(const QString& field) const {
  QStringList values;
  for (const QJsonValue& v : inputs.value(field).value(QStringLiteral("enum")).toArray())
    values << valueText(v);
  return values;
}

ModelSchema ModelSchema::fromJson(const QJsonObject& model, const QString& modelId) {
  if (!model.contains(QStringLiteral("latest_version")) && !model.contains(QStringLiteral("name")))
    throw HttpError(
        HttpError::Kind::BadResponse,
        QStringLiteral("Replicate answered for model %1 without a model object").arg(modelId));
  ModelSchema s;
  s.modelId = modelId;
  const QJsonObject version = model.value(QStringLiteral("latest_version")).toObject();
  s.latestVersion = version.value(QStringLiteral("id")).toString();
  s.versionCreatedAt = version.value(QStringLiteral("created_at")).toString();
  const QJsonObject schemas = version.value(QStringLiteral("openapi_schema"))
                                  .toObject()
                                  .value(QStringLiteral("components"))
                                  .toObject()
                                  .value(QStringLiteral("schemas"))
                                  .toObject();
  const QJsonObject input = schemas.value(QStringLiteral("Input")).toObject();
  s.hasSchema = input.contains(QStringLiteral("properties"));
  const QJsonObject properties = input.value(QStringLiteral("properties")).toObject();
  for (auto it = properties.begin(); it != properties.end(); ++it)
    s.inputs.insert(it.key(), resolveProperty(it.value().toObject(), schemas));
  for (const QJsonValue& v : input.value(QStringLiteral("required")).toArray())
    s.required << v.toString();
  return s;
}

QString ModelRefresh::status() const {
  if (!error.isEmpty()) return QStringLiteral("error");
  return warnings.isEmpty() && !newerVersion ? QStringLiteral("ok") : QStringLiteral("changed");
}

QJsonObject ModelRefresh::toJson() const {
  QJsonArray list;
  for (const RefreshFinding& f : warnings)
    list.append(QJsonObject{{"kind", f.kind}, {"field", f.field}, {"message", f.message}});
  QJsonObject o{{"key", key},
                {"modelId", modelId},
                {"status", status()},
                {"pinnedVersion", pinnedVersion},
                {"latestVersion", latestVersion},
                {"versionPinned", versionPinned},
                {"newerVersion", newerVersion},
                {"warnings", list}};
  if (!error.isEmpty()) o.insert(QStringLiteral("error"), error);
  return o;
}

QMap<QString, QString> sentFields(const ModelEntry& entry) {
  QMap<QString, QString> fields;
  const QJsonObject params = entry.raw.value(QStringLiteral("params")).toObject();
  if (!params.contains(QStringLiteral("prompt")) && !entry.params.prompt.isEmpty())
    fields.insert(entry.params.prompt, QStringLiteral("params.prompt"));
  for (auto it = params.begin(); it != params.end(); ++it)
    if (!it.value().toString().isEmpty())
      fields.insert(it.value().toString(), QStringLiteral("params.") + it.key());
  for (auto it = entry.fixedInputs.begin(); it != entry.fixedInputs.end(); ++it)
    if (!fields.contains(it.key())) fields.insert(it.key(), QStringLiteral("fixed_inputs"));
  return fields;
}

ModelRefresh compareWithSchema(const ModelEntry& entry, const ModelSchema& schema) {
  ModelRefresh r;
  r.key = entry.key;
  r.modelId = entry.modelId;
  r.pinnedVersion = entry.version;
  r.latestVersion = schema.latestVersion;
  r.versionPinned = entry.endpoint == QLatin1String("version") || !entry.version.isEmpty();
  r.newerVersion = r.versionPinned && !schema.latestVersion.isEmpty() &&
                   schema.latestVersion != entry.version &&
                   !entry.version.endsWith(u':' + schema.latestVersion);
  if (!schema.hasSchema) {
    addFinding(r, QStringLiteral("no_schema"), {},
               QStringLiteral("%1: Replicate gave no input schema for %2; its field names could "
                              "not be checked.")
                   .arg(entry.key, entry.modelId));
    return r;
  }
  const QMap<QString, QString> fields = sentFields(entry);
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    if (!schema.inputs.contains(it.key())) {
      addFinding(r, QStringLiteral("missing_field"), it.key(),
                 QStringLiteral("%1: field \"%2\" (%3) is no longer an input of %4; its inputs "
                                "are: %5.")
                     .arg(entry.key, it.key(), it.value(), entry.modelId,
                          QStringList(schema.inputs.keys()).join(QStringLiteral(", "))));
      continue;
    }
    const QStringList allowed = schema.enumValues(it.key());
    if (allowed.isEmpty()) continue;
    for (const auto& [value, from] : sentValues(entry, it.key()))
      if (!allowed.contains(value))
        addFinding(r, QStringLiteral("enum_value"), it.key(),
                   QStringLiteral("%1: value \"%2\" (%3) is not allowed for \"%4\" any more; "
                                  "allowed: %5.")
                       .arg(entry.key, value, from, it.key(), allowed.join(QStringLiteral(", "))));
  }
  for (const QString& required : schema.required)
    if (!fields.contains(required))
      addFinding(r, QStringLiteral("required_input"), required,
                 QStringLiteral("%1: %2 requires the input \"%3\", which the entry does not "
                                "send.")
                     .arg(entry.key, entry.modelId, required));
  return r;
}

ModelSchema fetchModelSchema(HttpClient& http, const ServiceEndpoint& endpoint,
                             const QString& modelId, const QString& entryKey, int timeoutSeconds) {
  HttpRequest request;
  request.method = "GET";
  request.url = endpoint.url(QStringLiteral("/v1/models/") + modelId);
  request.label = QStringLiteral("Replicate: read model %1").arg(modelId);
  request.timeoutSeconds = timeoutSeconds;
  request.setHeader("Accept", "application/json");
  if (endpoint.sameHost(request.url))
    request.setHeader("Authorization", "Bearer " + endpoint.apiKey.toUtf8());
  try {
    const HttpResponse response = http.send(request);
    return ModelSchema::fromJson(response.jsonObject(), modelId);
  } catch (const HttpError& e) {
    throw readError(e, endpoint, modelId, entryKey, timeoutSeconds);
  }
}

ModelRefresh refreshModel(HttpClient& http, const ServiceEndpoint& endpoint,
                          const ModelEntry& entry, int timeoutSeconds) {
  try {
    return compareWithSchema(
        entry, fetchModelSchema(http, endpoint, entry.modelId, entry.key, timeoutSeconds));
  } catch (const ProviderError& e) {
    ModelRefresh r;
    r.key = entry.key;
    r.modelId = entry.modelId;
    r.pinnedVersion = entry.version;
    r.error = e.message();
    return r;
  }
}

QJsonObject versionOverride(const QJsonObject& userDocument, const QList<ModelRefresh>& refreshes,
                            QStringList* changes) {
  QJsonObject document = userDocument;
  QJsonObject models = document.value(QStringLiteral("models")).toObject();
  for (const ModelRefresh& r : refreshes) {
    if (!r.newerVersion || !r.error.isEmpty()) continue;
    if (!r.warnings.isEmpty()) {
      if (changes)
        *changes << QStringLiteral(
                        "%1: version left at %2: the new version's inputs differ "
                        "(see the warnings); edit the entry by hand")
                        .arg(r.key, r.pinnedVersion);
      continue;
    }
    QJsonObject entry = models.value(r.key).toObject();
    entry.insert(QStringLiteral("version"), r.latestVersion);
    models.insert(r.key, entry);
    if (changes)
      *changes
          << QStringLiteral("%1: version %2 -> %3").arg(r.key, r.pinnedVersion, r.latestVersion);
  }
  document.insert(QStringLiteral("models"), models);
  return document;
}

}  // namespace sw::providers::cloud
