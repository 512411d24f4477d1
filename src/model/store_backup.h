// Consistent copies of a project's database with SQLite's online backup API.
// Safe while other connections write (WAL): the copy is one committed state.
// Every function opens its own connections, so it may run on any thread.
#pragma once

#include <QString>

namespace sw::model {

// Copies <projectFolder>/project.db to `destinationFile` (overwritten). Throws StoreError.
void backupProject(const QString& projectFolder, const QString& destinationFile);

// Replaces the project's database contents with those of `backupFile` (a file written by
// backupProject). No ProjectStore may be open on the project while this runs. The backup is
// validated first; on any error the project is left as it was. Throws StoreError.
void restoreProject(const QString& backupFile, const QString& projectFolder);

// For a project whose database cannot be read (StoreError::Kind::Damaged or NotAProject, so
// restoreProject() cannot write into it): copies `backupFile` (validated first) into a new file
// beside project.db, then renames the damaged project.db and its -wal/-shm to `keepDamagedAs`
// (and its -wal/-shm: nothing is deleted) and the copy into place. Renames only; no descriptor
// is ever opened on the damaged file. On error before the swap the project is as it was.
// Throws StoreError.
void replaceDamagedProject(const QString& backupFile, const QString& projectFolder,
                           const QString& keepDamagedAs);

}  // namespace sw::model
