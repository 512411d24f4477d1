#include "support/user_folders.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtGlobal>

namespace sw::testsupport {

namespace {

QString& homePath() {
  static QString path;
  return path;
}

void pointInto(const char* variable, const QString& path) {
  QDir().mkpath(path);
  qputenv(variable, QFile::encodeName(path));
}

}  // namespace

void isolateUserFolders() {
  if (!homePath().isEmpty()) return;
  // A test process started by a test process (a gtest "threadsafe" death test runs the binary
  // again) shares its parent's home, which the parent removes: the child may end in _Exit().
  const QString inherited = qEnvironmentVariable("SCENEWRIGHT_TEST_HOME");
  if (!inherited.isEmpty() && QFileInfo(inherited).isDir() &&
      qEnvironmentVariable("HOME") == inherited) {
    homePath() = inherited;
    return;
  }
  // A static: the folder is removed when the process exits.
  static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/scenewright-test-home-XXXXXX"));
  if (!dir.isValid())
    qFatal("isolateUserFolders: no temporary home: %s", qPrintable(dir.errorString()));
  const QString root = dir.path();
  pointInto("HOME", root);
  pointInto("XDG_CONFIG_HOME", root + QStringLiteral("/config"));
  pointInto("XDG_CACHE_HOME", root + QStringLiteral("/cache"));
  pointInto("XDG_DATA_HOME", root + QStringLiteral("/data"));
  pointInto("XDG_STATE_HOME", root + QStringLiteral("/state"));
  // Qt (and whatever opens sockets there) wants the runtime folder private to the user.
  pointInto("XDG_RUNTIME_DIR", root + QStringLiteral("/runtime"));
  QFile::setPermissions(root + QStringLiteral("/runtime"),
                        QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
  // The folder the asset cache defaults to under this home (not made here), named explicitly so
  // that a value the developer exported never applies.
  qputenv("SCENEWRIGHT_CACHE_DIR",
          QFile::encodeName(root + QStringLiteral("/cache/scenewright/assets")));
  qputenv("SCENEWRIGHT_TEST_HOME", QFile::encodeName(root));
  homePath() = root;
}

QString isolatedHome() { return homePath(); }

QProcessEnvironment isolatedEnvironment() {
  if (homePath().isEmpty())
    qFatal("isolatedEnvironment: isolateUserFolders() was not called in main()");
  return QProcessEnvironment::systemEnvironment();
}

}  // namespace sw::testsupport
