// The job log: each job_events row (ProjectStore::jobEvents) in words, shared by the queue
// dock's events dialog (ui/job_log_dialog) and `scenewright-cli jobs DIR --events JOB`, so both
// say the same thing. The words are English, like the events' own messages.
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

#include "model/types.h"

namespace sw::render {

struct JobLogRow {
  QDateTime time;                 // when the event was written (UTC in the store)
  double elapsed = 0.0;           // seconds since the job's first event
  QString level;                  // info | warning | error
  QString step;                   // "Estimate", "Generate video", "Stitch", "Fallback", ...
  QString what;                   // the event's message with its inputs, output and notes
  QString model;                  // "provider / model" of a generation, else empty
  std::optional<double> cost;     // what the step cost (generations and the job's total)
  std::optional<double> seconds;  // how long the step took, when the event measured it
};

// One row for `event`; `first` is the time of the job's first event (for `elapsed`).
JobLogRow describeJobEvent(const model::JobEvent& event, const QDateTime& first);
// Every event of a job in order.
QList<JobLogRow> describeJobEvents(const QList<model::JobEvent>& events);

// Cells shared by the dialog and the CLI: "+12.3 s", "$0.19" ("" without a cost), "13.9 s".
QString formatElapsed(double seconds);
QString formatLogCost(const std::optional<double>& usd);
QString formatLogSeconds(const std::optional<double>& seconds);

// The rows as aligned text with a header line (the CLI's output).
QString jobLogText(const QList<JobLogRow>& rows);

}  // namespace sw::render
