// The scenewright-cli frame: every subcommand is a Command registered by one cmd_*.cpp file.
#pragma once

#include "core/error.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <stdexcept>

namespace sw::cli {

enum ExitCode : int { kExitOk = 0, kExitUserError = 1, kExitInternalError = 2 };

// Thrown for bad user input (unknown option, missing file, not a project...).
// The frame prints what() as one line on stderr and exits with kExitUserError.
struct UserError : core::Error {
  explicit UserError(const QString& message) : core::Error(core::ErrorKind::User, message) {}
  explicit UserError(const std::string& message) : UserError(QString::fromStdString(message)) {}
  explicit UserError(const char* message) : UserError(QString::fromUtf8(message)) {}
};

struct Command {
  QString name;                                     // e.g. "info"
  QString summary;                                  // one line for the command list
  QString usage;                                    // full --help text
  std::function<int(const QStringList& args)> run;  // args after the command name
};

// One function per cmd_*.cpp file.
void registerProjectCommands(
    QList<Command>& out);  // cmd_project.cpp: new, info, scenes, export-json, import-json
void registerMediaCommands(QList<Command>& out);  // cmd_media.cpp: probe, stitch

}  // namespace sw::cli
