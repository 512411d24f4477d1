// Option parsing shared by the cmd_*.cpp files: QCommandLineParser that throws UserError.
#pragma once

#include <QCommandLineParser>

#include "command.h"

namespace sw::cli {

// Parses `args` (without the command name) and checks the positional count.
// Throws UserError with a one-line message on unknown options or a wrong count.
inline void parseArgs(QCommandLineParser& parser, const QString& command, const QStringList& args,
                      int minPositional, int maxPositional) {
  parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
  if (!parser.parse(QStringList{command} + args))
    throw UserError(QStringLiteral("%1: %2 (see '%1 --help')").arg(command, parser.errorText()));
  const int n = int(parser.positionalArguments().size());
  if (n < minPositional)
    throw UserError(QStringLiteral("%1: missing argument (see '%1 --help')").arg(command));
  if (maxPositional >= 0 && n > maxPositional)
    throw UserError(QStringLiteral("%1: unexpected argument '%2' (see '%1 --help')")
                        .arg(command, parser.positionalArguments().at(maxPositional)));
}

}  // namespace sw::cli
