// models: the model registry against the services (providers/cloud/model_discovery.h).
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include "args.h"
#include "command.h"
#include "providers/cloud/cloud_errors.h"
#include "providers/cloud/cloud_setup.h"
#include "providers/cloud/model_discovery.h"
#include "providers/model_registry.h"
#include "render/app_settings.h"

namespace sw::cli {

void registerModelsCommands(QList<Command>& out);

namespace {

using namespace sw::providers;
using namespace sw::providers::cloud;

QString shortVersion(const QString& v) { return v.size() > 16 ? v.left(12) + u'…' : v; }

QStringList replicateKeys(const ModelRegistry& registry, const QStringList& asked) {
  QStringList keys;
  for (const QString& key : asked) {
    const ModelEntry& entry = registry.model(key);  // throws naming the known keys
    if (entry.backend != QLatin1String("replicate") || entry.modelId.isEmpty())
      throw UserError(QStringLiteral("models refresh: \"%1\" is not a Replicate model (backend "
                                     "\"%2\"); only Replicate entries can be refreshed")
                          .arg(key, entry.backend));
    keys << key;
  }
  if (!asked.isEmpty()) return keys;
  for (const QString& key : registry.keys()) {
    const ModelEntry& entry = registry.model(key);
    if (entry.backend == QLatin1String("replicate") && !entry.modelId.isEmpty()) keys << key;
  }
  return keys;
}

QString resultLine(const ModelRefresh& r) {
  QString line = QStringLiteral("%1 (%2): ").arg(r.key, r.modelId);
  if (!r.error.isEmpty()) return line + QStringLiteral("error: ") + r.error;
  QStringList parts;
  if (r.newerVersion)
    parts << QStringLiteral("newer version %1 (the entry pins %2)")
                 .arg(shortVersion(r.latestVersion), shortVersion(r.pinnedVersion));
  if (!r.warnings.isEmpty()) parts << QStringLiteral("%1 warning(s)").arg(r.warnings.size());
  line += parts.isEmpty() ? QStringLiteral("ok") : parts.join(QStringLiteral("; "));
  if (!r.latestVersion.isEmpty() && !r.newerVersion)
    line += QStringLiteral(" (latest version %1)").arg(shortVersion(r.latestVersion));
  for (const RefreshFinding& f : r.warnings) line += QStringLiteral("\n  warning: ") + f.message;
  return line;
}

QJsonObject readUserFile(const QString& path) {
  QFile file(path);
  if (!file.exists()) return {};
  if (!file.open(QIODevice::ReadOnly))
    throw UserError(
        QStringLiteral("models refresh: cannot read %1: %2").arg(path, file.errorString()));
  QJsonParseError error{};
  const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
  if (error.error != QJsonParseError::NoError || !doc.isObject())
    throw UserError(QStringLiteral("models refresh: %1 is not a JSON object (%2); fix it before "
                                   "--write")
                        .arg(path, error.errorString()));
  return doc.object();
}

// Writes the newer pinned versions into the user's models.json; returns what changed.
QStringList writeOverride(const QList<ModelRefresh>& results) {
  const QString path = ModelRegistry::userOverridePath();
  QStringList changes;
  const QJsonObject before = readUserFile(path);
  const QJsonObject after = versionOverride(before, results, &changes);
  if (after.value(QStringLiteral("models")) == before.value(QStringLiteral("models")))
    return changes;
  // The merged registry must still load before the file is replaced.
  ModelRegistry::fromJson(mergeJson(readUserFile(ModelRegistry::kBuiltinPath), after), path);
  QDir().mkpath(QFileInfo(path).absolutePath());
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) ||
      file.write(QJsonDocument(after).toJson(QJsonDocument::Indented)) < 0 || !file.commit())
    throw UserError(
        QStringLiteral("models refresh: cannot write %1: %2").arg(path, file.errorString()));
  changes << QStringLiteral("wrote %1").arg(QDir::toNativeSeparators(path));
  return changes;
}

int refreshCommand(const QStringList& args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
  p.addOption({QStringLiteral("write"),
               QStringLiteral("Write newer pinned versions into the user's models.json.")});
  p.addOption({QStringLiteral("timeout"), QStringLiteral("Seconds to wait for an answer."),
               QStringLiteral("S"), QStringLiteral("30")});
  parseArgs(p, QStringLiteral("models refresh"), args, 0, -1);
  bool ok = false;
  const int timeout = p.value(QStringLiteral("timeout")).toInt(&ok);
  if (!ok || timeout < 1 || timeout > 600)
    throw UserError(QStringLiteral("models refresh: --timeout wants 1..600 seconds"));
  const ModelRegistry registry = ModelRegistry::load();
  const QStringList keys = replicateKeys(registry, p.positionalArguments());
  const render::AppSettings settings = render::AppSettings::load();
  const CloudSetup setup = makeCloudSetup(
      Service::Replicate, settings.backendOptions.value(QStringLiteral("replicate")).toObject());
  requireKey(setup.endpoint);
  HttpClient::Options options;
  options.clock = setup.clock;
  options.retry = setup.retry;
  HttpClient http(options);
  QList<ModelRefresh> results;
  for (const QString& key : keys)
    results << refreshModel(http, setup.endpoint, registry.model(key), timeout);
  const QStringList written =
      p.isSet(QStringLiteral("write")) ? writeOverride(results) : QStringList();
  bool failed = false;
  for (const ModelRefresh& r : results) failed = failed || !r.error.isEmpty();
  QTextStream out(stdout);
  if (p.isSet(QStringLiteral("json"))) {
    QJsonArray list;
    for (const ModelRefresh& r : results) list.append(r.toJson());
    QJsonObject o{{"models", list}, {"service", setup.endpoint.baseUrl.toString()}};
    if (p.isSet(QStringLiteral("write")))
      o.insert(QStringLiteral("written"), QJsonArray::fromStringList(written));
    out << QJsonDocument(o).toJson(QJsonDocument::Indented);
  } else {
    for (const ModelRefresh& r : results) out << resultLine(r) << '\n';
    for (const QString& line : written) out << line << '\n';
    if (!p.isSet(QStringLiteral("write")))
      for (const ModelRefresh& r : results)
        if (r.newerVersion) {
          out << "nothing was changed; run with --write to pin the newer versions in "
              << QDir::toNativeSeparators(ModelRegistry::userOverridePath()) << '\n';
          break;
        }
  }
  return failed ? kExitUserError : kExitOk;
}

int runModels(const QStringList& args) {
  if (args.value(0) == QLatin1String("refresh")) return refreshCommand(args.mid(1));
  throw UserError(QStringLiteral("models: say refresh (see 'models --help')"));
}

}  // namespace

void registerModelsCommands(QList<Command>& out) {
  out.append(
      {QStringLiteral("models"), QStringLiteral("Check the model registry against Replicate"),
       QStringLiteral(
           "Usage: scenewright-cli models refresh [--json] [--write] [--timeout S] "
           "[MODEL_KEY...]\n\n"
           "For each Replicate entry of the model registry (or the keys given) reads the\n"
           "model's latest version and input schema (GET /v1/models/{owner}/{name}) and\n"
           "reports, per entry: ok; a field the entry sends (params, fixed_inputs) that is no\n"
           "longer an input; a value it sends to an enum input (resolution names, allowed\n"
           "durations, fixed values) that is no longer allowed; a required input it does not\n"
           "send; a newer version than the one it pins. Nothing is changed unless --write is\n"
           "given: then the newer versions of pinned entries without warnings are written into\n"
           "the user's models.json (the registry override), and each change is printed.\n"
           "The key comes from the keychain or REPLICATE_API_TOKEN, the service from\n"
           "Preferences or REPLICATE_BASE_URL. Exit code 1 when a model could not be read\n"
           "(401, 404, 429, timeout, unreachable: the message names the model); warnings are\n"
           "findings, exit code 0.\n"),
       runModels});
}

}  // namespace sw::cli
