// Test isolation (library scenewright_testsupport_env): every test process runs with a home of its
// own, so no test reads or writes the developer's settings, caches or models.json, and a
// developer's environment (an exported SCENEWRIGHT_CACHE_DIR, say) does not leak into a test.
#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace sw::testsupport {

// Makes a temporary home for this process (removed when the process exits) and points HOME,
// XDG_CONFIG_HOME, XDG_CACHE_HOME, XDG_DATA_HOME, XDG_STATE_HOME, XDG_RUNTIME_DIR and
// SCENEWRIGHT_CACHE_DIR into it. Call it first thing in main(), before the Qt application object
// and before any QStandardPaths or QSettings use. Calling it again does nothing. A test process
// started by one that is isolated (gtest's "threadsafe" death tests run the binary again) keeps
// its parent's home (SCENEWRIGHT_TEST_HOME names it) instead of making one it could not remove.
void isolateUserFolders();

// The temporary home (empty before isolateUserFolders()).
QString isolatedHome();

// The environment for a child process (scenewright-cli): this process's, which holds the isolated
// folders. Aborts when isolateUserFolders() was not called, so a child never sees the real home.
QProcessEnvironment isolatedEnvironment();

}  // namespace sw::testsupport
