// Where a render may write its MP4 and its manifest (CLI -o, the Render dialog, Save Video As).
// Never the project's store (project.db and its -wal, -shm, -journal files), anything in its
// backups folder, anything in the asset cache, a file the render reads, or an existing path that
// is not a regular file (a device, a folder, a fifo). Paths are compared canonically and by
// device and inode, so symlinks and hard links to those files are refused too. The media engine
// refuses the last two on its own (media/output_path.h) for every caller.
#pragma once

#include <QString>
#include <QStringList>

namespace sw::render {

struct OutputRules {
  QString projectFolder;  // "" when no project is involved (CLI stitch)
  QString cacheFolder;    // "" when none
  QStringList inputs;     // files the render reads
};

// Why `path` must not be written ("" when it may), e.g. "it is the project's store
// /p/project.db". Callers put it in their own error type.
QString outputProblem(const QString& path, const OutputRules& rules);

}  // namespace sw::render
