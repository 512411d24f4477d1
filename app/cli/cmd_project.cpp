// Project commands: new, info, scenes, export-json, import-json, set-sfx-file.
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTextStream>

#include "args.h"
#include "command.h"
#include "interrupt.h"
#include "model/project_json.h"
#include "model/project_store.h"
#include "render/app_settings.h"
#include "render/copy_in.h"
#include "scene_arg.h"

namespace sw::cli {

namespace {

using model::ProjectStore;

void printJson(const QJsonObject& object) {
  QTextStream(stdout) << QJsonDocument(object).toJson(QJsonDocument::Indented);
}

double sceneSeconds(ProjectStore& store) {
  double total = 0;
  for (const auto& s : store.scenes()) total += s.targetDuration;
  return total;
}

int runNew(const QStringList& args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("name"), QStringLiteral("Project name."), QStringLiteral("NAME")});
  parseArgs(p, QStringLiteral("new"), args, 1, 1);
  const QString folder = p.positionalArguments().first();
  const QString name = p.isSet(QStringLiteral("name")) ? p.value(QStringLiteral("name"))
                                                       : QFileInfo(folder).completeBaseName();
  auto store = ProjectStore::create(folder, name);
  QTextStream(stdout) << "Created project '" << store->project().name << "' in " << store->folder()
                      << '\n';
  return kExitOk;
}

QJsonObject infoJson(ProjectStore& store) {
  const model::Project project = store.project();
  int chunks = 0, ready = 0, lines = 0, cues = 0;
  for (const auto& scene : store.scenes()) {
    for (const auto& c : store.chunks(scene.id)) {
      ++chunks;
      ready += c.status == model::ChunkStatus::Ready ? 1 : 0;
    }
    lines += int(store.dialogueLines(scene.id).size());
    cues += int(store.sfxCues(scene.id).size());
  }
  return {{"name", project.name},
          {"folder", store.folder()},
          {"schemaVersion", store.schemaVersion()},
          {"created", project.created.toString(Qt::ISODate)},
          {"modified", project.modified.toString(Qt::ISODate)},
          {"characters", int(store.characters().size())},
          {"scenes", int(store.scenes().size())},
          {"dialogueLines", lines},
          {"sfxCues", cues},
          {"chunks", chunks},
          {"chunksReady", ready},
          {"assets", int(store.assets().size())},
          {"renderJobs", int(store.jobs().size())},
          {"targetDuration", sceneSeconds(store)}};
}

int runInfo(const QStringList& args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
  parseArgs(p, QStringLiteral("info"), args, 1, 1);
  auto store = ProjectStore::open(p.positionalArguments().first());
  const QJsonObject info = infoJson(*store);
  if (p.isSet(QStringLiteral("json"))) {
    printJson(info);
    return kExitOk;
  }
  QTextStream out(stdout);
  out << "Project:     " << info["name"].toString() << '\n'
      << "Folder:      " << info["folder"].toString() << '\n'
      << "Characters:  " << info["characters"].toInt() << '\n'
      << "Scenes:      " << info["scenes"].toInt() << " (" << info["targetDuration"].toDouble()
      << " s)\n"
      << "Dialogue:    " << info["dialogueLines"].toInt() << " lines\n"
      << "SFX cues:    " << info["sfxCues"].toInt() << '\n'
      << "Chunks:      " << info["chunksReady"].toInt() << " of " << info["chunks"].toInt()
      << " ready\n"
      << "Assets:      " << info["assets"].toInt() << '\n'
      << "Render jobs: " << info["renderJobs"].toInt() << '\n'
      << "Modified:    " << info["modified"].toString() << '\n';
  return kExitOk;
}

int runScenes(const QStringList& args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
  parseArgs(p, QStringLiteral("scenes"), args, 1, 1);
  auto store = ProjectStore::open(p.positionalArguments().first());
  const StateContext context;
  QJsonArray rows;
  for (const auto& s : store->scenes()) {
    const auto chunks = store->chunks(s.id);
    QJsonArray chunkIds;
    for (const auto& c : chunks) chunkIds.append(double(c.id));
    const render::SceneState state =
        render::sceneState(*store, s.id, context.registry.get(), context.cache, context.options());
    const int ready = state.readyChunks();
    rows.append(QJsonObject{{"id", double(s.id)},
                            {"position", s.position + 1},
                            {"title", s.title},
                            {"targetDuration", s.targetDuration},
                            {"model", s.modelKey},
                            {"dialogueLines", int(store->dialogueLines(s.id).size())},
                            {"sfxCues", int(store->sfxCues(s.id).size())},
                            {"chunks", state.chunksNeeded},
                            {"chunksReady", ready},
                            {"chunkIds", chunkIds},
                            {"toGenerate", state.toGenerate()}});
  }
  if (p.isSet(QStringLiteral("json"))) {
    QTextStream(stdout) << QJsonDocument(rows).toJson(QJsonDocument::Indented);
    return kExitOk;
  }
  QTextStream out(stdout);
  out << "  #  id  duration  chunks  lines  title\n";
  for (const auto& v : rows) {
    const QJsonObject r = v.toObject();
    out << QString::number(r["position"].toInt()).rightJustified(3)
        << QString::number(qint64(r["id"].toDouble())).rightJustified(4)
        << QString::number(r["targetDuration"].toDouble(), 'f', 1).rightJustified(9) << "s"
        << QStringLiteral("%1/%2")
               .arg(r["chunksReady"].toInt())
               .arg(r["chunks"].toInt())
               .rightJustified(8)
        << QString::number(r["dialogueLines"].toInt()).rightJustified(7) << "  "
        << r["title"].toString() << '\n';
  }
  return kExitOk;
}

int runExportJson(const QStringList& args) {
  QCommandLineParser p;
  parseArgs(p, QStringLiteral("export-json"), args, 2, 2);
  auto store = ProjectStore::open(p.positionalArguments().at(0));
  const QString target = p.positionalArguments().at(1);
  const QByteArray bytes =
      QJsonDocument(model::exportProject(*store)).toJson(QJsonDocument::Indented);
  if (target == QLatin1String("-")) {
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly)) throw std::runtime_error("cannot write to stdout");
    out.write(bytes);
    return kExitOk;
  }
  // SIGINT/SIGTERM wait for the commit or the rollback (no temporary file is left), then exit
  // 128 + signal (main.cpp).
  InterruptGuard guard;
  QSaveFile file(target);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
    throw UserError(
        QStringLiteral("export-json: cannot write %1 (%2)").arg(target, file.errorString()));
  QTextStream(stdout) << "Exported '" << store->project().name << "' to " << target << '\n';
  return kExitOk;
}

int runImportJson(const QStringList& args) {
  QCommandLineParser p;
  parseArgs(p, QStringLiteral("import-json"), args, 2, 2);
  // Files the document names must be in the new project's folder or in the asset cache.
  // SIGINT/SIGTERM wait for the project to be complete or removed (no build folder is left),
  // then exit 128 + signal (main.cpp).
  InterruptGuard guard;
  auto store =
      model::importProjectFile(p.positionalArguments().at(0), p.positionalArguments().at(1),
                               render::AppSettings::load().effectiveCacheDirectory());
  QTextStream(stdout) << "Imported '" << store->project().name << "' into " << store->folder()
                      << " (" << store->scenes().size() << " scenes)\n";
  return kExitOk;
}

// The user names the file explicitly: one outside the project is copied in (render/copy_in.h).
int runSetSfxFile(const QStringList& args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("cue"), QStringLiteral("SFX cue id."), QStringLiteral("ID")});
  parseArgs(p, QStringLiteral("set-sfx-file"), args, 2, 2);
  bool ok = false;
  const model::Id cueId = p.value(QStringLiteral("cue")).toLongLong(&ok);
  if (!ok || cueId <= 0)
    throw UserError(
        QStringLiteral("set-sfx-file: --cue ID is required (ids: scenewright-cli "
                       "export-json DIR - lists the cues)"));
  auto store = ProjectStore::open(p.positionalArguments().at(0));
  std::optional<model::SfxCue> cue;
  for (const model::Scene& scene : store->scenes())
    for (const model::SfxCue& c : store->sfxCues(scene.id))
      if (c.id == cueId) cue = c;
  if (!cue)
    throw UserError(QStringLiteral("set-sfx-file: no SFX cue %1 in this project").arg(cueId));
  const QString source = p.positionalArguments().at(1);
  InterruptGuard guard;  // SIGINT/SIGTERM wait for the copy to be renamed or removed
  const QString path = render::copyIntoProject(
      store->folder(), render::AppSettings::load().effectiveCacheDirectory(), source,
      render::MediaKind::Audio, QStringLiteral("the sound file for SFX cue %1").arg(cueId));
  cue->file = path;
  cue->assetId.reset();  // the named file replaces a generated sound
  store->updateSfxCue(*cue);
  QTextStream(stdout) << "SFX cue " << cueId << " plays " << path << '\n';
  return kExitOk;
}

}  // namespace

void registerProjectCommands(QList<Command>& out) {
  out.append({QStringLiteral("new"), QStringLiteral("Create a project folder"),
              QStringLiteral("Usage: scenewright-cli new DIR [--name NAME]\n\n"
                             "Creates a project in DIR (conventionally NAME.scenewright/).\n"
                             "  --name NAME   project name (default: the folder name)\n"),
              runNew});
  out.append({QStringLiteral("info"), QStringLiteral("Summarise a project"),
              QStringLiteral("Usage: scenewright-cli info DIR [--json]\n\n"
                             "Prints the project's name, counts and duration.\n"
                             "  --json   machine-readable output\n"),
              runInfo});
  out.append({QStringLiteral("scenes"), QStringLiteral("List a project's scenes"),
              QStringLiteral("Usage: scenewright-cli scenes DIR [--json]\n\n"
                             "Lists scenes in order with id, duration, chunk and dialogue counts.\n"
                             "  --json   machine-readable output\n"),
              runScenes});
  out.append(
      {QStringLiteral("export-json"), QStringLiteral("Write a project as JSON"),
       QStringLiteral("Usage: scenewright-cli export-json DIR FILE\n\n"
                      "Writes the whole project (characters, scenes, lines, cues, chunks,\n"
                      "takes, asset records) to FILE ('-' for stdout). No API keys, no jobs.\n"),
       runExportJson});
  out.append(
      {QStringLiteral("import-json"), QStringLiteral("Create a project from JSON"),
       QStringLiteral("Usage: scenewright-cli import-json FILE DIR\n\n"
                      "Creates a new project in DIR from a JSON file written by export-json.\n"
                      "The project is built next to DIR and renamed into place: if the file is\n"
                      "invalid or the import is interrupted, no project appears. DIR may be an\n"
                      "existing folder without a project. Asset and SFX files must be in\n"
                      "DIR or in the asset cache (relative paths are relative to DIR); any other\n"
                      "path is refused.\n"),
       runImportJson});
  out.append(
      {QStringLiteral("set-sfx-file"), QStringLiteral("Give an SFX cue a sound file"),
       QStringLiteral("Usage: scenewright-cli set-sfx-file DIR --cue ID FILE\n\n"
                      "Makes SFX cue ID play FILE instead of a generated sound. FILE must be\n"
                      "audio; one outside the project folder and the asset cache is copied\n"
                      "into DIR/assets/audio/ (the project never refers to files elsewhere).\n"),
       runSetSfxFile});
}

}  // namespace sw::cli
