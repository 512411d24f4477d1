#include "model/schema.h"

#include <array>

namespace sw::model::schema {

namespace {

// Step N takes a database from version N-1 to version N. Never edit a released step:
// add a new one instead, and a test that migrates from every earlier version.
constexpr const char* kStep1 = R"SQL(
CREATE TABLE projects (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL CHECK (length(name) > 0),
  settings TEXT NOT NULL DEFAULT '{}',
  created TEXT NOT NULL,
  modified TEXT NOT NULL
);
CREATE TABLE assets (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('video','image','speech','music','sfx','render','frame')),
  cache_key TEXT NOT NULL UNIQUE,
  file_path TEXT NOT NULL,
  mime TEXT NOT NULL DEFAULT '',
  duration REAL NOT NULL DEFAULT 0 CHECK (duration >= 0),
  width INTEGER NOT NULL DEFAULT 0,
  height INTEGER NOT NULL DEFAULT 0,
  provider TEXT NOT NULL DEFAULT '',
  model TEXT NOT NULL DEFAULT '',
  parameters TEXT NOT NULL DEFAULT '{}',
  cost REAL NOT NULL DEFAULT 0 CHECK (cost >= 0),
  created TEXT NOT NULL
);
CREATE TABLE characters (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  voice TEXT NOT NULL DEFAULT '',
  voice_settings TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE scenes (
  id INTEGER PRIMARY KEY,
  position INTEGER NOT NULL CHECK (position >= 0),
  title TEXT NOT NULL DEFAULT '',
  script TEXT NOT NULL DEFAULT '',
  narration TEXT NOT NULL DEFAULT '',
  visual_prompt TEXT NOT NULL DEFAULT '',
  direction_prompt TEXT NOT NULL DEFAULT '',
  target_duration REAL NOT NULL DEFAULT 10 CHECK (target_duration > 0),
  model_key TEXT NOT NULL DEFAULT '',
  music_prompt TEXT NOT NULL DEFAULT '',
  music_mood TEXT NOT NULL DEFAULT '',
  music_tempo INTEGER NOT NULL DEFAULT 0 CHECK (music_tempo >= 0),
  reference_asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL
);
CREATE TABLE dialogue_lines (
  id INTEGER PRIMARY KEY,
  scene_id INTEGER NOT NULL REFERENCES scenes(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  character_id INTEGER NOT NULL REFERENCES characters(id) ON DELETE RESTRICT,
  text TEXT NOT NULL,
  asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL
);
CREATE TABLE sfx_cues (
  id INTEGER PRIMARY KEY,
  scene_id INTEGER NOT NULL REFERENCES scenes(id) ON DELETE CASCADE,
  time REAL NOT NULL CHECK (time >= 0),
  description TEXT NOT NULL DEFAULT '',
  file TEXT NOT NULL DEFAULT '',
  asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL
);
CREATE TABLE chunks (
  id INTEGER PRIMARY KEY,
  scene_id INTEGER NOT NULL REFERENCES scenes(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  prompt TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL DEFAULT '',
  seed INTEGER NOT NULL DEFAULT 0,
  model_key TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'pending'
    CHECK (status IN ('pending','generating','ready','failed','stale')),
  asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL,
  trim_in REAL NOT NULL DEFAULT 0 CHECK (trim_in >= 0),
  trim_out REAL NOT NULL DEFAULT 0 CHECK (trim_out >= 0),
  transition TEXT NOT NULL DEFAULT 'cut' CHECK (transition IN ('cut','crossfade')),
  transition_duration REAL NOT NULL DEFAULT 0 CHECK (transition_duration >= 0),
  cost REAL NOT NULL DEFAULT 0 CHECK (cost >= 0),
  error TEXT NOT NULL DEFAULT ''
);
CREATE TABLE render_jobs (
  id INTEGER PRIMARY KEY,
  scene_id INTEGER REFERENCES scenes(id) ON DELETE SET NULL,
  spec TEXT NOT NULL DEFAULT '{}',
  status TEXT NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued','processing','completed','failed','cancelled','interrupted')),
  stage TEXT NOT NULL DEFAULT '',
  progress REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  error_message TEXT NOT NULL DEFAULT '',
  output_path TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL,
  started TEXT,
  finished TEXT,
  cost REAL NOT NULL DEFAULT 0
);
CREATE TABLE job_events (
  id INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL REFERENCES render_jobs(id) ON DELETE CASCADE,
  time TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('info','warning','error')),
  kind TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  data TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX scenes_position ON scenes(position);
CREATE INDEX dialogue_scene ON dialogue_lines(scene_id, position);
CREATE INDEX sfx_scene ON sfx_cues(scene_id, time);
CREATE INDEX chunks_scene ON chunks(scene_id, position);
CREATE INDEX job_events_job ON job_events(job_id, id);
)SQL";

// v2: takes (every generated version of a chunk is kept), audio asset links on scenes,
// per-cue SFX gain.
constexpr const char* kStep2 = R"SQL(
ALTER TABLE scenes ADD COLUMN narration_asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL;
ALTER TABLE scenes ADD COLUMN music_asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL;
ALTER TABLE sfx_cues ADD COLUMN gain_db REAL NOT NULL DEFAULT 0;
CREATE TABLE takes (
  id INTEGER PRIMARY KEY,
  chunk_id INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
  asset_id INTEGER NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
  prompt TEXT NOT NULL DEFAULT '',
  seed INTEGER NOT NULL DEFAULT 0,
  model_key TEXT NOT NULL DEFAULT '',
  cost REAL NOT NULL DEFAULT 0,
  created TEXT NOT NULL,
  UNIQUE (chunk_id, asset_id)
);
CREATE INDEX takes_chunk ON takes(chunk_id, id);
INSERT INTO takes (chunk_id, asset_id, prompt, seed, model_key, cost, created)
  SELECT id, asset_id, prompt, seed, model_key, cost, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM chunks WHERE asset_id IS NOT NULL;
)SQL";

// v3: one live job per scene. A row is the scene's lease: the job holding it, the process and
// host running that job, when it was taken and the holder's last heartbeat.
constexpr const char* kStep3 = R"SQL(
CREATE TABLE scene_leases (
  scene_id INTEGER PRIMARY KEY REFERENCES scenes(id) ON DELETE CASCADE,
  job_id INTEGER NOT NULL REFERENCES render_jobs(id) ON DELETE CASCADE,
  pid INTEGER NOT NULL,
  host TEXT NOT NULL,
  started TEXT NOT NULL,
  heartbeat TEXT NOT NULL
);
)SQL";

// v4: a chunk's prompt, direction and model are explicit overrides ('' = the chunk follows its
// scene), no longer private copies of the scene's fields taken when the chunk was planned; a take
// records the direction override it was made with. Copies equal to the scene's become ''.
constexpr const char* kStep4 = R"SQL(
ALTER TABLE takes ADD COLUMN direction TEXT NOT NULL DEFAULT '';
UPDATE takes SET direction = (SELECT c.direction FROM chunks c WHERE c.id = takes.chunk_id);
UPDATE takes SET prompt = '' WHERE prompt =
  (SELECT s.visual_prompt FROM chunks c JOIN scenes s ON s.id = c.scene_id
   WHERE c.id = takes.chunk_id);
UPDATE takes SET direction = '' WHERE direction =
  (SELECT s.direction_prompt FROM chunks c JOIN scenes s ON s.id = c.scene_id
   WHERE c.id = takes.chunk_id);
UPDATE takes SET model_key = '' WHERE model_key =
  (SELECT s.model_key FROM chunks c JOIN scenes s ON s.id = c.scene_id
   WHERE c.id = takes.chunk_id) OR
  (SELECT s.model_key FROM chunks c JOIN scenes s ON s.id = c.scene_id
   WHERE c.id = takes.chunk_id) = '';
UPDATE chunks SET prompt = '' WHERE prompt =
  (SELECT visual_prompt FROM scenes WHERE scenes.id = chunks.scene_id);
UPDATE chunks SET direction = '' WHERE direction =
  (SELECT direction_prompt FROM scenes WHERE scenes.id = chunks.scene_id);
UPDATE chunks SET model_key = '' WHERE model_key =
  (SELECT model_key FROM scenes WHERE scenes.id = chunks.scene_id) OR
  (SELECT model_key FROM scenes WHERE scenes.id = chunks.scene_id) = '';
)SQL";

// v5: what each video model really delivered, one row per chunk asset (duration, frame rate and
// size measured from the file), for estimates that follow the service rather than the registry.
constexpr const char* kStep5 = R"SQL(
CREATE TABLE model_observations (
  id INTEGER PRIMARY KEY,
  model_key TEXT NOT NULL,
  asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL,
  duration REAL NOT NULL,
  fps REAL NOT NULL DEFAULT 0,
  width INTEGER NOT NULL DEFAULT 0,
  height INTEGER NOT NULL DEFAULT 0,
  recorded TEXT NOT NULL,
  UNIQUE (model_key, asset_id)
);
CREATE INDEX model_observations_model ON model_observations(model_key, id);
)SQL";

// v6: the take a creator keeps as it is ("Keep as is"): while it is the chunk's active take, a
// stale or out-of-date state does not regenerate it.
constexpr const char* kStep6 = R"SQL(
ALTER TABLE chunks ADD COLUMN kept_asset_id INTEGER REFERENCES assets(id) ON DELETE SET NULL;
)SQL";

// v7: a counter of every change to what a scene's state is made of (the project, its scenes,
// lines, cues, characters, chunks, takes, assets and model observations; not the render jobs,
// their events or the scene leases, which a running render writes many times a second). Views
// keep a computed scene state while it is unchanged (ProjectStore::contentStamp()).
constexpr const char* kStep7 = R"SQL(
CREATE TABLE content_stamp (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
INSERT INTO content_stamp (id, value) VALUES (1, 0);
CREATE TRIGGER projects_insert_stamp AFTER INSERT ON projects BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER projects_update_stamp AFTER UPDATE ON projects BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER projects_delete_stamp AFTER DELETE ON projects BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER assets_insert_stamp AFTER INSERT ON assets BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER assets_update_stamp AFTER UPDATE ON assets BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER assets_delete_stamp AFTER DELETE ON assets BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER characters_insert_stamp AFTER INSERT ON characters BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER characters_update_stamp AFTER UPDATE ON characters BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER characters_delete_stamp AFTER DELETE ON characters BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER scenes_insert_stamp AFTER INSERT ON scenes BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER scenes_update_stamp AFTER UPDATE ON scenes BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER scenes_delete_stamp AFTER DELETE ON scenes BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER dialogue_lines_insert_stamp AFTER INSERT ON dialogue_lines BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER dialogue_lines_update_stamp AFTER UPDATE ON dialogue_lines BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER dialogue_lines_delete_stamp AFTER DELETE ON dialogue_lines BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER sfx_cues_insert_stamp AFTER INSERT ON sfx_cues BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER sfx_cues_update_stamp AFTER UPDATE ON sfx_cues BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER sfx_cues_delete_stamp AFTER DELETE ON sfx_cues BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER chunks_insert_stamp AFTER INSERT ON chunks BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER chunks_update_stamp AFTER UPDATE ON chunks BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER chunks_delete_stamp AFTER DELETE ON chunks BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER takes_insert_stamp AFTER INSERT ON takes BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER takes_update_stamp AFTER UPDATE ON takes BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER takes_delete_stamp AFTER DELETE ON takes BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER model_observations_insert_stamp AFTER INSERT ON model_observations BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER model_observations_update_stamp AFTER UPDATE ON model_observations BEGIN UPDATE content_stamp SET value = value + 1; END;
CREATE TRIGGER model_observations_delete_stamp AFTER DELETE ON model_observations BEGIN UPDATE content_stamp SET value = value + 1; END;
)SQL";

// v8: the transition from a scene into the next one when the film is assembled ("" = the film's
// own choice; "cut", "crossfade:SECONDS" or "dip:SECONDS" override it at that boundary).
constexpr const char* kStep8 = R"SQL(
ALTER TABLE scenes ADD COLUMN transition_out TEXT NOT NULL DEFAULT '';
)SQL";

// v9: a dialogue line marked for lip sync (the render syncs the picture under it to its audio).
// The content_stamp triggers of v7 already count every update of dialogue_lines.
constexpr const char* kStep9 = R"SQL(
ALTER TABLE dialogue_lines ADD COLUMN lip_sync INTEGER NOT NULL DEFAULT 0;
)SQL";

constexpr std::array kSteps{kStep1, kStep2, kStep3, kStep4, kStep5, kStep6, kStep7, kStep8, kStep9};
static_assert(kSteps.size() == kCurrentVersion);

int pragmaInt(Database& db, const char* sql) {
  Statement st = db.prepare(sql);
  return st.step() ? int(st.int64(0)) : 0;
}

}  // namespace

int userVersion(Database& db) { return pragmaInt(db, "PRAGMA user_version"); }
int applicationId(Database& db) { return pragmaInt(db, "PRAGMA application_id"); }

void migrate(Database& db, int target) {
  for (int version = userVersion(db); version < target; ++version) {
    Transaction tx(db);
    db.exec(kSteps[size_t(version)]);
    if (version == 0)
      db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
    db.exec(("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
    tx.commit();
  }
}

}  // namespace sw::model::schema
