// render DIR --film (cmd_film.cpp).
#pragma once

#include <QCommandLineParser>
#include <QString>

namespace sw::cli {

void addFilmOptions(QCommandLineParser& p);
// Runs the film when --film is set and returns the exit code; -1 when it is not (a film option
// without --film is refused).
int runFilm(const QCommandLineParser& p, const QString& folder);

}  // namespace sw::cli
