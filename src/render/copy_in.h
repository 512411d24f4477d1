// Copy-in: a file the user names explicitly (a CLI argument, a file dropped on an SFX cue or a
// scene's reference image) that lies outside the project folder and the asset cache is COPIED
// into the project (assets/<kind>/), never referenced where it is. The copy, not the source, is
// probed for the kind it claims (input_files.h), so what is checked is what is kept. A file
// already inside the project or the cache is only checked.
#pragma once

#include <QString>

#include "render/input_files.h"

namespace sw::render {

// The folder of `projectFolder` copies of `kind` go to: assets/images, assets/video, assets/audio.
QString copyInFolder(const QString& projectFolder, MediaKind kind);

// Returns the canonical path of the file to refer to: `source` itself when it is inside the
// project folder or `cacheFolder`, else its copy at assets/<kind>/<name> (written under a
// temporary name with this process's pid, fsync'ed, renamed; a file of that name with the same
// content is reused, another gets "name-2.ext", ...). Throws JobFailure naming `what` and the
// file when it is missing, not a regular file, or not of `kind` (nothing is left then), or the
// copy fails (disk full: ErrorKind::DiskFull).
QString copyIntoProject(const QString& projectFolder, const QString& cacheFolder,
                        const QString& source, MediaKind kind, const QString& what);

}  // namespace sw::render
