// ProjectStore: scenes, dialogue lines and SFX cues.
#include "model/project_store.h"
#include "model/store_util.h"
#include "model/value_ranges.h"

namespace sw::model {

namespace {

constexpr const char* kSceneSelect =
    "SELECT id, position, title, script, narration, visual_prompt, direction_prompt, "
    "target_duration, model_key, music_prompt, music_mood, music_tempo, reference_asset_id, "
    "narration_asset_id, music_asset_id FROM scenes ";

Scene readScene(const Statement& st) {
  Scene s;
  s.id = st.int64(0);
  s.position = int(st.int64(1));
  s.title = st.text(2);
  s.script = st.text(3);
  s.narration = st.text(4);
  s.visualPrompt = st.text(5);
  s.directionPrompt = st.text(6);
  s.targetDuration = st.real(7);
  s.modelKey = st.text(8);
  s.musicPrompt = st.text(9);
  s.musicMood = st.text(10);
  s.musicTempo = int(st.int64(11));
  s.referenceAssetId = st.optionalId(12);
  s.narrationAssetId = st.optionalId(13);
  s.musicAssetId = st.optionalId(14);
  return s;
}

// Binds every editable scene column from index 1 (title .. music_asset_id): 13 values.
void bindScene(Statement& st, const Scene& s) {
  st.bind(1, s.title)
      .bind(2, s.script)
      .bind(3, s.narration)
      .bind(4, s.visualPrompt)
      .bind(5, s.directionPrompt)
      .bind(6, s.targetDuration)
      .bind(7, s.modelKey)
      .bind(8, s.musicPrompt)
      .bind(9, s.musicMood)
      .bind(10, s.musicTempo)
      .bind(11, s.referenceAssetId)
      .bind(12, s.narrationAssetId)
      .bind(13, s.musicAssetId);
}

int countScenes(Database& db) {
  Statement st = db.prepare("SELECT count(*) FROM scenes");
  st.step();
  return int(st.int64(0));
}

// Rows kept in order by a 0-based `position` column: all of `table`, or those whose `scope`
// column equals scopeId (dialogue lines of one scene).
struct OrderedRows {
  const char* table;
  const char* scope = nullptr;
  Id scopeId = 0;

  Statement prepare(Database& db, const std::string& head, const char* condition) const {
    std::string sql = head + " WHERE " + condition;
    if (scope) sql += std::string(" AND ") + scope + " = ?2";
    Statement st = db.prepare(sql.c_str());
    if (scope) st.bind(2, scopeId);
    return st;
  }
};

// Makes room at `requested` (appends when < 0 or past the end); returns the position to insert at.
int openSlot(Database& db, const OrderedRows& rows, int requested) {
  Statement count = rows.prepare(db, std::string("SELECT count(*) FROM ") + rows.table, "1");
  count.step();
  const int n = int(count.int64(0));
  const int at = (requested < 0 || requested > n) ? n : requested;
  Statement shift = rows.prepare(
      db, std::string("UPDATE ") + rows.table + " SET position = position + 1", "position >= ?1");
  shift.bind(1, at).run();
  return at;
}

// Closes the gap left by the row removed from `position`.
void closeSlot(Database& db, const OrderedRows& rows, int position) {
  Statement shift = rows.prepare(
      db, std::string("UPDATE ") + rows.table + " SET position = position - 1", "position > ?1");
  shift.bind(1, position).run();
}

}  // namespace

QList<Scene> ProjectStore::scenes() {
  return detail::queryAll(*db_, kSceneSelect, "ORDER BY position, id", readScene);
}

std::optional<Scene> ProjectStore::scene(Id id) {
  return detail::queryOne(*db_, kSceneSelect, "WHERE id = ?", id, readScene);
}

std::optional<Scene> ProjectStore::sceneAt(int position) {
  return detail::queryOne(*db_, kSceneSelect, "WHERE position = ?", position, readScene);
}

Id ProjectStore::addScene(const Scene& scene, int position) {
  ranges::checkScene(scene);
  Id id = 0;
  transaction([&] {
    const int at = openSlot(*db_, OrderedRows{"scenes"}, position);
    Statement st = db_->prepare(
        "INSERT INTO scenes (title, script, narration, visual_prompt, direction_prompt, "
        "target_duration, model_key, music_prompt, music_mood, music_tempo, reference_asset_id, "
        "narration_asset_id, music_asset_id, position) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    bindScene(st, scene);
    st.bind(14, at).run();
    id = db_->lastInsertId();
    touch();
  });
  return id;
}

void ProjectStore::updateScene(const Scene& scene) {
  ranges::checkScene(scene);
  Statement st = db_->prepare(
      "UPDATE scenes SET title = ?, script = ?, narration = ?, visual_prompt = ?, "
      "direction_prompt = ?, target_duration = ?, model_key = ?, music_prompt = ?, "
      "music_mood = ?, music_tempo = ?, reference_asset_id = ?, narration_asset_id = ?, "
      "music_asset_id = ? WHERE id = ?");
  bindScene(st, scene);
  st.bind(14, scene.id).run();
  if (db_->changes() == 0)
    throw StoreError(StoreError::Kind::Missing,
                     QStringLiteral("Scene %1 no longer exists.").arg(scene.id));
  touch();
}

QString ProjectStore::sceneTransition(Id sceneId) {
  Statement st = db_->prepare("SELECT transition_out FROM scenes WHERE id = ?");
  st.bind(1, sceneId);
  if (!st.step())
    throw StoreError(StoreError::Kind::Missing,
                     QStringLiteral("Scene %1 no longer exists.").arg(sceneId));
  return st.text(0);
}

void ProjectStore::setSceneTransition(Id sceneId, const QString& transition) {
  Statement st = db_->prepare("UPDATE scenes SET transition_out = ? WHERE id = ?");
  st.bind(1, transition).bind(2, sceneId).run();
  if (db_->changes() == 0)
    throw StoreError(StoreError::Kind::Missing,
                     QStringLiteral("Scene %1 no longer exists.").arg(sceneId));
  touch();
}

void ProjectStore::renumberScenes() {
  Statement ids = db_->prepare("SELECT id FROM scenes ORDER BY position, id");
  QList<Id> order;
  while (ids.step()) order.append(ids.int64(0));
  Statement set = db_->prepare("UPDATE scenes SET position = ? WHERE id = ?");
  for (int i = 0; i < order.size(); ++i) set.bind(1, i).bind(2, order[i]).run();
}

void ProjectStore::moveScene(Id id, int newPosition) {
  transaction([&] {
    const auto current = scene(id);
    if (!current)
      throw StoreError(StoreError::Kind::Missing,
                       QStringLiteral("Scene %1 no longer exists.").arg(id));
    const int count = countScenes(*db_);
    const int to = std::clamp(newPosition, 0, count - 1);
    const int from = current->position;
    if (to == from) return;
    if (to > from)
      db_->prepare("UPDATE scenes SET position = position - 1 WHERE position > ? AND position <= ?")
          .bind(1, from)
          .bind(2, to)
          .run();
    else
      db_->prepare("UPDATE scenes SET position = position + 1 WHERE position >= ? AND position < ?")
          .bind(1, to)
          .bind(2, from)
          .run();
    db_->prepare("UPDATE scenes SET position = ? WHERE id = ?").bind(1, to).bind(2, id).run();
    touch();
  });
}

void ProjectStore::removeScene(Id id) {
  transaction([&] {
    db_->prepare("DELETE FROM scenes WHERE id = ?").bind(1, id).run();
    renumberScenes();
    touch();
  });
}

// --- dialogue lines ---

QList<DialogueLine> ProjectStore::dialogueLines(Id sceneId) {
  Statement st = db_->prepare(
      "SELECT id, scene_id, position, character_id, text, asset_id, lip_sync FROM dialogue_lines "
      "WHERE scene_id = ? ORDER BY position, id");
  st.bind(1, sceneId);
  QList<DialogueLine> out;
  while (st.step())
    out.append(DialogueLine{st.int64(0), st.int64(1), int(st.int64(2)), st.int64(3), st.text(4),
                            st.optionalId(5), st.int64(6) != 0});
  return out;
}

Id ProjectStore::addDialogueLine(const DialogueLine& line, int position) {
  Id id = 0;
  transaction([&] {
    const int at =
        openSlot(*db_, OrderedRows{"dialogue_lines", "scene_id", line.sceneId}, position);
    db_->prepare(
           "INSERT INTO dialogue_lines (scene_id, position, character_id, text, asset_id, "
           "lip_sync) "
           "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, line.sceneId)
        .bind(2, at)
        .bind(3, line.characterId)
        .bind(4, line.text)
        .bind(5, line.assetId)
        .bind(6, qint64(line.lipSync ? 1 : 0))
        .run();
    id = db_->lastInsertId();
    touch();
  });
  return id;
}

void ProjectStore::updateDialogueLine(const DialogueLine& line) {
  db_->prepare(
         "UPDATE dialogue_lines SET character_id = ?, text = ?, asset_id = ?, lip_sync = ? "
         "WHERE id = ?")
      .bind(1, line.characterId)
      .bind(2, line.text)
      .bind(3, line.assetId)
      .bind(4, qint64(line.lipSync ? 1 : 0))
      .bind(5, line.id)
      .run();
  touch();
}

void ProjectStore::removeDialogueLine(Id id) {
  transaction([&] {
    Statement st = db_->prepare("SELECT scene_id, position FROM dialogue_lines WHERE id = ?");
    st.bind(1, id);
    if (!st.step()) return;
    const Id sceneId = st.int64(0);
    const int position = int(st.int64(1));
    db_->prepare("DELETE FROM dialogue_lines WHERE id = ?").bind(1, id).run();
    closeSlot(*db_, OrderedRows{"dialogue_lines", "scene_id", sceneId}, position);
    touch();
  });
}

// --- SFX cues ---

QList<SfxCue> ProjectStore::sfxCues(Id sceneId) {
  Statement st = db_->prepare(
      "SELECT id, scene_id, time, description, file, gain_db, asset_id FROM sfx_cues "
      "WHERE scene_id = ? ORDER BY time, id");
  st.bind(1, sceneId);
  QList<SfxCue> out;
  while (st.step())
    out.append(SfxCue{st.int64(0), st.int64(1), st.real(2), st.text(3), st.text(4), st.real(5),
                      st.optionalId(6)});
  return out;
}

Id ProjectStore::addSfxCue(const SfxCue& cue) {
  ranges::checkSfxCue(cue);
  db_->prepare(
         "INSERT INTO sfx_cues (scene_id, time, description, file, gain_db, asset_id) "
         "VALUES (?, ?, ?, ?, ?, ?)")
      .bind(1, cue.sceneId)
      .bind(2, cue.time)
      .bind(3, cue.description)
      .bind(4, cue.file)
      .bind(5, cue.gainDb)
      .bind(6, cue.assetId)
      .run();
  const Id id = db_->lastInsertId();
  touch();
  return id;
}

void ProjectStore::updateSfxCue(const SfxCue& cue) {
  ranges::checkSfxCue(cue);
  db_->prepare(
         "UPDATE sfx_cues SET time = ?, description = ?, file = ?, gain_db = ?, asset_id = ? "
         "WHERE id = ?")
      .bind(1, cue.time)
      .bind(2, cue.description)
      .bind(3, cue.file)
      .bind(4, cue.gainDb)
      .bind(5, cue.assetId)
      .bind(6, cue.id)
      .run();
  touch();
}

void ProjectStore::removeSfxCue(Id id) {
  db_->prepare("DELETE FROM sfx_cues WHERE id = ?").bind(1, id).run();
  touch();
}

}  // namespace sw::model
