#include "model/project_json.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

#include "model/store_util.h"

namespace sw::model {

QJsonObject assetToJson(const Asset& a) {
  return {{"kind", a.kind},         {"cacheKey", a.cacheKey},
          {"filePath", a.filePath}, {"mime", a.mime},
          {"duration", a.duration}, {"width", a.width},
          {"height", a.height},     {"provider", a.provider},
          {"model", a.model},       {"parameters", a.parameters},
          {"cost", a.cost},         {"created", detail::timeText(a.created)}};
}

Asset assetFromJson(const QJsonObject& o) {
  Asset a;
  a.kind = o["kind"].toString();
  a.cacheKey = o["cacheKey"].toString();
  a.filePath = o["filePath"].toString();
  a.mime = o["mime"].toString();
  a.duration = o["duration"].toDouble();
  a.width = o["width"].toInt();
  a.height = o["height"].toInt();
  a.provider = o["provider"].toString();
  a.model = o["model"].toString();
  a.parameters = o["parameters"].toObject();
  a.cost = o["cost"].toDouble();
  a.created = detail::parseTime(o["created"].toString());
  return a;
}

namespace {

// Maps asset ids to cache keys while exporting.
class AssetKeys {
 public:
  explicit AssetKeys(ProjectStore& store) : store_(store) {}
  QJsonValue keyOf(std::optional<Id> id) {
    if (!id) return QJsonValue::Null;
    auto a = store_.asset(*id);
    return a ? QJsonValue(a->cacheKey) : QJsonValue::Null;
  }

 private:
  ProjectStore& store_;
};

QJsonObject chunkJson(ProjectStore& store, AssetKeys& keys, const Chunk& c) {
  QJsonArray takes;
  for (const Take& t : store.takes(c.id))
    takes.append(QJsonObject{{"asset", keys.keyOf(t.assetId)},
                             {"prompt", t.prompt},
                             {"seed", double(t.seed)},
                             {"direction", t.direction},
                             {"modelKey", t.modelKey},
                             {"cost", t.cost}});
  QJsonObject out{{"prompt", c.prompt},
                  {"direction", c.direction},
                  {"seed", double(c.seed)},
                  {"modelKey", c.modelKey},
                  {"status", toString(c.status)},
                  {"asset", keys.keyOf(c.assetId)},
                  {"trimIn", c.trimIn},
                  {"trimOut", c.trimOut},
                  {"transition", c.transition},
                  {"transitionDuration", c.transitionDuration},
                  {"cost", c.cost},
                  {"error", c.error},
                  {"takes", takes}};
  if (c.keptAsIs()) out.insert(QStringLiteral("keptAsIs"), true);
  return out;
}

QJsonObject sceneJson(ProjectStore& store, AssetKeys& keys, const Scene& s,
                      const QMap<Id, QString>& characterNames) {
  QJsonArray dialogue, sfx, chunks;
  for (const DialogueLine& l : store.dialogueLines(s.id)) {
    QJsonObject line{{"character", characterNames.value(l.characterId)},
                     {"text", l.text},
                     {"asset", keys.keyOf(l.assetId)}};
    if (l.lipSync) line.insert(QStringLiteral("lipSync"), true);  // absent = off (older files)
    dialogue.append(line);
  }
  for (const SfxCue& c : store.sfxCues(s.id))
    sfx.append(QJsonObject{{"time", c.time},
                           {"description", c.description},
                           {"file", c.file},
                           {"gainDb", c.gainDb},
                           {"asset", keys.keyOf(c.assetId)}});
  for (const Chunk& c : store.chunks(s.id)) chunks.append(chunkJson(store, keys, c));
  return {{"title", s.title},
          {"script", s.script},
          {"narration", s.narration},
          {"visualPrompt", s.visualPrompt},
          {"directionPrompt", s.directionPrompt},
          {"targetDuration", s.targetDuration},
          {"modelKey", s.modelKey},
          {"music",
           QJsonObject{{"prompt", s.musicPrompt}, {"mood", s.musicMood}, {"tempo", s.musicTempo}}},
          {"referenceAsset", keys.keyOf(s.referenceAssetId)},
          {"narrationAsset", keys.keyOf(s.narrationAssetId)},
          {"musicAsset", keys.keyOf(s.musicAssetId)},
          {"dialogue", dialogue},
          {"sfx", sfx},
          {"chunks", chunks}};
}

}  // namespace

QJsonObject exportProject(ProjectStore& store) {
  const Project p = store.project();
  AssetKeys keys(store);
  QJsonArray characters, scenes, assets;
  QMap<Id, QString> names;
  for (const Character& c : store.characters()) {
    names.insert(c.id, c.name);
    characters.append(
        QJsonObject{{"name", c.name}, {"voice", c.voice}, {"voiceSettings", c.voiceSettings}});
  }
  for (const Asset& a : store.assets()) assets.append(assetToJson(a));
  for (const Scene& s : store.scenes()) scenes.append(sceneJson(store, keys, s, names));
  return {{"format", kProjectJsonFormat},
          {"version", kProjectJsonVersion},
          {"project", QJsonObject{{"name", p.name}, {"settings", p.settings}}},
          {"characters", characters},
          {"assets", assets},
          {"scenes", scenes}};
}

}  // namespace sw::model
