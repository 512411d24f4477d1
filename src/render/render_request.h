// What a user asks for when they press Render Scene (dialog, CLI `render`, batch).
// Serialised as the render job's spec in the store, so a job can be resumed after a restart.
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

#include "model/types.h"

namespace sw::render {

struct RenderRequest {
  QList<model::Id> sceneIds;  // one job per scene; several = a batch
  bool narration = true;
  bool dialogue = true;
  bool music = true;
  bool sfx = true;
  QString resolution = QStringLiteral("720p");  // 480p | 720p | 1080p | 2160p
  QString aspect = QStringLiteral("16:9");      // 16:9 | 9:16 | 1:1
  bool preview = false;             // fast low-res (overrides resolution to 480p, fast preset)
  QString outputPath;               // empty: <project>/exports/<scene title>.mp4
  std::optional<double> budgetUsd;  // stop before exceeding; empty: the project's "budgetUsd"
  QString batchId;   // the jobs of one enqueue() share it, and one budget (spend_ledger.h)
  QString backend;   // empty: settings; "local" or a cloud id
  QString modelKey;  // this render only (the scene keeps its model); empty: chunk override,
                     // scene's model, else project default
  // Render these as they are although their state says regenerate (never silently: the
  // estimate names them). keepStale: every stale chunk; keepChunks: the named chunk ids.
  bool keepStale = false;
  QList<model::Id> keepChunks;
  bool offline =
      false;  // re-stitch from the cache only: a missing asset fails the job, no request goes out
  // Speech longer than the scene's target: false lengthens the scene to fit it, true keeps the
  // target and warns naming each line that is cut (speech_timing.h).
  bool keepDuration = false;

  QJsonObject toJson() const;
  static RenderRequest fromJson(const QJsonObject& json);
};

}  // namespace sw::render
