// Fake ElevenLabs (/v1/text-to-speech/{voice}[/with-timestamps], /v1/sound-generation) and
// OpenAI-compatible TTS (/v1/audio/speech).
#include "fakecloud/fake_state.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace sw::fakecloud {

namespace {

Reply elevenError(int status, const QString& code, const QString& message) {
  return jsonReply(status, {{"detail", QJsonObject{{"status", code}, {"message", message}}}});
}

QString kindForElevenFormat(const QString& format) {
  if (format.startsWith("mp3")) return "mp3";
  return "wav";  // wav_*, pcm_* (served as WAV: the fake keeps one audio fixture per kind)
}

QJsonObject alignment(const QString& text) {
  QJsonArray chars, starts, ends;
  for (int i = 0; i < text.size(); ++i) {
    chars.append(QString(text[i]));
    starts.append(i * 0.06);
    ends.append((i + 1) * 0.06);
  }
  return {{"characters", chars},
          {"character_start_times_seconds", starts},
          {"character_end_times_seconds", ends}};
}

Reply elevenAudio(const FakeState& st, const Exchange& ex, bool timestamps) {
  const QString format = ex.query.queryItemValue("output_format").isEmpty()
                             ? QStringLiteral("mp3_44100_128")
                             : ex.query.queryItemValue("output_format");
  const QString kind = kindForElevenFormat(format);
  const QByteArray audio = st.fixtures.value(kind);
  if (!timestamps) return rawReply(200, audio, contentTypeOf(kind).toUtf8());
  const QString text = QJsonDocument::fromJson(ex.body).object().value("text").toString();
  return jsonReply(200, {{"audio_base64", QString::fromLatin1(audio.toBase64())},
                         {"alignment", alignment(text)},
                         {"normalized_alignment", alignment(text)}});
}

void eleven(FakeState& st, Exchange& ex, bool timestamps) {
  if (ex.header("xi-api-key") != st.tokens.elevenlabs)
    return ex.reply(elevenError(401, "invalid_api_key", "Invalid API key"));
  const auto& s = ex.scenario.elevenlabs;
  const QJsonObject body = QJsonDocument::fromJson(ex.body).object();
  if (s.unprocessable || body.value("text").toString().isEmpty())
    return ex.reply(
        jsonReply(422, {{"detail", QJsonArray{QJsonObject{{"loc", QJsonArray{"body", "text"}},
                                                          {"msg", "field required"},
                                                          {"type", "value_error.missing"}}}}}));
  if (st.bump("eleven") <= s.busy429)
    return ex.reply(elevenError(
        429, "system_busy", "The system is experiencing heavy traffic, please try again later."));
  if (s.maxConcurrent > 0 && st.speechInFlight >= s.maxConcurrent) {
    return ex.reply(
        elevenError(429, "too_many_concurrent_requests",
                    "You have too many concurrent requests. Please upgrade your plan."));
  }
  const Reply r = elevenAudio(st, ex, timestamps);
  if (s.slowMs <= 0) return ex.reply(r);
  st.speechMaxInFlight = std::max(st.speechMaxInFlight, ++st.speechInFlight);
  st.later(s.slowMs, [&st, ex, r] {
    QMutexLocker lock(&st.mutex);
    --st.speechInFlight;
    ex.reply(r);
  });
}

Reply validationError(const QString& field, const QString& message, const QString& type) {
  return jsonReply(
      422,
      {{"detail", QJsonArray{QJsonObject{
                      {"loc", QJsonArray{"body", field}}, {"msg", message}, {"type", type}}}}});
}

// POST /v1/sound-generation: text, duration_seconds (null or 0.5-30), prompt_influence (0-1);
// answers the audio bytes in the query's output_format.
void elevenSoundGeneration(FakeState& st, Exchange& ex) {
  if (ex.header("xi-api-key") != st.tokens.elevenlabs)
    return ex.reply(elevenError(401, "invalid_api_key", "Invalid API key"));
  const auto& s = ex.scenario.elevenlabs;
  const QJsonObject body = QJsonDocument::fromJson(ex.body).object();
  if (body.value("text").toString().isEmpty())
    return ex.reply(validationError("text", "field required", "value_error.missing"));
  const QJsonValue duration = body.value("duration_seconds");
  if (!duration.isUndefined() && !duration.isNull() &&
      (duration.toDouble() < 0.5 || duration.toDouble() > 30.0))
    return ex.reply(validationError("duration_seconds",
                                    "Duration must be between 0.5 and 30 seconds.", "value_error"));
  const double influence = body.value("prompt_influence").toDouble(0.3);
  if (influence < 0.0 || influence > 1.0)
    return ex.reply(validationError("prompt_influence",
                                    "ensure this value is less than or equal to 1", "value_error"));
  if (s.unprocessable)
    return ex.reply(validationError("text", "The prompt could not be turned into a sound (fake).",
                                    "value_error"));
  if (s.quotaExceeded)
    return ex.reply(elevenError(401, "quota_exceeded",
                                "This request exceeds your quota of 10000. You have 0 credits "
                                "remaining, while 100 credits are required for this request."));
  if (st.bump("eleven-sfx") <= s.busy429)
    return ex.reply(elevenError(
        429, "system_busy", "The system is experiencing heavy traffic, please try again later."));
  const QString format = ex.query.queryItemValue("output_format").isEmpty()
                             ? QStringLiteral("mp3_44100_128")
                             : ex.query.queryItemValue("output_format");
  const QString kind = kindForElevenFormat(format);
  ex.reply(rawReply(200, st.fixtures.value(kind), contentTypeOf(kind).toUtf8()));
}

Reply openAiError(int status, const QString& message, const QString& type,
                  const QString& param = {}) {
  return jsonReply(
      status, {{"error", QJsonObject{{"message", message},
                                     {"type", type},
                                     {"param", param.isEmpty() ? QJsonValue() : QJsonValue(param)},
                                     {"code", QJsonValue::Null}}}});
}

void openAi(FakeState& st, Exchange& ex) {
  if (ex.header("Authorization") != "Bearer " + st.tokens.openai)
    return ex.reply(openAiError(401, "Incorrect API key provided.", "invalid_request_error"));
  const QJsonObject body = QJsonDocument::fromJson(ex.body).object();
  const auto& s = ex.scenario.openai;
  const QString input = body.value("input").toString();
  if (body.value("model").toString().isEmpty() || body.value("voice").toString().isEmpty() ||
      input.isEmpty())
    return ex.reply(
        openAiError(400, "model, input and voice are required", "invalid_request_error"));
  if (input.size() > 4096) {
    return ex.reply(
        openAiError(400,
                    QStringLiteral("[{'type': 'string_too_long', 'loc': ('body', 'input'), 'msg': "
                                   "'String should have at most 4096 characters'}]"),
                    "invalid_request_error", "input"));
  }
  if (s.unprocessable)
    return ex.reply(openAiError(400, "Invalid voice settings for this model (fake)",
                                "invalid_request_error", "voice"));
  if (st.bump("openai") <= s.busy429) {
    Reply r = openAiError(429, "Rate limit reached for requests", "requests");
    r.header("x-ratelimit-limit-requests", "50").header("x-ratelimit-remaining-requests", "0");
    r.header("x-ratelimit-reset-requests", "1s")
        .header("Retry-After", "1")
        .header("x-request-id", "req_fake429");
    return ex.reply(r);
  }
  const QString format = body.value("response_format").toString("mp3");
  const QString kind = format == "wav" ? "wav" : "mp3";
  Reply r = rawReply(200, st.fixtures.value(kind), contentTypeOf(kind).toUtf8());
  r.header("x-request-id", "req_" + st.newId(12).toUtf8());
  if (s.slowMs <= 0) return ex.reply(r);
  st.later(s.slowMs, [&st, ex, r] {
    QMutexLocker lock(&st.mutex);
    ex.reply(r);
  });
}

}  // namespace

bool handleElevenLabs(FakeState& st, Exchange& ex) {
  if (ex.path == "/v1/sound-generation") {
    QMutexLocker lock(&st.mutex);
    elevenSoundGeneration(st, ex);
    return true;
  }
  static const QRegularExpression re("^/v1/text-to-speech/([^/]+)(/with-timestamps)?$");
  const auto m = re.match(ex.path);
  if (!m.hasMatch()) return false;
  QMutexLocker lock(&st.mutex);
  eleven(st, ex, !m.captured(2).isEmpty());
  return true;
}

bool handleOpenAi(FakeState& st, Exchange& ex) {
  if (ex.path != "/v1/audio/speech") return false;
  QMutexLocker lock(&st.mutex);
  openAi(st, ex);
  return true;
}

}  // namespace sw::fakecloud
