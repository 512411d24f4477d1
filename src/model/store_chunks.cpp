// ProjectStore: chunks, takes and assets.
#include "model/project_store.h"
#include "model/store_util.h"
#include "model/value_ranges.h"

namespace sw::model {

using detail::jsonText;
using detail::nowText;
using detail::parseJson;
using detail::parseTime;

namespace {

constexpr const char* kChunkSelect =
    "SELECT id, scene_id, position, prompt, direction, seed, model_key, status, asset_id, "
    "trim_in, trim_out, transition, transition_duration, cost, error, kept_asset_id FROM chunks ";

Chunk readChunk(const Statement& st) {
  Chunk c;
  c.id = st.int64(0);
  c.sceneId = st.int64(1);
  c.position = int(st.int64(2));
  c.prompt = st.text(3);
  c.direction = st.text(4);
  c.seed = st.int64(5);
  c.modelKey = st.text(6);
  c.status = chunkStatusFromString(st.text(7)).value_or(ChunkStatus::Pending);
  c.assetId = st.optionalId(8);
  c.trimIn = st.real(9);
  c.trimOut = st.real(10);
  c.transition = st.text(11);
  c.transitionDuration = st.real(12);
  c.cost = st.real(13);
  c.error = st.text(14);
  c.keptAssetId = st.optionalId(15);
  return c;
}

// Binds the editable chunk columns (prompt .. kept_asset_id) at 1..13.
void bindChunk(Statement& st, const Chunk& c) {
  st.bind(1, c.prompt)
      .bind(2, c.direction)
      .bind(3, c.seed)
      .bind(4, c.modelKey)
      .bind(5, toString(c.status))
      .bind(6, c.assetId)
      .bind(7, c.trimIn)
      .bind(8, c.trimOut)
      .bind(9, c.transition)
      .bind(10, c.transitionDuration)
      .bind(11, c.cost)
      .bind(12, c.error)
      .bind(13, c.keptAssetId);
}

constexpr const char* kAssetSelect =
    "SELECT id, kind, cache_key, file_path, mime, duration, width, height, provider, model, "
    "parameters, cost, created FROM assets ";

Asset readAsset(const Statement& st) {
  return Asset{st.int64(0),
               st.text(1),
               st.text(2),
               st.text(3),
               st.text(4),
               st.real(5),
               int(st.int64(6)),
               int(st.int64(7)),
               st.text(8),
               st.text(9),
               parseJson(st.text(10)),
               st.real(11),
               parseTime(st.text(12))};
}

}  // namespace

QList<Chunk> ProjectStore::chunks(Id sceneId) {
  return detail::queryAll(*db_, kChunkSelect, "WHERE scene_id = ? ORDER BY position, id", sceneId,
                          readChunk);
}

std::optional<Chunk> ProjectStore::chunk(Id id) {
  return detail::queryOne(*db_, kChunkSelect, "WHERE id = ?", id, readChunk);
}

Id ProjectStore::addChunk(const Chunk& c) {
  ranges::checkChunk(c);
  Statement st = db_->prepare(
      "INSERT INTO chunks (prompt, direction, seed, model_key, status, asset_id, trim_in, "
      "trim_out, transition, transition_duration, cost, error, kept_asset_id, scene_id, position) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  bindChunk(st, c);
  st.bind(14, c.sceneId).bind(15, c.position).run();
  const Id id = db_->lastInsertId();
  touch();
  return id;
}

void ProjectStore::updateChunk(const Chunk& c) {
  ranges::checkChunk(c);
  Statement st = db_->prepare(
      "UPDATE chunks SET prompt = ?, direction = ?, seed = ?, model_key = ?, status = ?, "
      "asset_id = ?, trim_in = ?, trim_out = ?, transition = ?, transition_duration = ?, "
      "cost = ?, error = ?, kept_asset_id = ?, position = ? WHERE id = ?");
  bindChunk(st, c);
  st.bind(14, c.position).bind(15, c.id).run();
  if (db_->changes() == 0)
    throw StoreError(StoreError::Kind::Missing,
                     QStringLiteral("Chunk %1 no longer exists.").arg(c.id));
  touch();
}

void ProjectStore::setChunkStatus(Id id, ChunkStatus status, const QString& error) {
  db_->prepare("UPDATE chunks SET status = ?, error = ? WHERE id = ?")
      .bind(1, toString(status))
      .bind(2, error)
      .bind(3, id)
      .run();
  touch();
}

void ProjectStore::removeChunk(Id id) {
  db_->prepare("DELETE FROM chunks WHERE id = ?").bind(1, id).run();
  touch();
}

QList<Id> ProjectStore::replaceChunks(Id sceneId, const QList<Chunk>& list) {
  QList<Id> ids;
  transaction([&] {
    db_->prepare("DELETE FROM chunks WHERE scene_id = ?").bind(1, sceneId).run();
    for (int i = 0; i < list.size(); ++i) {
      Chunk c = list[i];
      c.sceneId = sceneId;
      c.position = i;
      ids.append(addChunk(c));
    }
  });
  return ids;
}

QList<Take> ProjectStore::takes(Id chunkId) {
  Statement st = db_->prepare(
      "SELECT id, chunk_id, asset_id, prompt, seed, model_key, cost, created, direction "
      "FROM takes WHERE chunk_id = ? ORDER BY id");
  st.bind(1, chunkId);
  QList<Take> out;
  while (st.step())
    out.append(Take{st.int64(0), st.int64(1), st.int64(2), st.text(3), st.int64(4), st.text(5),
                    st.real(6), parseTime(st.text(7)), st.text(8)});
  return out;
}

Id ProjectStore::addTake(const Take& take) {
  ranges::checkTake(take);
  Id id = 0;
  transaction([&] {
    db_->prepare(
           "INSERT INTO takes (chunk_id, asset_id, prompt, seed, model_key, cost, created, "
           "direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, take.chunkId)
        .bind(2, take.assetId)
        .bind(3, take.prompt)
        .bind(4, take.seed)
        .bind(5, take.modelKey)
        .bind(6, take.cost)
        .bind(7, nowText())
        .bind(8, take.direction)
        .run();
    id = db_->lastInsertId();
    setActiveTake(take.chunkId, id);
  });
  return id;
}

void ProjectStore::setActiveTake(Id chunkId, Id takeId) {
  transaction([&] {
    Statement st = db_->prepare(
        "SELECT asset_id, prompt, seed, model_key, cost, direction FROM takes "
        "WHERE id = ? AND chunk_id = ?");
    st.bind(1, takeId).bind(2, chunkId);
    if (!st.step())
      throw StoreError(
          StoreError::Kind::Missing,
          QStringLiteral("Take %1 does not belong to chunk %2.").arg(takeId).arg(chunkId));
    // The take's own recipe becomes the chunk's again: seed and overrides. Another active take
    // (even the kept one again) ends "Keep as is".
    db_->prepare(
           "UPDATE chunks SET asset_id = ?, prompt = ?, seed = ?, model_key = ?, cost = ?, "
           "direction = ?, status = 'ready', error = '', kept_asset_id = NULL WHERE id = ?")
        .bind(1, st.int64(0))
        .bind(2, st.text(1))
        .bind(3, st.int64(2))
        .bind(4, st.text(3))
        .bind(5, st.real(4))
        .bind(6, st.text(5))
        .bind(7, chunkId)
        .run();
    touch();
  });
}

Id ProjectStore::addAsset(const Asset& a) {
  if (auto existing = assetByCacheKey(a.cacheKey)) return existing->id;
  db_->prepare(
         "INSERT INTO assets (kind, cache_key, file_path, mime, duration, width, height, "
         "provider, model, parameters, cost, created) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
      .bind(1, a.kind)
      .bind(2, a.cacheKey)
      .bind(3, a.filePath)
      .bind(4, a.mime)
      .bind(5, a.duration)
      .bind(6, a.width)
      .bind(7, a.height)
      .bind(8, a.provider)
      .bind(9, a.model)
      .bind(10, jsonText(a.parameters))
      .bind(11, a.cost)
      .bind(12, a.created.isValid() ? detail::timeText(a.created) : nowText())
      .run();
  return db_->lastInsertId();
}

void ProjectStore::setAssetFilePath(Id id, const QString& filePath) {
  db_->prepare("UPDATE assets SET file_path = ? WHERE id = ?").bind(1, filePath).bind(2, id).run();
  touch();
}

void ProjectStore::setAssetParameters(Id id, const QJsonObject& parameters) {
  db_->prepare("UPDATE assets SET parameters = ? WHERE id = ?")
      .bind(1, jsonText(parameters))
      .bind(2, id)
      .run();
  touch();
}

std::optional<Asset> ProjectStore::asset(Id id) {
  return detail::queryOne(*db_, kAssetSelect, "WHERE id = ?", id, readAsset);
}

std::optional<Asset> ProjectStore::assetByCacheKey(const QString& cacheKey) {
  return detail::queryOne(*db_, kAssetSelect, "WHERE cache_key = ?", cacheKey, readAsset);
}

QList<Asset> ProjectStore::assets() {
  return detail::queryAll(*db_, kAssetSelect, "ORDER BY id", readAsset);
}

QList<Asset> ProjectStore::assets(const QString& kind) {
  return detail::queryAll(*db_, kAssetSelect, "WHERE kind = ? ORDER BY id", kind, readAsset);
}

}  // namespace sw::model
