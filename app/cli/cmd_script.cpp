// Script commands: import-script (Fountain screenplay -> characters, scenes, lines, cues).
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTextStream>

#include "args.h"
#include "command.h"
#include "model/project_store.h"
#include "providers/backend_factory.h"
#include "providers/script_import.h"
#include "providers/script_text.h"

namespace sw::cli {

void registerScriptCommands(QList<Command>& out);

namespace {

QString readScript(const QString& path) {
  QFile file(path);
  if (!QFileInfo(path).isFile())
    throw UserError(QStringLiteral("import-script: the script %1 does not exist").arg(path));
  if (!file.open(QIODevice::ReadOnly))
    throw UserError(
        QStringLiteral("import-script: cannot read %1: %2").arg(path, file.errorString()));
  return providers::decodeScriptText(file.readAll());
}

providers::ParsedScript parseScript(model::ProjectStore& store, const QString& text,
                                    const QString& format, const QString& backend) {
  const providers::BackendFactory factory = providers::makeBackendFactory();
  providers::BackendSettings settings =
      providers::BackendSettings::fromJson(store.project().settings);
  if (!backend.isEmpty()) settings.script = backend;
  providers::GenerationContext ctx;
  ctx.progress = [](double, const QString& message) { QTextStream(stderr) << message << '\n'; };
  try {
    return factory.scriptParser(settings.script)->parse({text, format}, ctx);
  } catch (const providers::ProviderError& e) {
    throw UserError(QStringLiteral("import-script: %1").arg(e.message()));
  }
}

int runImportScript(const QStringList& args) {
  QCommandLineParser p;
  p.addOption({QStringLiteral("format"), QStringLiteral("fountain or prose (default: detected)."),
               QStringLiteral("FORMAT")});
  p.addOption({QStringLiteral("backend"),
               QStringLiteral("Script parsing backend (default: the "
                              "project's setting, else local)."),
               QStringLiteral("ID")});
  p.addOption({QStringLiteral("default-duration"),
               QStringLiteral("Seconds for scenes without "
                              "[[DURATION]] (default 10)."),
               QStringLiteral("SECONDS"), QStringLiteral("10")});
  parseArgs(p, QStringLiteral("import-script"), args, 2, 2);
  bool ok = false;
  const double fallback = p.value(QStringLiteral("default-duration")).toDouble(&ok);
  if (!ok || fallback <= 0)
    throw UserError(
        QStringLiteral("import-script: --default-duration must be a positive number of seconds"));
  const QString text = readScript(p.positionalArguments().at(1));
  auto store = model::ProjectStore::open(p.positionalArguments().at(0));
  const QString format = p.isSet(QStringLiteral("format")) ? p.value(QStringLiteral("format"))
                                                           : providers::detectScriptFormat(text);
  const providers::ParsedScript script =
      parseScript(*store, text, format, p.value(QStringLiteral("backend")));
  if (script.scenes.isEmpty())
    throw UserError(
        QStringLiteral("import-script: no scenes found in %1 (a Fountain scene starts with "
                       "a heading such as 'INT. KITCHEN - DAY')")
            .arg(p.positionalArguments().at(1)));
  const providers::ImportSummary sum = providers::applyParsedScript(*store, script, fallback);
  QTextStream err(stderr);
  for (const QString& w : sum.warnings) err << "warning: " << w << '\n';
  QTextStream(stdout) << "Imported " << sum.scenesAdded << " scene(s), " << sum.charactersAdded
                      << " new character(s) (" << sum.charactersReused << " reused), "
                      << sum.dialogueLines << " dialogue line(s), " << sum.narrationLines
                      << " narration line(s), " << sum.sfxCues << " SFX cue(s)\n";
  return kExitOk;
}

}  // namespace

void registerScriptCommands(QList<Command>& out) {
  out.append(
      {QStringLiteral("import-script"), QStringLiteral("Add a screenplay's scenes to a project"),
       QStringLiteral(
           "Usage: scenewright-cli import-script [--format fountain|prose] [--backend ID]\n"
           "                                    [--default-duration S] DIR SCRIPT\n\n"
           "Reads a Fountain screenplay (scene headings INT./EXT., action, CHARACTER +\n"
           "dialogue, NARRATOR or (V.O.) narration, notes [[MUSIC: ...]], [[SFX: ... @ 3.5s]],\n"
           "[[DURATION: 12s]], [[CAMERA: ...]]) and appends its scenes, characters, dialogue\n"
           "lines and SFX cues to the project in DIR, in one transaction. Characters that\n"
           "already exist (same name) are reused. Free prose needs a language-model backend\n"
           "(--backend ollama).\n"),
       runImportScript});
}

}  // namespace sw::cli
