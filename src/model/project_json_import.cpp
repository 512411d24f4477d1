// Project JSON: validation and import (export is in project_json.cpp).
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <limits>

#include "model/value_ranges.h"

#include <cmath>
#include "model/asset_paths.h"
#include "model/project_json.h"
#include "model/store_batches.h"
#include "model/store_util.h"

namespace sw::model {

namespace {

[[noreturn]] void invalid(const QString& where, const QString& what) {
  throw StoreError(StoreError::Kind::Invalid,
                   QStringLiteral("Project JSON: %1: %2.").arg(where, what));
}

void requireString(const QJsonObject& o, const char* key, const QString& where, bool nonEmpty) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (!v.isString())
    invalid(where, QStringLiteral("'%1' must be a string").arg(QLatin1String(key)));
  if (nonEmpty && v.toString().trimmed().isEmpty())
    invalid(where, QStringLiteral("'%1' must not be empty").arg(QLatin1String(key)));
}

// A number in [lo, hi] when present (a huge literal such as 400 nines parses as infinity: refused).
void optionalNumber(const QJsonObject& o, const char* key, const QString& where, double lo,
                    double hi) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined()) return;
  if (!v.isDouble())
    invalid(where, QStringLiteral("'%1' must be a number").arg(QLatin1String(key)));
  if (!std::isfinite(v.toDouble()) || v.toDouble() < lo || v.toDouble() > hi)
    invalid(where, QStringLiteral("'%1' (%2) must be between %3 and %4")
                       .arg(QLatin1String(key))
                       .arg(v.toDouble())
                       .arg(lo)
                       .arg(hi));
}

QJsonArray arrayOf(const QJsonObject& o, const char* key, const QString& where) {
  const QJsonValue v = o.value(QLatin1String(key));
  if (v.isUndefined()) return {};
  if (!v.isArray()) invalid(where, QStringLiteral("'%1' must be an array").arg(QLatin1String(key)));
  return v.toArray();
}

void validateScene(const QJsonObject& s, const QString& where, const QSet<QString>& characters) {
  optionalNumber(s, "targetDuration", where, ranges::kMinSceneSeconds, ranges::kMaxSceneSeconds);
  optionalNumber(s["music"].toObject(), "tempo", where + QStringLiteral(".music"), 0,
                 ranges::kMaxTempo);
  const QJsonArray dialogue = arrayOf(s, "dialogue", where);
  for (int i = 0; i < dialogue.size(); ++i) {
    const QString at = QStringLiteral("%1.dialogue[%2]").arg(where).arg(i);
    const QJsonObject line = dialogue[i].toObject();
    requireString(line, "character", at, true);
    requireString(line, "text", at, false);
    if (line.contains("lipSync") && !line["lipSync"].isBool())
      invalid(at, QStringLiteral("'lipSync' must be true or false"));
    if (!characters.contains(line["character"].toString()))
      invalid(at, QStringLiteral("character '%1' is not in 'characters'")
                      .arg(line["character"].toString()));
  }
  const QJsonArray sfx = arrayOf(s, "sfx", where);
  for (int i = 0; i < sfx.size(); ++i) {
    const QString at = QStringLiteral("%1.sfx[%2]").arg(where).arg(i);
    if (!sfx[i].toObject()["time"].isDouble())
      invalid(at, QStringLiteral("'time' must be a number"));
    optionalNumber(sfx[i].toObject(), "time", at, 0, ranges::kMaxSceneSeconds);
    optionalNumber(sfx[i].toObject(), "gainDb", at, ranges::kMinGainDb, ranges::kMaxGainDb);
  }
  const QJsonArray chunks = arrayOf(s, "chunks", where);
  for (int i = 0; i < chunks.size(); ++i) {
    const QString at = QStringLiteral("%1.chunks[%2]").arg(where).arg(i);
    const QJsonObject c = chunks[i].toObject();
    const QString status = c["status"].toString(QStringLiteral("pending"));
    if (!chunkStatusFromString(status))
      invalid(at, QStringLiteral("unknown status '%1'").arg(status));
    const QString transition = c["transition"].toString(QStringLiteral("cut"));
    if (transition != QLatin1String("cut") && transition != QLatin1String("crossfade"))
      invalid(at, QStringLiteral("transition must be 'cut' or 'crossfade'"));
    optionalNumber(c, "trimIn", at, 0, ranges::kMaxMediaSeconds);
    optionalNumber(c, "trimOut", at, 0, ranges::kMaxMediaSeconds);
    optionalNumber(c, "transitionDuration", at, 0, ranges::kMaxTransitionSeconds);
    optionalNumber(c, "cost", at, 0, ranges::kMaxCostUsd);
    optionalNumber(c, "seed", at, -9223372036854775808.0, 9223372036854775808.0);
    QSet<QString> takeAssets;
    const QJsonArray takes = arrayOf(c, "takes", at);
    for (int k = 0; k < takes.size(); ++k) {
      const QString takeAt = QStringLiteral("%1.takes[%2]").arg(at).arg(k);
      const QJsonObject t = takes[k].toObject();
      optionalNumber(t, "cost", takeAt, 0, ranges::kMaxCostUsd);
      optionalNumber(t, "seed", takeAt, -9223372036854775808.0, 9223372036854775808.0);
      const QString asset = t["asset"].toString();
      if (takeAssets.contains(asset))
        invalid(takeAt, QStringLiteral("the same take (asset '%1') is listed twice").arg(asset));
      takeAssets.insert(asset);
    }
  }
}

// A seed as qint64: the document's number is clamped to the qint64 range (converting a double
// outside it is undefined; an exported INT64_MAX reads back as 2^63).
qint64 seedOf(const QJsonValue& v) {
  constexpr double kLimit = 9223372036854775808.0;  // 2^63
  const double d = v.toDouble();
  if (!(d < kLimit)) return std::numeric_limits<qint64>::max();
  if (d < -kLimit) return std::numeric_limits<qint64>::min();
  return qint64(d);
}

Id importChunk(ProjectStore& store, BatchedWriter& batch, const QJsonObject& c, Id sceneId,
               int position,
               const std::function<std::optional<Id>(const QJsonValue&, const QString&)>& asset,
               const QString& where) {
  Chunk chunk;
  chunk.sceneId = sceneId;
  chunk.position = position;
  chunk.prompt = c["prompt"].toString();
  chunk.direction = c["direction"].toString();
  chunk.seed = seedOf(c["seed"]);
  chunk.modelKey = c["modelKey"].toString();
  chunk.status = chunkStatusFromString(c["status"].toString(QStringLiteral("pending"))).value();
  chunk.trimIn = c["trimIn"].toDouble();
  chunk.trimOut = c["trimOut"].toDouble();
  chunk.transition = c["transition"].toString(QStringLiteral("cut"));
  chunk.transitionDuration = c["transitionDuration"].toDouble();
  chunk.error = c["error"].toString();
  const Id id = store.addChunk(chunk);
  for (const QJsonValue& tv : c["takes"].toArray()) {
    const QJsonObject t = tv.toObject();
    auto assetId = asset(t["asset"], where + QStringLiteral(".takes"));
    if (!assetId) invalid(where, QStringLiteral("a take has no asset"));
    store.addTake(Take{0,
                       id,
                       *assetId,
                       t["prompt"].toString(),
                       seedOf(t["seed"]),
                       t["modelKey"].toString(),
                       t["cost"].toDouble(),
                       {},
                       t["direction"].toString()});
    batch.row();
  }
  // Takes make the last one active; restore what the document says is active.
  chunk.id = id;
  chunk.assetId = asset(c["asset"], where);
  chunk.seed = seedOf(c["seed"]);
  chunk.cost = c["cost"].toDouble();
  if (c["keptAsIs"].toBool()) chunk.keptAssetId = chunk.assetId;
  store.updateChunk(chunk);
  batch.row();
  return id;
}

// The canonical form of a file the document names, inside the project folder or the asset cache.
QString confinedFile(const QString& path, const AssetRoots& roots, const QString& where) {
  const ConfinedPath checked = confinePath(path, roots);
  if (!checked.ok())
    invalid(where, QStringLiteral("%1. An import only refers to files in the project folder or "
                                  "the asset cache: copy the file into the project folder and "
                                  "refer to it there (or leave 'filePath' empty to find an asset "
                                  "by its cache key)")
                       .arg(checked.problem));
  return checked.path;
}

// Everything importProject() could refuse half-way, checked before the first row: the files'
// places and the asset references (a take without an asset included).
void checkReferences(const QJsonObject& doc, const AssetRoots& roots) {
  QSet<QString> keys;
  const QJsonArray assets = doc["assets"].toArray();
  for (int i = 0; i < assets.size(); ++i) {
    const Asset asset = assetFromJson(assets[i].toObject());
    keys.insert(asset.cacheKey);
    if (!asset.filePath.isEmpty())
      confinedFile(asset.filePath, roots,
                   QStringLiteral("assets[%1] (%2 '%3')").arg(i).arg(asset.kind, asset.cacheKey));
  }
  auto known = [&](const QJsonValue& key, const QString& where) {
    if (!key.isNull() && !key.isUndefined() && !keys.contains(key.toString()))
      invalid(where, QStringLiteral("refers to unknown asset '%1'").arg(key.toString()));
  };
  const QJsonArray scenes = doc["scenes"].toArray();
  for (int i = 0; i < scenes.size(); ++i) {
    const QJsonObject s = scenes[i].toObject();
    const QString where = QStringLiteral("scenes[%1]").arg(i);
    for (const char* key : {"referenceAsset", "narrationAsset", "musicAsset"}) known(s[key], where);
    for (const QJsonValue& l : s["dialogue"].toArray()) known(l.toObject()["asset"], where);
    const QJsonArray sfx = s["sfx"].toArray();
    for (int k = 0; k < sfx.size(); ++k) {
      const QJsonObject c = sfx[k].toObject();
      known(c["asset"], where);
      if (!c["file"].toString().isEmpty())
        confinedFile(c["file"].toString(), roots,
                     QStringLiteral("%1.sfx[%2] 'file'").arg(where).arg(k));
    }
    const QJsonArray chunks = s["chunks"].toArray();
    for (int k = 0; k < chunks.size(); ++k) {
      const QString at = QStringLiteral("%1.chunks[%2]").arg(where).arg(k);
      known(chunks[k].toObject()["asset"], at);
      for (const QJsonValue& t : chunks[k].toObject()["takes"].toArray()) {
        if (t.toObject()["asset"].isNull() || t.toObject()["asset"].isUndefined())
          invalid(at, QStringLiteral("a take has no asset"));
        known(t.toObject()["asset"], at + QStringLiteral(".takes"));
      }
    }
  }
}

}  // namespace

void validateProjectJson(const QJsonObject& doc) {
  if (doc["format"].toString() != QLatin1String(kProjectJsonFormat))
    invalid(QStringLiteral("top level"),
            QStringLiteral("'format' must be \"%1\"").arg(QLatin1String(kProjectJsonFormat)));
  const int version = doc["version"].toInt(-1);
  if (version < 1 || version > kProjectJsonVersion)
    invalid(QStringLiteral("top level"),
            QStringLiteral("unsupported 'version' %1 (this build reads 1..%2)")
                .arg(version)
                .arg(kProjectJsonVersion));
  requireString(doc["project"].toObject(), "name", QStringLiteral("project"), true);
  optionalNumber(doc["project"].toObject()["settings"].toObject(), "loudnessTarget",
                 QStringLiteral("project.settings"), ranges::kMinLoudness, ranges::kMaxLoudness);
  QSet<QString> names;
  const QJsonArray characters = arrayOf(doc, "characters", QStringLiteral("top level"));
  for (int i = 0; i < characters.size(); ++i) {
    const QString at = QStringLiteral("characters[%1]").arg(i);
    requireString(characters[i].toObject(), "name", at, true);
    const QString name = characters[i].toObject()["name"].toString().trimmed();
    if (names.contains(name)) invalid(at, QStringLiteral("duplicate character '%1'").arg(name));
    names.insert(name);
  }
  const QJsonArray assets = arrayOf(doc, "assets", QStringLiteral("top level"));
  for (int i = 0; i < assets.size(); ++i) {
    const QString at = QStringLiteral("assets[%1]").arg(i);
    const QJsonObject a = assets[i].toObject();
    requireString(a, "cacheKey", at, true);
    requireString(a, "kind", at, true);
    static const QStringList kinds = {"video", "image",  "speech", "music",
                                      "sfx",   "render", "frame"};
    if (!kinds.contains(a["kind"].toString()))
      invalid(at, QStringLiteral("kind '%1' is not one of %2")
                      .arg(a["kind"].toString(), kinds.join(QStringLiteral(", "))));
    optionalNumber(a, "duration", at, 0, ranges::kMaxMediaSeconds);
    optionalNumber(a, "cost", at, 0, ranges::kMaxCostUsd);
    optionalNumber(a, "width", at, 0, 65536);
    optionalNumber(a, "height", at, 0, 65536);
  }
  const QJsonArray scenes = arrayOf(doc, "scenes", QStringLiteral("top level"));
  for (int i = 0; i < scenes.size(); ++i)
    validateScene(scenes[i].toObject(), QStringLiteral("scenes[%1]").arg(i), names);
}

void importProject(ProjectStore& store, const QJsonObject& doc, const QString& cacheFolder,
                   const ImportOptions& options) {
  validateProjectJson(doc);
  const AssetRoots roots{options.projectFolder.isEmpty() ? store.folder() : options.projectFolder,
                         cacheFolder};
  checkReferences(doc, roots);
  BatchedWriter batch(store, options.batchRows, options.betweenBatches);
  {
    const QJsonObject project = doc["project"].toObject();
    store.setProjectName(project["name"].toString());
    store.setProjectSettings(project["settings"].toObject());
    QMap<QString, Id> characterIds;
    for (const QJsonValue& v : doc["characters"].toArray()) {
      const QJsonObject c = v.toObject();
      characterIds.insert(
          c["name"].toString().trimmed(),
          store.addCharacter(Character{0, c["name"].toString(), c["voice"].toString(),
                                       c["voiceSettings"].toObject()}));
      batch.row();
    }
    const QJsonArray assets = doc["assets"].toArray();
    for (int i = 0; i < assets.size(); ++i) {
      Asset asset = assetFromJson(assets[i].toObject());
      if (!asset.filePath.isEmpty())
        asset.filePath = confinedFile(
            asset.filePath, roots,
            QStringLiteral("assets[%1] (%2 '%3')").arg(i).arg(asset.kind, asset.cacheKey));
      store.addAsset(asset);
      batch.row();
    }
    auto assetId = [&](const QJsonValue& key, const QString& where) -> std::optional<Id> {
      if (key.isNull() || key.isUndefined()) return std::nullopt;
      auto a = store.assetByCacheKey(key.toString());
      if (!a) invalid(where, QStringLiteral("refers to unknown asset '%1'").arg(key.toString()));
      return a->id;
    };
    const QJsonArray scenes = doc["scenes"].toArray();
    for (int i = 0; i < scenes.size(); ++i) {
      const QJsonObject s = scenes[i].toObject();
      const QString where = QStringLiteral("scenes[%1]").arg(i);
      Scene scene;
      scene.title = s["title"].toString();
      scene.script = s["script"].toString();
      scene.narration = s["narration"].toString();
      scene.visualPrompt = s["visualPrompt"].toString();
      scene.directionPrompt = s["directionPrompt"].toString();
      scene.targetDuration = s["targetDuration"].toDouble(10.0);
      scene.modelKey = s["modelKey"].toString();
      const QJsonObject music = s["music"].toObject();
      scene.musicPrompt = music["prompt"].toString();
      scene.musicMood = music["mood"].toString();
      scene.musicTempo = music["tempo"].toInt();
      scene.referenceAssetId = assetId(s["referenceAsset"], where);
      scene.narrationAssetId = assetId(s["narrationAsset"], where);
      scene.musicAssetId = assetId(s["musicAsset"], where);
      const Id sceneId = store.addScene(scene);
      batch.row();
      for (const QJsonValue& lv : s["dialogue"].toArray()) {
        const QJsonObject l = lv.toObject();
        store.addDialogueLine(DialogueLine{
            0, sceneId, 0, characterIds.value(l["character"].toString().trimmed()),
            l["text"].toString(), assetId(l["asset"], where), l["lipSync"].toBool(false)});
        batch.row();
      }
      const QJsonArray sfx = s["sfx"].toArray();
      for (int k = 0; k < sfx.size(); ++k) {
        const QJsonObject c = sfx[k].toObject();
        QString file = c["file"].toString();
        if (!file.isEmpty())
          file = confinedFile(file, roots, QStringLiteral("%1.sfx[%2] 'file'").arg(where).arg(k));
        store.addSfxCue(SfxCue{0, sceneId, c["time"].toDouble(), c["description"].toString(), file,
                               c["gainDb"].toDouble(), assetId(c["asset"], where)});
        batch.row();
      }
      const QJsonArray chunks = s["chunks"].toArray();
      for (int k = 0; k < chunks.size(); ++k)
        importChunk(store, batch, chunks[k].toObject(), sceneId, k, assetId,
                    QStringLiteral("%1.chunks[%2]").arg(where).arg(k));
    }
  }
  batch.finish();
}

QJsonObject readJsonFile(const QString& path) {
  QFile file(path);
  if (!file.exists())
    throw StoreError(StoreError::Kind::NotFound, QStringLiteral("%1: no such file.").arg(path));
  if (!file.open(QIODevice::ReadOnly))
    throw StoreError(StoreError::Kind::Io,
                     QStringLiteral("%1: cannot be read (%2).").arg(path, file.errorString()));
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
  if (error.error != QJsonParseError::NoError)
    throw StoreError(StoreError::Kind::Invalid,
                     QStringLiteral("%1: not valid JSON at byte %2 (%3).")
                         .arg(path)
                         .arg(error.offset)
                         .arg(error.errorString()));
  if (!doc.isObject())
    throw StoreError(StoreError::Kind::Invalid,
                     QStringLiteral("%1: the JSON must be an object.").arg(path));
  return doc.object();
}

}  // namespace sw::model
