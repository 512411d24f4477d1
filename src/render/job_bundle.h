// Portable job bundles (JOB.swjob, docs/bundles.md): a folder holding plan.json (a RenderPlan
// whose every path is relative to the folder), the assets it names under assets/, job.json
// (what made it) and manifest.json (the scene's manifest without the stitch report). Any
// machine with only scenewright-cli renders it: `stitch --plan JOB.swjob/plan.json`.
#pragma once

#include <QJsonObject>
#include <QString>

#include "core/error.h"
#include "media/render_plan.h"

namespace sw::render {

inline constexpr int kBundleFormatVersion = 1;

// A bundle that cannot be written or read; the message names the file and what to do.
struct BundleError : core::Error {
  explicit BundleError(const QString& message)
      : core::Error(core::ErrorKind::User, message, QStringLiteral("job bundle")) {}
};

struct BundleContents {
  media::RenderPlan plan;  // absolute paths (the cache's files, the project's)
  QJsonObject job;         // written as job.json, with "format" and "version" added
  QJsonObject manifest;    // written as manifest.json
};

// Writes the bundle to `folder` (which must not exist yet, or be an empty folder): the assets
// are hard links where the file system allows, copies otherwise. The folder appears whole or
// not at all (built beside it under a temporary name, then renamed). Throws BundleError naming
// the file that could not be written or linked.
void writeBundle(const BundleContents& contents, const QString& folder);

// job.json of the bundle at `folder`; throws BundleError when it is not a bundle.
QJsonObject readBundleJob(const QString& folder);

// The scene's output file name the bundle renders to ("01-harbour.mp4"): job.json "output".
QString bundleOutputName(const QJsonObject& job);

}  // namespace sw::render
