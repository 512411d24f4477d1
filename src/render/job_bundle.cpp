#include "render/job_bundle.h"

#include <unistd.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QSaveFile>

namespace sw::render {

namespace {

void writeJson(const QString& path, const QJsonObject& json) {
  QSaveFile f(path);
  if (!f.open(QIODevice::WriteOnly) ||
      f.write(QJsonDocument(json).toJson(QJsonDocument::Indented)) < 0 || !f.commit())
    throw BundleError(
        QStringLiteral("Cannot write %1: %2. Check the free space and permissions of the folder.")
            .arg(path, f.errorString()));
}

// A hard link when source and bundle share a file system, else a copy.
void placeAsset(const QString& source, const QString& target) {
  if (!QFileInfo(source).isFile())
    throw BundleError(QStringLiteral("The asset %1 is missing: render the scene again to "
                                     "regenerate it, then write the bundle.")
                          .arg(source));
  if (::link(QFile::encodeName(source).constData(), QFile::encodeName(target).constData()) == 0)
    return;
  if (!QFile::copy(source, target))
    throw BundleError(QStringLiteral("Cannot copy %1 into the bundle (%2): check the free space.")
                          .arg(source, target));
}

// Every distinct file of the plan gets one name under assets/: NN-<its own name>.
class AssetNames {
 public:
  explicit AssetNames(QString root) : root_(std::move(root)) {}
  QString relative(const QString& file) {
    const QString absolute = QFileInfo(file).absoluteFilePath();
    auto it = names_.find(absolute);
    if (it != names_.end()) return *it;
    const QString name = QStringLiteral("assets/%1-%2")
                             .arg(names_.size() + 1, 2, 10, QLatin1Char('0'))
                             .arg(QFileInfo(absolute).fileName());
    placeAsset(absolute, root_ + QLatin1Char('/') + name);
    names_.insert(absolute, name);
    return name;
  }

 private:
  QString root_;
  QHash<QString, QString> names_;
};

}  // namespace

void writeBundle(const BundleContents& contents, const QString& folder) {
  const QFileInfo target(folder);
  if (target.exists() &&
      !(target.isDir() &&
        QDir(folder).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)))
    throw BundleError(
        QStringLiteral("%1 already exists: choose a new bundle name or remove it.").arg(folder));
  const QString absolute = target.absoluteFilePath();
  if (!QDir().mkpath(target.absolutePath()))
    throw BundleError(QStringLiteral("Cannot create the folder %1.").arg(target.absolutePath()));
  const QString building = QStringLiteral("%1.part-%2").arg(absolute).arg(::getpid());
  QDir(building).removeRecursively();
  if (!QDir().mkpath(building + QStringLiteral("/assets")))
    throw BundleError(QStringLiteral("Cannot create the folder %1.").arg(building));
  try {
    media::RenderPlan plan = contents.plan;
    AssetNames names(building);
    for (media::VideoSegment& s : plan.segments) s.file = names.relative(s.file);
    for (media::AudioClip& c : plan.audio) c.file = names.relative(c.file);
    QJsonObject job = contents.job;
    plan.output.path = bundleOutputName(job);
    if (plan.output.path.isEmpty()) plan.output.path = QStringLiteral("output.mp4");
    job.insert(QStringLiteral("format"), QStringLiteral("scenewright-job"));
    job.insert(QStringLiteral("version"), kBundleFormatVersion);
    if (!job.contains(QStringLiteral("app")))
      job.insert(QStringLiteral("app"),
                 QStringLiteral("%1 %2").arg(QCoreApplication::applicationName(),
                                             QCoreApplication::applicationVersion()));
    job.insert(QStringLiteral("created"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    writeJson(building + QStringLiteral("/plan.json"), plan.toJson());
    writeJson(building + QStringLiteral("/job.json"), job);
    writeJson(building + QStringLiteral("/manifest.json"), contents.manifest);
    if (target.exists()) QDir().rmdir(absolute);  // the empty folder named by the caller
    if (!QDir().rename(building, absolute))
      throw BundleError(QStringLiteral("Cannot move the bundle into place at %1.").arg(absolute));
  } catch (...) {
    QDir(building).removeRecursively();
    throw;
  }
}

QJsonObject readBundleJob(const QString& folder) {
  QFile f(folder + QStringLiteral("/job.json"));
  if (!f.open(QIODevice::ReadOnly))
    throw BundleError(
        QStringLiteral("%1 is not a job bundle (no job.json: %2).").arg(folder, f.errorString()));
  const QJsonObject job = QJsonDocument::fromJson(f.readAll()).object();
  if (job.value(QStringLiteral("format")).toString() != QLatin1String("scenewright-job"))
    throw BundleError(QStringLiteral("%1/job.json is not a Scenewright job (no \"format\": "
                                     "\"scenewright-job\").")
                          .arg(folder));
  return job;
}

QString bundleOutputName(const QJsonObject& job) {
  return QFileInfo(job.value(QStringLiteral("output")).toString()).fileName();
}

}  // namespace sw::render
