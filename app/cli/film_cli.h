// render DIR --film (cmd_film.cpp).
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <functional>

#include "model/project_store.h"
#include "render/film.h"

namespace sw::cli {

void addFilmOptions(QCommandLineParser& p);
// Runs the film when --film is set and returns the exit code; -1 when it is not (a film option
// without --film is refused).
int runFilm(const QCommandLineParser& p, const QString& folder);
// The film the options choose (--scenes, --transition, --resolution, ...); throws UserError or
// render::FilmError.
render::FilmRequest filmRequestFrom(const QCommandLineParser& p, model::ProjectStore& store);
// The film's scenes in order with each boundary's transition; scene i's render is renderOf(scene,
// i) (exports/ for render --film, a bundle or the farm spool's out/ otherwise).
QList<render::FilmScene> filmScenes(
    model::ProjectStore& store, const render::FilmRequest& request,
    const std::function<QString(const model::Scene&, int)>& renderOf);

}  // namespace sw::cli
