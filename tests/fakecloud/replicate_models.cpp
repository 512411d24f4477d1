// The fake Replicate's model table (inputs of docs/cloud-protocols.md §2) and input validation.
#include "fakecloud/fake_state.h"

#include <QCryptographicHash>
#include <QJsonArray>

namespace sw::fakecloud {

namespace {

using Fields = QList<QPair<QString, QStringList>>;

FakeModel model(const QString& name, const QString& version, bool official, const QString& output,
                Fields fields) {
  return FakeModel{name, version, official, output, std::move(fields)};
}

Fields hailuoFields(const QStringList& resolutions, bool lastFrame) {
  Fields f{{"prompt", {}},
           {"first_frame_image", {}},
           {"duration", {"6", "10"}},
           {"resolution", resolutions},
           {"prompt_optimizer", {}}};
  if (lastFrame) f.append(QPair<QString, QStringList>(QStringLiteral("last_frame_image"), {}));
  return f;
}

}  // namespace

QList<FakeModel> defaultModels() {
  return {
      model("minimax/hailuo-02", "hidden", true, "video",
            hailuoFields({"512p", "768p", "1080p"}, true)),
      model("minimax/hailuo-2.3", "hidden", true, "video", hailuoFields({"768p", "1080p"}, false)),
      model("minimax/hailuo-2.3-fast", "hidden", true, "video",
            hailuoFields({"768p", "1080p"}, false)),
      model("wavespeedai/wan-2.1-i2v-480p", "hidden", true, "video",
            {{"image", {}},
             {"prompt", {}},
             {"num_frames", {}},
             {"frames_per_second", {}},
             {"max_area", {"832x480", "480x832"}},
             {"fast_mode", {"Off", "Balanced", "Fast"}},
             {"sample_steps", {}},
             {"sample_guide_scale", {}},
             {"sample_shift", {}},
             {"seed", {}},
             {"lora_weights", {}},
             {"lora_scale", {}}}),
      model("black-forest-labs/flux-schnell", "hidden", true, "image",
            {{"prompt", {}},
             {"aspect_ratio",
              {"1:1", "16:9", "21:9", "3:2", "2:3", "4:5", "5:4", "3:4", "4:3", "9:16", "9:21"}},
             {"num_outputs", {}},
             {"num_inference_steps", {}},
             {"output_format", {"webp", "jpg", "png"}},
             {"output_quality", {}},
             {"megapixels", {"1", "0.25"}},
             {"go_fast", {}},
             {"seed", {}},
             {"disable_safety_checker", {}}}),
      model("meta/musicgen", "671ac645ce5e552cc63a54a2bbff63fcf798043055d2dac5fc9e36a837eedcfb",
            false, "audio",
            {{"prompt", {}},
             {"model_version", {"stereo-melody-large", "stereo-large", "melody-large", "large"}},
             {"duration", {}},
             {"output_format", {"wav", "mp3"}},
             {"normalization_strategy", {"loudness", "clip", "peak", "rms"}},
             {"input_audio", {}},
             {"continuation", {}},
             {"continuation_start", {}},
             {"continuation_end", {}},
             {"multi_band_diffusion", {}},
             {"top_k", {}},
             {"top_p", {}},
             {"temperature", {}},
             {"classifier_free_guidance", {}},
             {"seed", {}}}),
      model("minimax/speech-02-turbo", "hidden", true, "audio",
            {{"text", {}},
             {"voice_id", {}},
             {"speed", {}},
             {"volume", {}},
             {"pitch", {}},
             {"emotion",
              {"auto", "happy", "sad", "angry", "fearful", "disgusted", "surprised", "calm",
               "fluent", "neutral"}},
             {"audio_format", {"mp3", "wav", "flac", "pcm"}},
             {"sample_rate", {}},
             {"bitrate", {}},
             {"channel", {"mono", "stereo"}},
             {"language_boost", {}},
             {"english_normalization", {}},
             {"subtitle_enable", {}}}),
      model("jaaari/kokoro-82m", "f559560eb822dc509045f3921a1921234918b91739db4bf3daab2169b71c7a13",
            false, "audio", {{"text", {}}, {"voice", {}}, {"speed", {}}}),
      model("anotherjesse/zeroscope-v2-xl",
            "9f747673945c62801b13b84701c783929c0ee784e4748ec062204894dda1a351", false, "video",
            {{"prompt", {}},
             {"seed", {}},
             {"fps", {}},
             {"num_frames", {}},
             {"negative_prompt", {}},
             {"width", {}},
             {"height", {}}}),
      model("lucataco/animate-diff",
            "beecf59c4aee8d81bf04f0381033dfa10dc16e845b4ae00d281e2fa377e48a9f", false, "video",
            {{"prompt", {}}, {"seed", {}}, {"n_prompt", {}}}),
      model("runwayml/gen4-turbo", "hidden", true, "video",
            {{"prompt", {}},
             {"image", {}},
             {"duration", {"5", "10"}},
             {"seed", {}},
             {"aspect_ratio", {"16:9", "9:16", "1:1"}}}),
  };
}

// Empty when the input fits the model; otherwise the invalid_fields entries.
QJsonArray validateInput(const FakeModel& m, const QJsonObject& input) {
  QJsonArray invalid;
  for (auto it = input.begin(); it != input.end(); ++it) {
    const auto field = std::find_if(m.fields.begin(), m.fields.end(),
                                    [&](const auto& f) { return f.first == it.key(); });
    if (field == m.fields.end()) {
      invalid.append(
          QJsonObject{{"type", "additional_property_not_allowed"},
                      {"field", ""},
                      {"description", "Additional property " + it.key() + " is not allowed"}});
      continue;
    }
    const QString value = it.value().toVariant().toString();
    if (!field->second.isEmpty() && !field->second.contains(value)) {
      invalid.append(
          QJsonObject{{"type", "enum"},
                      {"field", it.key()},
                      {"description", it.key() + " must be one of: " + field->second.join(", ")}});
    }
  }
  return invalid;
}

// GET /v1/models/{owner}/{name} (docs/cloud-protocols.md §1.9): the model object with its
// latest version and a Cog-style OpenAPI schema, enum inputs as allOf $ref to their own schema.
QJsonObject modelObject(const FakeModel& m) {
  QJsonObject properties;
  QJsonObject schemas;
  int order = 0;
  for (const auto& [name, values] : m.fields) {
    QJsonObject property{{"title", name}, {"x-order", order++}};
    if (values.isEmpty()) {
      property.insert("type", "string");
    } else {
      bool numbers = true;
      for (const QString& v : values) {
        bool ok = false;
        v.toDouble(&ok);
        numbers = numbers && ok;
      }
      QJsonArray allowed;
      for (const QString& v : values) numbers ? allowed.append(v.toDouble()) : allowed.append(v);
      schemas.insert(name, QJsonObject{{"title", name},
                                       {"type", numbers ? "integer" : "string"},
                                       {"enum", allowed},
                                       {"description", "An enumeration."}});
      property.insert("allOf", QJsonArray{QJsonObject{{"$ref", "#/components/schemas/" + name}}});
      property.insert("default", allowed.first());
    }
    properties.insert(name, property);
  }
  QJsonObject input{{"type", "object"}, {"title", "Input"}, {"properties", properties}};
  if (!m.required.isEmpty()) input.insert("required", QJsonArray::fromStringList(m.required));
  schemas.insert("Input", input);
  schemas.insert("Output", QJsonObject{{"type", "string"}, {"title", "Output"}, {"format", "uri"}});
  const QString version =
      m.version == "hidden"
          ? QString::fromLatin1(
                QCryptographicHash::hash(m.name.toUtf8(), QCryptographicHash::Sha256).toHex())
          : m.version;
  const QJsonObject latest{
      {"id", version},
      {"created_at", "2026-03-02T10:00:00.000000Z"},
      {"cog_version", "0.14.0"},
      {"openapi_schema", QJsonObject{{"openapi", "3.0.2"},
                                     {"info", QJsonObject{{"title", "Cog"}, {"version", "0.1.0"}}},
                                     {"paths", QJsonObject{}},
                                     {"components", QJsonObject{{"schemas", schemas}}}}}};
  const QString owner = m.name.section('/', 0, 0);
  const QString name = m.name.section('/', 1);
  return {{"url", "https://replicate.com/" + m.name},
          {"owner", owner},
          {"name", name},
          {"description", "A fake " + m.output + " model"},
          {"visibility", "public"},
          {"github_url", QJsonValue::Null},
          {"paper_url", QJsonValue::Null},
          {"license_url", QJsonValue::Null},
          {"run_count", 1234},
          {"cover_image_url", QJsonValue::Null},
          {"default_example", QJsonValue::Null},
          {"latest_version", latest}};
}

// The fixture kind an output of this model and input has.
QString outputKind(const FakeModel& m, const QJsonObject& input) {
  if (m.output == "video") return "mp4";
  if (m.output == "image") return "png";
  const QString format =
      input.value("output_format").toString(input.value("audio_format").toString());
  if (format == "mp3") return "mp3";
  if (format.isEmpty() && m.name == "minimax/speech-02-turbo") return "mp3";
  return "wav";
}

}  // namespace sw::fakecloud
