// Film bundles (FILM.swjob, docs/bundles.md): one scene bundle per scene under scenes/NN.swjob,
// plan.json (the film plan whose inputs are the scene bundles' outputs, every path relative to
// the bundle), job.json (what made it, "kind": "film") and run.sh (every scene's stitch, then the
// film's). Any machine with only scenewright-cli renders it: `sh FILM.swjob/run.sh`.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include "render/film.h"

namespace sw::render {

// The folder a film bundle is built in beside `folder` (FILM.swjob.part-PID), made with scenes/;
// refuses a `folder` that exists. Throws BundleError.
QString startFilmBundle(const QString& folder);
// scenes/NN.swjob of the building film bundle for the i-th scene.
QString filmBundleScenePath(const QString& building, int index);
// The film's output file name for the bundle FILM.swjob: FILM.mp4.
QString filmBundleOutputName(const QString& folder);

// Writes plan.json, job.json and run.sh into `building` (its scene bundles written already; each
// FilmScene's render is the scene bundle's output inside it) and renames it to `folder`. `job`
// gains format, version, kind, scenes, transition and output. Throws BundleError or FilmError.
void finishFilmBundle(model::ProjectStore& store, QList<FilmScene> scenes, QJsonObject job,
                      const QString& building, const QString& folder);

}  // namespace sw::render
