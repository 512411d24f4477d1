#include "providers/model_registry.h"

#include <cmath>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

namespace sw::providers {
namespace {

using Kind = ProviderError::Kind;

[[noreturn]] void invalid(const QString& message) { throw ProviderError(Kind::Invalid, message); }

QJsonObject readJsonFile(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly))
    invalid(QStringLiteral("Cannot read the model registry %1: %2.").arg(path, file.errorString()));
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
  if (error.error != QJsonParseError::NoError || !doc.isObject())
    invalid(QStringLiteral("The model registry %1 is not a JSON object (%2 at byte %3); fix or "
                           "delete the file.")
                .arg(path, error.errorString())
                .arg(error.offset));
  return doc.object();
}

ModelParams paramsFromJson(const QJsonObject& o) {
  ModelParams p;
  p.prompt = o.value("prompt").toString(p.prompt);
  p.image = o.value("image").toString();
  p.duration = o.value("duration").toString();
  p.seed = o.value("seed").toString();
  p.resolution = o.value("resolution").toString();
  p.fps = o.value("fps").toString();
  p.numFrames = o.value("num_frames").toString();
  p.negativePrompt = o.value("negative_prompt").toString();
  p.referenceImages = o.value("reference_images").toString();
  return p;
}

QList<Resolution> resolutionsFromJson(const QJsonArray& array) {
  QList<Resolution> list;
  for (const QJsonValue& v : array) {
    const QJsonObject o = v.toObject();
    list.append(Resolution{o.value("name").toString(), o.value("width").toInt(),
                           o.value("height").toInt()});
  }
  return list;
}

void checkEntry(const ModelEntry& m, const QString& origin) {
  QStringList problems;
  if (m.backend.isEmpty()) problems << QStringLiteral("no \"backend\"");
  if (m.fps <= 0) problems << QStringLiteral("\"fps\" must be positive");
  if (m.width <= 0 || m.height <= 0) problems << QStringLiteral("\"width\"/\"height\" missing");
  if (m.actualChunkDuration <= 0.0)
    problems << QStringLiteral("\"actual_chunk_duration\" must be positive");
  if (m.costPerCall < 0.0) problems << QStringLiteral("\"cost_per_call\" is negative");
  if (!std::isfinite(m.maxSeconds) || m.maxSeconds < 0.0 || m.maxSeconds > 24 * 3600)
    problems << QStringLiteral("\"max_seconds\" must be between 1 and 86400 (or absent)");
  if (m.requiresImageInput && !m.supportsImageInput)
    problems << QStringLiteral("requires image input but does not support it");
  for (const Resolution& r : m.resolutions)
    if (r.width <= 0 || r.height <= 0)
      problems << QStringLiteral("resolution %1 has no size").arg(r.name);
  if (!problems.isEmpty())
    invalid(QStringLiteral("Model \"%1\" in %2 is incomplete: %3.")
                .arg(m.key, origin, problems.join(QStringLiteral("; "))));
}

bool sizeAllowed(const ModelEntry& m, int w, int h) {
  if (!m.resolutions.isEmpty()) {
    for (const Resolution& r : m.resolutions)
      if (r.width == w && r.height == h) return true;
    return false;
  }
  if (w % 2 != 0 || h % 2 != 0) return false;
  if (m.minWidth > 0 && (w < m.minWidth || h < m.minHeight)) return false;
  if (m.maxWidth > 0 && (w > m.maxWidth || h > m.maxHeight)) return false;
  return m.minWidth > 0 || m.maxWidth > 0 || (w == m.width && h == m.height);
}

QString allowedSizes(const ModelEntry& m) {
  if (m.resolutions.isEmpty()) {
    if (m.maxWidth > 0)
      return QStringLiteral("even sizes from %1x%2 to %3x%4")
          .arg(m.minWidth)
          .arg(m.minHeight)
          .arg(m.maxWidth)
          .arg(m.maxHeight);
    return QStringLiteral("%1x%2").arg(m.width).arg(m.height);
  }
  QStringList list;
  for (const Resolution& r : m.resolutions)
    list << QStringLiteral("%1x%2").arg(r.width).arg(r.height);
  return list.join(QStringLiteral(", "));
}

void validateImages(const VideoRequest& r, const QString& name) {
  const ModelEntry& m = r.model;
  if (!r.startImage.isEmpty() && !m.supportsImageInput)
    invalid(QStringLiteral("%1 is text-to-video only and cannot start from an image; generate "
                           "without a start image or choose a model with image input.")
                .arg(name));
  if (r.startImage.isEmpty() && m.requiresImageInput)
    invalid(QStringLiteral("%1 needs a start image (image-to-video only); give the scene a "
                           "reference image or choose a text-to-video model.")
                .arg(name));
  if (r.referenceImages.size() > m.maxReferenceImages)
    invalid(QStringLiteral("%1 accepts at most %2 reference image(s); %3 were given.")
                .arg(name)
                .arg(m.maxReferenceImages)
                .arg(r.referenceImages.size()));
  for (const QString& file : r.inputFiles()) {
    const QFileInfo info(file);
    if (!info.isFile() || !info.isReadable() || info.size() == 0)
      invalid(QStringLiteral("The input image %1 for %2 is missing, unreadable or empty.")
                  .arg(file, name));
  }
}

void validateTiming(const VideoRequest& r, const QString& name) {
  const ModelEntry& m = r.model;
  if (r.duration < 0.0)
    invalid(QStringLiteral("The requested duration for %1 is negative.").arg(name));
  if (r.duration > 0.0 && m.durationControllable && !m.allowedDurations.isEmpty()) {
    bool ok = false;
    QStringList allowed;
    for (double d : m.allowedDurations) {
      ok = ok || qAbs(d - r.duration) < 1e-6;
      allowed << QString::number(d);
    }
    if (!ok)
      invalid(QStringLiteral("%1 cannot make a %2 s chunk; allowed durations: %3 s.")
                  .arg(name)
                  .arg(r.duration)
                  .arg(allowed.join(QStringLiteral(", "))));
  }
  if (r.fps != 0 && r.fps != m.fps)
    invalid(QStringLiteral("%1 outputs %2 fps, not %3 fps; leave fps at the model's rate (the "
                           "stitch converts the frame rate).")
                .arg(name)
                .arg(m.fps)
                .arg(r.fps));
}

}  // namespace

QJsonObject mergeJson(const QJsonObject& base, const QJsonObject& over) {
  QJsonObject out = base;
  for (auto it = over.begin(); it != over.end(); ++it) {
    const QJsonValue old = out.value(it.key());
    if (old.isObject() && it.value().isObject())
      out.insert(it.key(), mergeJson(old.toObject(), it.value().toObject()));
    else
      out.insert(it.key(), it.value());
  }
  return out;
}

ModelEntry modelEntryFromJson(const QString& key, const QJsonObject& o, const QString& origin) {
  ModelEntry m;
  m.key = key;
  m.displayName = o.value("display_name").toString(key);
  m.backend = o.value("backend").toString();
  m.modelId = o.value("model_id").toString();
  m.version = o.value("version").toString();
  m.endpoint = o.value("endpoint").toString();
  m.costPerCall = o.value("cost_per_call").toDouble();
  m.fps = o.value("fps").toInt();
  m.width = o.value("width").toInt();
  m.height = o.value("height").toInt();
  m.actualChunkDuration = o.value("actual_chunk_duration").toDouble();
  m.durationControllable = o.value("duration_controllable").toBool();
  for (const QJsonValue& v : o.value("allowed_durations").toArray())
    m.allowedDurations << v.toDouble();
  m.resolutions = resolutionsFromJson(o.value("resolutions").toArray());
  m.minWidth = o.value("min_width").toInt();
  m.minHeight = o.value("min_height").toInt();
  m.maxWidth = o.value("max_width").toInt();
  m.maxHeight = o.value("max_height").toInt();
  m.supportsImageInput = o.value("supports_image_input").toBool();
  m.requiresImageInput = o.value("requires_image_input").toBool();
  m.maxReferenceImages = o.value("max_reference_images").toInt();
  m.params = paramsFromJson(o.value("params").toObject());
  m.maxSeconds = o.value("max_seconds").toDouble(0.0);
  // Present but not a number of at least one second: refused by checkEntry().
  if (o.contains("max_seconds") && !(m.maxSeconds >= 1.0)) m.maxSeconds = -1.0;
  m.fixedInputs = o.value("fixed_inputs").toObject();
  m.raw = o;
  checkEntry(m, origin);
  return m;
}

ModelRegistry ModelRegistry::fromJson(const QJsonObject& document, const QString& origin) {
  ModelRegistry registry;
  const QJsonObject models = document.value("models").toObject();
  if (models.isEmpty())
    invalid(QStringLiteral("The model registry %1 lists no models.").arg(origin));
  for (auto it = models.begin(); it != models.end(); ++it)
    registry.models_.insert(it.key(), modelEntryFromJson(it.key(), it.value().toObject(), origin));
  registry.prices_ = PriceList::fromJson(document.value("services").toObject(), origin);
  registry.lipSync_ = LipSyncModels::fromJson(document.value("lipsync").toObject(), origin);
  registry.defaultKey_ = document.value("default").toString(registry.models_.firstKey());
  if (!registry.models_.contains(registry.defaultKey_))
    invalid(QStringLiteral("The default model \"%1\" in %2 is not one of its models (%3).")
                .arg(registry.defaultKey_, origin, registry.keys().join(QStringLiteral(", "))));
  return registry;
}

QString ModelRegistry::userOverridePath() {
  return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
      .filePath(QStringLiteral("models.json"));
}

ModelRegistry ModelRegistry::load() { return load(userOverridePath()); }

ModelRegistry ModelRegistry::load(const QString& overridePath) {
  QJsonObject document = readJsonFile(QString::fromLatin1(kBuiltinPath));
  QString origin = QString::fromLatin1(kBuiltinPath);
  if (!overridePath.isEmpty() && QFileInfo::exists(overridePath)) {
    document = mergeJson(document, readJsonFile(overridePath));
    origin = overridePath;
  }
  return fromJson(document, origin);
}

QStringList ModelRegistry::keys() const { return models_.keys(); }

const ModelEntry* ModelRegistry::find(const QString& key) const {
  auto it = models_.constFind(key);
  return it == models_.constEnd() ? nullptr : &it.value();
}

const ModelEntry& ModelRegistry::model(const QString& key) const {
  if (const ModelEntry* m = find(key)) return *m;
  invalid(QStringLiteral("Unknown model \"%1\"; known models: %2.")
              .arg(key, keys().join(QStringLiteral(", "))));
}

void ModelRegistry::setDefaultKey(const QString& key) {
  model(key);  // throws for an unknown key
  defaultKey_ = key;
}

const ModelEntry& ModelRegistry::resolve(const QString& sceneKey,
                                         const QString& projectDefault) const {
  if (!sceneKey.isEmpty()) return model(sceneKey);
  if (!projectDefault.isEmpty()) return model(projectDefault);
  return model(defaultKey_);
}

void ModelRegistry::validate(const VideoRequest& request) {
  const ModelEntry& m = request.model;
  const QString name = QStringLiteral("Model \"%1\" (%2)").arg(m.key, m.displayName);
  if (m.key.isEmpty() || m.fps <= 0 || m.actualChunkDuration <= 0.0)
    invalid(QStringLiteral("The video request names no usable model; pick one from the registry."));
  if (request.prompt.trimmed().isEmpty() && request.startImage.isEmpty())
    invalid(QStringLiteral("%1 needs a prompt or a start image; the chunk has neither.").arg(name));
  validateImages(request, name);
  validateTiming(request, name);
  const int w = request.width > 0 ? request.width : m.width;
  const int h = request.height > 0 ? request.height : m.height;
  if (!sizeAllowed(m, w, h))
    invalid(QStringLiteral("%1 cannot output %2x%3; it supports %4.")
                .arg(name)
                .arg(w)
                .arg(h)
                .arg(allowedSizes(m)));
}

}  // namespace sw::providers
