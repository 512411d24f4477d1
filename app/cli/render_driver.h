// What the commands that run render-queue jobs share (cmd_render.cpp, cmd_regenerate.cpp).
#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QStringList>

#include "model/types.h"

namespace sw::render {
class RenderQueue;
}

namespace sw::cli {

// Runs the queue until idle, printing progress lines on stderr; Ctrl-C or SIGTERM cancels the
// jobs. Returns the exit code.
int drive(render::RenderQueue& queue, const QList<model::Id>& jobs);
// The GUI's Preferences (backends, service options, cache folder) and --wait, for the queue.
void configure(render::RenderQueue& queue, const QCommandLineParser& p);
QCommandLineOption waitOption();
// scenewright-cli regenerate (cmd_regenerate.cpp).
int runRegenerate(const QStringList& args);

}  // namespace sw::cli
