// The files of a project folder (NAME.scenewright/ with project.db, its -wal and -shm, backups/
// and exports/), recognised by name and stat() only. Nothing here opens a file: closing any
// descriptor of a database file drops every POSIX lock this process holds on it (fcntl
// semantics), which lets another process checkpoint or delete the WAL under a live connection.
// Only SQLite may open these files; code that lists or previews files asks isDatabaseFile first.
#pragma once

#include <QString>
#include <QStringList>

namespace sw::model {

// True for SQLite's files by name: a database (*.db: project.db, backups/project-*.db), its
// -wal, -shm and -journal companions, and a backup being written (*.db.partial and companions).
bool isDatabaseFile(const QString& path);

// The project folder holding `path` (a file or folder, which need not exist): the nearest
// existing folder, `path` itself or an ancestor, that holds project.db or is named
// *.scenewright. Empty when `path` is in no project.
QString enclosingProjectFolder(const QString& path);

// The folder an import builds a project in before renaming it to `target`: next to it (same file
// system), named ".<target name>.part-<pid>-<tag>.import" (core/temp_files.h).
QString importBuildFolder(const QString& target);

// Removes what dead processes left half-written in the project folder `folder`: temporary files
// in it, in exports/ and in assets/, and import build folders next to it (core/temp_files.h:
// never a live writer's). Returns the removed paths. ProjectStore::open() runs it on a full open.
QStringList sweepProjectTemps(const QString& folder);

}  // namespace sw::model
