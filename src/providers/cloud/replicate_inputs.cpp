#include "providers/cloud/replicate_inputs.h"

#include <QJsonArray>
#include <cmath>

namespace sw::providers::cloud {

namespace {

const QString kMusicgenVersion =
    QStringLiteral("671ac645ce5e552cc63a54a2bbff63fcf798043055d2dac5fc9e36a837eedcfb");
const QString kKokoroVersion =
    QStringLiteral("f559560eb822dc509045f3921a1921234918b91739db4bf3daab2169b71c7a13");

QJsonValue number(double v) {
  return std::abs(v - std::round(v)) < 1e-9 ? QJsonValue(static_cast<qint64>(std::llround(v)))
                                            : QJsonValue(v);
}

// The duration the model accepts for the requested one: the smallest allowed value that is at
// least as long, else the longest allowed.
double allowedDuration(const ModelEntry& m, double wanted) {
  if (m.allowedDurations.isEmpty()) return wanted;
  double best = -1;
  for (double d : m.allowedDurations)
    if (d + 1e-9 >= wanted && (best < 0 || d < best)) best = d;
  if (best < 0) best = *std::max_element(m.allowedDurations.begin(), m.allowedDurations.end());
  return best;
}

QString resolutionName(const VideoRequest& r) {
  const ModelEntry& m = r.model;
  const int w = r.width > 0 ? r.width : m.width;
  const int h = r.height > 0 ? r.height : m.height;
  for (const auto& res : m.resolutions)
    if (res.width == w && res.height == h) return res.name;
  return m.resolutions.isEmpty() ? QString() : m.resolutions.first().name;
}

}  // namespace

ReplicateModel videoModel(const ModelEntry& entry) {
  const bool byVersion = entry.endpoint == QLatin1String("version") && !entry.version.isEmpty();
  return ReplicateModel{entry.modelId, byVersion ? entry.version : QString()};
}

QJsonObject videoInput(const VideoRequest& r, const FileInput& fileInput) {
  const ModelEntry& m = r.model;
  const ModelParams& p = m.params;
  QJsonObject in = m.fixedInputs;
  in[p.prompt.isEmpty() ? QStringLiteral("prompt") : p.prompt] = r.fullPrompt();
  if (!r.startImage.isEmpty() && !p.image.isEmpty()) in[p.image] = fileInput(r.startImage);
  if (!p.referenceImages.isEmpty() && !r.referenceImages.isEmpty()) {
    QJsonArray refs;
    for (const auto& path : r.referenceImages) refs.append(fileInput(path));
    in[p.referenceImages] = refs;
  }
  if (!p.duration.isEmpty()) {
    in[p.duration] =
        number(allowedDuration(m, r.duration > 0 ? r.duration : m.actualChunkDuration));
  }
  if (!p.seed.isEmpty() && r.seed != 0) in[p.seed] = r.seed;
  if (!p.resolution.isEmpty()) {
    const QString name = resolutionName(r);
    if (!name.isEmpty()) in[p.resolution] = name;
  }
  if (!p.fps.isEmpty() && r.fps > 0) in[p.fps] = r.fps;
  if (!p.numFrames.isEmpty() && r.duration > 0 && m.durationControllable) {
    in[p.numFrames] = static_cast<qint64>(std::llround(r.duration * (r.fps > 0 ? r.fps : m.fps)));
  }
  return in;
}

ReplicateModel imageModel(const QString& requested) {
  return {requested.isEmpty() ? QStringLiteral("black-forest-labs/flux-schnell") : requested, {}};
}

ReplicateModel musicModel(const QString& requested) {
  if (requested.isEmpty() || requested == QLatin1String("meta/musicgen"))
    return {"meta/musicgen", kMusicgenVersion};
  const qsizetype colon = requested.indexOf(':');
  return colon > 0 ? ReplicateModel{requested.left(colon), requested.mid(colon + 1)}
                   : ReplicateModel{requested, {}};
}

ReplicateModel speechModel(const QString& requested) {
  if (requested == QLatin1String("jaaari/kokoro-82m")) return {requested, kKokoroVersion};
  return {requested.isEmpty() ? QStringLiteral("minimax/speech-02-turbo") : requested, {}};
}

QString closestAspectRatio(int width, int height) {
  static const QList<QPair<QString, double>> ratios = {
      {"1:1", 1.0},     {"16:9", 16.0 / 9}, {"21:9", 21.0 / 9}, {"3:2", 1.5},
      {"2:3", 2.0 / 3}, {"4:5", 0.8},       {"5:4", 1.25},      {"3:4", 0.75},
      {"4:3", 4.0 / 3}, {"9:16", 9.0 / 16}, {"9:21", 9.0 / 21}};
  const double want = height > 0 ? double(width) / height : 1.0;
  QString best = "1:1";
  double diff = 1e9;
  for (const auto& r : ratios) {
    const double d = std::abs(std::log(r.second / want));
    if (d < diff) {
      diff = d;
      best = r.first;
    }
  }
  return best;
}

QJsonObject imageInput(const ImageRequest& r) {
  QJsonObject in{{"prompt", r.style.isEmpty() ? r.prompt : r.prompt + ". " + r.style},
                 {"aspect_ratio", closestAspectRatio(r.width, r.height)},
                 {"num_outputs", 1},
                 {"output_format", "png"},
                 {"megapixels", "1"}};
  if (r.seed != 0) in["seed"] = r.seed;
  return in;
}

QJsonObject musicInput(const MusicRequest& r) {
  QString prompt = r.prompt;
  if (!r.mood.isEmpty()) prompt += (prompt.isEmpty() ? "" : ", ") + r.mood;
  if (r.tempo > 0) prompt += QStringLiteral(", %1 bpm").arg(r.tempo);
  QJsonObject in{{"prompt", prompt},
                 {"duration", static_cast<int>(std::ceil(std::max(1.0, r.duration)))},
                 {"model_version", "stereo-large"},
                 {"output_format", "wav"},
                 {"normalization_strategy", "loudness"}};
  if (r.seed != 0) in["seed"] = r.seed;
  return in;
}

QJsonObject speechInput(const SpeechRequest& r, const ReplicateModel& model) {
  const double speed = r.voiceSettings.value("speed").toDouble(1.0);
  if (model.name == QLatin1String("jaaari/kokoro-82m")) {
    return {{"text", r.text},
            {"voice", r.voice.isEmpty() ? QStringLiteral("af_bella") : r.voice},
            {"speed", speed}};
  }
  QJsonObject in{{"text", r.text},
                 {"voice_id", r.voice.isEmpty() ? QStringLiteral("Wise_Woman") : r.voice},
                 {"speed", speed},
                 {"audio_format", "wav"}};
  if (r.voiceSettings.contains("emotion")) in["emotion"] = r.voiceSettings.value("emotion");
  return in;
}

}  // namespace sw::providers::cloud
