// What the commands that run render-queue jobs share (cmd_render.cpp, cmd_regenerate.cpp).
#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QStringList>

#include "model/types.h"

namespace sw::model {
class ProjectStore;
}
namespace sw::render {
class RenderQueue;
struct RenderRequest;
}  // namespace sw::render

namespace sw::cli {

// Runs the queue until idle, printing progress lines on stderr; Ctrl-C or SIGTERM cancels the
// jobs. Each rendered output's path goes to stdout unless !printOutputs. Returns the exit code.
int drive(render::RenderQueue& queue, const QList<model::Id>& jobs, bool printOutputs = true);
// The GUI's Preferences (backends, service options, cache folder) and --wait, for the queue.
void configure(render::RenderQueue& queue, const QCommandLineParser& p);
QCommandLineOption waitOption();
// render's options (--scene, --tracks, --resolution...; full: --backend, --model, --budget...)
// and the request they make (cmd_render.cpp); throws UserError for a bad value.
void addRenderOptions(QCommandLineParser& p, bool full);
render::RenderRequest requestFrom(const QCommandLineParser& p, model::ProjectStore& store);
// requestFrom() for the scenes given (a film's: bundle --film, farm submit --film).
// --tracks narration,dialogue,music,sfx|none into the request (all four when absent).
void readTracks(const QCommandLineParser& p, render::RenderRequest& request);
render::RenderRequest requestFor(const QCommandLineParser& p, model::ProjectStore& store,
                                 const QList<model::Id>& scenes);
// One line per scene on stderr before anything starts: what is ready, what is generated, cost.
void printEstimates(model::ProjectStore& store, const render::RenderRequest& request);
// scenewright-cli regenerate (cmd_regenerate.cpp).
int runRegenerate(const QStringList& args);

}  // namespace sw::cli
