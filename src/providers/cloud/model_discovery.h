// Model discovery for Replicate (`scenewright-cli models refresh`, docs/cloud-protocols.md §1.9):
// reads a model's current version and input schema (GET /v1/models/{owner}/{name}:
// latest_version.id and latest_version.openapi_schema.components.schemas.Input) and compares them
// with what a registry entry sends: every field it maps (params) or fixes (fixed_inputs) must
// still be an input, the values it sends to enum inputs (resolution names, allowed durations,
// fixed values) must still be allowed, the model's required inputs must be sent, and a pinned
// version is compared with the latest. Nothing here changes an entry: the findings are reported,
// and versionOverride() builds the user override only when the caller asks for it.
#pragma once

#include "providers/cloud/http_client.h"
#include "providers/cloud/service_config.h"
#include "providers/model_entry.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sw::providers::cloud {

// What the API says about a model's latest version.
struct ModelSchema {
  QString modelId;        // owner/name
  QString latestVersion;  // latest_version.id; empty when the model has no version
  QString versionCreatedAt;
  bool hasSchema = false;             // latest_version.openapi_schema had an Input object
  QMap<QString, QJsonObject> inputs;  // Input.properties, $ref/allOf enums resolved into "enum"
  QStringList required;               // Input.required

  // The allowed values of an enum input as text ("6", "768p"); empty for a free input.
  QStringList enumValues(const QString& field) const;
  // Parses a model object; throws HttpError(BadResponse) naming the model when it is not one.
  static ModelSchema fromJson(const QJsonObject& model, const QString& modelId);
};

struct RefreshFinding {
  QString kind;   // "missing_field", "enum_value", "required_input", "no_schema"
  QString field;  // the model's input name
  QString message;
};

// One registry entry checked against its model's schema.
struct ModelRefresh {
  QString key;      // registry key
  QString modelId;  // owner/name
  QString pinnedVersion;
  QString latestVersion;
  bool versionPinned = false;  // the entry creates by version (endpoint "version")
  bool newerVersion = false;   // pinned and the latest version differs
  QList<RefreshFinding> warnings;
  QString error;  // the model could not be read (then nothing else is known)

  QString status() const;  // "ok", "changed" (warnings or a newer version), "error"
  QJsonObject toJson() const;
};

// The entry's input names and the registry field each comes from: {"first_frame_image":
// "params.image", "prompt_optimizer": "fixed_inputs"}.
QMap<QString, QString> sentFields(const ModelEntry& entry);

// Pure: the findings for `entry` against `schema`.
ModelRefresh compareWithSchema(const ModelEntry& entry, const ModelSchema& schema);

// GET /v1/models/{modelId}; throws ProviderError whose message names the model and the registry
// entry (401/403 key, 404 model, 429 rate limit, timeout, unreachable server).
ModelSchema fetchModelSchema(HttpClient& http, const ServiceEndpoint& endpoint,
                             const QString& modelId, const QString& entryKey, int timeoutSeconds);

// fetchModelSchema() + compareWithSchema(); a failure becomes the result's `error`.
ModelRefresh refreshModel(HttpClient& http, const ServiceEndpoint& endpoint,
                          const ModelEntry& entry, int timeoutSeconds = 30);

// `userDocument` (the user's models.json, possibly empty) with the latest version written into
// every pinned entry that has a newer one and no field warnings; `changes` lists each change in
// words. Other fields and entries are kept as they are.
QJsonObject versionOverride(const QJsonObject& userDocument, const QList<ModelRefresh>& refreshes,
                            QStringList* changes);

}  // namespace sw::providers::cloud
