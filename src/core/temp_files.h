// Temporary files and folders our processes write, and the sweep that removes the ones a dead
// process left behind (kill -9, power loss). Every temporary name carries the writer's pid:
//
//   .<stem>.part-<pid>-<tag>[.<suffix>]      e.g. ".final.part-4711-3f9a2c.mp4"
//
// A swept folder loses the temporary entries whose writer is dead: no process with that pid, or
// one that started after the entry was last modified (the pid was reused). Entries with a
// temporary name but no pid (names of older versions, QTemporaryFile templates) are swept when
// they are older than kStaleTempAgeSeconds. A live writer's entries are never touched. Pids are
// those of this machine: a folder shared by several hosts must not be swept by another host's
// process while that host writes (Scenewright keeps projects and its cache on local disks).
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace sw::core {

constexpr qint64 kStaleTempAgeSeconds = 24 * 60 * 60;

// ".<stem>.part-<pid>-<tag>[.<suffix>]" with this process's pid and a fresh random tag.
QString tempName(const QString& stem, const QString& suffix = {});
// The same name with the tag as a QTemporaryFile template ("XXXXXX").
QString tempTemplate(const QString& stem, const QString& suffix = {});

// The writer's pid when fileName is a temporary name carrying one.
std::optional<qint64> tempWriterPid(const QString& fileName);
// Whether fileName has a temporary name: one with a pid, or `legacyPatterns` (wildcards, such as
// ".incoming-*" or "sw-download-*").
bool isTempName(const QString& fileName, const QStringList& legacyPatterns = {});

// Whether the process `pid` of this machine may still be writing an entry last modified at
// `modifiedMsecsSinceEpoch`: it exists and started no later than that moment.
bool writerAlive(qint64 pid, qint64 modifiedMsecsSinceEpoch);

struct SweepOptions {
  QStringList legacyPatterns;  // temporary names without a pid, swept by age
  // Also sweep entries of any name older than kStaleTempAgeSeconds (a folder that only ever
  // holds files on their way elsewhere, such as the asset cache's incoming/).
  bool anyNameByAge = false;
  // When not empty, only names matching one of these wildcards are considered (a folder of the
  // user's, such as the parent of a project folder: only our import folders).
  QStringList only;
};

// Removes the stale temporary files and folders directly inside `folder` (not below it) and
// returns their paths. A missing folder sweeps nothing.
QStringList sweepStaleTemps(const QString& folder, const SweepOptions& options = {});

}  // namespace sw::core
