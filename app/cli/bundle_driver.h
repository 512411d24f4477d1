// What `bundle` and `farm submit` share (cmd_bundle.cpp).
#pragma once

#include <QCommandLineParser>
#include <QStringList>

namespace sw::render {
struct RenderRequest;
}

namespace sw::cli {

// One render-queue job per scene of `request`, each writing the bundle named at the same index
// of `bundles` instead of an MP4 (render/job_bundle.h). Refuses a bundle path that exists.
// Returns the exit code of the queue's run (drive(); the bundles' paths on stdout if asked).
int writeBundles(const QString& folder, const QCommandLineParser& p,
                 const render::RenderRequest& request, const QStringList& bundles, bool printPaths);

}  // namespace sw::cli
