#include "render/film_bundle.h"

#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include "render/job_bundle.h"

namespace sw::render {

namespace {

void writeFile(const QString& path, const QByteArray& bytes) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
    throw BundleError(
        QStringLiteral("Cannot write %1: %2. Check the free space and permissions of the folder.")
            .arg(path, f.errorString()));
}

// Stitches every scene bundle, then the film; stops at the first failure with its exit code.
QByteArray runScript(const QStringList& sceneBundles) {
  QString s = QStringLiteral(
      "#!/bin/sh\n"
      "# A Scenewright film bundle: every scene's stitch, then the film's (docs/bundles.md).\n"
      "# SCENEWRIGHT_CLI names scenewright-cli when it is not on PATH.\n"
      "set -e\n"
      "HERE=$(cd \"$(dirname \"$0\")\" && pwd)\n"
      "CLI=${SCENEWRIGHT_CLI:-scenewright-cli}\n");
  for (const QString& b : sceneBundles)
    s += QStringLiteral("\"$CLI\" stitch --plan \"$HERE/%1/plan.json\"\n").arg(b);
  s += QStringLiteral("\"$CLI\" stitch --plan \"$HERE/plan.json\"\n");
  return s.toUtf8();
}

}  // namespace

QString startFilmBundle(const QString& folder) {
  const QFileInfo target(folder);
  if (target.exists())
    throw BundleError(
        QStringLiteral("%1 already exists: choose a new bundle name or remove it.").arg(folder));
  const QString building =
      QStringLiteral("%1.part-%2").arg(target.absoluteFilePath()).arg(::getpid());
  QDir(building).removeRecursively();
  if (!QDir().mkpath(building + QStringLiteral("/scenes")))
    throw BundleError(QStringLiteral("Cannot create the folder %1.").arg(building));
  return building;
}

QString filmBundleScenePath(const QString& building, int index) {
  return QStringLiteral("%1/scenes/%2.swjob").arg(building).arg(index + 1, 2, 10, QLatin1Char('0'));
}

QString filmBundleOutputName(const QString& folder) {
  QString name = QFileInfo(folder).fileName();
  if (name.endsWith(QLatin1String(".swjob"))) name.chop(6);
  return (name.isEmpty() ? QStringLiteral("film") : name) + QStringLiteral(".mp4");
}

void finishFilmBundle(model::ProjectStore& store, QList<FilmScene> scenes, QJsonObject job,
                      const QString& building, const QString& folder) {
  const QString absolute = QFileInfo(folder).absoluteFilePath();
  const QString output = filmBundleOutputName(folder);
  QJsonArray list;
  QStringList bundles;
  for (int i = 0; i < scenes.size(); ++i) {
    const QString bundle = filmBundleScenePath(building, i);
    const QString name = bundleOutputName(readBundleJob(bundle));
    scenes[i].render = bundle + QLatin1Char('/') + name;
    scenes[i].manifest = bundle + QStringLiteral("/manifest.json");
    const QString relative = QDir(building).relativeFilePath(bundle);
    bundles << relative;
    QJsonObject o{{"id", double(scenes[i].scene.id)},
                  {"position", scenes[i].scene.position + 1},
                  {"title", scenes[i].scene.title},
                  {"bundle", relative},
                  {"output", name}};
    if (i + 1 < scenes.size()) o.insert("transitionOut", scenes[i].transitionOut.toString());
    list.append(o);
  }
  writeFilmPlan(buildFilmPlan(store, scenes, building + QLatin1Char('/') + output),
                building + QStringLiteral("/plan.json"));
  job.insert(QStringLiteral("format"), QStringLiteral("scenewright-job"));
  job.insert(QStringLiteral("version"), kBundleFormatVersion);
  job.insert(QStringLiteral("kind"), QStringLiteral("film"));
  job.insert(QStringLiteral("app"),
             QStringLiteral("%1 %2").arg(QCoreApplication::applicationName(),
                                         QCoreApplication::applicationVersion()));
  job.insert(QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
  job.insert(QStringLiteral("project"),
             QJsonObject{{"name", store.project().name}, {"folder", store.folder()}});
  job.insert(QStringLiteral("scenes"), list);
  job.insert(QStringLiteral("output"), output);
  writeFile(building + QStringLiteral("/job.json"),
            QJsonDocument(job).toJson(QJsonDocument::Indented));
  writeFile(building + QStringLiteral("/run.sh"), runScript(bundles));
  QFile::setPermissions(building + QStringLiteral("/run.sh"),
                        QFile::permissions(building + QStringLiteral("/run.sh")) | QFile::ExeOwner |
                            QFile::ExeGroup | QFile::ExeOther);
  if (!QDir().rename(building, absolute))
    throw BundleError(QStringLiteral("Cannot move the bundle into place at %1.").arg(absolute));
}

}  // namespace sw::render
