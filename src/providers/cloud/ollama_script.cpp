#include "providers/cloud/ollama_script.h"

#include "providers/cloud/cloud_errors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcOllama, "scenewright.cloud.ollama")

namespace sw::providers::cloud {

namespace {

using K = ProviderError::Kind;
constexpr int kNumPredict = 4096;

QJsonObject str() { return {{"type", "string"}}; }

const char* kSystemPrompt =
    "You turn a screenplay or story into scenes for an AI video tool. Answer as JSON only, "
    "matching the "
    "given schema. Each scene has a heading (INT./EXT. location - time), a visual_prompt "
    "describing what "
    "the camera sees, an optional direction (camera movement, shot), duration_s in seconds, "
    "narration "
    "text, the dialogue lines in order (character in upper case, text), and an optional music cue. "
    "List the speaking characters.";

ParsedScene sceneFrom(const QJsonObject& o) {
  ParsedScene s;
  s.heading = o.value("heading").toString().trimmed();
  s.visualPrompt = o.value("visual_prompt").toString().trimmed();
  s.direction = o.value("direction").toString().trimmed();
  if (o.value("duration_s").toDouble() > 0) s.duration = o.value("duration_s").toDouble();
  const QString narration = o.value("narration").toString().trimmed();
  if (!narration.isEmpty()) s.lines.append({QStringLiteral("NARRATOR"), narration, true});
  for (const auto& v : o.value("dialogue").toArray()) {
    const QJsonObject d = v.toObject();
    s.lines.append({d.value("character").toString().trimmed().toUpper(),
                    d.value("text").toString().trimmed(), false});
  }
  s.musicPrompt = o.value("music").toString().trimmed();
  s.musicMood = o.value("music_mood").toString().trimmed();
  s.musicTempo = o.value("music_tempo").toInt();
  return s;
}

}  // namespace

QJsonObject OllamaScriptParser::schema() {
  const QJsonObject line{{"type", "object"},
                         {"required", QJsonArray{"character", "text"}},
                         {"properties", QJsonObject{{"character", str()}, {"text", str()}}}};
  const QJsonObject scene{
      {"type", "object"},
      {"required", QJsonArray{"heading", "visual_prompt"}},
      {"properties", QJsonObject{{"heading", str()},
                                 {"visual_prompt", str()},
                                 {"direction", str()},
                                 {"duration_s", QJsonObject{{"type", "number"}}},
                                 {"narration", str()},
                                 {"dialogue", QJsonObject{{"type", "array"}, {"items", line}}},
                                 {"music", str()},
                                 {"music_mood", str()},
                                 {"music_tempo", QJsonObject{{"type", "integer"}}}}}};
  const QJsonObject character{{"type", "object"},
                              {"required", QJsonArray{"name"}},
                              {"properties", QJsonObject{{"name", str()}}}};
  return {{"type", "object"},
          {"required", QJsonArray{"scenes"}},
          {"properties",
           QJsonObject{{"title", str()},
                       {"characters", QJsonObject{{"type", "array"}, {"items", character}}},
                       {"scenes", QJsonObject{{"type", "array"}, {"items", scene}}}}}};
}

ParsedScript OllamaScriptParser::fromAnswer(const QJsonObject& answer, QString& error) {
  ParsedScript script;
  error.clear();
  const QJsonArray scenes = answer.value("scenes").toArray();
  if (scenes.isEmpty()) {
    error = QStringLiteral("the answer has no \"scenes\" array");
    return script;
  }
  script.title = answer.value("title").toString();
  for (int i = 0; i < scenes.size(); ++i) {
    if (!scenes[i].isObject()) {
      error = QStringLiteral("scene %1 is not an object").arg(i + 1);
      return script;
    }
    ParsedScene s = sceneFrom(scenes[i].toObject());
    if (s.heading.isEmpty() && s.visualPrompt.isEmpty()) {
      error = QStringLiteral("scene %1 has neither a heading nor a visual_prompt").arg(i + 1);
      return script;
    }
    for (const auto& l : s.lines)
      if (!l.narration && !l.character.isEmpty() && !script.characters.contains(l.character))
        script.characters << l.character;
    script.scenes.append(s);
  }
  for (const auto& v : answer.value("characters").toArray()) {
    const QString name = v.toObject().value("name").toString().trimmed().toUpper();
    if (!name.isEmpty() && name != "NARRATOR" && !script.characters.contains(name))
      script.characters << name;
  }
  return script;
}

QString OllamaScriptParser::model() const {
  return setup_.options.value("model").toString(QStringLiteral("llama3.1:8b"));
}

OllamaScriptParser::Attempt OllamaScriptParser::ask(const ScriptRequest& request,
                                                    const GenerationContext& ctx,
                                                    const QString& extraInstruction,
                                                    int numPredict) {
  const QJsonObject body{
      {"model", model()},
      {"stream", false},
      {"format", schema()},
      {"options", QJsonObject{{"temperature", 0}, {"num_predict", numPredict}}},
      {"messages",
       QJsonArray{QJsonObject{{"role", "system"},
                              {"content", QString::fromLatin1(kSystemPrompt) + extraInstruction}},
                  QJsonObject{{"role", "user"}, {"content", request.text}}}}};
  HttpRequest r;
  r.method = "POST";
  r.url = setup_.endpoint.url("/api/chat");
  r.label = QStringLiteral("Ollama script parsing (%1)").arg(model());
  r.setHeader("Content-Type", "application/json");
  r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
  r.timeoutSeconds = setup_.options.value("timeoutSeconds").toInt(300);
  HttpClient http = makeHttpClient(setup_, ctx);
  const QJsonObject reply = http.send(r).jsonObject();
  Attempt a;
  a.truncated = reply.value("done_reason").toString() == QLatin1String("length");
  QJsonParseError err{};
  const QJsonDocument doc = QJsonDocument::fromJson(
      reply.value("message").toObject().value("content").toString().toUtf8(), &err);
  if (err.error != QJsonParseError::NoError || !doc.isObject()) {
    a.problem = QStringLiteral("the answer is not a JSON object (%1)")
                    .arg(err.error != QJsonParseError::NoError ? err.errorString() : "wrong type");
    return a;
  }
  a.answer = doc.object();
  QString problem;
  fromAnswer(a.answer, problem);
  a.problem = problem;
  return a;
}

ParsedScript OllamaScriptParser::parse(const ScriptRequest& request, const GenerationContext& ctx) {
  if (request.text.trimmed().isEmpty())
    throw ProviderError(K::Invalid, QStringLiteral("The script is empty."), false);
  const QString host = setup_.endpoint.baseUrl.toString();
  try {
    ctx.reportProgress(5.0, QStringLiteral("asking %1 at %2").arg(model(), host));
    Attempt a = ask(request, ctx, {}, kNumPredict);
    if (!a.problem.isEmpty()) {
      qCInfo(lcOllama).noquote() << "retrying:" << a.problem
                                 << (a.truncated ? "(cut off by length)" : "");
      const QString stricter =
          QStringLiteral(
              " Your previous answer was unusable: %1. Reply with ONLY one complete JSON "
              "object that matches the schema, with no text before or after it.")
              .arg(a.problem);
      a = ask(request, ctx, stricter, a.truncated ? kNumPredict * 4 : kNumPredict);
    }
    if (!a.problem.isEmpty()) {
      throw ProviderError(
          K::Failed,
          QStringLiteral(
              "Ollama (%1) did not return a usable scene list twice: %2%3. Try a larger model "
              "or shorter text.")
              .arg(model(), a.problem,
                   a.truncated ? QStringLiteral(" (the answer was cut off at the length limit)")
                               : QString()),
          true);
    }
    QString unused;
    ParsedScript script = fromAnswer(a.answer, unused);
    ctx.reportProgress(100.0, QStringLiteral("%1 scenes").arg(script.scenes.size()));
    return script;
  } catch (const HttpError& e) {
    if (e.kind() == HttpError::Kind::Network) {
      throw ProviderError(
          K::Network,
          QStringLiteral("Ollama is not running at %1 (%2). Start it with \"ollama serve\" or set "
                         "OLLAMA_HOST.")
              .arg(host, e.message()),
          true);
    }
    if (e.status() == 404) {
      throw ProviderError(
          K::Invalid,
          QStringLiteral("%1 Download the model with \"ollama pull %2\" or choose another one.")
              .arg(e.message(), model()),
          false);
    }
    throw toProviderError(Service::Ollama, e);
  }
}

}  // namespace sw::providers::cloud
