// Ollama script parsing ("ollama"): POST /api/chat with stream:false, a JSON-schema `format`,
// temperature 0. The answer's message.content is parsed again and checked against the schema;
// a malformed answer is retried once with stricter instructions, a truncated one
// (done_reason "length") once with a larger num_predict. Connection refused says that Ollama is
// not running at the configured host.
#pragma once

#include "providers/capabilities.h"
#include "providers/cloud/cloud_setup.h"

namespace sw::providers::cloud {

class OllamaScriptParser final : public ScriptParser {
 public:
  explicit OllamaScriptParser(CloudSetup setup) : setup_(std::move(setup)) {}
  QString backendId() const override { return QStringLiteral("ollama"); }
  ParsedScript parse(const ScriptRequest& request, const GenerationContext& ctx) override;

  static QJsonObject schema();
  // Converts a schema-shaped answer; empty `error` on success, else what is wrong with it.
  static ParsedScript fromAnswer(const QJsonObject& answer, QString& error);

 private:
  struct Attempt {
    QJsonObject answer;  // parsed JSON (empty when not parsable)
    QString problem;     // why the answer is unusable (empty = usable)
    bool truncated = false;
  };
  Attempt ask(const ScriptRequest& request, const GenerationContext& ctx,
              const QString& extraInstruction, int numPredict);
  QString model() const;

  CloudSetup setup_;
};

}  // namespace sw::providers::cloud
