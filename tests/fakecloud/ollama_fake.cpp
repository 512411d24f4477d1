// Fake Ollama: /api/chat and /api/generate (single object with stream:false, NDJSON otherwise),
// /api/tags, /api/version, and the invalid-JSON / length / 404 / 503 / mid-stream-error scenarios.
#include "fakecloud/fake_state.h"

#include <QJsonDocument>

namespace sw::fakecloud {

namespace {

struct Answer {
  QByteArray content;
  QString doneReason = "stop";
};

Answer answerFor(FakeState& st, const OllamaScenario& s) {
  using C = OllamaScenario::Content;
  const int n = st.bump("ollama-answer");
  switch (s.content) {
    case C::InvalidJson:
      return {"Sure! Here is the screenplay as JSON: {scenes: [", "stop"};
    case C::InvalidOnce:
      return n == 1 ? Answer{"{\"scenes\": [ {\"heading\": ", "stop"}
                    : Answer{s.cannedJson, "stop"};
    case C::Truncated:
      return {s.cannedJson.left(s.cannedJson.size() / 2), "length"};
    case C::Valid:
      break;
  }
  return {s.cannedJson, "stop"};
}

QJsonObject finalObject(const QString& model, const FakeState& st, const Answer& a, bool chat,
                        qint64 loadMs) {
  QJsonObject o{{"model", model},
                {"created_at", st.isoTime(st.nowMs())},
                {"done", true},
                {"done_reason", a.doneReason},
                {"total_duration", 2254970291LL + loadMs * 1000000},
                {"load_duration", 574751416LL + loadMs * 1000000},
                {"prompt_eval_count", 88},
                {"prompt_eval_duration", 1502000000LL},
                {"eval_count", 41},
                {"eval_duration", 175000000LL}};
  if (chat) {
    o["message"] = QJsonObject{{"role", "assistant"}, {"content", QString::fromUtf8(a.content)}};
  } else {
    o["response"] = QString::fromUtf8(a.content);
  }
  return o;
}

QByteArray ndjson(const QString& model, const FakeState& st, const Answer& a, bool chat,
                  bool errorMidStream) {
  QByteArray out;
  const QString text = QString::fromUtf8(a.content);
  for (int i = 0; i < text.size(); i += 16) {
    QJsonObject piece{{"model", model}, {"created_at", st.isoTime(st.nowMs())}, {"done", false}};
    if (chat) {
      piece["message"] = QJsonObject{{"role", "assistant"}, {"content", text.mid(i, 16)}};
    } else {
      piece["response"] = text.mid(i, 16);
    }
    out += QJsonDocument(piece).toJson(QJsonDocument::Compact) + "\n";
    if (errorMidStream && i >= 16) {
      return out +
             R"({"error":"an error was encountered while running the model: unexpected EOF"})" +
             "\n";
    }
  }
  return out + QJsonDocument(finalObject(model, st, a, chat, 0)).toJson(QJsonDocument::Compact) +
         "\n";
}

void generate(FakeState& st, Exchange& ex, bool chat) {
  const QJsonObject body = QJsonDocument::fromJson(ex.body).object();
  const auto& s = ex.scenario.ollama;
  const QString model = body.value("model").toString();
  if (model.isEmpty()) return ex.reply(jsonReply(400, {{"error", "model is required"}}));
  if (s.modelMissing)
    return ex.reply(jsonReply(
        404,
        {{"error", QStringLiteral("model \"%1\" not found, try pulling it first").arg(model)}}));
  if (st.bump("ollama") <= s.busy503)
    return ex.reply(jsonReply(
        503, {{"error", "server busy, please try again.  maximum pending requests exceeded"}}));
  const Answer a = answerFor(st, s);
  const bool stream = !body.contains("stream") || body.value("stream").toBool();
  const Reply r =
      stream ? rawReply(200, ndjson(model, st, a, chat, s.errorMidStream), "application/x-ndjson")
             : jsonReply(200, finalObject(model, st, a, chat, s.loadDelayMs));
  if (s.loadDelayMs <= 0) return ex.reply(r);
  st.later(s.loadDelayMs, [&st, ex, r] {
    QMutexLocker lock(&st.mutex);
    ex.reply(r);
  });
}

}  // namespace

bool handleOllama(FakeState& st, Exchange& ex) {
  if (!ex.path.startsWith("/api/")) return false;
  QMutexLocker lock(&st.mutex);
  if (ex.path == "/api/chat" && ex.method == "POST") {
    generate(st, ex, true);
  } else if (ex.path == "/api/generate" && ex.method == "POST") {
    generate(st, ex, false);
  } else if (ex.path == "/api/version") {
    ex.reply(jsonReply(200, {{"version", "0.5.1"}}));
  } else if (ex.path == "/api/tags") {
    const QJsonObject model{{"name", "llama3.1:8b"},
                            {"model", "llama3.1:8b"},
                            {"size", 4920753328LL},
                            {"digest", "46e0c10c039e"}};
    ex.reply(jsonReply(200, QJsonObject{{"models", QJsonArray{model}}}));
  } else {
    ex.reply(jsonReply(404, {{"error", "404 page not found"}}));
  }
  return true;
}

}  // namespace sw::fakecloud
