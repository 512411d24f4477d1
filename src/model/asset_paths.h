// The one rule for the files a project refers to (asset rows, SFX cue files): a file must lie
// inside the project folder or the asset cache once symlinks and ".." are resolved. A relative
// path is relative to the project folder, never to the current directory. The project JSON import
// and the render job both apply it, so a shared project cannot point Scenewright at ~/.ssh/id_rsa.
#pragma once

#include <QString>

namespace sw::model {

// The folders a project's files may be in. Empty members are not roots.
struct AssetRoots {
  QString projectFolder;
  QString cacheFolder;
};

// A path checked against AssetRoots: `path` is the canonical absolute path (symlinks resolved,
// also for a file that does not exist yet); `problem` says in words why it is refused, empty when
// it is inside a root.
struct ConfinedPath {
  QString path;
  QString problem;
  bool ok() const { return problem.isEmpty(); }
};

// Canonical absolute form of `path` ("" for an empty path): the longest existing prefix is
// resolved by the file system, the rest is cleaned lexically. "" too when a component on the way
// is a symlink that leads nowhere (its target cannot be checked).
QString canonicalPath(const QString& path);

// Whether canonical path `canonical` lies strictly inside the canonical folder `root`.
bool isInside(const QString& canonical, const QString& root);

// Applies the rule to `path` (relative: against roots.projectFolder). An empty path is refused.
ConfinedPath confinePath(const QString& path, const AssetRoots& roots);

}  // namespace sw::model
