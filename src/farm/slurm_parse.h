// Reading what Slurm's own commands print: `squeue -h -r -o %i|%T|%r` and `scontrol show job -o`
// (one line per job record, KEY=VALUE separated by spaces). No accounting (sacct) is needed.
#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace sw::farm {

// One task of an array job, as Slurm reports it.
struct TaskState {
  QString arrayJobId;  // "123"
  int task = -1;       // the array index
  QString state;       // PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, TIMEOUT, ...
  QString reason;      // squeue's %r / scontrol's Reason ("None", "Resources", ...)
  int exitCode = -1;   // scontrol's ExitCode=N:SIGNAL, first number; -1 = unknown
  int signal = 0;
};

// "0-2,5,7-8%4" -> 0 1 2 5 7 8 (the %N throttle ignored). Empty on a malformed list.
QList<int> parseArrayIndices(const QString& text);

// squeue -h -r -o "%i|%T|%r": "123_0|RUNNING|None". A pending record not yet split into tasks
// ("123_[1-3]") yields one state per index. Lines that are not array tasks are skipped.
QList<TaskState> parseSqueue(const QString& output);

// scontrol show job -o ID: one line per record, "JobId=124 ArrayJobId=123 ArrayTaskId=1
// JobState=COMPLETED Reason=None ... ExitCode=0:0 ...". ArrayTaskId may be a range (pending).
QList<TaskState> parseScontrolJobs(const QString& output);

// The KEY=VALUE pairs of one `scontrol -o` line (a value runs to the next " KEY=").
QMap<QString, QString> parseScontrolLine(const QString& line);

// Slurm's states that will not change any more.
bool isFinalState(const QString& state);

}  // namespace sw::farm
