// scenewright-cli: the command-line frame. Dispatches to the registered commands,
// prints --help, and maps errors to exit codes 0 / 1 (user error) / 2 (internal error).
#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>
#include <exception>

#include "command.h"
#include "core/error.h"
#include "interrupt.h"
#include "media/ffmpeg_log.h"
#include "media/memory_tuning.h"
#include "render/app_settings.h"

extern "C" {
#include <libavutil/log.h>
}

namespace sw::cli {
void registerScriptCommands(QList<Command>& out);
void registerRenderCommands(QList<Command>& out);
void registerSceneCommands(QList<Command>& out);
void registerQaCommands(QList<Command>& out);
void registerBundleCommands(QList<Command>& out);
void registerFarmCommands(QList<Command>& out);
void registerModelsCommands(QList<Command>& out);
}  // namespace sw::cli

namespace {

using sw::cli::Command;

QList<Command> allCommands() {
  QList<Command> commands;
  sw::cli::registerProjectCommands(commands);
  sw::cli::registerMediaCommands(commands);
  sw::cli::registerScriptCommands(commands);
  sw::cli::registerRenderCommands(commands);
  sw::cli::registerSceneCommands(commands);
  sw::cli::registerQaCommands(commands);
  sw::cli::registerBundleCommands(commands);
  sw::cli::registerFarmCommands(commands);
  sw::cli::registerModelsCommands(commands);
  return commands;
}

void printOverview(const QList<Command>& commands, FILE* to) {
  QTextStream out(to);
  out << "Usage: scenewright-cli COMMAND [OPTIONS] [ARGS]\n\n"
      << "Scenewright's command line: projects, media, rendering.\n\nCommands:\n";
  for (const Command& c : commands) out << "  " << c.name.leftJustified(14) << c.summary << '\n';
  out << "\nRun 'scenewright-cli COMMAND --help' for a command's options.\n"
      << "Exit codes: 0 success, 1 user error, 2 internal error, 130 or 143 interrupted\n"
      << "(SIGINT or SIGTERM: the temporary files are removed).\n";
}

// The one mapping of error kinds to exit codes: what the user can fix is 1, a bug is 2.
int exitCodeFor(sw::core::ErrorKind kind) {
  return kind == sw::core::ErrorKind::Internal ? sw::cli::kExitInternalError
                                               : sw::cli::kExitUserError;
}

void printError(const QString& message) {
  // One line, so scripts can show it as it is.
  QString line = message;
  line.replace(QLatin1Char('\n'), QLatin1Char(' '));
  QTextStream(stderr) << "scenewright-cli: " << line << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  sw::media::tuneAllocatorForMedia();
  QCoreApplication app(argc, argv);
  sw::render::applyApplicationIdentity();  // same settings and models.json as the GUI
  QCoreApplication::setApplicationVersion(QStringLiteral(SCENEWRIGHT_VERSION));

  // FFmpeg's own chatter (encoder statistics, "[mov,mp4 @ 0x...] partial file") never reaches
  // the terminal: it is collected for our error messages (media/ffmpeg_log.h), and printed too
  // only when asked for: SCENEWRIGHT_FFMPEG_LOG=1.
  sw::media::captureFfmpegLog();
  av_log_set_level(qEnvironmentVariableIsSet("SCENEWRIGHT_FFMPEG_LOG") ? AV_LOG_INFO
                                                                       : AV_LOG_ERROR);

  const QList<Command> commands = allCommands();
  QStringList args = app.arguments().mid(1);
  if (args.isEmpty() || args.first() == QLatin1String("--help") ||
      args.first() == QLatin1String("-h") || args.first() == QLatin1String("help")) {
    printOverview(commands, stdout);
    return args.isEmpty() ? sw::cli::kExitUserError : sw::cli::kExitOk;
  }
  if (args.first() == QLatin1String("--version")) {
    QTextStream(stdout) << "scenewright-cli " << SCENEWRIGHT_VERSION << '\n';
    return sw::cli::kExitOk;
  }
  const QString name = args.takeFirst();
  for (const Command& command : commands) {
    if (command.name != name) continue;
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
      QTextStream(stdout) << command.usage;
      return sw::cli::kExitOk;
    }
    try {
      const int code = command.run(args);
      // A signal a command deferred until its output was complete (export-json, import-json).
      if (const int signal = sw::cli::interruptingSignal()) return 128 + signal;
      return code;
    } catch (const sw::core::Error& e) {
      // SIGINT/SIGTERM stopped the command: its temporary files are gone; 128 + the signal.
      if (const int signal = sw::cli::interruptingSignal()) {
        printError(QStringLiteral("interrupted by %1; nothing was left at the output path.")
                       .arg(sw::cli::signalName(signal)));
        return 128 + signal;
      }
      // Every error of ours carries its general kind: only internal errors are exit code 2.
      const bool internal = e.errorKind() == sw::core::ErrorKind::Internal;
      printError(internal ? QStringLiteral("internal error: %1").arg(e.message()) : e.message());
      return exitCodeFor(e.errorKind());
    } catch (const std::exception& e) {
      printError(QStringLiteral("internal error: %1").arg(QString::fromStdString(e.what())));
      return sw::cli::kExitInternalError;
    }
  }
  printError(
      QStringLiteral("unknown command '%1'. Run 'scenewright-cli --help' for the list.").arg(name));
  return sw::cli::kExitUserError;
}
