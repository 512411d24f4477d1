// Schema of project.db: forward migrations keyed by PRAGMA user_version.
#pragma once

#include "model/sqlite_db.h"

namespace sw::model::schema {

// 'SWRT': marks a SQLite file as a Scenewright project (PRAGMA application_id).
constexpr int kApplicationId = 0x53575254;
// The schema version this build writes. Older files are migrated forward on open.
constexpr int kCurrentVersion = 9;

int userVersion(Database& db);
int applicationId(Database& db);

// Applies every migration step from the file's version up to `target`, one transaction per step.
void migrate(Database& db, int target = kCurrentVersion);

}  // namespace sw::model::schema
