#include "providers/capabilities.h"

#include <QJsonArray>

namespace sw::providers {

QString toString(Capability capability) {
  switch (capability) {
    case Capability::Script:
      return QStringLiteral("script");
    case Capability::Image:
      return QStringLiteral("image");
    case Capability::Video:
      return QStringLiteral("video");
    case Capability::Speech:
      return QStringLiteral("speech");
    case Capability::Music:
      return QStringLiteral("music");
    case Capability::SoundEffect:
      return QStringLiteral("sfx");
    case Capability::LipSync:
      return QStringLiteral("lipsync");
  }
  return QStringLiteral("unknown");
}

void GenerationContext::throwIfCancelled(const QString& what) const {
  if (isCancelled())
    throw ProviderError(ProviderError::Kind::Cancelled,
                        QStringLiteral("%1 was cancelled.").arg(what));
}

QString ParsedScene::narration() const {
  QStringList parts;
  for (const ParsedDialogue& line : lines)
    if (line.narration) parts << line.text;
  return parts.join(QStringLiteral("\n\n"));
}

QJsonObject ImageRequest::canonical() const {
  return QJsonObject{{"prompt", prompt}, {"style", style},   {"seed", QString::number(seed)},
                     {"width", width},   {"height", height}, {"model", model}};
}

QString VideoRequest::fullPrompt() const {
  const QString p = prompt.trimmed();
  const QString d = direction.trimmed();
  if (d.isEmpty()) return p;
  if (p.isEmpty()) return d;
  const bool ends = p.endsWith('.') || p.endsWith('!') || p.endsWith('?');
  return p + (ends ? QStringLiteral(" ") : QStringLiteral(". ")) + d;
}

QJsonObject VideoRequest::canonical() const {
  return QJsonObject{
      {"prompt", prompt},
      {"direction", direction},
      {"seed", QString::number(seed)},
      {"model", model.key},
      {"modelId", model.modelId},
      {"version", model.version},
      {"modelFps", model.fps},
      {"modelWidth", model.width},
      {"modelHeight", model.height},
      {"modelChunk", model.actualChunkDuration},
      {"imageToVideo", !startImage.isEmpty()},
      {"references", static_cast<int>(referenceImages.size())},
      {"duration", duration},
      {"fps", fps},
      {"width", width},
      {"height", height},
  };
}

QStringList VideoRequest::inputFiles() const {
  QStringList files;
  if (!startImage.isEmpty()) files << startImage;
  files << referenceImages;
  return files;
}

QJsonObject SpeechRequest::canonical() const {
  QJsonObject json{{"text", text},
                   {"character", character},
                   {"voice", voice},
                   {"voiceSettings", voiceSettings},
                   {"model", model}};
  if (take > 0) json.insert(QStringLiteral("take"), take);  // take 0 keeps its older cache keys
  return json;
}

QJsonObject MusicRequest::canonical() const {
  return QJsonObject{{"prompt", prompt},
                     {"mood", mood},
                     {"tempo", tempo},
                     {"duration", duration},
                     {"seed", QString::number(seed)},
                     {"model", model}};
}

QJsonObject SoundEffectRequest::canonical() const {
  return QJsonObject{{"description", description},
                     {"duration", duration},
                     {"seed", QString::number(seed)},
                     {"model", model}};
}

QJsonObject LipSyncRequest::canonical() const { return QJsonObject{{"model", model}}; }

QStringList LipSyncRequest::inputFiles() const { return {video, audio}; }

}  // namespace sw::providers
