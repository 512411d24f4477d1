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

}  // namespace sw::model
