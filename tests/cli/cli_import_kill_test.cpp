// kill -9 of a real `scenewright-cli import-json` at several moments: afterwards there is either
// the complete project or none, a retry succeeds, and no build folder is left after it.
#include <gtest/gtest.h>

#include <csignal>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <functional>

#include "model/project_store.h"
#include "support/user_folders.h"
#include "support/wait.h"

namespace {

constexpr int kScenes = 3000;  // ~9,000 rows in two batches, about 550 KB of database

QString writeBigJson(const QString& path) {
  QJsonArray scenes;
  for (int i = 0; i < kScenes; ++i)
    scenes.append(QJsonObject{
        {"title", QStringLiteral("Scene %1").arg(i)},
        {"targetDuration", 6},
        {"narration", QStringLiteral("The harbour at dawn, take %1.").arg(i)},
        {"dialogue", QJsonArray{QJsonObject{{"character", "ADA"}, {"text", "Hold the line."}}}},
        {"sfx", QJsonArray{QJsonObject{{"time", 1.0}, {"description", "gull"}}}}});
  const QJsonObject doc{{"format", "scenewright-project"},
                        {"version", 1},
                        {"project", QJsonObject{{"name", "Killed"}}},
                        {"characters", QJsonArray{QJsonObject{{"name", "ADA"}}}},
                        {"scenes", scenes}};
  QFile f(path);
  EXPECT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(QJsonDocument(doc).toJson(QJsonDocument::Compact));
  return path;
}

// Bytes of the files below `parent`: the import's build folder (or target) as it grows.
qint64 importBytes(const QString& parent) {
  qint64 total = 0;
  QDirIterator it(parent, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
  while (it.hasNext()) total += QFileInfo(it.next()).size();
  return total;
}

// Anything of the import next to the target: a build folder or the target itself.
bool importStarted(const QString& parent, const QString& target) {
  return QFileInfo::exists(target) ||
         !QDir(parent)
              .entryList({QStringLiteral(".*.import")}, QDir::Dirs | QDir::Hidden)
              .isEmpty();
}

QStringList leftovers(const QString& parent) {
  return QDir(parent).entryList({QStringLiteral(".*.import")},
                                QDir::Dirs | QDir::Files | QDir::Hidden);
}

int runCli(const QStringList& args, QString* err = nullptr) {
  QProcess p;
  p.setProcessEnvironment(sw::testsupport::isolatedEnvironment());
  p.start(QStringLiteral(SW_CLI), args);
  p.waitForFinished(300000);
  if (err) *err = QString::fromUtf8(p.readAllStandardError());
  return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

// The scene count of the project at `folder`: -1 when there is none, -2 when it does not open.
int scenesAt(const QString& folder) {
  if (!QFileInfo::exists(folder + QStringLiteral("/project.db"))) return -1;
  try {
    return int(sw::model::ProjectStore::open(folder)->scenes().size());
  } catch (const sw::model::StoreError& e) {
    ADD_FAILURE() << e.message().toStdString();
    return -2;
  }
}

}  // namespace

TEST(CliImportKill, KilledImportLeavesTheWholeProjectOrNoneAndNoTemp) {
  QTemporaryDir tmp;
  const QString json = writeBigJson(tmp.filePath(QStringLiteral("big.json")));
  QString parent;  // one per moment, so that only this import's files are measured
  struct Moment {
    const char* name;
    std::function<bool(const QString& target)> reached;
  };
  const Moment moments[] = {
      {"as soon as anything appears", [&](const QString& t) { return importStarted(parent, t); }},
      {"after the first rows", [&](const QString&) { return importBytes(parent) > 8 * 1024; }},
      {"in the middle", [&](const QString&) { return importBytes(parent) > 200 * 1024; }},
      {"late", [&](const QString&) { return importBytes(parent) > 400 * 1024; }},
      {"when the target appears", [&](const QString& t) { return QFileInfo::exists(t); }},
  };
  int killedHalfWay = 0;
  int index = 0;
  for (const Moment& moment : moments) {
    SCOPED_TRACE(moment.name);
    parent = tmp.filePath(QStringLiteral("projects%1").arg(index++));
    ASSERT_TRUE(QDir().mkpath(parent));
    const QString target = QDir(parent).filePath(QStringLiteral("film.scenewright"));
    QProcess cli;
    cli.setProcessEnvironment(sw::testsupport::isolatedEnvironment());
    cli.start(QStringLiteral(SW_CLI), {QStringLiteral("import-json"), json, target});
    ASSERT_TRUE(cli.waitForStarted());
    bool killed = false;
    ASSERT_TRUE(sw::testsupport::waitUntil(
        [&] {
          if (cli.waitForFinished(0) || cli.state() != QProcess::Running) return true;
          if (!moment.reached(target)) return false;
          killed = ::kill(pid_t(cli.processId()), SIGKILL) == 0;
          return true;
        },
        std::chrono::seconds(120), std::chrono::milliseconds(1)));
    cli.waitForFinished();
    const bool exitedOnItsOwn = !killed || cli.exitStatus() == QProcess::NormalExit;

    const int scenes = scenesAt(target);
    EXPECT_TRUE(scenes == -1 || scenes == kScenes)
        << "a half project: " << scenes << " of " << kScenes << " scenes";
    if (killed && !exitedOnItsOwn && scenes == -1) ++killedHalfWay;
    if (scenes == -1) {  // the retry is not blocked, and sweeps the dead import's build folder
      QString err;
      EXPECT_EQ(runCli({QStringLiteral("import-json"), json, target}, &err), 0)
          << err.toStdString();
      EXPECT_EQ(scenesAt(target), kScenes);
    } else {  // the next open of anything next to it sweeps
      EXPECT_EQ(runCli({QStringLiteral("info"), target}), 0);
    }
    EXPECT_TRUE(leftovers(parent).isEmpty()) << leftovers(parent).join(' ').toStdString();
  }
  EXPECT_GE(killedHalfWay, 2) << "too few kills landed during an import to test anything";
}
